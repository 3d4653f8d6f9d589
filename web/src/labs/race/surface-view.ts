// The surface's canvas: the filled contours (contours.ts), the minima (★), the start point (○),
// and each racer's path so far, its position and its current −∇f as an arrow.
import { bandImage, isoline, logLevels } from './contours.ts';

export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface RacerPath {
  colour: string;
  /** [x₀, y₀, x₁, y₁, …] from the engine. */
  trajectory: Float32Array;
  gradient: [number, number];
  diverged: boolean;
}

const LEVELS = 14;
const MARGIN = 28; // pixels for the axes' labels

export class SurfaceView {
  private background: HTMLCanvasElement | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  /** The drawing area in CSS pixels. */
  private area() {
    const w = this.canvas.clientWidth || this.canvas.width;
    const h = this.canvas.clientHeight || this.canvas.height;
    return { left: MARGIN, top: 8, width: w - MARGIN - 8, height: h - MARGIN - 8, w, h };
  }

  toCanvas(box: Box, x: number, y: number): [number, number] {
    const a = this.area();
    return [
      a.left + ((x - box.xMin) / (box.xMax - box.xMin)) * a.width,
      a.top + (1 - (y - box.yMin) / (box.yMax - box.yMin)) * a.height,
    ];
  }

  /** The surface's point under a canvas position (CSS pixels), clamped to the box. */
  toSurface(box: Box, px: number, py: number): [number, number] {
    const a = this.area();
    const fx = Math.min(1, Math.max(0, (px - a.left) / a.width));
    const fy = Math.min(1, Math.max(0, (py - a.top) / a.height));
    return [box.xMin + fx * (box.xMax - box.xMin), box.yMax - fy * (box.yMax - box.yMin)];
  }

  /** Renders the contours once per surface into an offscreen canvas (the paths redraw often). */
  setSurface(grid: Float32Array, res: number): void {
    const levels = logLevels(grid, LEVELS);
    const image = document.createElement('canvas');
    image.width = res;
    image.height = res;
    image.getContext('2d')!.putImageData(bandImage(grid, res, levels), 0, 0);
    const a = this.area();
    const scale = window.devicePixelRatio || 1;
    const bg = document.createElement('canvas');
    bg.width = Math.round(a.w * scale);
    bg.height = Math.round(a.h * scale);
    const g = bg.getContext('2d')!;
    g.scale(scale, scale);
    g.imageSmoothingEnabled = false;
    g.drawImage(image, a.left, a.top, a.width, a.height);
    g.strokeStyle = 'rgba(40, 60, 90, 0.45)';
    g.lineWidth = 0.8;
    // Grid cell (i, j) centres map to the box's sample points.
    const sx = a.width / (res - 1),
      sy = a.height / (res - 1);
    g.beginPath();
    for (const level of levels) {
      const seg = isoline(grid, res, level);
      for (let k = 0; k < seg.length; k += 4) {
        g.moveTo(a.left + seg[k]! * sx, a.top + a.height - seg[k + 1]! * sy);
        g.lineTo(a.left + seg[k + 2]! * sx, a.top + a.height - seg[k + 3]! * sy);
      }
    }
    g.stroke();
    this.background = bg;
  }

  /** No surface (a typed one that does not parse): the old contours would mislead. */
  clearSurface(): void {
    this.background = null;
  }

