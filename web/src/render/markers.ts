// Point markers. With more than two classes each class also has its own shape, so the classes
// stay apart without telling their colours apart (colour-blind readers, grey-scale printouts).
// Pure apart from traceMarker, so the unit tests pin the shapes down.
import type { Surface } from './surface.ts';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'plus';

/** One shape per class for up to six classes, most distinct first. */
export const CLASS_SHAPES: readonly MarkerShape[] = [
  'circle',
  'triangle',
  'square',
  'diamond',
  'triangle-down',
  'plus',
];

/** The marker of a point of class `label` among `classes`: circles for two classes, else the
 *  class's own shape (circles again beyond the sixth class). */
export function classShape(label: number, classes: number): MarkerShape {
  if (classes <= 2) return 'circle';
  return CLASS_SHAPES[Math.round(label)] ?? 'circle';
}

/** Equal-area triangle for a circle of radius 1: side √(4π/√3), so circumradius side/√3. */
const TRIANGLE_SIDE = Math.sqrt((4 * Math.PI) / Math.sqrt(3));
const TRIANGLE_R = TRIANGLE_SIDE / Math.sqrt(3);
/** Half the side of an equal-area square, and half the diagonal of an equal-area diamond. */
const SQUARE_HALF = Math.sqrt(Math.PI) / 2;
const DIAMOND_HALF = Math.sqrt(Math.PI / 2);
/** Half the width and half the length of each arm of the plus (area ≈ π). */
const PLUS_WIDTH = 0.42;
const PLUS_LENGTH = 1.2;

/** The outline of a marker of `radius` around (0, 0), y down, as polygon corners; null for a
 *  circle. Each shape covers about the area of the circle of that radius, so none looks bigger. */
export function markerCorners(shape: MarkerShape, radius: number): [number, number][] | null {
  const r = radius;
  switch (shape) {
    case 'circle':
      return null;
    case 'square': {
      const h = SQUARE_HALF * r;
      return [
        [-h, -h],
        [h, -h],
        [h, h],
        [-h, h],
      ];
    }
    case 'diamond': {
      const h = DIAMOND_HALF * r;
      return [
        [0, -h],
        [h, 0],
        [0, h],
        [-h, 0],
      ];
    }
    case 'triangle':
    case 'triangle-down': {
      const s = shape === 'triangle' ? 1 : -1;
      const top = TRIANGLE_R * r;
      const half = (TRIANGLE_SIDE * r) / 2;
      return [
        [0, -s * top],
        [half, (s * top) / 2],
        [-half, (s * top) / 2],
      ];
    }
    case 'plus': {
      const w = PLUS_WIDTH * r;
      const l = PLUS_LENGTH * r;
      return [
        [-w, -l],
        [w, -l],
        [w, -w],
        [l, -w],
        [l, w],
        [w, w],
        [w, l],
        [-w, l],
        [-w, w],
        [-l, w],
        [-l, -w],
        [-w, -w],
      ];
    }
  }
}

/** Adds a marker's outline at (x, y) to the current path of `ctx`. */
export function traceMarker(
  ctx: Pick<Surface, 'moveTo' | 'arc' | 'lineTo' | 'closePath'>,
  shape: MarkerShape,
  x: number,
  y: number,
  radius: number,
): void {
  const corners = markerCorners(shape, radius);
  if (!corners) {
    ctx.moveTo(x + radius, y);
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    return;
  }
  corners.forEach(([dx, dy], i) => {
    if (i === 0) ctx.moveTo(x + dx, y + dy);
    else ctx.lineTo(x + dx, y + dy);
  });
  ctx.closePath();
}
