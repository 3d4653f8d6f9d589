// A small line chart on a canvas for the labs' many curves (train/validation losses, a sweep,
// a range test): linear or log axes, values clipped at a chosen top, a legend. It only draws the
// numbers it is given (the engine's); nothing here computes a figure.
import { tickLabel, ticks } from '../../render/ticks.ts';

export interface Series {
  label: string;
  color: string;
  x: readonly number[];
  y: readonly number[];
  dashed?: boolean;
  /** Draw a dot at each point (few points, as a sweep's). */
  dots?: boolean;
  /** Leave the series out of the legend (a second line of a variant already named). */
  unlisted?: boolean;
}

export interface ChartAxes {
  xLabel: string;
  yLabel: string;
  xLog?: boolean;
  /** A log y axis (losses spanning decades, as a sweep's). */
  yLog?: boolean;
  /** The axes' ends, fixed (small multiples share them); absent: the data's. */
  xMax?: number;
  yTop?: number;
  /** Values above this are drawn at the top edge (a blown-up loss). */
  yMax?: number;
  /** The y axis starts here (default 0). */
  yMin?: number;
  /** A vertical grey line at this x (early stopping's best epoch). */
  markX?: number;
  /** Show a legend (default true). */
  legend?: boolean;
}

const PAD = { left: 46, right: 10, top: 10, bottom: 34 };
const AXIS = '#57606a';
const GRID = '#e4e7eb';

interface Bounds {
  min: number;
  max: number;
}

function bounds(values: number[], fallback: Bounds): Bounds {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return fallback;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return max > min ? { min, max } : { min: min - 1, max: max + 1 };
}

/** Powers of ten from min to max (a log axis' ticks). */
function logTicks({ min, max }: Bounds): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(min) - 1e-9); e <= Math.floor(Math.log10(max) + 1e-9); e++)
    out.push(10 ** e);
  return out;
}

function logLabel(value: number): string {
  const e = Math.round(Math.log10(value));
  return e >= -2 && e <= 2 ? tickLabel(value) : `1e${e}`;
}

/** Sizes `canvas`'s bitmap to its CSS box at the device's pixel ratio — only when that changed:
 *  a resize clears the canvas and makes the page lay out again, and the labs redraw many charts
 *  a few times a second. */
export function fitCanvas(
  canvas: HTMLCanvasElement,
  fallbackWidth: number,
  fallbackHeight: number,
): { width: number; height: number; ratio: number } {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || fallbackWidth;
  const height = canvas.clientHeight || fallbackHeight;
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return { width, height, ratio };
}

