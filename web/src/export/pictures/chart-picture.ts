// A training chart as a picture: what its uPlot instance shows — the same scales, ticks and tick
// labels (uPlot's own), grid, series colours, widths and dashes, the best-epoch marker
// (render/chart-marker.ts's drawing) — with the page's heading above and the legend below.
// uPlot draws the page's chart itself, through Path2D objects no other surface can record, so
// this redraws it from the instance's geometry; the PNG and the SVG share this drawing.
import type uPlot from 'uplot';
// Type imports only from render/ (see network-picture.ts).
import type { Box } from '../../render/chart-marker.ts';
import type { Surface } from '../../render/surface.ts';
import type { Picture } from './picture.ts';

const TITLE_HEIGHT = 24;
const LEGEND_HEIGHT = 26;
const INK = '#1f2933';
const FONT = '12px system-ui, sans-serif';
const TITLE_FONT = '600 13px system-ui, sans-serif';
const TICK = 6;
/** Internals uPlot keeps on each axis after a draw: the tick values and their labels. */
type DrawnAxis = uPlot.Axis & {
  _show?: boolean;
  _splits?: number[] | null;
  _values?: (string | number | null)[] | null;
};

function strokeOf(u: uPlot, s: uPlot.Series, i: number): string {
  const stroke = s.stroke;
  const value = typeof stroke === 'function' ? stroke(u, i) : stroke;
  return typeof value === 'string' ? value : INK;
}

/** The plot area in CSS pixels (uPlot's bbox is in canvas pixels). */
function plotBox(u: uPlot): Box {
  const ratio = u.ctx.canvas.width / u.width || 1;
  const { left, top, width, height } = u.bbox;
  return { left: left / ratio, top: top / ratio, width: width / ratio, height: height / ratio };
}

export function chartPicture(
  u: uPlot,
  title: string,
  name: string,
  /** Draws the best epoch's marker over the plot area (TrainingCharts.drawMark). */
  drawMark: (s: Surface, box: Box) => void,
): Picture {
  return {
    name,
    width: u.width,
    height: TITLE_HEIGHT + u.height + LEGEND_HEIGHT,
    draw: (s) => {
      s.fillStyle = INK;
      s.font = TITLE_FONT;
      s.textAlign = 'left';
      s.textBaseline = 'middle';
      s.fillText(title, 4, TITLE_HEIGHT / 2);
      s.save();
      s.translate(0, TITLE_HEIGHT);
      drawChart(s, u, drawMark);
      s.restore();
      s.save();
      s.translate(0, TITLE_HEIGHT + u.height);
      drawLegend(s, u);
      s.restore();
    },
  };
}

function drawChart(s: Surface, u: uPlot, drawMark: (s: Surface, box: Box) => void): void {
  const box = plotBox(u);
  const axes = u.axes as DrawnAxis[];
  // Grid lines first, under the series.
  axes.forEach((axis, index) => {
    const splits = axis._splits ?? [];
    if (axis._show === false || axis.grid?.show === false || splits.length === 0) return;
    const { scale, side } = placeOf(axis, index);
    const horizontal = side === 1 || side === 3;
    s.strokeStyle = typeof axis.grid?.stroke === 'string' ? axis.grid.stroke : '#e4e7eb';
    s.lineWidth = typeof axis.grid?.width === 'number' ? axis.grid.width : 1;
    s.beginPath();
    for (const value of splits) {
      const p = u.valToPos(value, scale);
      if (horizontal) {
        s.moveTo(box.left, box.top + p);
        s.lineTo(box.left + box.width, box.top + p);
      } else {
        s.moveTo(box.left + p, box.top);
        s.lineTo(box.left + p, box.top + box.height);
      }
    }
    s.stroke();
  });
  s.save();
  s.beginPath();
  s.rect(box.left, box.top, box.width, box.height);
  s.clip();
  const xs = u.data[0];
  u.series.forEach((series, i) => {
    if (i === 0 || series.show === false) return;
    const ys = u.data[i] ?? [];
    const scale = series.scale ?? 'y';
    s.group?.('series');
    s.strokeStyle = strokeOf(u, series, i);
    s.lineWidth = series.width ?? 1;
    s.lineJoin = 'round';
    s.setLineDash(series.dash ?? []);
    s.beginPath();
    let drawing = false;
    const at: [number, number][] = [];
    xs.forEach((x, k) => {
      const y = ys[k];
      if (y === null || y === undefined || !Number.isFinite(y)) {
        if (!series.spanGaps) drawing = false;
        return;
      }
      const px = box.left + u.valToPos(x, 'x');
      const py = box.top + u.valToPos(y, scale);
      at.push([px, py]);
      if (drawing) s.lineTo(px, py);
      else s.moveTo(px, py);
      drawing = true;
    });
    s.stroke();
    s.setLineDash([]);
    const points = series.points;
    const show =
      typeof points?.show === 'function' ? points.show(u, i, 0, xs.length - 1) : points?.show;
    if (
      points &&
      show !== false &&
      typeof points.size === 'number' &&
      pointsFit(at.length, box.width, points.size)
    ) {
      s.fillStyle = '#ffffff';
      s.lineWidth = series.width ?? 1;
      for (const [px, py] of at) {
        s.beginPath();
        s.arc(px, py, points.size / 2, 0, 2 * Math.PI);
        s.fill();
        s.stroke();
      }
    }
    s.ungroup?.();
  });
  s.restore();
  drawMark(s, box);
  drawAxes(s, u, axes, box);
}

