// Draws the plot canvas. 2-D data: the network's output over the input plane as a heatmap with the
// data points on top — P(class 1) from orange to blue for a one-output model; for one output per
// class, each spot in its most likely class's colour, paler where the network is less sure; a
// regression's output on the targets' colour scale. Train points have a white outline, test
// points a dark one, validation points are squares (with more than two classes, where each class
// has its own shape: hollow). 1-D data: the points (x, target) of each set and the network's
// curve over the x and target axes.
import { curveX, VIEW, type PlotKind } from '../engine/protocol.ts';
import {
  BLUE,
  classColor,
  classShadeColor,
  cssColor,
  heatmapTable,
  NEUTRAL,
  ORANGE,
  outputColor,
  scaled,
  type Rgb,
} from './colors.ts';
import { CachedLayer } from './cached-layer.ts';
import { classTables, fillClassPixels, fillValuePixels, LEVELS } from './heatmap.ts';
import { classShape, traceMarker, type MarkerShape } from './markers.ts';
import { tickLabel, ticks } from './ticks.ts';
import type { Surface } from './surface.ts';

export interface Frame {
  /** Network output per cell, `channels` floats each, row-major, row 0 at the top (y = VIEW.max). */
  grid: Float32Array;
  resolution: number;
  channels: number;
  /** 1-D data: the network's output at curveX(0 … n−1); empty otherwise. */
  curve: Float32Array;
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
/** 1-D data: fill of the training and validation points (test points are hollow rings), and
 *  the network's curve. */
const CURVE_TRAIN: Rgb = BLUE;
const CURVE_VALIDATION: Rgb = [0x00, 0x9e, 0x73];
const CURVE_LINE: Rgb = ORANGE;

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

/** How one point is drawn: its shape, its fill (none: hollow) and its outline. */
interface MarkerStyle {
  shape: MarkerShape;
  fill: string | null;
  stroke: string;
  lineWidth: number;
}

const WHITE = '#ffffff';

/** What the plot shows besides the network's output: TF Playground's "Show test data" and
 *  "Discretize output" toggles. */
export interface ViewOptions {
  showTestData: boolean;
  /** Two colours only: P(class 1) thresholded at ½ (the most likely class at full colour for
   *  one output per class), a regression's output by its side of the targets' midpoint. */
  discretize: boolean;
}
/** A by-class heatmap's image has this many pixels per grid cell and side. */
const CLASS_UPSAMPLING = 4;

export class BoundaryView {
  private readonly ctx: CanvasRenderingContext2D;
  /** The grid as an image (one pixel per cell, or CLASS_UPSAMPLING² by class); scaled up with
   *  smoothing. */
  private readonly cells = document.createElement('canvas');
  /** The cells' pixels, kept between frames (the grid's size rarely changes). */
  private image: ImageData | null = null;
  /** The data points, and the axes with their labels: drawn once per change, copied per frame. */
  private readonly pointsLayer = new CachedLayer();
  private readonly axesLayer = new CachedLayer();
  private readonly table = heatmapTable();
  /** The same palette in two steps, below and from the middle (discretized output). */
  private readonly steppedTable = heatmapTable(LEVELS, (t) => outputColor(t < 0.5 ? 0 : 1));
  /** classTables(k) by k, made when first needed. */
  private readonly classTables = new Map<number, Uint8ClampedArray[]>();
  private cssSize = 0;
  /** The plot square of the last drawing, in CSS pixels (for toData). */
  private lastPlot: Plot | null = null;
  /** What the last drawing showed (drawOn draws it again, for a picture). */
  private last: { frame: Frame | null; points: PointSets | null } = { frame: null, points: null };
  options: ViewOptions = { showTestData: true, discretize: false };

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

  /** The canvas's side in CSS pixels (as last fitted). */
  get size(): number {
    return this.cssSize;
  }

  draw(frame: Frame | null, points: PointSets | null): void {
    const { ctx, cssSize } = this;
    this.last = { frame, points };
    const scale = this.canvas.width / cssSize;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.clearRect(0, 0, cssSize, cssSize);
    const kind = plotKindOf(points);
    const plot = plotSquare(kind, cssSize);
    this.lastPlot = plot;
    this.drawBackground(ctx, plot, frame, kind);
    const { width, height } = this.canvas;
    // The points and the axes change rarely: drawn once per change into layers, copied here.
    if (points) {
      const { showTestData } = this.options;
      const { train, validation, test } = points;
      const key = [cssSize, kindKey(kind), showTestData, train, validation, test];
      const layer = this.pointsLayer.get(width, height, key, (layerCtx) => {
        layerCtx.setTransform(scale, 0, 0, scale, 0, 0);
        drawPointSets(layerCtx, plot, points, kind, showTestData);
      });
      ctx.drawImage(layer, 0, 0, cssSize, cssSize);
    }
    if (kind.kind === 'curve' && frame) drawCurve(ctx, plot, frame.curve);
    const axes = this.axesLayer.get(width, height, [cssSize, plot.yMin, plot.yMax], (layerCtx) => {
      layerCtx.setTransform(scale, 0, 0, scale, 0, 0);
      drawAxes(layerCtx, plot, yTicksOf(kind, plot));
    });
    ctx.drawImage(axes, 0, 0, cssSize, cssSize);
  }

