// What the views draw on: the part of the canvas 2-D context they use. The page passes its
// canvas's context; the picture exports pass the same drawing code a canvas at a higher
// resolution (PNG) or export/pictures/svg-surface.ts, which writes each path as an SVG element
// (SVG). So a view's drawing is written once, for the screen and for both files.

export interface Surface {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  globalAlpha: number;
  lineJoin: CanvasLineJoin;
  lineCap: CanvasLineCap;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  imageSmoothingEnabled: boolean;
  /** A canvas's resampling quality (an SVG leaves it to the viewer). */
  imageSmoothingQuality?: ImageSmoothingQuality;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
  clip(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  setLineDash(segments: number[]): void;
  save(): void;
  restore(): void;
  measureText(text: string): { width: number };
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  drawImage(image: HTMLCanvasElement, dx: number, dy: number, dw: number, dh: number): void;
  /** Optional: names what follows until ungroup() (an SVG <g class>; a canvas has no groups). */
  group?(name: string): void;
  ungroup?(): void;
}

/** Compile-time check that a canvas's context is a Surface. */
export function canvasSurface(ctx: CanvasRenderingContext2D): Surface {
  return ctx;
}
