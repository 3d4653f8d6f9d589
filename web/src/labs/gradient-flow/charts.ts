// The gradient-flow lab's drawing: per-layer lines over steps on a log scale, and a layer's
// activation histogram. Pure drawing of the engine's figures (flow-run.ts keeps them).
import { formatNumber } from '../../locale.ts';
import { crispContext } from '../lab-canvas.ts';

/** A colour per layer, first layer darkest (a viridis-like ramp). */
const LAYER_COLORS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#b5de2b', '#fde725', '#f89540'];

export function layerColor(layer: number, layers: number): string {
  if (layers <= 1) return LAYER_COLORS[0]!;
  const at = Math.round((layer / (layers - 1)) * (LAYER_COLORS.length - 1));
  return LAYER_COLORS[at]!;
}

/** Decades [lo, hi] (powers of ten) that hold every finite positive value of `series`. */
export function decadeRange(series: readonly (readonly number[])[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const values of series)
    for (const v of values)
      if (Number.isFinite(v) && v > 0) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
  if (min === Infinity) return [-3, 0];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(Math.ceil(Math.log10(max)), lo + 1);
  return [lo, hi];
}

const PAD = { left: 46, right: 8, top: 8, bottom: 22 };

/**
 * Lines of y (log scale, decades [lo, hi]) against steps (0 … xMax); values that are zero, NaN or
 * below the range sit on the bottom edge (a gradient of exactly zero, a dead layer).
 */
export function drawLogLines(
  canvas: HTMLCanvasElement,
  steps: readonly number[],
  series: readonly (readonly number[])[],
  decades: [number, number],
  xMax: number,
): void {
  const width = canvas.clientWidth || 320;
  const height = 150;
  const g = crispContext(canvas, width, height, true);
  const [lo, hi] = decades;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const x = (step: number) => PAD.left + (step / xMax) * plotW;
  const y = (v: number) => {
    const d = Number.isFinite(v) && v > 0 ? Math.log10(v) : lo;
    return PAD.top + (1 - (Math.min(Math.max(d, lo), hi) - lo) / (hi - lo)) * plotH;
  };
  g.font = '11px system-ui, sans-serif';
  g.fillStyle = '#555';
  g.strokeStyle = '#e3e6ea';
  g.lineWidth = 1;
  const every = Math.max(1, Math.ceil((hi - lo) / 6));
  for (let d = lo; d <= hi; d += every) {
    const yy = Math.round(y(10 ** d)) + 0.5;
    g.beginPath();
    g.moveTo(PAD.left, yy);
    g.lineTo(width - PAD.right, yy);
    g.stroke();
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    g.fillText(`1e${d}`, PAD.left - 4, yy);
  }
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (const step of [0, xMax / 2, xMax]) {
    // The last tick ends at the plot's edge, its text ending with it.
    g.textAlign = step === xMax ? 'right' : 'center';
    const label = step === xMax ? `${formatNumber(step)} steps` : formatNumber(step);
    g.fillText(label, Math.min(x(step), width - 2), height - PAD.bottom + 5);
  }
  g.lineWidth = 1.5;
  series.forEach((values, layer) => {
    g.strokeStyle = layerColor(layer, series.length);
    g.beginPath();
    values.forEach((v, i) => {
      if (i === 0) g.moveTo(x(steps[i]!), y(v));
      else g.lineTo(x(steps[i]!), y(v));
    });
    g.stroke();
  });
}

/** A layer's histogram: bars of `counts` over [lo, hi], tallest bar full height. */
export function drawHistogram(
  canvas: HTMLCanvasElement,
  counts: Int32Array,
  lo: number,
  hi: number,
  color: string,
): void {
  const width = 96;
  const height = 56;
  const g = crispContext(canvas, width, height);
  const plotH = height - 13;
  const top = Math.max(1, ...counts);
  const bar = width / Math.max(1, counts.length);
  g.fillStyle = color;
  counts.forEach((c, i) => {
    const h = (c / top) * plotH;
    g.fillRect(i * bar, plotH - h, Math.max(1, bar - 0.5), h);
  });
  g.fillStyle = '#555';
  g.font = '10px system-ui, sans-serif';
  g.textBaseline = 'bottom';
  g.textAlign = 'left';
  g.fillText(formatNumber(lo), 0, height);
  g.textAlign = 'right';
  g.fillText(formatNumber(hi), width, height);
}
