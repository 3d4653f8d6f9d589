// The "How training goes" panel: the curves, and — each only while its disclosure is open and
// it applies — the test set's confusion matrix and its images. Tells the worker (through
// `onViews`) which of the latter to compute. Everything is drawn in render(), once per frame.
import type { PointsMessage, SnapshotMessage, ViewRequest } from '../engine/protocol.ts';
import type { Scene } from '../scene/index.ts';
import { byId } from '../ui/dom.ts';
import { ConfusionView } from './confusion-view.ts';
import { ImageGrid } from './image-grid.ts';
import { TrainingCharts } from './training-charts.ts';

export class ProgressPanel {
  readonly charts: TrainingCharts;
  readonly confusion: ConfusionView;
  private readonly images: ImageGrid;
  private readonly confusionBox: HTMLDetailsElement;
  private readonly imagesBox: HTMLDetailsElement;
  private classNames: string[] = [];
  private classification = false;
  private imageData = false;
  private pendingConfusion: SnapshotMessage['confusion'] | null = null;
  private pendingImages: SnapshotMessage['images'] | null = null;
  private sent = '';

  constructor(
    root: ParentNode,
    private readonly onViews: (views: Partial<ViewRequest>) => void,
  ) {
    this.confusionBox = byId(root, 'confusion-view', HTMLDetailsElement);
    this.imagesBox = byId(root, 'images-view', HTMLDetailsElement);
    this.charts = new TrainingCharts({
      loss: byId(root, 'loss-chart', HTMLElement),
      accuracy: byId(root, 'accuracy-chart', HTMLElement),
      accuracyBlock: byId(root, 'accuracy-block', HTMLElement),
      rates: byId(root, 'rates-chart', HTMLElement),
      logScale: byId(root, 'chart-log', HTMLInputElement),
      xAxis: byId(root, 'chart-x', HTMLSelectElement),
      clear: byId(root, 'chart-clear', HTMLButtonElement),
      earlyStop: byId(root, 'early-stop-note', HTMLElement),
      earlier: byId(root, 'earlier-runs-note', HTMLElement),
    });
    this.confusion = new ConfusionView(
      byId(root, 'confusion-table', HTMLElement),
      byId(root, 'confusion-summary', HTMLElement),
    );
    this.images = new ImageGrid(
      byId(root, 'image-grid', HTMLElement),
      byId(root, 'images-summary', HTMLElement),
    );
    this.confusionBox.addEventListener('toggle', () => this.publish());
    this.imagesBox.addEventListener('toggle', () => this.publish());
  }

  /** A new run's points: a new set of curves, and which views apply. */
  startRun(points: PointsMessage, scene: Scene): void {
    this.classification = points.plot.kind === 'classes';
    this.imageData = this.classification && points.image !== undefined;
    this.classNames = points.classNames;
    this.charts.startRun(scene, this.classification);
    this.confusionBox.hidden = !this.classification;
    this.imagesBox.hidden = !this.imageData;
    this.confusion.clear(this.classification ? 'Waiting for the first evaluation…' : '');
    this.images.clear(this.imageData ? 'Waiting for the first evaluation…' : '');
    this.publish();
  }

  receive(snapshot: SnapshotMessage): void {
    this.charts.receive(snapshot);
    if (snapshot.confusion) this.pendingConfusion = snapshot.confusion;
    if (snapshot.images) this.pendingImages = snapshot.images;
  }

  render(): void {
    this.charts.render();
    if (this.pendingConfusion && this.confusionBox.open) {
      const { counts, classes } = this.pendingConfusion;
      this.confusion.show(counts, classes, this.classNames);
    }
    if (this.pendingImages && this.imagesBox.open)
      this.images.show(this.pendingImages, this.classNames);
    this.pendingConfusion = null;
    this.pendingImages = null;
  }

  /** The worker computes a view's data only while it is open and applies. */
  private publish(): void {
    const views: Pick<ViewRequest, 'confusion' | 'images'> = {
      confusion: this.classification && this.confusionBox.open,
      images: this.imageData && this.imagesBox.open,
    };
    const key = JSON.stringify(views);
    if (key === this.sent) return;
    this.sent = key;
    this.onViews(views);
  }
}
