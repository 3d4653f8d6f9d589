// Where the network diagram puts each neuron: one column per layer (inputs, hidden layers,
// outputs), at most MAX_DRAWN neurons drawn per column and the rest summarised ("+112 more").
// Pure maths, no DOM.

export const MAX_DRAWN = 16;

export interface LayoutOptions {
  /** Side of a neuron's square (its map thumbnail), px. */
  node: number;
  /** Vertical distance between neuron centres, px. */
  pitch: number;
  /** Horizontal distance between column centres, px. */
  gap: number;
  /** Space above the first neuron and below the last (the summary line goes below), px. */
  margin: number;
  /** Space left of the input column (its labels) and right of the output column, px. */
  side: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  node: 30,
  pitch: 38,
  gap: 100,
  margin: 24,
  side: 64,
};

export interface NodePlace {
  /** Unit index within its layer. */
  unit: number;
  /** Centre, px. */
  x: number;
  y: number;
}

export interface ColumnPlace {
  x: number;
  nodes: NodePlace[];
  /** Units not drawn (summarised below the column). */
  more: number;
}

export interface NetworkLayout {
  columns: ColumnPlace[];
  width: number;
  height: number;
}

/** Columns for layers of `sizes` units each (inputs first): each drawn column is centred
 *  vertically on the tallest; the canvas fits the tallest column and its summary line. */
export function layoutNetwork(sizes: readonly number[], o: LayoutOptions = DEFAULT_LAYOUT) {
  const drawn = sizes.map((n) => Math.min(n, MAX_DRAWN));
  const tallest = Math.max(1, ...drawn);
  const anyMore = sizes.some((n) => n > MAX_DRAWN);
  const height = 2 * o.margin + (tallest - 1) * o.pitch + o.node + (anyMore ? 18 : 0);
  const centreY = o.margin + o.node / 2 + ((tallest - 1) * o.pitch) / 2;
  const columns: ColumnPlace[] = sizes.map((n, c) => {
    const count = drawn[c] ?? 0;
    const x = o.side + o.node / 2 + c * o.gap;
    const top = centreY - ((count - 1) * o.pitch) / 2;
    const nodes = Array.from({ length: count }, (_, unit) => ({
      unit,
      x,
      y: top + unit * o.pitch,
    }));
    return { x, nodes, more: n - count };
  });
  const width = 2 * o.side + o.node + Math.max(0, sizes.length - 1) * o.gap;
  return { columns, width, height } satisfies NetworkLayout;
}

export interface Point {
  x: number;
  y: number;
}

/** An edge from the neuron centred at `a` to the one at `b` as a cubic curve, leaving and
 *  entering the neurons' sides horizontally: start, two controls, end. */
export function edgeCurve(a: Point, b: Point, o: LayoutOptions = DEFAULT_LAYOUT) {
  const mid = (a.x + b.x) / 2;
  return [
    { x: a.x + o.node / 2, y: a.y },
    { x: mid, y: a.y },
    { x: mid, y: b.y },
    { x: b.x - o.node / 2, y: b.y },
  ] as const;
}

/** Offset of layer `layer`'s first map among Trainer.neuronMaps' maps (inputs are layer 0). */
export function mapOffset(sizes: readonly number[], layer: number): number {
  let offset = 0;
  for (let i = 0; i < layer; i++) offset += sizes[i] ?? 0;
  return offset;
}

/** Edge width (px) for a weight: |w| from 0 to 5 maps to 0.5 … 6, clamped (as TF Playground's
 *  1 … 10 scale, thinner because our columns hold up to 16 neurons). */
export function edgeWidth(weight: number): number {
  const m = Math.min(Math.abs(weight), 5);
  return Number.isFinite(m) ? 0.5 + (m / 5) * 5.5 : 0.5;
}

/** A compact number for readouts: `digits` significant digits (trailing zeros dropped),
 *  exponent form below 0.001. */
export function compact(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const a = Math.abs(value);
  if (a < 1e-3 || a >= 1e5) return value.toExponential(digits - 1);
  return value
    .toPrecision(digits)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}