  draw(box: Box, minima: [number, number][], start: [number, number], paths: RacerPath[]): void {
    const a = this.area();
    const scale = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(a.w * scale)) {
      this.canvas.width = Math.round(a.w * scale);
      this.canvas.height = Math.round(a.h * scale);
    }
    const g = this.canvas.getContext('2d')!;
    g.setTransform(scale, 0, 0, scale, 0, 0);
    g.clearRect(0, 0, a.w, a.h);
    if (this.background) g.drawImage(this.background, 0, 0, a.w, a.h);
    g.strokeStyle = '#6a737d';
    g.strokeRect(a.left, a.top, a.width, a.height);
    this.axes(g, box);
    g.save();
    g.beginPath();
    g.rect(a.left, a.top, a.width, a.height);
    g.clip();
    for (const [x, y] of minima) this.star(g, ...this.toCanvas(box, x, y));
    for (const path of paths) this.path(g, box, path);
    const [sx, sy] = this.toCanvas(box, start[0], start[1]);
    g.lineWidth = 2;
    g.strokeStyle = '#24292f';
    g.fillStyle = '#ffffff';
    g.beginPath();
    g.arc(sx, sy, 6, 0, 2 * Math.PI);
    g.fill();
    g.stroke();
    g.restore();
  }

  private axes(g: CanvasRenderingContext2D, box: Box): void {
    const a = this.area();
    g.fillStyle = '#24292f';
    g.font = '12px system-ui, sans-serif';
    g.textBaseline = 'top';
    g.textAlign = 'left';
    g.fillText(String(box.xMin), a.left, a.top + a.height + 6);
    g.textAlign = 'right';
    g.fillText(String(box.xMax), a.left + a.width, a.top + a.height + 6);
    g.textAlign = 'center';
    g.fillText('x', a.left + a.width / 2, a.top + a.height + 6);
    g.textBaseline = 'middle';
    g.textAlign = 'right';
    g.fillText(String(box.yMax), a.left - 4, a.top + 6);
    g.fillText(String(box.yMin), a.left - 4, a.top + a.height - 6);
    g.fillText('y', a.left - 8, a.top + a.height / 2);
  }

  private star(g: CanvasRenderingContext2D, x: number, y: number): void {
    g.beginPath();
    for (let k = 0; k < 10; k++) {
      const r = k % 2 === 0 ? 8 : 3.5;
      const t = -Math.PI / 2 + (k * Math.PI) / 5;
      g.lineTo(x + r * Math.cos(t), y + r * Math.sin(t));
    }
    g.closePath();
    g.fillStyle = '#ffd33d';
    g.strokeStyle = '#24292f';
    g.lineWidth = 1;
    g.fill();
    g.stroke();
  }

  private path(g: CanvasRenderingContext2D, box: Box, p: RacerPath): void {
    const t = p.trajectory;
    if (t.length < 2) return;
    g.strokeStyle = p.colour;
    g.lineWidth = 2;
    g.beginPath();
    for (let k = 0; k + 1 < t.length; k += 2) {
      const [x, y] = this.toCanvas(box, t[k]!, t[k + 1]!);
      if (k === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    }
    g.stroke();
    const [x, y] = this.toCanvas(box, t[t.length - 2]!, t[t.length - 1]!);
    g.fillStyle = p.colour;
    g.beginPath();
    if (p.diverged) {
      // A cross where it stopped.
      g.lineWidth = 3;
      g.moveTo(x - 6, y - 6);
      g.lineTo(x + 6, y + 6);
      g.moveTo(x + 6, y - 6);
      g.lineTo(x - 6, y + 6);
      g.stroke();
      return;
    }
    g.arc(x, y, 4.5, 0, 2 * Math.PI);
    g.fill();
    this.arrow(g, box, x, y, p);
  }

  /** −∇f from the racer's position: its direction on screen, its length growing with log |∇f|. */
  private arrow(g: CanvasRenderingContext2D, box: Box, x: number, y: number, p: RacerPath): void {
    const a = this.area();
    // In screen units, so that a box wider than tall does not bend the arrow.
    const dx = (-p.gradient[0] / (box.xMax - box.xMin)) * a.width;
    const dy = (p.gradient[1] / (box.yMax - box.yMin)) * a.height;
    const n = Math.hypot(dx, dy);
    const norm = Math.hypot(p.gradient[0], p.gradient[1]);
    if (!(n > 0) || !Number.isFinite(n)) return;
    const length = Math.min(60, 14 + 12 * Math.log10(1 + norm));
    const ex = x + (dx / n) * length,
      ey = y + (dy / n) * length;
    g.strokeStyle = p.colour;
    g.lineWidth = 2;
    g.beginPath();
    g.moveTo(x, y);
    g.lineTo(ex, ey);
    const head = Math.atan2(ey - y, ex - x);
    for (const side of [-1, 1]) {
      g.moveTo(ex, ey);
      g.lineTo(ex - 7 * Math.cos(head + side * 0.45), ey - 7 * Math.sin(head + side * 0.45));
    }
    g.stroke();
  }
}
