// The palette. Two classes and the P(class 1) map keep TensorFlow Playground's orange for class 0
// / output 0 and blue for class 1 / output 1, a light grey in between. More classes add colours
// chosen to stay apart for colour-blind eyes (web/test/render.test.ts checks them under simulated
// protanopia, deuteranopia and tritanopia): Okabe–Ito's bluish green, Paul Tol's wine, a dark
// brown and Okabe–Ito's sky blue.

export type Rgb = readonly [number, number, number];

export const ORANGE: Rgb = [0xf5, 0x93, 0x22];
export const NEUTRAL: Rgb = [0xe8, 0xea, 0xeb];
export const BLUE: Rgb = [0x08, 0x77, 0xbd];
/** Shown where the network output is NaN (a diverged run). */
export const INVALID: Rgb = [0x9c, 0xa3, 0xaf];
const WHITE: Rgb = [0xff, 0xff, 0xff];

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

/** A palette colour faded towards white, as the heatmap shows it. */
export function faded(color: Rgb): Rgb {
  return mix(WHITE, color, HEATMAP_OPACITY);
}

/** Heatmap colour: the palette colour faded towards white. */
export function heatmapColor(value: number): Rgb {
  return faded(outputColor(value));
}

/** Colour of a data point with class `label` (0 or 1). */
export function labelColor(label: number): Rgb {
  return label >= 0.5 ? BLUE : ORANGE;
}

/** One colour per class for up to six classes: orange and blue first (as for two classes), then
 *  bluish green, wine, brown and sky blue. */
export const CLASS_COLORS: readonly Rgb[] = [
  ORANGE,
  BLUE,
  [0x00, 0x9e, 0x73],
  [0x88, 0x22, 0x55],
  [0x99, 0x4f, 0x00],
  [0x56, 0xb4, 0xe9],
];

/** Colour of a point of class `label` among `classes` classes (two classes: as labelColor);
 *  the grey of INVALID beyond the sixth class. */
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

/** How sure the most likely class's probability `p` is, 0 … 1: 0 up to p = 1/2 (no class has
 *  a majority, as on a boundary between two classes, so the shading is continuous across it),
 *  1 when the network is certain (p = 1). Two classes: |2·P(class 1) − 1|, as outputColor. */
export function confidence(p: number): number {
  if (Number.isNaN(p)) return Number.NaN;
  return Math.min(Math.max(2 * p - 1, 0), 1);
}

/** Palette colour of a cell whose most likely class is `label` among `classes` (0 … 1 confident):
 *  from the neutral grey (unsure) to the class's colour (certain). Two classes give the
 *  orange–grey–blue scale of outputColor. */
export function classShadeColor(label: number, confidence: number, classes: number): Rgb {
  if (Number.isNaN(confidence) || label < 0) return INVALID;
  return mix(NEUTRAL, classColor(label, classes), confidence);
}

/** Heatmap colour of a cell whose most likely class `label` has probability `p` among `classes`:
 *  the class's colour, pale where the network is unsure, faded as the heatmap is. */
export function classShade(label: number, p: number, classes: number): Rgb {
  return faded(classShadeColor(label, confidence(p), classes));
}

/** A palette sampled at `levels` levels and faded as the heatmap is, as packed RGBA bytes, for
 *  filling ImageData quickly. */
export function heatmapTable(levels = 256, palette = outputColor): Uint8ClampedArray {
  const table = new Uint8ClampedArray(levels * 4);
  for (let i = 0; i < levels; i++) {
    const [r, g, b] = faded(palette(i / (levels - 1)));
    table.set([r, g, b, 255], i * 4);
  }
  return table;
}
