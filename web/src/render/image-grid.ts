// A grid of test images, each with the class the network predicts and the true one; the
// worker sends the mistakes first. Pixels are drawn as ink (0 white … 1 black), magnified
// without smoothing.
import type { ImageSample } from '../engine/protocol.ts';
import { classLabels } from './confusion-table.ts';

export class ImageGrid {
  private canvases: HTMLCanvasElement[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly summary: HTMLElement,
  ) {}

  show(sample: ImageSample, names: readonly string[]): void {
    const labels = classLabels(Math.max(0, ...sample.actual, ...sample.predicted) + 1, names);
    const doc = this.container.ownerDocument;
    const size = sample.width * sample.height;
    const items: HTMLElement[] = [];
    for (let i = 0; i < sample.rows.length; i++) {
      const predicted = labels[sample.predicted[i]!]!;
      const actual = labels[sample.actual[i]!]!;
      const wrong = sample.predicted[i] !== sample.actual[i];
      const figure = doc.createElement('figure');
      figure.className = wrong ? 'image-cell wrong' : 'image-cell';
      figure.dataset.predicted = String(sample.predicted[i]);
      figure.dataset.actual = String(sample.actual[i]);
      figure.dataset.row = String(sample.rows[i]);
      const canvas = this.canvases[i] ?? doc.createElement('canvas');
      this.canvases[i] = canvas;
      draw(canvas, sample.pixels.subarray(i * size, (i + 1) * size), sample.width, sample.height);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute(
        'aria-label',
        `Test image ${sample.rows[i]}: predicted ${predicted}, actually ${actual}`,
      );
      const caption = doc.createElement('figcaption');
      const mark = doc.createElement('span');
      mark.className = 'mark';
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = wrong ? '✗' : '✓';
      caption.append(mark, ` ${predicted}`);
      if (wrong) {
        const truth = doc.createElement('span');
        truth.className = 'truth';
        truth.textContent = `true ${actual}`;
        caption.append(doc.createElement('br'), truth);
      }
      figure.append(canvas, caption);
      items.push(figure);
    }
    this.container.replaceChildren(...items);
    this.summary.textContent =
      `${sample.mistakes} of ${sample.total} test images misclassified` +
      (sample.mistakes > 0 ? '; mistakes first (✗ predicted, then the true class).' : '.');
    this.summary.dataset.mistakes = String(sample.mistakes);
  }

  clear(message: string): void {
    this.container.replaceChildren();
    this.summary.textContent = message;
    delete this.summary.dataset.mistakes;
  }
}

function draw(
  canvas: HTMLCanvasElement,
  pixels: Float32Array,
  width: number,
  height: number,
): void {
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(width, height);
  for (let i = 0; i < pixels.length; i++) {
    const v = 255 - Math.round(Math.min(Math.max(pixels[i]!, 0), 1) * 255);
    image.data.set([v, v, v, 255], i * 4);
  }
  context.putImageData(image, 0, 0);
}
