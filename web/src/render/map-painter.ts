// Paints a neuron's map (its output over the input plane) into a canvas on the heatmap palette,
// once per snapshot for every neuron of the diagram. The pixels are kept between snapshots and the
// canvas is written only where a map's colours changed: an unchanged canvas costs the page
// nothing to composite, and late in training most maps change little.
import { heatmapTable } from './colors.ts';

const TABLE = heatmapTable(256);
/** The palette as one 32-bit RGBA word per level (the table's bytes, read in place). */
const WORDS = new Uint32Array(TABLE.buffer, TABLE.byteOffset, TABLE.length / 4);
/** The neutral middle level, for NaN and ±Infinity. */
const NEUTRAL_LEVEL = 127;

/** How a map's values meet the palette: probabilities as they are, else ±max(1, max |v|). */
export type MapRange = 'probability' | 'signed';

/** The map's values on the palette's 0 … 1: probabilities as they are; other outputs scaled to
 *  ±max(1, max |v|), so tanh units span it as TF Playground shows them. */
export function toUnit(map: Float32Array, range: MapRange): Float32Array {
  if (range === 'probability') return map.slice();
  const m = signedScale(map);
  return map.map((v) => signedUnit(v, m));
}

/** A signed value on the palette's 0 … 1, for a map whose half-width is `m`. */
function signedUnit(v: number, m: number): number {
  return 0.5 + v / (2 * m);
}

/** max(1, max |v|): the half-width of a signed map's colour scale. */
function signedScale(map: Float32Array): number {
  let m = 1;
  for (const v of map) if (Math.abs(v) > m) m = Math.abs(v);
  return m;
}

/** Writes the map's palette colours into `out` (one RGBA word per value, as toUnit places them)
 *  and returns whether any word changed. */
export function mapPixels(map: Float32Array, range: MapRange, out: Uint32Array): boolean {
  const signed = range === 'signed';
  const m = signed ? signedScale(map) : 1;
  let changed = false;
  for (let i = 0; i < map.length; i++) {
    const t = signed ? signedUnit(map[i]!, m) : map[i]!;
    const level = Number.isFinite(t)
      ? Math.round(Math.min(1, Math.max(0, t)) * 255)
      : NEUTRAL_LEVEL;
    const word = WORDS[level]!;
    if (out[i] !== word) {
      out[i] = word;
      changed = true;
    }
  }
  return changed;
}

export class MapPainter {
  private image: ImageData | null = null;
  private words = new Uint32Array(0);

  constructor(readonly canvas: HTMLCanvasElement) {}

  /** Shows the r×r `map`, writing the canvas only if a pixel changed. */
  paint(map: Float32Array, r: number, range: MapRange): void {
    const { canvas } = this;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    if (canvas.width !== r || canvas.height !== r || this.image?.width !== r) {
      canvas.width = r;
      canvas.height = r;
      this.image = ctx.createImageData(r, r);
      this.words = new Uint32Array(this.image.data.buffer);
    }
    if (mapPixels(map, range, this.words)) ctx.putImageData(this.image, 0, 0);
  }
}
