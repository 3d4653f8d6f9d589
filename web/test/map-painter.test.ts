// The neuron maps' colours (render/map-painter.ts): the palette level each value gets, and the
// change report that lets the diagram skip writing a canvas whose pixels are the same.
import { describe, expect, it } from 'vitest';
import { heatmapTable } from '../src/render/colors.ts';
import { mapPixels, toUnit } from '../src/render/map-painter.ts';

const TABLE = heatmapTable(256);
/** The RGBA bytes of palette level `level`. */
const level = (level: number) => [...TABLE.subarray(level * 4, level * 4 + 4)];
/** The RGBA bytes of pixel `i` of words written by mapPixels. */
const pixel = (words: Uint32Array, i: number) => [
  ...new Uint8Array(words.buffer, words.byteOffset + i * 4, 4),
];

describe('mapPixels', () => {
  it('puts each value where toUnit places it on the palette, NaN at the neutral middle', () => {
    const map = Float32Array.from([-2, 0, 1, 4, Number.NaN]);
    const words = new Uint32Array(map.length);
    mapPixels(map, 'signed', words);
    // Signed: scaled to ±max(1, max |v|) = ±4.
    toUnit(map, 'signed').forEach((t, i) => {
      const expected = Number.isFinite(t) ? Math.round(t * 255) : 127;
      expect(pixel(words, i)).toEqual(level(expected));
    });
    const probabilities = Float32Array.from([0, 0.25, 1]);
    const out = new Uint32Array(3);
    mapPixels(probabilities, 'probability', out);
    expect([0, 1, 2].map((i) => pixel(out, i))).toEqual([level(0), level(64), level(255)]);
  });

  it('reports whether any pixel changed', () => {
    const map = Float32Array.from([0.1, 0.2, 0.3]);
    const words = new Uint32Array(3);
    expect(mapPixels(map, 'probability', words)).toBe(true);
    expect(mapPixels(map, 'probability', words)).toBe(false);
    // A change too small to reach another palette level leaves the pixels as they are.
    expect(mapPixels(Float32Array.from([0.1001, 0.2, 0.3]), 'probability', words)).toBe(false);
    expect(mapPixels(Float32Array.from([0.9, 0.2, 0.3]), 'probability', words)).toBe(true);
  });
});
