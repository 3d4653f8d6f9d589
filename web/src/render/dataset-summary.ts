// The plot panel for a real dataset (more than two inputs, so no decision boundary): the class
// names and the test accuracy and loss, in place of the canvas and its legend.
import type { SnapshotMessage } from '../engine/protocol.ts';
import { byId, setText as set } from '../ui/dom.ts';
import { formatLoss, formatPercent } from './format.ts';

export class DatasetSummary {
  private readonly title: HTMLElement;
  private readonly plot: HTMLElement[];
  private readonly panel: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly classes: HTMLOListElement;
  private readonly testAccuracy: HTMLElement;
  private readonly testLoss: HTMLElement;
  private shown = false;

  constructor(root: ParentNode) {
    this.title = byId(root, 'plot-title', HTMLElement);
    this.panel = byId(root, 'dataset-panel', HTMLElement);
    this.summary = byId(root, 'dataset-summary', HTMLElement);
    this.classes = byId(root, 'class-names', HTMLOListElement);
    this.testAccuracy = byId(root, 'dataset-test-accuracy', HTMLElement);
    this.testLoss = byId(root, 'dataset-test-loss', HTMLElement);
    this.plot = [
      byId(root, 'boundary', HTMLCanvasElement),
      byId(root, 'plot-legend', HTMLElement),
      byId(root, 'plot-note', HTMLElement),
    ];
  }

  /** Whether the panel replaces the plot. */
  get active(): boolean {
    return this.shown;
  }

  /** Shows the panel for a dataset (`title`), with `classNames` once they are known. */
  show(title: string, classNames: readonly string[], loading = false): void {
    this.shown = true;
    this.title.textContent = title;
    for (const element of this.plot) element.hidden = true;
    this.panel.hidden = false;
    this.summary.textContent = loading
      ? `Loading ${title}…`
      : `${classNames.length} classes. The inputs have too many dimensions to draw a ` +
        'decision boundary; the test set measures how well the network generalises.';
    this.classes.replaceChildren(
      ...classNames.map((name) => {
        const li = document.createElement('li');
        li.textContent = name;
        return li;
      }),
    );
    if (loading) this.clear();
  }

  /** Back to the decision boundary (the legend then sets the title). */
  hide(): void {
    if (!this.shown) return;
    this.shown = false;
    this.plot[0]!.hidden = false;
    this.plot[1]!.hidden = false;
    this.panel.hidden = true;
  }

  update({ evaluation }: SnapshotMessage): void {
    set(this.testAccuracy, formatPercent(evaluation.test.accuracy));
    set(this.testLoss, formatLoss(evaluation.test.loss));
  }

  private clear(): void {
    set(this.testAccuracy, '–');
    set(this.testLoss, '–');
  }
}
