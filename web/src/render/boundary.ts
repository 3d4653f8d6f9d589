// Draws the decision-boundary canvas: the network's output over the input plane as a heatmap,
// the data points on top (train: white outline, test: dark outline) and the axes.
import { VIEW } from '../engine/protocol.ts';
import { cssColor, heatmapTable, INVALID, labelColor, NEUTRAL } from './colors.ts';

export interface GridFrame {
  /** Network output per cell, row-major, row 0 at the top (y = VIEW.max). */
  grid: Float32Array;
  resolution: number;
}

export interface PointSets {
  /** [x, y, label] per training point. */
  train: Float32Array;
  /** [x, y, label] per test point. */
  test: Float32Array;
}

/** Space around the plot square for tick labels, in CSS pixels. */
const MARGIN = { left: 30, right: 10, top: 10, bottom: 30 } as const;
const TICKS = [-6, -4, -2, 0, 2, 4, 6];
const TEXT = '#5b6472';
const TEST_OUTLINE = '#1f2933';

interface Plot {
  x: number;
  y: number;
  size: number;
}

export class BoundaryView {
  private readonly ctx: CanvasRenderingContext2D;
  /** The grid at its own resolution, one pixel per cell; scaled up with smoothing. */
  private readonly cells = document.createElement('canvas');
  private readonly table = heatmapTable();
  private cssSize = 0;

  constructor(private readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a 2-D canvas');
    this.ctx = ctx;
  }

  /** Matches the backing store to the displayed size × devicePixelRatio. True if it changed. */
  fit(): boolean {
    const cssSize = Math.max(1, Math.round(this.canvas.clientWidth));
    const pixels = Math.round(cssSize * (window.devicePixelRatio || 1));
    if (cssSize === this.cssSize && this.canvas.width === pixels) return false;
    this.cssSize = cssSize;
    this.canvas.width = pixels;
    this.canvas.height = pixels;
    return true;
  }

  draw(frame: GridFrame | null, points: PointSets | null): void {
    const { ctx, cssSize } = this;
    const scale = this.canvas.width / cssSize;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.clearRect(0, 0, cssSize, cssSize);
    const plot: Plot = {
      x: MARGIN.left,
      y: MARGIN.top,
      size: cssSize - MARGIN.left - MARGIN.right,
    };
    this.drawHeatmap(plot, frame);
    if (points) {
      this.drawPoints(plot, points.train, '#ffffff');
      this.drawPoints(plot, points.test, TEST_OUTLINE);
    }
    this.drawAxes(plot);
  }

  private drawHeatmap(plot: Plot, frame: GridFrame | null): void {
    const { ctx } = this;
    if (!frame || frame.grid.length !== frame.resolution * frame.resolution) {
      ctx.fillStyle = cssColor(NEUTRAL);
      ctx.fillRect(plot.x, plot.y, plot.size, plot.size);
      return;
    }
    const n = frame.resolution;
    if (this.cells.width !== n) {
      this.cells.width = n;
      this.cells.height = n;
    }
    const cellsCtx = this.cells.getContext('2d');
    if (!cellsCtx) return;
    const image = cellsCtx.createImageData(n, n);
    const levels = this.table.length / 4 - 1;
    frame.grid.forEach((value, i) => {
      const level = Number.isNaN(value) ? -1 : Math.round(Math.min(Math.max(value, 0), 1) * levels);
      if (level < 0) image.data.set([...INVALID, 255], i * 4);
      else image.data.set(this.table.subarray(level * 4, level * 4 + 4), i * 4);
    });
    cellsCtx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(this.cells, plot.x, plot.y, plot.size, plot.size);
  }

  private drawPoints(plot: Plot, points: Float32Array, outline: string): void {
    const { ctx } = this;
    const radius = Math.max(2.5, plot.size / 120);
    ctx.lineWidth = 1;
    ctx.strokeStyle = outline;
    for (let i = 0; i + 2 < points.length; i += 3) {
      const x = toPixel(plot, points[i] ?? 0, 'x');
      const y = toPixel(plot, points[i + 1] ?? 0, 'y');
      ctx.beginPath();
      ctx.arc(x, y, radius, 0, 2 * Math.PI);
      ctx.fillStyle = cssColor(labelColor(points[i + 2] ?? 0));
      ctx.fill();
      ctx.stroke();
    }
  }

  private drawAxes(plot: Plot): void {
    const { ctx } = this;
    ctx.strokeStyle = 'rgb(0 0 0 / 0.25)';
    ctx.lineWidth = 1;
    ctx.strokeRect(plot.x + 0.5, plot.y + 0.5, plot.size - 1, plot.size - 1);
    ctx.fillStyle = TEXT;
    ctx.font = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    ctx.beginPath();
    for (const tick of TICKS) {
      const x = toPixel(plot, tick, 'x');
      const y = toPixel(plot, tick, 'y');
      ctx.moveTo(x, plot.y + plot.size);
      ctx.lineTo(x, plot.y + plot.size + 4);
      ctx.moveTo(plot.x - 4, y);
      ctx.lineTo(plot.x, y);
    }
    ctx.stroke();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const tick of TICKS)
      ctx.fillText(label(tick), toPixel(plot, tick, 'x'), plot.y + plot.size + 7);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const tick of TICKS) ctx.fillText(label(tick), plot.x - 7, toPixel(plot, tick, 'y'));
  }
}

/** Proper minus sign for negative tick labels. */
function label(tick: number): string {
  return tick < 0 ? `−${-tick}` : String(tick);
}

function toPixel(plot: Plot, value: number, axis: 'x' | 'y'): number {
  const t = (value - VIEW.min) / (VIEW.max - VIEW.min);
  return axis === 'x' ? plot.x + t * plot.size : plot.y + (1 - t) * plot.size;
}
