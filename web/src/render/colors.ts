// The TensorFlow Playground palette: orange for class 0 / output 0, blue for class 1 / output 1,
// a light grey in between.

export type Rgb = readonly [number, number, number];

export const ORANGE: Rgb = [0xf5, 0x93, 0x22];
export const NEUTRAL: Rgb = [0xe8, 0xea, 0xeb];
export const BLUE: Rgb = [0x08, 0x77, 0xbd];
/** Shown where the network output is NaN (a diverged run). */
export const INVALID: Rgb = [0x9c, 0xa3, 0xaf];

/** How much of the palette colour the heatmap shows over white (TF Playground uses 160/255),
 *  so that the fully coloured points stand out from the background. */
export const HEATMAP_OPACITY = 160 / 255;

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Palette colour of a network output in [0, 1] (clamped): 0 orange, 0.5 neutral, 1 blue. */
export function outputColor(value: number): Rgb {
  if (Number.isNaN(value)) return INVALID;
  const v = Math.min(Math.max(value, 0), 1);
  return v < 0.5 ? mix(ORANGE, NEUTRAL, v * 2) : mix(NEUTRAL, BLUE, v * 2 - 1);
}

/** Heatmap colour: the palette colour faded towards white. */
export function heatmapColor(value: number): Rgb {
  return mix([255, 255, 255], outputColor(value), HEATMAP_OPACITY);
}

/** Colour of a data point with class `label` (0 or 1). */
export function labelColor(label: number): Rgb {
  return label >= 0.5 ? BLUE : ORANGE;
}

export function cssColor([r, g, b]: Rgb): string {
  return `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)})`;
}

/** heatmapColor sampled at 256 levels as packed RGBA bytes, for filling ImageData quickly. */
export function heatmapTable(levels = 256): Uint8ClampedArray {
  const table = new Uint8ClampedArray(levels * 4);
  for (let i = 0; i < levels; i++) {
    const [r, g, b] = heatmapColor(i / (levels - 1));
    table.set([r, g, b, 255], i * 4);
  }
  return table;
}
