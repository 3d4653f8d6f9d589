// The perceptron lab's drawing: the 2-D points, the perceptron's line w·x + b = 0 with its
// class-1 side shaded, the sample just shown, and the network's outputs as a background map.
// Geometry only: the weights, the outputs and the classes come from the engine.
import { crispContext } from '../lab-canvas.ts';

/** The square of input space both planes show (the points are standardised). */
export const DOMAIN = 2.5;
export const CLASS_COLORS = ['#f59322', '#0877bd'] as const;

export interface PlanePoints {
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/** Canvas pixels ↔ input space, for a square canvas of `size` CSS pixels. */
export function toCanvas(v: number, size: number, flip = false): number {
  const t = (v + DOMAIN) / (2 * DOMAIN);
  return (flip ? 1 - t : t) * size;
}
export function fromCanvas(px: number, size: number, flip = false): number {
  const t = px / size;
  return (flip ? 1 - t : t) * 2 * DOMAIN - DOMAIN;
}

/** The square's corners clipped to the half-plane w·x + b ≥ 0 (Sutherland–Hodgman, one edge). */
function halfPlane(w: readonly number[], b: number): [number, number][] {
  const corners: [number, number][] = [
    [-DOMAIN, -DOMAIN],
    [DOMAIN, -DOMAIN],
    [DOMAIN, DOMAIN],
    [-DOMAIN, DOMAIN],
  ];
  const side = (p: [number, number]) => w[0]! * p[0] + w[1]! * p[1] + b;
  const out: [number, number][] = [];
  corners.forEach((p, i) => {
    const q = corners[(i + 1) % 4]!;
    const sp = side(p);
    const sq = side(q);
    if (sp >= 0) out.push(p);
    if (sp >= 0 !== sq >= 0) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  });
  return out;
}

function drawPoints(
  g: CanvasRenderingContext2D,
  points: PlanePoints,
  size: number,
  highlight: number | null,
): void {
  for (let i = 0; i < points.y.length; ++i) {
    const cx = toCanvas(points.x[2 * i]!, size);
    const cy = toCanvas(points.x[2 * i + 1]!, size, true);
    g.beginPath();
    g.arc(cx, cy, i === highlight ? 7 : 4.5, 0, 2 * Math.PI);
    g.fillStyle = CLASS_COLORS[points.y[i]! >= 0.5 ? 1 : 0];
    g.fill();
    g.lineWidth = i === highlight ? 3 : 1;
    g.strokeStyle = i === highlight ? '#111' : '#fff';
    g.stroke();
  }
}

function frame(g: CanvasRenderingContext2D, size: number): void {
  g.strokeStyle = '#c9ced4';
  g.lineWidth = 1;
  g.strokeRect(0.5, 0.5, size - 1, size - 1);
  g.beginPath();
  g.moveTo(size / 2, 0);
  g.lineTo(size / 2, size);
  g.moveTo(0, size / 2);
  g.lineTo(size, size / 2);
  g.strokeStyle = '#eef0f2';
  g.stroke();
}

/** The perceptron's plane: its class-1 half shaded, its line, the points, the sample shown. */
export function drawPerceptron(
  canvas: HTMLCanvasElement,
  size: number,
  points: PlanePoints,
  w: readonly number[],
  b: number,
  highlight: number | null,
): void {
  const g = crispContext(canvas, size, size);
  g.fillStyle = '#fdf1e4'; // the class-0 side (and everything while w = 0 and b < 0)
  g.fillRect(0, 0, size, size);
  const shaded = halfPlane(w, b);
  if (shaded.length > 0) {
    g.beginPath();
    shaded.forEach(([x, y], i) => {
      if (i === 0) g.moveTo(toCanvas(x, size), toCanvas(y, size, true));
      else g.lineTo(toCanvas(x, size), toCanvas(y, size, true));
    });
    g.closePath();
    g.fillStyle = '#e3f0fa';
    g.fill();
  }
  frame(g, size);
  if (w[0] !== 0 || w[1] !== 0) {
    // The boundary: its two crossings of the square's edge are among the clip's new vertices.
    const line = shaded.filter(
      ([x, y]) => Math.abs(w[0]! * x + w[1]! * y + b) < 1e-9 * (1 + Math.abs(b)),
    );
    if (line.length >= 2) {
      g.beginPath();
      g.moveTo(toCanvas(line[0]![0], size), toCanvas(line[0]![1], size, true));
      g.lineTo(toCanvas(line.at(-1)![0], size), toCanvas(line.at(-1)![1], size, true));
      g.lineWidth = 2.5;
      g.strokeStyle = '#222';
      g.stroke();
    }
  }
  drawPoints(g, points, size, highlight);
}

/** The network's plane: its output (P(class 1)) on a res × res grid, row 0 at the top, and the points. */
export function drawNetwork(
  canvas: HTMLCanvasElement,
  size: number,
  points: PlanePoints,
  outputs: Float32Array,
  res: number,
): void {
  const g = crispContext(canvas, size, size);
  // One pixel per grid cell, scaled up smoothly: the map's edges blend as the probabilities do.
  const image = new ImageData(res, res);
  outputs.forEach((p, i) => {
    // White at 0.5, the class colours towards 0 and 1 (TF Playground's diverging map, lighter).
    const t = Math.min(1, Math.abs(p - 0.5) * 2) * 0.45;
    const rgb = p >= 0.5 ? [8, 119, 189] : [245, 147, 34];
    rgb.forEach((v, k) => (image.data[4 * i + k] = Math.round(255 + (v - 255) * t)));
    image.data[4 * i + 3] = 255;
  });
  const cells = document.createElement('canvas');
  cells.width = res;
  cells.height = res;
  cells.getContext('2d')?.putImageData(image, 0, 0);
  g.imageSmoothingEnabled = true;
  g.drawImage(cells, 0, 0, size, size);
  frame(g, size);
  drawPoints(g, points, size, null);
}

/** The grid's input points for drawNetwork: cell centres, row 0 at the top. */
export function gridPoints(res: number): Float32Array {
  const out = new Float32Array(res * res * 2);
  for (let r = 0; r < res; ++r)
    for (let c = 0; c < res; ++c) {
      out[2 * (r * res + c)] = fromCanvas(c + 0.5, res);
      out[2 * (r * res + c) + 1] = fromCanvas(r + 0.5, res, true);
    }
  return out;
}
