// The heatmap's pixels from the network's grid, without the DOM (pure, so the unit tests pin them
// down). One value per cell (P(class 1), a regression's output) goes through a colour table; one
// probability per class colours each cell by its most likely class, shaded by that probability
// from 1/2 (grey) to 1 (the class colour).
import { classShadeColor, confidence, heatmapTable, INVALID, scaled } from './colors.ts';

/** Levels each colour table is sampled at. */
export const LEVELS = 256;

/** The most likely of the `k` probabilities starting at `offset`, and its probability; index −1
 *  (probability NaN) if any of them is NaN. Ties go to the lower class. */
export function argmax(
  probabilities: ArrayLike<number>,
  offset: number,
  k: number,
): { index: number; probability: number } {
  let index = -1;
  let probability = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    const p = probabilities[offset + c] ?? Number.NaN;
    if (Number.isNaN(p)) return { index: -1, probability: Number.NaN };
    if (p > probability) {
      index = c;
      probability = p;
    }
  }
  return { index, probability };
}

/** One faded colour table per class: from the neutral grey (confidence 0) to the class colour
 *  (confidence 1), as heatmapTable packs them. */
export function classTables(classes: number, levels = LEVELS): Uint8ClampedArray[] {
  return Array.from({ length: classes }, (_, c) =>
    heatmapTable(levels, (t) => classShadeColor(c, t, classes)),
  );
}

const INVALID_RGBA = [...INVALID, 255];

/** Fills `out` (RGBA, 4 bytes per cell) from one value per cell: `value` scaled from [min, max]
 *  to the table's levels (clamped), INVALID where it is NaN. */
export function fillValuePixels(
  grid: ArrayLike<number>,
  table: Uint8ClampedArray,
  min: number,
  max: number,
  out: Uint8ClampedArray,
): void {
  const levels = table.length / 4 - 1;
  for (let i = 0; i < grid.length; i++) {
    const t = scaled(grid[i] ?? Number.NaN, min, max);
    if (Number.isNaN(t)) {
      out.set(INVALID_RGBA, i * 4);
      continue;
    }
    const level = Math.round(Math.min(Math.max(t, 0), 1) * levels);
    out.set(table.subarray(level * 4, level * 4 + 4), i * 4);
  }
}

/**
 * Fills `out` (RGBA, `size`² pixels) from a resolution × resolution grid of `k` probabilities
 * per cell: each pixel in its most likely class's table (classTables(k)), at that probability's
 * confidence (grey while no class has a majority, full colour when the network is sure);
 * INVALID where any is NaN. With size > resolution the probabilities are interpolated
 * bilinearly between cell centres before the most likely class is chosen, so a boundary is a
 * smooth line rather than steps one cell wide.
 */
export function fillClassPixels(
  grid: ArrayLike<number>,
  resolution: number,
  k: number,
  tables: readonly Uint8ClampedArray[],
  out: Uint8ClampedArray,
  size = resolution,
): void {
  const n = resolution;
  // Where each pixel column (and row) falls between two cell centres.
  const near = new Int32Array(size);
  const far = new Int32Array(size);
  const toFar = new Float64Array(size);
  for (let p = 0; p < size; p++) {
    const u = Math.min(Math.max(((p + 0.5) * n) / size - 0.5, 0), n - 1);
    near[p] = Math.floor(u);
    far[p] = Math.min(near[p]! + 1, n - 1);
    toFar[p] = u - near[p]!;
  }
  // Each cell's most likely class (−1 where a probability is NaN).
  const winner = new Int8Array(n * n);
  for (let cell = 0; cell < n * n; cell++) winner[cell] = argmax(grid, cell * k, k).index;
  const corners = new Int32Array(4);
  const weights = new Float64Array(4);
  for (let py = 0; py < size; py++) {
    const r0 = near[py]! * n;
    const r1 = far[py]! * n;
    const fy = toFar[py]!;
    for (let px = 0; px < size; px++) {
      const c0 = near[px]!;
      const c1 = far[px]!;
      const fx = toFar[px]!;
      corners[0] = (r0 + c0) * k;
      corners[1] = (r0 + c1) * k;
      corners[2] = (r1 + c0) * k;
      corners[3] = (r1 + c1) * k;
      weights[0] = (1 - fx) * (1 - fy);
      weights[1] = fx * (1 - fy);
      weights[2] = (1 - fx) * fy;
      weights[3] = fx * fy;
      // The most likely class of the interpolated probabilities (NaN: none). Where the four
      // cells agree, so does their mix (it is at least as likely as any other class at each of
      // them), and only its probability needs interpolating.
      let index = winner[corners[0] / k]!;
      let probability = 0;
      if (
        index >= 0 &&
        winner[corners[1] / k] === index &&
        winner[corners[2] / k] === index &&
        winner[corners[3] / k] === index
      ) {
        for (let corner = 0; corner < 4; corner++) {
          probability += weights[corner]! * (grid[corners[corner]! + index] ?? 0);
        }
      } else {
        index = -1;
        probability = Number.NEGATIVE_INFINITY;
        for (let j = 0; j < k; j++) {
          let p = 0;
          for (let corner = 0; corner < 4; corner++) {
            // Corners without weight are left out, so a NaN cell spoils only pixels it touches.
            const w = weights[corner]!;
            if (w > 0) p += w * (grid[corners[corner]! + j] ?? Number.NaN);
          }
          if (Number.isNaN(p)) {
            index = -1;
            break;
          }
          if (p > probability) {
            index = j;
            probability = p;
          }
        }
      }
      const table = tables[index];
      const at = (py * size + px) * 4;
      if (!table) {
        out.set(INVALID_RGBA, at);
        continue;
      }
      const level = Math.round(confidence(probability) * (table.length / 4 - 1)) * 4;
      out[at] = table[level]!;
      out[at + 1] = table[level + 1]!;
      out[at + 2] = table[level + 2]!;
      out[at + 3] = table[level + 3]!;
    }
  }
}
