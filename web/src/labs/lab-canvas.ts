// A canvas sized for the screen's pixel density, for the labs' small charts: the drawing is in CSS
// pixels, the backing store in device pixels, so lines stay crisp.

/**
 * The 2-D context of `canvas` for a width × height CSS-pixel drawing, scaled for the device. With
 * `fluid` the stylesheet sets the canvas's width (the caller passes its clientWidth), else this
 * does.
 */
export function crispContext(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  fluid = false,
): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    if (!fluid) canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('this browser gives no 2-D canvas');
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  return context;
}