/** Draws `series` on `canvas`, sized to its CSS box at the device's pixel ratio. */
export function drawChart(canvas: HTMLCanvasElement, series: Series[], axes: ChartAxes): void {
  const { width, height, ratio } = fitCanvas(canvas, 320, 200);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = '11px system-ui, sans-serif';

  const xs = series.flatMap((s) => [...s.x]).filter((v) => !axes.xLog || v > 0);
  if (axes.xMax !== undefined) xs.push(axes.xMax);
  const ys = series
    .flatMap((s) => [...s.y])
    .filter((v) => v <= (axes.yMax ?? Infinity) && (!axes.yLog || v > 0));
  const xb = bounds(axes.xLog ? xs.map(Math.log10) : xs, { min: 0, max: 1 });
  const xRange = axes.xLog ? { min: 10 ** xb.min, max: 10 ** xb.max } : xb;
  const yb = bounds(ys, { min: 0.1, max: 1 });
  let yRange: Bounds;
  if (axes.yLog) {
    // Whole decades around the data, so the ticks (powers of ten) frame it.
    yRange = {
      min: 10 ** Math.floor(Math.log10(yb.min)),
      max: 10 ** Math.ceil(Math.log10(yb.max)),
    };
  } else {
    const top = axes.yTop ?? Math.min(yb.max, axes.yMax ?? Infinity);
    const bottom = axes.yMin ?? 0;
    yRange = { min: bottom, max: top > bottom ? top : bottom + 1 };
  }
  const plot = {
    x: PAD.left,
    y: PAD.top,
    w: width - PAD.left - PAD.right,
    h: height - PAD.top - PAD.bottom,
  };
  const px = (x: number) => {
    const t = axes.xLog
      ? (Math.log10(x) - xb.min) / (xb.max - xb.min)
      : (x - xRange.min) / (xRange.max - xRange.min);
    return plot.x + t * plot.w;
  };
  const py = (y: number) => {
    const v = Math.min(y, yRange.max);
    const t = axes.yLog
      ? (Math.log10(v) - Math.log10(yRange.min)) / (Math.log10(yRange.max) - Math.log10(yRange.min))
      : (v - yRange.min) / (yRange.max - yRange.min);
    return plot.y + plot.h - t * plot.h;
  };

  // Grid and ticks.
  ctx.strokeStyle = GRID;
  ctx.fillStyle = AXIS;
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of axes.yLog ? logTicks(yRange) : ticks(yRange.min, yRange.max, 5)) {
    const y = py(t);
    ctx.beginPath();
    ctx.moveTo(plot.x, y);
    ctx.lineTo(plot.x + plot.w, y);
    ctx.stroke();
    ctx.fillText(axes.yLog ? logLabel(t) : tickLabel(t), plot.x - 4, y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xTicks = axes.xLog ? logTicks(xRange) : ticks(xRange.min, xRange.max, 6);
  for (const t of xTicks) {
    const x = px(t);
    ctx.beginPath();
    ctx.moveTo(x, plot.y);
    ctx.lineTo(x, plot.y + plot.h);
    ctx.stroke();
    ctx.fillText(axes.xLog ? logLabel(t) : tickLabel(t), x, plot.y + plot.h + 4);
  }
  ctx.strokeStyle = AXIS;
  ctx.strokeRect(plot.x, plot.y, plot.w, plot.h);
  ctx.fillText(axes.xLabel, plot.x + plot.w / 2, height - 14);
  ctx.save();
  ctx.translate(11, plot.y + plot.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(axes.yLabel, 0, 0);
  ctx.restore();

  // The lines, clipped to the plot.
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y - 2, plot.w, plot.h + 4);
  ctx.clip();
  if (axes.markX !== undefined) {
    ctx.strokeStyle = '#8c959f';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(px(axes.markX), plot.y);
    ctx.lineTo(px(axes.markX), plot.y + plot.h);
    ctx.stroke();
  }
  for (const s of series) {
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.color;
    ctx.lineWidth = 1.75;
    ctx.setLineDash(s.dashed ? [5, 3] : []);
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i]!;
      const y = s.y[i]!;
      if (!Number.isFinite(y) || (axes.xLog && !(x > 0)) || (axes.yLog && !(y > 0))) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(px(x), py(y));
      else ctx.moveTo(px(x), py(y));
      pen = true;
    }
    ctx.stroke();
    if (s.dots) {
      for (let i = 0; i < s.x.length; i++) {
        const y = s.y[i]!;
        if (!Number.isFinite(y) || (axes.yLog && !(y > 0))) continue;
        ctx.beginPath();
        ctx.arc(px(s.x[i]!), py(y), 3.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  }
  ctx.restore();
  ctx.setLineDash([]);

  if (axes.legend === false) return;
  const listed = series.filter((s) => !s.unlisted);
  if (listed.length === 0) return;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const textWidth = Math.max(...listed.map((s) => ctx.measureText(s.label).width));
  const boxWidth = textWidth + 34;
  const left = plot.x + plot.w - boxWidth - 4;
  ctx.fillStyle = 'rgb(255 255 255 / 0.85)';
  ctx.fillRect(left, plot.y + 3, boxWidth, listed.length * 15 + 6);
  for (const [row, s] of listed.entries()) {
    const y = plot.y + 13 + row * 15;
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 2;
    ctx.setLineDash(s.dashed ? [5, 3] : []);
    ctx.beginPath();
    ctx.moveTo(left + 5, y);
    ctx.lineTo(left + 25, y);
    ctx.stroke();
    ctx.fillStyle = '#24292f';
    ctx.fillText(s.label, left + 29, y);
  }
  ctx.setLineDash([]);
}
