// The parameter inspector below the network diagram: the selected weight or neuron's bias, with
// a field that sets it in the running network, and for a neuron its incoming weights and its
// map, large. The diagram (render/network-view.ts) says what is selected and reads the values.
import { MapPainter } from '../render/map-painter.ts';
import type { NetworkView, ParameterTarget } from '../render/network-view.ts';
import { setText } from './dom.ts';

/** Most incoming weights listed for a neuron. */
const INCOMING_SHOWN = 16;

export class ParameterInspector {
  private selected: ParameterTarget | null = null;
  private selectedNode: { column: number; unit: number } | null = null;
  /** Paints the large map (its canvas is made anew with each selection). */
  private largePainter: MapPainter | null = null;

  /** `edit` sets value `index` of parameter `name` in the running network. */
  constructor(
    private readonly root: HTMLElement,
    private readonly diagram: () => NetworkView,
    private readonly edit: (name: string, index: number, value: number) => void,
  ) {}

  /** Nothing selected (a new diagram): the hint. */
  clear(): void {
    this.selected = null;
    this.selectedNode = null;
    this.render();
  }

  /** A weight (or a bias) to edit; its field takes the focus. A weight of the diagram keeps a
   *  selected neuron's list beside it. */
  selectValue(target: ParameterTarget): void {
    this.selected = target;
    this.render();
    this.root.querySelector<HTMLInputElement>('input.net-edit-value')?.focus();
  }

  /** A neuron: its bias to edit, its incoming weights to choose from, its map. */
  selectNeuron(column: number, unit: number): void {
    this.selectedNode = { column, unit };
    this.selected = {
      name: `${2 * (column - 1)}.bias`,
      index: unit,
      label: `Bias of ${this.diagram().unitName(column, unit)}`,
    };
    this.render();
  }

  /** The values shown, from the diagram's latest snapshot. */
  refresh(): void {
    const diagram = this.diagram();
    const readout = this.root.querySelector<HTMLElement>('.net-readout');
    if (readout && this.selected) setText(readout, diagram.describe(this.selected, 6));
    for (const b of this.root.querySelectorAll<HTMLButtonElement>('.net-weight')) {
      const name = b.dataset.param ?? '';
      const index = Number(b.dataset.index);
      const label = diagram.weightLabel(name, index) ?? `${name}[${index}]`;
      setText(b, diagram.describe({ name, index, label }));
    }
    this.drawLarge();
  }

  private render(): void {
    const t = this.selected;
    if (!t) {
      const p = document.createElement('p');
      p.className = 'hint';
      p.textContent =
        'Hover a neuron or an edge to read its value and last gradient; click (or press Enter on) a neuron to edit its bias and incoming weights.';
      this.root.replaceChildren(p);
      return;
    }
    const parts: HTMLElement[] = [this.form(t)];
    const n = this.selectedNode;
    if (n) parts.push(...this.neuron(n.column, n.unit));
    this.root.replaceChildren(...parts);
    this.refresh();
  }

  /** The readout and the field that sets `t`. */
  private form(t: ParameterTarget): HTMLFormElement {
    const form = document.createElement('form');
    form.className = 'net-edit';
    const readout = document.createElement('p');
    readout.className = 'net-readout';
    readout.dataset.param = t.name;
    readout.dataset.index = String(t.index);
    const label = document.createElement('label');
    label.textContent = 'New value';
    const input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.className = 'net-edit-value';
    input.setAttribute('aria-label', `New value for ${t.label.toLowerCase()}`);
    const apply = document.createElement('button');
    apply.type = 'submit';
    apply.className = 'button';
    apply.textContent = 'Set';
    label.append(' ', input);
    form.append(readout, label, apply);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(v)) {
        input.setCustomValidity('Type a finite number, e.g. 0.5 or -1.2');
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      this.edit(t.name, t.index, v);
    });
    return form;
  }

  /** A neuron's large map and its incoming weights, each a button that selects it. */
  private neuron(column: number, unit: number): HTMLElement[] {
    const diagram = this.diagram();
    const list = document.createElement('ul');
    list.className = 'net-incoming';
    const fanIn = diagram.fanIn(column);
    const shown = Math.min(fanIn, INCOMING_SHOWN);
    const to = diagram.unitName(column, unit);
    for (let s = 0; s < shown; s++) {
      const target: ParameterTarget = {
        name: `${2 * (column - 1)}.weight`,
        index: unit * fanIn + s,
        label: `Weight from ${diagram.inputName(column - 1, s)} to ${to}`,
      };
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'net-weight';
      b.dataset.param = target.name;
      b.dataset.index = String(target.index);
      b.addEventListener('click', () => {
        this.selectedNode = null;
        this.selectValue(target);
      });
      li.append(b);
      list.append(li);
    }
    const large = document.createElement('canvas');
    large.className = 'net-large';
    large.setAttribute('role', 'img');
    large.setAttribute('aria-label', `Output of ${to} over the input plane`);
    const h = document.createElement('p');
    h.className = 'net-sub';
    h.textContent = `Incoming weights${fanIn > shown ? ` (first ${shown} of ${fanIn})` : ''} — choose one to edit it:`;
    return [large, h, list];
  }

  /** The selected neuron's map, large. */
  private drawLarge(): void {
    const large = this.root.querySelector<HTMLCanvasElement>('canvas.net-large');
    const n = this.selectedNode;
    const map = n ? this.diagram().neuronMap(n.column, n.unit) : null;
    if (!large || !map) return;
    if (this.largePainter?.canvas !== large) this.largePainter = new MapPainter(large);
    this.largePainter.paint(map.values, map.resolution, map.range);
  }
}
