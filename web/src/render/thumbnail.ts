// A dataset's thumbnail, as TensorFlow Playground's picker shows them: a few hundred noise-free
// points of its generator on a small square, in the plot's class colours and marker shapes (a
// regression's points on its value colours; a curve's points over x and the target).
import { VIEW, type PlotKind } from '../engine/protocol.ts';
import { classColor, cssColor, outputColor, scaled } from './colors.ts';
import { classShape, traceMarker } from './markers.ts';

/** Sizes the backing store to the CSS size × devicePixelRatio; the context draws in CSS pixels. */
function prepare(canvas: HTMLCanvasElement): { ctx: CanvasRenderingContext2D; css: number } | null {
  const css = canvas.clientWidth || canvas.width;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(css * ratio);
  canvas.height = Math.round(css * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(canvas.width / css, 0, 0, canvas.width / css, 0, 0);
  return { ctx, css };
}

/** Draws `points` ([x, y, target] triples) of a plot of `plot`'s kind on `canvas` (its CSS size
 *  × devicePixelRatio). */
export function drawThumbnail(
  canvas: HTMLCanvasElement,
  plot: PlotKind,
  points: Float32Array,
): void {
  const prepared = prepare(canvas);
  if (!prepared) return;
  const { ctx, css } = prepared;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, css, css);
  const [yMin, yMax] = plot.kind === 'curve' ? [plot.min, plot.max] : [VIEW.min, VIEW.max];
  const toX = (x: number) => ((x - VIEW.min) / (VIEW.max - VIEW.min)) * css;
  const toY = (y: number) => (1 - (y - yMin) / (yMax - yMin)) * css;
  const radius = Math.max(1.2, css / 55);
  for (let i = 0; i + 2 < points.length; i += 3) {
    const x = points[i]!;
    const y = points[i + 1]!;
    const target = points[i + 2]!;
    const color =
      plot.kind === 'classes'
        ? classColor(target, plot.classes)
        : outputColor(plot.kind === 'values' ? emphasised(scaled(target, plot.min, plot.max)) : 0);
    const shape = plot.kind === 'classes' ? classShape(target, plot.classes) : 'circle';
    ctx.beginPath();
    traceMarker(ctx, shape, toX(x), toY(y), radius);
    ctx.fillStyle = cssColor(color);
    ctx.fill();
  }
  ctx.strokeStyle = 'rgb(0 0 0 / 0.25)';
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, 0.5, css - 1, css - 1);
}

/** A value's place on the colour scale pushed away from the pale middle (a small square shows
 *  the pattern only in clear colours): 0.5 ± ½·√|2t − 1|. */
function emphasised(t: number): number {
  const u = 2 * t - 1;
  return 0.5 + 0.5 * Math.sign(u) * Math.sqrt(Math.abs(u));
}

/** A shipped dataset's thumbnail: its shape in words on a plain square (its rows are only
 *  fetched when it is chosen). */
export function drawShippedThumbnail(canvas: HTMLCanvasElement, lines: readonly string[]): void {
  const prepared = prepare(canvas);
  if (!prepared) return;
  const { ctx, css } = prepared;
  ctx.fillStyle = '#f3f5f7';
  ctx.fillRect(0, 0, css, css);
  ctx.fillStyle = '#33404d';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const size = Math.round(css / 6);
  lines.forEach((line, i) => {
    ctx.font = `${i === 0 ? 'bold ' : ''}${size}px system-ui, sans-serif`;
    ctx.fillText(line, css / 2, css / 2 + (i - (lines.length - 1) / 2) * size * 1.3);
  });
  ctx.strokeStyle = 'rgb(0 0 0 / 0.25)';
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, 0.5, css - 1, css - 1);
}