/** uPlot shows a series' points only while they are sparse enough to tell apart. */
function pointsFit(count: number, width: number, size: number): boolean {
  return count > 0 && count * size * 2 <= width;
}

function drawAxes(
  s: Surface,
  u: uPlot,
  axes: DrawnAxis[],
  box: { left: number; top: number; width: number; height: number },
): void {
  s.fillStyle = INK;
  s.strokeStyle = INK;
  s.font = FONT;
  s.lineWidth = 1;
  axes.forEach((axis, index) => {
    if (axis._show === false) return;
    const splits = axis._splits ?? [];
    const values = axis._values ?? [];
    const { scale, side } = placeOf(axis, index);
    const showTicks = axis.ticks?.show !== false;
    s.beginPath();
    splits.forEach((value, k) => {
      const p = u.valToPos(value, scale);
      const label = values[k];
      const text = label === null || label === undefined ? '' : String(label);
      if (side === 2) {
        if (showTicks) {
          s.moveTo(box.left + p, box.top + box.height);
          s.lineTo(box.left + p, box.top + box.height + TICK);
        }
        s.textAlign = 'center';
        s.textBaseline = 'top';
        if (text) s.fillText(text, box.left + p, box.top + box.height + TICK + 3);
      } else {
        const x = side === 3 ? box.left : box.left + box.width;
        const out = side === 3 ? -1 : 1;
        if (showTicks) {
          s.moveTo(x, box.top + p);
          s.lineTo(x + out * TICK, box.top + p);
        }
        s.textAlign = side === 3 ? 'right' : 'left';
        s.textBaseline = 'middle';
        if (text) s.fillText(text, x + out * (TICK + 3), box.top + p);
      }
    });
    s.stroke();
    if (!axis.label) return;
    const label = String(axis.label);
    // uPlot's layout: past the plot, the axis (its size), then the label's band (labelSize).
    const size = typeof axis.size === 'number' ? axis.size : 50;
    const away = size + (axis.labelSize ?? 30) / 2;
    s.textAlign = 'center';
    s.textBaseline = 'middle';
    if (side === 2) {
      s.fillText(label, box.left + box.width / 2, box.top + box.height + away);
    } else {
      s.save();
      s.translate(
        side === 3 ? box.left - away : box.left + box.width + away,
        box.top + box.height / 2,
      );
      s.rotate(side === 3 ? -Math.PI / 2 : Math.PI / 2);
      s.fillText(label, 0, 0);
      s.restore();
    }
  });
}

/** An axis's scale and side (0 top, 1 right, 2 bottom, 3 left), with uPlot's defaults: the
 *  first axis is x, at the bottom; the others y, on the left. */
function placeOf(axis: uPlot.Axis, index: number): { scale: string; side: number } {
  const side: number = axis.side ?? (index === 0 ? 2 : 3);
  return { scale: axis.scale ?? (index === 0 ? 'x' : 'y'), side };
}

/** A line sample (with its dash) and the label of each series, in a row. */
function drawLegend(s: Surface, u: uPlot): void {
  let x = 8;
  const y = LEGEND_HEIGHT / 2;
  s.font = FONT;
  s.textAlign = 'left';
  s.textBaseline = 'middle';
  u.series.forEach((series, i) => {
    if (i === 0 || series.show === false) return;
    const label = typeof series.label === 'string' ? series.label : `series ${i}`;
    s.strokeStyle = strokeOf(u, series, i);
    s.lineWidth = series.width ?? 1;
    s.setLineDash(series.dash ?? []);
    s.beginPath();
    s.moveTo(x, y);
    s.lineTo(x + 22, y);
    s.stroke();
    s.setLineDash([]);
    s.fillStyle = INK;
    s.fillText(label, x + 28, y);
    x += 28 + s.measureText(label).width + 16;
  });
}
