// Click to add points: with the mode on, a click on the plot adds a point of the chosen class
// (a regression: of the typed value; a curve: at the clicked height) to the training rows. The
// scene then carries the rows (data/supplied-scene.ts), so a link reproduces them.
import type { PlotKind } from '../engine/protocol.ts';
import type { AddedPoint } from '../data/supplied-scene.ts';
import { byId } from './dom.ts';

export interface PlotTarget {
  canvas: HTMLCanvasElement;
  /** The input-plane point under CSS pixel (x, y) of the canvas, or null off the plot. */
  toData(x: number, y: number): { x: number; y: number } | null;
}

export class AddPoints {
  private readonly block: HTMLElement;
  private readonly mode: HTMLInputElement;
  private readonly targetRow: HTMLElement;
  private readonly classField: HTMLElement;
  private readonly classSelect: HTMLSelectElement;
  private readonly valueField: HTMLElement;
  private readonly value: HTMLInputElement;
  private readonly x: HTMLInputElement;
  private readonly y: HTMLInputElement;
  private readonly yLabel: HTMLElement;
  private readonly xLabel: HTMLElement;
  private plot: PlotKind | null = null;

  constructor(
    root: ParentNode,
    private readonly target: PlotTarget,
    private readonly onAdd: (point: AddedPoint) => void,
  ) {
    this.block = byId(root, 'add-points', HTMLElement);
    this.mode = byId(root, 'add-mode', HTMLInputElement);
    this.targetRow = byId(root, 'add-target-row', HTMLElement);
    this.classField = byId(root, 'add-class-field', HTMLElement);
    this.classSelect = byId(root, 'add-class', HTMLSelectElement);
    this.valueField = byId(root, 'add-value-field', HTMLElement);
    this.value = byId(root, 'add-value', HTMLInputElement);
    this.x = byId(root, 'add-x', HTMLInputElement);
    this.y = byId(root, 'add-y', HTMLInputElement);
    this.yLabel = byId(root, 'add-y-label', HTMLElement);
    this.xLabel = byId(root, 'add-x-label', HTMLElement);
    this.mode.addEventListener('change', () => this.showMode());
    target.canvas.addEventListener('click', (event) => {
      if (!this.mode.checked || this.block.hidden) return;
      const box = target.canvas.getBoundingClientRect();
      const at = target.toData(event.clientX - box.left, event.clientY - box.top);
      if (at) this.add(at.x, at.y);
    });
    byId(root, 'add-point', HTMLButtonElement).addEventListener('click', () => {
      const x = Number(this.x.value);
      const y = Number(this.y.value);
      if (this.x.value !== '' && this.y.value !== '' && Number.isFinite(x) && Number.isFinite(y)) {
        this.add(x, y);
      }
    });
  }

  /** Adds a point at (x, y) of the plot (a curve: y is its target). */
  private add(x: number, y: number): void {
    if (!this.plot) return;
    const target =
      this.plot.kind === 'classes'
        ? Number(this.classSelect.value)
        : this.plot.kind === 'curve'
          ? y
          : Number(this.value.value);
    if (!Number.isFinite(target)) return;
    this.onAdd({ x, y, target });
  }

  /** Follows the run's plot: the class choices, a value field for a 2-D regression, nothing for
   *  data that is not drawn (`allowed` false: more than two inputs, a shipped dataset). */
  show(plot: PlotKind | null, allowed: boolean, classNames: readonly string[] = []): void {
    this.plot = allowed ? plot : null;
    this.block.hidden = !allowed || !plot;
    if (!plot || !allowed) return;
    if (plot.kind === 'classes') {
      const chosen = this.classSelect.value;
      this.classSelect.replaceChildren(
        ...Array.from(
          { length: plot.classes },
          (_, i) => new Option(classNames[i] ? `${i}: ${classNames[i]}` : `class ${i}`, String(i)),
        ),
      );
      if (chosen !== '' && Number(chosen) < plot.classes) this.classSelect.value = chosen;
    }
    this.classField.hidden = plot.kind !== 'classes';
    this.valueField.hidden = plot.kind !== 'values';
    const curve = plot.kind === 'curve';
    this.xLabel.textContent = curve ? 'x' : 'x₁';
    this.yLabel.textContent = curve ? 'y (the target)' : 'x₂';
    this.showMode();
  }

  private showMode(): void {
    const on = this.mode.checked && this.plot !== null;
    this.targetRow.hidden = !on;
    this.target.canvas.classList.toggle('adding-points', on);
  }
}
