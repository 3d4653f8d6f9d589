// The live network diagram (TensorFlow Playground's network view): a column per layer, each
// neuron a thumbnail of its output over the input plane, edges coloured by the weight's sign and
// sized by |weight|, a bias marker on every neuron (the outputs' too). Hover or focus shows a
// value and its last gradient; a click selects a weight or a neuron for the parameter inspector
// (ui/parameter-inspector.ts), which reads the values from here. Built from the scene (build),
// recoloured from each snapshot (update).
import type { NetworkSnapshot } from '../engine/protocol.ts';
import { activationName, FEATURES, type Scene } from '../scene/index.ts';
import type { FeatureName } from '../wasm/core.mjs';
import { cssColor, outputColor } from './colors.ts';
import { MapPainter, toUnit, type MapRange } from './map-painter.ts';
import {
  compact,
  DEFAULT_LAYOUT,
  edgeCurve,
  edgeWidth,
  layoutNetwork,
  mapOffset,
  type NetworkLayout,
  type Point,
} from './network-layout.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Magnitude at which an edge or bias marker reaches the full palette colour. */
const FULL_COLOUR = 1.5;
/** Share of the colour even a tiny non-zero weight shows, so that its sign stays readable. */
const LEAST_COLOUR = 0.35;

/** The diagram as drawn: the layout, each edge's curve ends and paint, each neuron's map. */
export interface NetworkDrawing {
  layout: NetworkLayout;
  /** A neuron's side, px, and the colour behind a map. */
  node: number;
  neutral: string;
  /** Each edge's curve (start, two controls, end: network-layout.ts edgeCurve). */
  edges: { curve: readonly Point[]; stroke: string; width: number }[];
  neurons: {
    /** Centre, px. */
    x: number;
    y: number;
    /** The map's canvas, or null (no map: a feature that is off, data without a plane). */
    map: HTMLCanvasElement | null;
    /** A feature that is off (drawn faint, its border dashed). */
    off: boolean;
    /** The bias marker's colour, or null (inputs have none; '' before the first snapshot). */
    bias: string | null;
    /** An input's label (null for other neurons). */
    label: string | null;
  }[];
}

/** What the diagram needs from the page. */
export interface NetworkViewHooks {
  /** Switches an input feature on or off (2-D generated data). */
  toggleFeature(feature: FeatureName): void;
  /** The hovered or focused neuron changed: the page may show its map large (preview()). */
  previewChanged(): void;
  /** A weight or bias was chosen (an edge), or a neuron (its bias and incoming weights). */
  selectValue(target: ParameterTarget): void;
  selectNeuron(column: number, unit: number): void;
  /** A new diagram: nothing is selected. */
  built(): void;
  /** A new snapshot was drawn: the values shown elsewhere may follow. */
  updated(): void;
}

/** A neuron's map for the main plot: values 0 … 1 on the plot's palette (as its thumbnail). */
export interface MapPreview {
  grid: Float32Array;
  resolution: number;
}

/** One drawn input: a feature (maybe switched off) or a raw input column. */
interface InputNode {
  label: string;
  /** Index among the network inputs, or -1 for a feature that is off. */
  input: number;
  feature?: FeatureName;
}

/** A selectable value: a weight (edge) or a bias. */
export interface ParameterTarget {
  name: string;
  index: number;
  label: string;
}

/** Orange for negative, blue for positive (the maps' palette), stronger with |value|. */
function signColor(value: number): string {
  if (!Number.isFinite(value) || value === 0) return cssColor(outputColor(0.5));
  const strength = LEAST_COLOUR + (1 - LEAST_COLOUR) * Math.min(1, Math.abs(value) / FULL_COLOUR);
  return cssColor(outputColor(0.5 + 0.5 * Math.sign(value) * strength));
}