  /** What the last draw() showed, drawn on `target` (CSS pixels, a square of side `size`), the
   *  same drawing without the page's cached layers: for a picture of the plot. */
  drawOn(target: Surface): void {
    const { frame, points } = this.last;
    const kind = plotKindOf(points);
    const plot = plotSquare(kind, this.cssSize);
    this.drawBackground(target, plot, frame, kind);
    if (points) drawPointSets(target, plot, points, kind, this.options.showTestData);
    if (kind.kind === 'curve' && frame) drawCurve(target, plot, frame.curve);
    drawAxes(target, plot, yTicksOf(kind, plot));
  }

  /** The heatmap of the network's output (2-D data) or the curve's white grid (1-D data). */
  private drawBackground(target: Surface, plot: Plot, frame: Frame | null, kind: PlotKind): void {
    if (kind.kind === 'curve') drawCurveBackground(target, plot);
    else this.drawHeatmap(target, plot, frame, kind);
  }

  private drawHeatmap(target: Surface, plot: Plot, frame: Frame | null, kind: PlotKind): void {
    const ctx = target;
    const channels = kind.kind === 'classes' ? kind.outputs : 1;
    const n = frame?.resolution ?? 0;
    if (!frame || n < 1 || frame.channels !== channels || frame.grid.length !== n * n * channels) {
      // No grid yet, or the last run's (its points and its first snapshot arrive apart).
      ctx.fillStyle = cssColor(NEUTRAL);
      ctx.fillRect(plot.x, plot.y, plot.size, plot.size);
      return;
    }
    // Classes are chosen per pixel of a finer image, between interpolated probabilities.
    const { discretize } = this.options;
    const size = channels > 1 ? n * CLASS_UPSAMPLING : n;
    if (this.cells.width !== size) {
      this.cells.width = size;
      this.cells.height = size;
    }
    const cellsCtx = this.cells.getContext('2d');
    if (!cellsCtx) return;
    if (this.image?.width !== size) this.image = cellsCtx.createImageData(size, size);
    const { image } = this;
    if (channels > 1) {
      const tables = this.tablesFor(channels, discretize);
      fillClassPixels(frame.grid, n, channels, tables, image.data, size);
    } else {
      // A regression's threshold is the middle of its colour scale, which spans the targets.
      const [min, max] = kind.kind === 'values' ? [kind.min, kind.max] : [0, 1];
      const table = discretize ? this.steppedTable : this.table;
      fillValuePixels(frame.grid, table, min, max, image.data);
    }
    cellsCtx.putImageData(image, 0, 0);
    // Smoothing would blend the two colours of a discretized output along the boundary.
    // Bilinear ('medium'): at about 7 pixels per cell it looks the same as bicubic ('high'),
    // which costs the main thread some 1.5 ms more per frame when the canvas is rastered in
    // software (bench-page's Chromium, machines without GPU compositing).
    ctx.imageSmoothingEnabled = !discretize;
    ctx.imageSmoothingQuality = 'medium';
    ctx.drawImage(this.cells, plot.x, plot.y, plot.size, plot.size);
  }

  /** classTables(k), or for a discretized output each class's full colour at every level. */
  private tablesFor(classes: number, discretize: boolean): Uint8ClampedArray[] {
    const key = discretize ? -classes : classes;
    let tables = this.classTables.get(key);
    if (!tables) {
      tables = discretize
        ? Array.from({ length: classes }, (_, c) =>
            heatmapTable(LEVELS, () => classShadeColor(c, 1, classes)),
          )
        : classTables(classes);
      this.classTables.set(key, tables);
    }
    return tables;
  }

