// The computation graph as SVG, layered left to right: a node's column is the longest path from a
// leaf to it, so every edge points right. Each node shows its label, its forward value and, once
// one has arrived, its gradient; the node the next step processes and the one just processed are
// marked. Layout and drawing only: every number comes from the engine's node list.
import type { ExplorerNode } from '../../wasm/core-labs.mjs';

const SVG = 'http://www.w3.org/2000/svg';
const NODE_W = 118;
const NODE_H = 54;
const GAP_X = 46;
const GAP_Y = 14;
const PAD = 8;

export interface GraphMarks {
  /** The node the next step processes (−1: none). */
  next: number;
  /** The node the last step processed (−1: none). */
  current: number;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Columns by longest path from a leaf; rows in tape order within a column. */
function layout(nodes: readonly ExplorerNode[]): {
  x: number[];
  y: number[];
  w: number;
  h: number;
} {
  const depth = nodes.map(() => 0);
  for (const n of nodes)
    for (const i of n.inputs) depth[n.id] = Math.max(depth[n.id]!, depth[i]! + 1);
  const rows: number[] = [];
  const x: number[] = [];
  const y: number[] = [];
  for (const n of nodes) {
    const d = depth[n.id]!;
    const row = rows[d] ?? 0;
    rows[d] = row + 1;
    x.push(PAD + d * (NODE_W + GAP_X));
    y.push(PAD + row * (NODE_H + GAP_Y));
  }
  const columns = rows.length;
  const tallest = Math.max(1, ...rows);
  return {
    x,
    y,
    w: 2 * PAD + columns * NODE_W + (columns - 1) * GAP_X,
    h: 2 * PAD + tallest * (NODE_H + GAP_Y) - GAP_Y,
  };
}

/** Redraws `host` (an <svg>) for these nodes. */
export function drawGraph(
  host: SVGSVGElement,
  nodes: readonly ExplorerNode[],
  marks: GraphMarks,
  format: (v: number) => string,
): void {
  const { x, y, w, h } = layout(nodes);
  host.replaceChildren();
  host.setAttribute('viewBox', `0 0 ${w} ${h}`);
  host.style.maxWidth = `${w}px`;
  const defs = svg('defs', {});
  const marker = svg('marker', {
    id: 'ag-arrow',
    viewBox: '0 0 8 8',
    refX: 8,
    refY: 4,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto',
  });
  marker.append(svg('path', { d: 'M0,0 L8,4 L0,8 z', class: 'ag-arrowhead' }));
  defs.append(marker);
  host.append(defs);
  for (const n of nodes)
    for (const i of n.inputs) {
      const path = svg('path', {
        d: `M${x[i]! + NODE_W},${y[i]! + NODE_H / 2} C${x[i]! + NODE_W + GAP_X / 2},${y[i]! + NODE_H / 2} ${x[n.id]! - GAP_X / 2},${y[n.id]! + NODE_H / 2} ${x[n.id]!},${y[n.id]! + NODE_H / 2}`,
        class: 'ag-edge',
        'marker-end': 'url(#ag-arrow)',
      });
      host.append(path);
    }
  for (const n of nodes) {
    const kind =
      n.op === 'leaf' ? (n.requiresGrad ? 'param' : 'data') : n.op === 'constant' ? 'data' : 'op';
    const g = svg('g', {
      class: `ag-node ag-${kind}${n.id === marks.next ? ' ag-next' : ''}${n.id === marks.current ? ' ag-current' : ''}`,
      transform: `translate(${x[n.id]},${y[n.id]})`,
      'data-id': n.id,
    });
    g.append(svg('rect', { width: NODE_W, height: NODE_H, rx: 6 }));
    const title = svg('text', { x: NODE_W / 2, y: 16, class: 'ag-label' });
    title.textContent = n.label;
    const value = svg('text', { x: NODE_W / 2, y: 32, class: 'ag-value' });
    value.textContent = `= ${format(n.value)}`;
    const grad = svg('text', { x: NODE_W / 2, y: 47, class: 'ag-grad' });
    grad.textContent = n.hasGrad
      ? `grad ${format(n.grad)}`
      : n.requiresGrad
        ? 'grad None'
        : 'no grad';
    const tip = svg('title', {});
    tip.textContent = `${n.label} (${n.op}): value ${format(n.value)}${n.hasGrad ? `, gradient ${format(n.grad)}` : ''}`;
    const id = svg('text', { x: 4, y: 11, class: 'ag-id' });
    id.textContent = String(n.id);
    g.append(tip, id, title, value, grad);
    host.append(g);
  }
}
