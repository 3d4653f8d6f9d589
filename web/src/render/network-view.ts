// The live network diagram (TensorFlow Playground's network view): a column per layer, each
// neuron a thumbnail of its output over the input plane, edges coloured by the weight's sign and
// sized by |weight|, a bias marker on every neuron (the outputs' too). Hover or focus shows a
// value and its last gradient; the inspector below edits a weight or a bias of the running
// network. Built from the scene (build), recoloured from each snapshot (update).
import type { NetworkSnapshot } from '../engine/protocol.ts';
import { activationName, FEATURES, type Scene } from '../scene/index.ts';
import type { FeatureName } from '../wasm/core.mjs';
import { cssColor, outputColor } from './colors.ts';
import { MapPainter, toUnit, type MapRange } from './map-painter.ts';
import { setText } from '../ui/dom.ts';
import { compact, DEFAULT_LAYOUT, edgeWidth, layoutNetwork, mapOffset } from './network-layout.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Magnitude at which an edge or bias marker reaches the full palette colour. */
const FULL_COLOUR = 1.5;
/** Share of the colour even a tiny non-zero weight shows, so that its sign stays readable. */
const LEAST_COLOUR = 0.35;

/** What the diagram needs from the page. */
export interface NetworkViewHooks {
  /** Switches an input feature on or off (2-D generated data). */
  toggleFeature(feature: FeatureName): void;
  /** Sets value `index` of parameter `name` in the running network. */
  editParameter(name: string, index: number, value: number): void;
  /** The hovered or focused neuron changed: the page may show its map large (preview()). */
  previewChanged(): void;
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
interface Target {
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
  private scene: Scene | null = null;
  private data: NetworkSnapshot | null = null;
  /** Units per drawn column as the engine counts them (inputs, hidden layers, outputs). */
  private sizes: number[] = [];
  private inputs: InputNode[] = [];
  /** `stroke` and `width`: the attributes last written, so that only changes are written (each
   *  write makes the page restyle and repaint the diagram). */
  private edges: {
    path: SVGPathElement;
    hit: SVGPathElement;
    target: Target;
    stroke: string;
    width: string;
  }[] = [];
  private nodes: { el: HTMLElement; painter: MapPainter; map: number; column: number }[] = [];
  /** `color`: the background last written. */
  private biases: { el: HTMLElement; target: Target; color: string }[] = [];
  /** Paints the inspector's large map (its canvas is made anew with the inspector). */
  private largePainter: MapPainter | null = null;
  private selected: Target | null = null;
  private selectedNode: { column: number; unit: number } | null = null;
  private hovered: { target: Target | null; anchor: HTMLElement | SVGElement } | null = null;
  /** The map index and column of the neuron under the pointer or focus (-1: none). */
  private previewed = { map: -1, column: 0 };
  private readonly surface: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly tip: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly inspector: HTMLElement,
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
    this.scene = scene;
    this.data = null;
    this.selected = null;
    this.selectedNode = null;
    this.hovered = null;
    this.sizes = [scene.model.inputs, ...scene.model.layers.map((l) => l.units)];
    this.inputs = inputNodes(scene);
    const layout = layoutNetwork(this.drawnSizes());
    const { node } = DEFAULT_LAYOUT;
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
          const target: Target = {
            name: `${2 * (c - 1)}.weight`,
            index: b.unit * fanIn + source,
            label: `Weight from ${this.unitName(c - 1, a.unit)} to ${this.unitName(c, b.unit)}`,
          };
          const d = `M${a.x + node / 2},${a.y} C${(a.x + b.x) / 2},${a.y} ${(a.x + b.x) / 2},${b.y} ${b.x - node / 2},${b.y}`;
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
          hit.addEventListener('click', () => this.select(target));
          this.svg.append(path, hit);
          this.edges.push({ path, hit, target, stroke: signColor(0), width: '' });
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
    this.renderInspector();
  }

