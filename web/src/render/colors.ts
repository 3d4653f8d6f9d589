// The TensorFlow Playground palette: orange for class 0 / output 0, blue for class 1 / output 1,
// a light grey in between; for more than two classes, four more distinct colours.

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

/** One colour per class for up to six classes: orange and blue first (the heatmap's P(class 1)
 *  runs from orange to blue), then green, purple, red and brown. */
export const CLASS_COLORS: readonly Rgb[] = [
  ORANGE,
  BLUE,
  [0x2c, 0xa0, 0x2c],
  [0x93, 0x33, 0xea],
  [0xd6, 0x27, 0x28],
  [0x8c, 0x56, 0x4b],
];

/** Colour of a point of class `label` among `classes` classes (two classes: as labelColor). */
export function classColor(label: number, classes: number): Rgb {
  if (classes <= 2) return labelColor(label);
  return CLASS_COLORS[Math.round(label)] ?? INVALID;
}

/** Where `value` lies in [min, max], as 0 … 1 (the palette's input for a regression). */
export function scaled(value: number, min: number, max: number): number {
  return max > min ? (value - min) / (max - min) : 0.5;
}

export function cssColor([r, g, b]: Rgb): string {
  return `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)})`;
}

/** Palette colour of one class's probability in [0, 1] (clamped): neutral grey to blue. With more
 *  than two classes, "not class 1" is not class 0, so it must not look orange. */
export function oneClassColor(value: number): Rgb {
  if (Number.isNaN(value)) return INVALID;
  return mix(NEUTRAL, BLUE, Math.min(Math.max(value, 0), 1));
}

/** A palette sampled at `levels` levels and faded as the heatmap is, as packed RGBA bytes, for
 *  filling ImageData quickly. */
export function heatmapTable(levels = 256, palette = outputColor): Uint8ClampedArray {
  const table = new Uint8ClampedArray(levels * 4);
  for (let i = 0; i < levels; i++) {
    const [r, g, b] = mix([255, 255, 255], palette(i / (levels - 1)), HEATMAP_OPACITY);
    table.set([r, g, b, 255], i * 4);
  }
  return table;
}
