// Draws the plot canvas. 2-D data: the network's output over the input plane as a heatmap
// (P(class 1) for classes, the raw output for a regression, on the targets' colour scale) with the
// data points on top — train: white outline, validation: squares, test: dark outline. 1-D data:
// the points (x, target) of each set over the x and target axes.
import { VIEW, type PlotKind } from '../engine/protocol.ts';
import {
  BLUE,
  classColor,
  cssColor,
  heatmapTable,
  INVALID,
  NEUTRAL,
  oneClassColor,
  outputColor,
  scaled,
  type Rgb,
} from './colors.ts';
import { tickLabel, ticks } from './plot.ts';

export interface GridFrame {
  /** Network output per cell, row-major, row 0 at the top (y = VIEW.max). */
  grid: Float32Array;
  resolution: number;
}

export interface PointSets {
  plot: PlotKind;
  /** [x, y, target] per training point (1-D data: [x, target, target]). */
  train: Float32Array;
  validation: Float32Array;
  test: Float32Array;
}

/** Space around the plot square for tick labels, in CSS pixels. */
const MARGIN = { left: 34, right: 10, top: 10, bottom: 30 } as const;
const X_TICKS = [-6, -4, -2, 0, 2, 4, 6];
const TEXT = '#5b6472';
const TEST_OUTLINE = '#1f2933';
const GRID_LINE = 'rgb(0 0 0 / 0.07)';
/** 1-D data: fill of the training and validation points (test points are hollow rings). */
const CURVE_TRAIN: Rgb = BLUE;
const CURVE_VALIDATION: Rgb = [0x2c, 0xa0, 0x2c];

interface Plot {
  x: number;
  y: number;
  size: number;
  /** The value range of the vertical axis (VIEW for the plane, the targets' for a curve). */
  yMin: number;
  yMax: number;
  /** Point radius = size / pointsPerSide (the curve's points lie close together). */
  pointsPerSide: number;
}

type Marker = 'circle' | 'square' | 'ring';

