// One variant's decision boundary in the lab's small multiples: the engine's P(class 1) over the
// playground's view on the heatmap palette (MapPainter, as the network diagram's maps), the
// training points on top, and the 0.5 line where the colour turns.
import { VIEW } from '../../engine/protocol.ts';
import { cssColor, labelColor } from '../../render/colors.ts';
import { MapPainter } from '../../render/map-painter.ts';
import { fitCanvas } from './line-chart.ts';

export class BoundaryTile {
  private readonly map = document.createElement('canvas');
  private readonly painter = new MapPainter(this.map);
  private points: Float32Array = new Float32Array(0);

  constructor(readonly canvas: HTMLCanvasElement) {}

  /** Keeps the training points ([x1, x2, label] triples) to draw over every boundary. */
  setPoints(points: Float32Array): void {
    this.points = points;
  }

  /** Draws the r × r grid of P(class 1) (row 0 at the top) and the points. */
  draw(grid: Float32Array, r: number): void {
    const { canvas } = this;
    const { width: size, ratio } = fitCanvas(canvas, 160, 160);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size, size);
    if (r > 0) {
      this.painter.paint(grid, r, 'probability');
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(this.map, 0, 0, size, size);
    }
    const scale = size / (VIEW.max - VIEW.min);
    for (let i = 0; i + 2 < this.points.length; i += 3) {
      const x = (this.points[i]! - VIEW.min) * scale;
      const y = (VIEW.max - this.points[i + 1]!) * scale;
      ctx.beginPath();
      ctx.arc(x, y, 2.6, 0, 2 * Math.PI);
      ctx.fillStyle = cssColor(labelColor(this.points[i + 2]!));
      ctx.fill();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 0.8;
      ctx.stroke();
    }
  }
}