  private unitName(column: number, unit: number): string {
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
      const biasTarget: Target = {
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
      el.addEventListener('click', () => this.selectNode(column, unit));
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
    this.nodes.push({ el, painter: new MapPainter(canvas), map, column });
  }

  /** Recolours the edges and biases and redraws the maps from the latest snapshot. */
  update(data: NetworkSnapshot | undefined): void {
    // The page renders for other reasons too (a hover, a click): the same snapshot is drawn.
    if (!data || !this.scene || data === this.data) return;
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
    this.refreshInspectorValues();
    this.drawLarge();
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

  /** The selected neuron's map, large, in the inspector. */
  private drawLarge(): void {
    const large = this.inspector.querySelector<HTMLCanvasElement>('canvas.net-large');
    const n = this.selectedNode;
    const r = this.data?.resolution ?? 0;
    if (!large || !n || !this.data || r === 0) return;
    const map = mapOffset(this.sizes, n.column) + n.unit;
    if (this.largePainter?.canvas !== large) this.largePainter = new MapPainter(large);
    this.largePainter.paint(
      this.data.maps.subarray(map * r * r, (map + 1) * r * r),
      r,
      this.unitRange(n.column),
    );
  }

  /** [0, 1] for units that output probabilities; else symmetric around 0. */
  private unitRange(column: number): MapRange {
    if (!this.scene || column === 0) return 'signed';
    const layer = this.scene.model.layers[column - 1];
    const act = layer ? activationName(layer.activation) : 'Identity';
    return act === 'Sigmoid' || act === 'Softmax' ? 'probability' : 'signed';
  }

  private value(record: Record<string, Float32Array>, t: Target): number | undefined {
    return record[t.name]?.[t.index];
  }

  /** "label: value · gradient g"; `digits` significant digits (the inspector shows more). */
  private describe(t: Target, digits = 3): string {
    if (!this.data) return `${t.label}: waiting for the first snapshot`;
    const v = this.value(this.data.parameters, t) ?? Number.NaN;
    const g = this.value(this.data.gradients, t) ?? Number.NaN;
    return `${t.label}: ${compact(v, digits)} · gradient ${compact(g, digits)}`;
  }

  private hover(h: { target: Target | null; anchor: HTMLElement | SVGElement } | null): void {
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

  // ---- the inspector: the selected neuron (bias, incoming weights, large map) or weight ----

  private select(target: Target): void {
    this.selected = target;
    this.renderInspector();
    this.inspector.querySelector<HTMLInputElement>('input.net-edit-value')?.focus();
  }

  private selectNode(column: number, unit: number): void {
    this.selectedNode = { column, unit };
    this.selected = {
      name: `${2 * (column - 1)}.bias`,
      index: unit,
      label: `Bias of ${this.unitName(column, unit)}`,
    };
    this.renderInspector();
  }

  private renderInspector(): void {
    const parts: HTMLElement[] = [];
    const t = this.selected;
    if (!t) {
      const p = document.createElement('p');
      p.className = 'hint';
      p.textContent =
        'Hover a neuron or an edge to read its value and last gradient; click (or press Enter on) a neuron to edit its bias and incoming weights.';
      this.inspector.replaceChildren(p);
      return;
    }
    const form = document.createElement('form');
    form.className = 'net-edit';
    const readout = document.createElement('p');
    readout.className = 'net-readout';
    readout.dataset.param = t.name;
    readout.dataset.index = String(t.index);
    const label = document.createElement('label');
    label.textContent = 'New value';
    const input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.className = 'net-edit-value';
    input.setAttribute('aria-label', `New value for ${t.label.toLowerCase()}`);
    const apply = document.createElement('button');
    apply.type = 'submit';
    apply.className = 'button';
    apply.textContent = 'Set';
    label.append(' ', input);
    form.append(readout, label, apply);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(v)) {
        input.setCustomValidity('Type a finite number, e.g. 0.5 or -1.2');
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      this.hooks.editParameter(t.name, t.index, v);
    });
    parts.push(form);
    const n = this.selectedNode;
    if (n) {
      const list = document.createElement('ul');
      list.className = 'net-incoming';
      const fanIn = this.sizes[n.column - 1] ?? 0;
      const shown = Math.min(fanIn, 16);
      for (let s = 0; s < shown; s++) {
        const target: Target = {
          name: `${2 * (n.column - 1)}.weight`,
          index: n.unit * fanIn + s,
          label: `Weight from ${this.inputName(n.column - 1, s)} to ${this.unitName(n.column, n.unit)}`,
        };
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'net-weight';
        b.dataset.param = target.name;
        b.dataset.index = String(target.index);
        b.addEventListener('click', () => {
          this.selectedNode = null;
          this.select(target);
        });
        li.append(b);
        list.append(li);
      }
      const large = document.createElement('canvas');
      large.className = 'net-large';
      large.setAttribute('role', 'img');
      large.setAttribute(
        'aria-label',
        `Output of ${this.unitName(n.column, n.unit)} over the input plane`,
      );
      parts.push(large);
      const h = document.createElement('p');
      h.className = 'net-sub';
      h.textContent = `Incoming weights${fanIn > shown ? ` (first ${shown} of ${fanIn})` : ''} — choose one to edit it:`;
      parts.push(h, list);
    }
    this.inspector.replaceChildren(...parts);
    this.refreshInspectorValues();
    this.drawLarge();
  }

  /** The name of network input `s` of column `column` (column 0: the features that are on). */
  private inputName(column: number, s: number): string {
    if (column > 0) return this.unitName(column, s);
    return this.inputs.find((i) => i.input === s)?.label ?? `input ${s + 1}`;
  }

  private refreshInspectorValues(): void {
    const readout = this.inspector.querySelector<HTMLElement>('.net-readout');
    if (readout && this.selected) setText(readout, this.describe(this.selected, 6));
    for (const b of this.inspector.querySelectorAll<HTMLButtonElement>('.net-weight')) {
      const name = b.dataset.param ?? '';
      const index = Number(b.dataset.index);
      const label = this.edges.find((e) => e.target.name === name && e.target.index === index)
        ?.target.label;
      setText(b, this.describe({ name, index, label: label ?? `${name}[${index}]` }));
    }
  }
}

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