  /** The input-plane point under a position in CSS pixels of the canvas, or null outside the
   *  plot square. */
  toData(cssX: number, cssY: number): { x: number; y: number } | null {
    const plot = this.lastPlot;
    if (!plot) return null;
    const u = (cssX - plot.x) / plot.size;
    const v = (cssY - plot.y) / plot.size;
    if (u < 0 || u > 1 || v < 0 || v > 1) return null;
    return {
      x: VIEW.min + u * (VIEW.max - VIEW.min),
      y: plot.yMax - v * (plot.yMax - plot.yMin),
    };
  }
}

/** The plot's kind from its points (before the first points: two classes, one output). */
function plotKindOf(points: PointSets | null): PlotKind {
  return points?.plot ?? { kind: 'classes', classes: 2, outputs: 1 };
}

/** The plot square on a canvas of side `cssSize`, and its vertical axis's range. */
function plotSquare(kind: PlotKind, cssSize: number): Plot {
  const curve = kind.kind === 'curve';
  return {
    x: MARGIN.left,
    y: MARGIN.top,
    size: cssSize - MARGIN.left - MARGIN.right,
    yMin: curve ? kind.min : VIEW.min,
    yMax: curve ? kind.max : VIEW.max,
    pointsPerSide: curve ? 150 : 120,
  };
}

function yTicksOf(kind: PlotKind, plot: Plot): readonly number[] {
  return kind.kind === 'curve' ? ticks(plot.yMin, plot.yMax, 5) : X_TICKS;
}

/** The training, validation and (if shown) test points, each set a group of its own. */
function drawPointSets(
  ctx: Surface,
  plot: Plot,
  points: PointSets,
  kind: PlotKind,
  showTestData: boolean,
): void {
  for (const split of ['train', 'validation', 'test'] as const) {
    if (split === 'test' && !showTestData) continue;
    ctx.group?.(`${split}-points`);
    drawPoints(ctx, plot, points[split], (target) => markerStyle(kind, split, target));
    ctx.ungroup?.();
  }
}

/** The network's prediction y = f(x) as a line over the points (clipped to the plot; broken
 *  where the output is not finite). */
function drawCurve(ctx: Surface, plot: Plot, curve: Float32Array): void {
  if (curve.length < 2) return;
  const span = plot.yMax - plot.yMin;
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y, plot.size, plot.size);
  ctx.clip();
  ctx.beginPath();
  let drawing = false;
  curve.forEach((value, i) => {
    if (!Number.isFinite(value)) {
      drawing = false;
      return;
    }
    // Far outside the plot the line only has to leave it; huge coordinates are not drawn well.
    const y = toY(plot, Math.min(Math.max(value, plot.yMin - span), plot.yMax + span));
    const x = toX(plot, curveX(i, curve.length));
    if (drawing) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
    drawing = true;
  });
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.strokeStyle = 'rgb(255 255 255 / 0.85)';
  ctx.lineWidth = 5;
  ctx.stroke();
  ctx.strokeStyle = cssColor(CURVE_LINE);
  ctx.lineWidth = 2.5;
  ctx.stroke();
  ctx.restore();
}

/** A white square with faint grid lines and the line target = 0. */
function drawCurveBackground(ctx: Surface, plot: Plot): void {
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

/** Every point of `points` as `style` says, on `ctx`. */
function drawPoints(
  ctx: Surface,
  plot: Plot,
  points: Float32Array,
  style: (target: number) => MarkerStyle,
): void {
  const radius = Math.max(2.5, plot.size / plot.pointsPerSide);
  for (let i = 0; i + 2 < points.length; i += 3) {
    const { shape, fill, stroke, lineWidth } = style(points[i + 2] ?? 0);
    ctx.beginPath();
    traceMarker(ctx, shape, toX(plot, points[i] ?? 0), toY(plot, points[i + 1] ?? 0), radius);
    if (fill) {
      ctx.fillStyle = fill;
      ctx.fill();
    }
    ctx.lineJoin = 'round';
    ctx.lineWidth = lineWidth;
    ctx.strokeStyle = stroke;
    ctx.stroke();
  }
}

/** The plot's frame, its ticks and their labels, on `ctx`. */
function drawAxes(ctx: Surface, plot: Plot, yTicks: readonly number[]): void {
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

function toX(plot: Plot, value: number): number {
  return plot.x + ((value - VIEW.min) / (VIEW.max - VIEW.min)) * plot.size;
}

function toY(plot: Plot, value: number): number {
  return plot.y + (1 - (value - plot.yMin) / (plot.yMax - plot.yMin)) * plot.size;
}

/** How a point of `split` with `target` is drawn on a plot of `kind`. */
function markerStyle(
  kind: PlotKind,
  split: 'train' | 'validation' | 'test',
  target: number,
): MarkerStyle {
  if (kind.kind === 'curve') {
    if (split === 'test')
      return { shape: 'circle', fill: null, stroke: TEST_OUTLINE, lineWidth: 1.5 };
    const fill = cssColor(split === 'train' ? CURVE_TRAIN : CURVE_VALIDATION);
    return { shape: split === 'train' ? 'circle' : 'square', fill, stroke: WHITE, lineWidth: 1 };
  }
  const color = cssColor(
    kind.kind === 'values'
      ? outputColor(scaled(target, kind.min, kind.max))
      : classColor(target, kind.classes),
  );
  const outline = split === 'train' ? WHITE : TEST_OUTLINE;
  if (kind.kind === 'classes' && kind.classes > 2) {
    const shape = classShape(target, kind.classes);
    // The shape shows the class, so a validation point is told apart by being hollow.
    if (split === 'validation') return { shape, fill: WHITE, stroke: color, lineWidth: 2 };
    return { shape, fill: color, stroke: outline, lineWidth: 1 };
  }
  return {
    shape: split === 'validation' ? 'square' : 'circle',
    fill: color,
    stroke: outline,
    lineWidth: 1,
  };
}

/** What of a plot kind the points' markers depend on (not a class model's output count, which
 *  differs between the plot and a neuron's preview of it). */
function kindKey(kind: PlotKind): string {
  return kind.kind === 'classes'
    ? `classes/${kind.classes}`
    : `${kind.kind}/${kind.min}/${kind.max}`;
}
