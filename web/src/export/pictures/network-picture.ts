// The network diagram as a picture: the page's diagram (render/network-view.ts, DOM elements
// that take the pointer and the keyboard) drawn from its own description — the same layout,
// edge curves and colours, each neuron's map canvas, the bias markers and the inputs' labels —
// on any Surface. The look follows style.css's .net-* rules.
// Type imports only: what this chunk imports at run time would be split off from the page's
// first load into a chunk of its own (issue 13's first-load budget).
import type { NetworkDrawing } from '../../render/network-view.ts';
import type { Surface } from '../../render/surface.ts';

const NODE_BORDER = '#6b7480';
const BIAS_BORDER = '#4b5563';
const BIAS_SIDE = 9;
/** How far a bias marker sticks out left of and below its neuron. */
const BIAS_OUT = 5;
const LABEL_GAP = 6;
const EDGE_OPACITY = 0.9;
/** An input feature that is off is drawn faint, its border dashed. */
const OFF_OPACITY = 0.45;
const TEXT = '#1f2933';
const MUTED = '#5b6472';
const LABEL_FONT =
  '12px ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace';
const MORE_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function drawNetwork(target: Surface, drawing: NetworkDrawing): void {
  const { layout, edges, neurons, node, neutral } = drawing;
  target.group?.('edges');
  target.globalAlpha = EDGE_OPACITY;
  for (const edge of edges) {
    const [start, c1, c2, end] = edge.curve;
    if (!start || !c1 || !c2 || !end) continue;
    target.beginPath();
    target.moveTo(start.x, start.y);
    target.bezierCurveTo(c1.x, c1.y, c2.x, c2.y, end.x, end.y);
    target.strokeStyle = edge.stroke;
    target.lineWidth = edge.width;
    target.stroke();
  }
  target.globalAlpha = 1;
  target.ungroup?.();
  target.group?.('neurons');
  for (const n of neurons) {
    const left = n.x - node / 2;
    const top = n.y - node / 2;
    target.globalAlpha = n.off ? OFF_OPACITY : 1;
    target.fillStyle = neutral;
    target.fillRect(left, top, node, node);
    if (n.map) {
      target.imageSmoothingEnabled = true;
      target.drawImage(n.map, left + 1, top + 1, node - 2, node - 2);
    }
    target.setLineDash(n.off ? [3, 2] : []);
    target.strokeStyle = NODE_BORDER;
    target.lineWidth = 1;
    target.strokeRect(left + 0.5, top + 0.5, node - 1, node - 1);
    target.setLineDash([]);
    if (n.bias !== null) {
      const x = left - BIAS_OUT;
      const y = top + node + BIAS_OUT - BIAS_SIDE;
      target.fillStyle = n.bias || neutral;
      target.fillRect(x, y, BIAS_SIDE, BIAS_SIDE);
      target.strokeStyle = BIAS_BORDER;
      target.strokeRect(x + 0.5, y + 0.5, BIAS_SIDE - 1, BIAS_SIDE - 1);
    }
    if (n.label !== null) {
      target.fillStyle = TEXT;
      target.font = LABEL_FONT;
      target.textAlign = 'right';
      target.textBaseline = 'middle';
      target.fillText(n.label, left - LABEL_GAP, n.y);
    }
    target.globalAlpha = 1;
  }
  target.ungroup?.();
  target.fillStyle = MUTED;
  target.font = MORE_FONT;
  target.textAlign = 'center';
  target.textBaseline = 'top';
  for (const column of layout.columns) {
    if (column.more > 0) target.fillText(`+${column.more} more`, column.x, layout.height - 16);
  }
}