export class BoundaryView {
  private readonly ctx: CanvasRenderingContext2D;
  /** The grid at its own resolution, one pixel per cell; scaled up with smoothing. */
  private readonly cells = document.createElement('canvas');
  private readonly table = heatmapTable();
  /** P(class 1) among more than two classes: neutral to blue. */
  private readonly oneClassTable = heatmapTable(256, oneClassColor);
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
    const kind: PlotKind = points?.plot ?? { kind: 'classes', classes: 2 };
    const curve = kind.kind === 'curve';
    const plot: Plot = {
      x: MARGIN.left,
      y: MARGIN.top,
      size: cssSize - MARGIN.left - MARGIN.right,
      yMin: curve ? kind.min : VIEW.min,
      yMax: curve ? kind.max : VIEW.max,
      pointsPerSide: curve ? 150 : 120,
    };
    if (curve) this.drawCurveBackground(plot);
    else this.drawHeatmap(plot, frame, kind);
    if (points) {
      if (curve) {
        this.drawPoints(plot, points.train, 'circle', () => CURVE_TRAIN, '#ffffff');
        this.drawPoints(plot, points.validation, 'square', () => CURVE_VALIDATION, '#ffffff');
        this.drawPoints(plot, points.test, 'ring', () => CURVE_TRAIN, TEST_OUTLINE);
      } else {
        const fill = (target: number): Rgb =>
          kind.kind === 'values'
            ? outputColor(scaled(target, kind.min, kind.max))
            : classColor(target, kind.classes);
        this.drawPoints(plot, points.train, 'circle', fill, '#ffffff');
        this.drawPoints(plot, points.validation, 'square', fill, TEST_OUTLINE);
        this.drawPoints(plot, points.test, 'circle', fill, TEST_OUTLINE);
      }
    }
    this.drawAxes(plot, curve ? ticks(plot.yMin, plot.yMax, 5) : X_TICKS);
  }

  private drawHeatmap(plot: Plot, frame: GridFrame | null, kind: PlotKind): void {
    const { ctx } = this;
    if (!frame || frame.resolution < 1 || frame.grid.length !== frame.resolution ** 2) {
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
    const table = kind.kind === 'classes' && kind.classes > 2 ? this.oneClassTable : this.table;
    const levels = table.length / 4 - 1;
    const [min, max] = kind.kind === 'values' ? [kind.min, kind.max] : [0, 1];
    frame.grid.forEach((value, i) => {
      const t = scaled(value, min, max);
      const level = Number.isNaN(t) ? -1 : Math.round(Math.min(Math.max(t, 0), 1) * levels);
      if (level < 0) image.data.set([...INVALID, 255], i * 4);
      else image.data.set(table.subarray(level * 4, level * 4 + 4), i * 4);
    });
    cellsCtx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(this.cells, plot.x, plot.y, plot.size, plot.size);
  }

  /** A white square with faint grid lines and the line target = 0. */
  private drawCurveBackground(plot: Plot): void {
    const { ctx } = this;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(plot.x, plot.y, plot.size, plot.size);
    ctx.strokeStyle = GRID_LINE;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const tick of X_TICKS) {
      const x = Math.round(toX(plot, tick)) + 0.5;
      ctx.moveTo(x, plot.y);
      ctx.lineTo(x, plot.y + plot.size);
    }
    for (const tick of ticks(plot.yMin, plot.yMax, 5)) {
      const y = Math.round(toY(plot, tick)) + 0.5;
      ctx.moveTo(plot.x, y);
      ctx.lineTo(plot.x + plot.size, y);
    }
    ctx.stroke();
    if (plot.yMin < 0 && plot.yMax > 0) {
      ctx.strokeStyle = 'rgb(0 0 0 / 0.25)';
      ctx.beginPath();
      const y = Math.round(toY(plot, 0)) + 0.5;
      ctx.moveTo(plot.x, y);
      ctx.lineTo(plot.x + plot.size, y);
      ctx.stroke();
    }
  }

  private drawPoints(
    plot: Plot,
    points: Float32Array,
    marker: Marker,
    fill: (target: number) => Rgb,
    outline: string,
  ): void {
    const { ctx } = this;
    const radius = Math.max(2.5, plot.size / plot.pointsPerSide);
    ctx.lineWidth = marker === 'ring' ? 1.5 : 1;
    ctx.strokeStyle = outline;
    for (let i = 0; i + 2 < points.length; i += 3) {
      const x = toX(plot, points[i] ?? 0);
      const y = toY(plot, points[i + 1] ?? 0);
      ctx.beginPath();
      if (marker === 'square') ctx.rect(x - radius, y - radius, 2 * radius, 2 * radius);
      else ctx.arc(x, y, radius, 0, 2 * Math.PI);
      if (marker !== 'ring') {
        ctx.fillStyle = cssColor(fill(points[i + 2] ?? 0));
        ctx.fill();
      }
      ctx.stroke();
    }
  }

  private drawAxes(plot: Plot, yTicks: readonly number[]): void {
    const { ctx } = this;
    ctx.strokeStyle = 'rgb(0 0 0 / 0.25)';
    ctx.lineWidth = 1;
    ctx.strokeRect(plot.x + 0.5, plot.y + 0.5, plot.size - 1, plot.size - 1);
    ctx.fillStyle = TEXT;
    ctx.font = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    ctx.beginPath();
    for (const tick of X_TICKS) {
      const x = toX(plot, tick);
      ctx.moveTo(x, plot.y + plot.size);
      ctx.lineTo(x, plot.y + plot.size + 4);
    }
    for (const tick of yTicks) {
      const y = toY(plot, tick);
      ctx.moveTo(plot.x - 4, y);
      ctx.lineTo(plot.x, y);
    }
    ctx.stroke();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const tick of X_TICKS) {
      ctx.fillText(tickLabel(tick), toX(plot, tick), plot.y + plot.size + 7);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const tick of yTicks) ctx.fillText(tickLabel(tick), plot.x - 7, toY(plot, tick));
  }
}

function toX(plot: Plot, value: number): number {
  return plot.x + ((value - VIEW.min) / (VIEW.max - VIEW.min)) * plot.size;
}

function toY(plot: Plot, value: number): number {
  return plot.y + (1 - (value - plot.yMin) / (plot.yMax - plot.yMin)) * plot.size;
}
