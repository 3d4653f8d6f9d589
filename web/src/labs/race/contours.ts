// Drawing the engine's grid of f as filled contours: log-spaced levels above the grid's minimum
// (a loss surface's interesting detail is near its floor), each band a colour, and the level lines
// by marching squares. Only drawing: every value comes from the engine (surfaceGrid).

/** `count` levels from the grid's minimum, spaced evenly in log(f − min) up to its finite maximum. */
export function logLevels(grid: Float32Array, count: number): number[] {
  let lo = Infinity,
    hi = -Infinity;
  for (const v of grid) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi > lo)) return [];
  const span = hi - lo;
  const first = span * 1e-4;
  const levels: number[] = [];
  for (let i = 0; i < count; i++) levels.push(lo + first * Math.pow(span / first, i / (count - 1)));
  return levels;
}

/** The band a value falls in: 0 below the first level, levels.length above the last. */
export function band(levels: readonly number[], v: number): number {
  if (!Number.isFinite(v)) return levels.length;
  let i = 0;
  while (i < levels.length && v > levels[i]!) i++;
  return i;
}

/** Light to dark blue-grey: light floors, so the racers' paths stand out on them. */
function bandColour(i: number, bands: number): [number, number, number] {
  const t = bands <= 1 ? 0 : i / (bands - 1);
  return [Math.round(250 - 120 * t), Math.round(252 - 105 * t), Math.round(255 - 65 * t)];
}

/** Fills a res × res image (row 0 = yMin at the bottom) with each cell's band colour. */
export function bandImage(grid: Float32Array, res: number, levels: readonly number[]): ImageData {
  const image = new ImageData(res, res);
  for (let j = 0; j < res; j++) {
    for (let i = 0; i < res; i++) {
      const [r, g, b] = bandColour(band(levels, grid[j * res + i]!), levels.length + 1);
      const at = ((res - 1 - j) * res + i) * 4;
      image.data[at] = r;
      image.data[at + 1] = g;
      image.data[at + 2] = b;
      image.data[at + 3] = 255;
    }
  }
  return image;
}

/** Line segments of f = level over the grid, in grid coordinates (i along x, j along y). */
export function isoline(grid: Float32Array, res: number, level: number): number[] {
  const out: number[] = [];
  const at = (i: number, j: number) => grid[j * res + i]!;
  // Where the edge from a (value va) to b (vb) crosses the level, as a fraction from a.
  const cross = (va: number, vb: number) => (level - va) / (vb - va);
  for (let j = 0; j + 1 < res; j++) {
    for (let i = 0; i + 1 < res; i++) {
      const v0 = at(i, j),
        v1 = at(i + 1, j),
        v2 = at(i + 1, j + 1),
        v3 = at(i, j + 1);
      if (![v0, v1, v2, v3].every(Number.isFinite)) continue;
      const points: number[] = [];
      if (v0 > level !== v1 > level) points.push(i + cross(v0, v1), j);
      if (v1 > level !== v2 > level) points.push(i + 1, j + cross(v1, v2));
      if (v2 > level !== v3 > level) points.push(i + 1 - cross(v2, v3), j + 1);
      if (v3 > level !== v0 > level) points.push(i, j + 1 - cross(v3, v0));
      // Two crossings: one segment; four (a saddle cell): two, paired around the cell.
      for (let k = 0; k + 3 < points.length; k += 4) out.push(...points.slice(k, k + 4));
    }
  }
  return out;
}