export class NetworkView {
  /** How each drawn column's maps are coloured (from the scene the diagram was built from). */
  private ranges: MapRange[] = [];
  private data: NetworkSnapshot | null = null;
  /** Units per drawn column as the engine counts them (inputs, hidden layers, outputs). */
  private sizes: number[] = [];
  private inputs: InputNode[] = [];
  /** `stroke` and `width`: the attributes last written, so that only changes are written (each
   *  write makes the page restyle and repaint the diagram). */
  private edges: {
    /** Where the edge starts and ends (the centres of its two neurons). */
    from: { x: number; y: number };
    to: { x: number; y: number };
    path: SVGPathElement;
    hit: SVGPathElement;
    target: ParameterTarget;
    stroke: string;
    width: string;
  }[] = [];
  private nodes: {
    el: HTMLElement;
    painter: MapPainter;
    map: number;
    column: number;
    unit: number;
    x: number;
    y: number;
  }[] = [];
  /** The layout last built (drawOn draws from it). */
  private layout: NetworkLayout = layoutNetwork([]);
  /** `color`: the background last written. */
  private biases: { el: HTMLElement; target: ParameterTarget; color: string }[] = [];
  private hovered: { target: ParameterTarget | null; anchor: HTMLElement | SVGElement } | null =
    null;
  /** The map index and column of the neuron under the pointer or focus (-1: none). */
  private previewed = { map: -1, column: 0 };
  private readonly surface: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly tip: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly hooks: NetworkViewHooks,
  ) {
    this.surface = document.createElement('div');
    this.surface.className = 'net-surface';
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.classList.add('net-edges');
    this.svg.setAttribute('aria-hidden', 'true');
    this.tip = document.createElement('div');
    this.tip.className = 'net-tip';
    this.tip.setAttribute('role', 'tooltip');
    this.tip.id = 'network-tip';
    this.tip.hidden = true;
    this.surface.append(this.svg, this.tip);
    root.replaceChildren(this.surface);
    this.surface.addEventListener('pointerleave', () => this.hover(null));
  }

  /** The x of each column's centre and the surface's width (the builder aligns to them). */
  get columns(): { x: number[]; width: number } {
    const layout = layoutNetwork(this.drawnSizes());
    return { x: layout.columns.map((c) => c.x), width: layout.width };
  }

  /** The input column shows every feature of 2-D data (those off too), else the inputs. */
  private drawnSizes(): number[] {
    const planar = this.inputs.some((i) => i.feature);
    return [planar ? this.inputs.length : (this.sizes[0] ?? 0), ...this.sizes.slice(1)];
  }

  /** Rebuilds the diagram for `scene` (a structural change). */
  build(scene: Scene): void {
    this.ranges = [
      'signed',
      ...scene.model.layers.map((layer): MapRange => {
        const act = activationName(layer.activation);
        return act === 'Sigmoid' || act === 'Softmax' ? 'probability' : 'signed';
      }),
    ];
    this.data = null;
    this.hovered = null;
    this.sizes = [scene.model.inputs, ...scene.model.layers.map((l) => l.units)];
    this.inputs = inputNodes(scene);
    const layout = layoutNetwork(this.drawnSizes());
    this.layout = layout;
    this.surface.style.width = `${layout.width}px`;
    this.surface.style.height = `${layout.height}px`;
    this.svg.setAttribute('width', String(layout.width));
    this.svg.setAttribute('height', String(layout.height));
    this.svg.replaceChildren();
    for (const el of this.surface.querySelectorAll('.net-node, .net-more')) el.remove();
    this.edges = [];
    this.nodes = [];
    this.biases = [];
    // Edges first (under the nodes): from every drawn unit of column c − 1 to every one of c.
    for (let c = 1; c < layout.columns.length; c++) {
      const from = layout.columns[c - 1];
      const to = layout.columns[c];
      if (!from || !to) continue;
      for (const b of to.nodes) {
        for (const a of from.nodes) {
          const source = c === 1 ? (this.inputs[a.unit]?.input ?? -1) : a.unit;
          if (source < 0) continue;
          const fanIn = this.sizes[c - 1] ?? 0;
          const target: ParameterTarget = {
            name: `${2 * (c - 1)}.weight`,
            index: b.unit * fanIn + source,
            label: `Weight from ${this.unitName(c - 1, a.unit)} to ${this.unitName(c, b.unit)}`,
          };
          const [start, c1, c2, end] = edgeCurve(a, b);
          const d = `M${start.x},${start.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${end.x},${end.y}`;
          const path = document.createElementNS(SVG, 'path');
          path.setAttribute('d', d);
          path.classList.add('net-edge');
          path.setAttribute('stroke', signColor(0));
          const hit = document.createElementNS(SVG, 'path');
          hit.setAttribute('d', d);
          hit.classList.add('net-edge-hit');
          hit.dataset.param = target.name;
          hit.dataset.index = String(target.index);
          hit.addEventListener('pointerenter', () => this.hover({ target, anchor: hit }));
          hit.addEventListener('click', () => this.hooks.selectValue(target));
          this.svg.append(path, hit);
          this.edges.push({ from: a, to: b, path, hit, target, stroke: signColor(0), width: '' });
        }
      }
    }
    layout.columns.forEach((column, c) => {
      for (const place of column.nodes) this.addNode(c, place.unit, place.x, place.y);
      if (column.more > 0) {
        const more = document.createElement('div');
        more.className = 'net-more';
        more.textContent = `+${column.more} more`;
        more.style.left = `${column.x}px`;
        more.style.top = `${layout.height - 16}px`;
        this.surface.append(more);
      }
    });
    this.hooks.built();
  }

  /** How the diagram names unit `unit` of column `column` (0: the inputs drawn). */
  unitName(column: number, unit: number): string {
    if (column === 0) return this.inputs[unit]?.label ?? `input ${unit + 1}`;
    const last = this.sizes.length - 1;
    if (column === last) return (this.sizes[last] ?? 1) > 1 ? `output ${unit + 1}` : 'the output';
    return `hidden ${column} · neuron ${unit + 1}`;
  }

  private addNode(column: number, unit: number, x: number, y: number): void {
    const { node } = DEFAULT_LAYOUT;
    const el = document.createElement('button');
    el.type = 'button';
    el.className = `net-node${column === 0 ? ' net-input' : ''}${column === this.sizes.length - 1 ? ' net-output' : ''}`;
    el.style.left = `${x - node / 2}px`;
    el.style.top = `${y - node / 2}px`;
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    el.append(canvas);
    let map = mapOffset(this.sizes, column) + unit;
    const name = this.unitName(column, unit);
    if (column === 0) {
      const input = this.inputs[unit];
      map = input?.input ?? -1;
      const label = document.createElement('span');
      label.className = 'net-label';
      label.textContent = input?.label ?? '';
      label.setAttribute('aria-hidden', 'true');
      el.append(label);
      if (input?.feature) {
        const feature = input.feature;
        el.setAttribute('aria-pressed', String(input.input >= 0));
        el.setAttribute('aria-label', `Input feature ${input.label}`);
        el.dataset.feature = feature;
        el.addEventListener('click', () => this.hooks.toggleFeature(feature));
      } else {
        el.setAttribute('aria-label', `Input ${name}`);
      }
    } else {
      el.setAttribute('aria-label', name);
      el.setAttribute('aria-describedby', 'network-tip');
      el.dataset.layer = String(column);
      el.dataset.unit = String(unit);
      const biasTarget: ParameterTarget = {
        name: `${2 * (column - 1)}.bias`,
        index: unit,
        label: `Bias of ${name}`,
      };
      const bias = document.createElement('span');
      bias.className = 'net-bias';
      bias.setAttribute('aria-hidden', 'true');
      bias.addEventListener('pointerenter', (e) => {
        e.stopPropagation();
        this.hover({ target: biasTarget, anchor: bias });
      });
      el.append(bias);
      this.biases.push({ el: bias, target: biasTarget, color: '' });
      el.addEventListener('click', () => this.hooks.selectNeuron(column, unit));
      el.addEventListener('pointerenter', () => this.hover({ target: biasTarget, anchor: el }));
      el.addEventListener('pointerleave', () => this.hover(null));
      el.addEventListener('focus', () => this.hover({ target: biasTarget, anchor: el }));
      el.addEventListener('blur', () => this.hover(null));
    }
    if (column === 0) {
      el.setAttribute('aria-describedby', 'network-tip');
      el.addEventListener('pointerenter', () => this.hover({ target: null, anchor: el }));
      el.addEventListener('pointerleave', () => this.hover(null));
      el.addEventListener('focus', () => this.hover({ target: null, anchor: el }));
      el.addEventListener('blur', () => this.hover(null));
    }
    this.surface.append(el);
    this.nodes.push({ el, painter: new MapPainter(canvas), map, column, unit, x, y });
  }

  /** The diagram as the page shows it, as plain data, for a picture of it
   *  (export/pictures/network-picture.ts draws it). */
  get drawing(): NetworkDrawing {
    const bias = new Map(this.biases.map((b) => [b.el.parentElement, b.color]));
    return {
      layout: this.layout,
      node: DEFAULT_LAYOUT.node,
      neutral: cssColor(outputColor(0.5)),
      edges: this.edges.map(({ from, to, stroke, width }) => ({
        curve: edgeCurve(from, to),
        stroke,
        width: width === '' ? edgeWidth(0) : Number(width),
      })),
      neurons: this.nodes.map((n) => ({
        x: n.x,
        y: n.y,
        map:
          n.el.classList.contains('net-nomap') || n.painter.canvas.width <= 1
            ? null
            : n.painter.canvas,
        off: n.el.getAttribute('aria-pressed') === 'false',
        bias: bias.get(n.el) ?? null,
        label: n.column === 0 ? (this.inputs[n.unit]?.label ?? '') : null,
      })),
    };
  }

  /** Recolours the edges and biases and redraws the maps from the latest snapshot. */
  update(data: NetworkSnapshot | undefined): void {
    // The page renders for other reasons too (a hover, a click): the same snapshot is drawn.
    if (!data || this.ranges.length === 0 || data === this.data) return;
    this.data = data;
    for (const edge of this.edges) {
      const w = this.value(data.parameters, edge.target) ?? 0;
      const stroke = signColor(w);
      const width = edgeWidth(w).toFixed(2);
      if (stroke !== edge.stroke) edge.path.setAttribute('stroke', (edge.stroke = stroke));
      if (width !== edge.width) edge.path.setAttribute('stroke-width', (edge.width = width));
    }
    for (const bias of this.biases) {
      const color = signColor(this.value(data.parameters, bias.target) ?? 0);
      if (color !== bias.color) bias.el.style.background = bias.color = color;
    }
    const r = data.resolution;
    for (const n of this.nodes) {
      n.el.classList.toggle('net-nomap', r === 0 || n.map < 0);
      if (r === 0 || n.map < 0) continue;
      n.painter.paint(
        data.maps.subarray(n.map * r * r, (n.map + 1) * r * r),
        r,
        this.unitRange(n.column),
      );
    }
    if (this.hovered) this.showTip();
    this.hooks.updated();
  }

  /** A neuron is hovered or focused: the page may show its map (preview()). */
  get previewing(): boolean {
    return this.previewed.map >= 0;
  }

  /** The hovered or focused neuron's map scaled to 0 … 1, or null (none, or no maps). */
  preview(): MapPreview | null {
    const r = this.data?.resolution ?? 0;
    const { map, column } = this.previewed;
    if (!this.data || r === 0 || map < 0) return null;
    const values = this.data.maps.subarray(map * r * r, (map + 1) * r * r);
    return { grid: toUnit(values, this.unitRange(column)), resolution: r };
  }

  /** The map of unit `unit` of column `column` (≥ 1) from the latest snapshot, or null. */
  neuronMap(
    column: number,
    unit: number,
  ): { values: Float32Array; resolution: number; range: MapRange } | null {
    const r = this.data?.resolution ?? 0;
    if (!this.data || r === 0) return null;
    const map = mapOffset(this.sizes, column) + unit;
    const values = this.data.maps.subarray(map * r * r, (map + 1) * r * r);
    return { values, resolution: r, range: this.unitRange(column) };
  }

  /** Inputs of each unit of column `column` (≥ 1). */
  fanIn(column: number): number {
    return this.sizes[column - 1] ?? 0;
  }

  /** The label of the diagram's edge for weight `index` of `name`, if it is drawn. */
  weightLabel(name: string, index: number): string | undefined {
    return this.edges.find((e) => e.target.name === name && e.target.index === index)?.target.label;
  }

  /** [0, 1] for units that output probabilities (the inputs' and the rest: around 0). */
  private unitRange(column: number): MapRange {
    return this.ranges[column] ?? 'signed';
  }

  private value(record: Record<string, Float32Array>, t: ParameterTarget): number | undefined {
    return record[t.name]?.[t.index];
  }

  /** "label: value · gradient g"; `digits` significant digits (the inspector shows more). */
  describe(t: ParameterTarget, digits = 3): string {
    if (!this.data) return `${t.label}: waiting for the first snapshot`;
    const v = this.value(this.data.parameters, t) ?? Number.NaN;
    const g = this.value(this.data.gradients, t) ?? Number.NaN;
    return `${t.label}: ${compact(v, digits)} · gradient ${compact(g, digits)}`;
  }

  private hover(
    h: { target: ParameterTarget | null; anchor: HTMLElement | SVGElement } | null,
  ): void {
    this.hovered = h;
    const node = this.nodes.find((n) => n.el === h?.anchor);
    const next = node ? { map: node.map, column: node.column } : { map: -1, column: 0 };
    if (next.map !== this.previewed.map) {
      this.previewed = next;
      this.hooks.previewChanged();
    }
    for (const e of this.edges) e.path.classList.toggle('net-edge-hot', h?.anchor === e.hit);
    this.showTip();
  }

  private showTip(): void {
    const h = this.hovered;
    if (!h) {
      this.tip.hidden = true;
      return;
    }
    const label = h.anchor.getAttribute('aria-label') ?? '';
    this.tip.textContent = h.target ? this.describe(h.target) : label;
    const box = h.anchor.getBoundingClientRect();
    const base = this.surface.getBoundingClientRect();
    this.tip.style.left = `${box.left - base.left + box.width / 2}px`;
    this.tip.style.top = `${box.bottom - base.top + 6}px`;
    this.tip.hidden = false;
  }

  /** The name of network input `s` of column `column` (column 0: the features that are on). */
  inputName(column: number, s: number): string {
    if (column > 0) return this.unitName(column, s);
    return this.inputs.find((i) => i.input === s)?.label ?? `input ${s + 1}`;
  }
}

/** An edge from neuron a to neuron b (centres) as a cubic curve: start, two controls, end. */
/** The input column: for 2-D generated data every feature (those off dimmed), else the raw inputs. */
function inputNodes(scene: Scene): InputNode[] {
  const planar =
    scene.data.name !== 'supplied' &&
    (scene.data.features !== undefined || scene.model.inputs === 2);
  if (planar) {
    const on = scene.data.features ?? (['x1', 'x2'] as FeatureName[]);
    return FEATURES.map((feature) => ({ label: feature, input: on.indexOf(feature), feature }));
  }
  const n = scene.model.inputs;
  return Array.from({ length: Math.min(n, 16) }, (_, i) => ({
    label: n === 1 ? 'x' : `x${i + 1}`,
    input: i,
  }));
}
