// An offscreen canvas repainted only when what it shows changes. The plot's points and axes stay
// put while the network trains, yet drawing hundreds of anti-aliased markers and the tick labels
// costs the main thread several times more than copying one finished image onto the plot: so
// they are drawn once per change and copied every frame.

export class CachedLayer {
  private readonly canvas = document.createElement('canvas');
  /** What the layer was last painted for, compared item by item (===). */
  private key: readonly unknown[] | null = null;

  /** The layer, `width` × `height` device pixels, repainted by `paint` (on a cleared canvas)
   *  only when `key` differs from the last call's. */
  get(
    width: number,
    height: number,
    key: readonly unknown[],
    paint: (ctx: CanvasRenderingContext2D) => void,
  ): HTMLCanvasElement {
    const fresh = [width, height, ...key];
    if (this.key && sameItems(this.key, fresh)) return this.canvas;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return this.canvas;
    // Setting the size clears the canvas and resets its state, even to the same size.
    this.canvas.width = width;
    this.canvas.height = height;
    paint(ctx);
    this.key = fresh;
    return this.canvas;
  }
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
