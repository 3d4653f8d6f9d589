// The network builder: hidden layers (0 … 8) and, above each layer's column of the diagram, its
// neurons (1 … 128), activation and dropout; the output layer follows the task, with an expert
// override of its activation and the advice on the activation/loss pair. Every change builds the
// next scene for the store (state/scene-change.ts): structure restarts the run, dropout is
// changed live.
import { pairWarnings } from '../advice.ts';
import {
  HIDDEN_ACTIVATIONS,
  hiddenLayers,
  MAX_HIDDEN_LAYERS,
  MAX_UNITS,
  OUTPUT_ACTIVATIONS,
  withActivation,
  withDropout,
  withHiddenCount,
  withOutputActivation,
  withUnits,
  withUsualOutput,
} from '../network-edit.ts';
import { formatNumber } from '../locale.ts';
import { activationName, type Scene } from '../scene/index.ts';
import type { ActivationName } from '../wasm/core.mjs';
import { limitNote, limitText } from './limit-note.ts';

export type ApplyScene = (next: Scene, how: 'restart' | 'live') => boolean;

/** One-line explanations, shown on hover and on keyboard focus in the hint line. */
const HINTS = {
  layers: `Hidden layers between the inputs and the output (0 to ${MAX_HIDDEN_LAYERS}). Changing them restarts the run.`,
  units: `Neurons in this hidden layer (1 to ${MAX_UNITS}); the diagram draws up to 16. Restarts the run.`,
  activation:
    'The function applied to each neuron’s weighted sum (torch.nn name). Restarts the run.',
  dropout:
    'Dropout p: during training each output of this layer is zeroed with probability p (and the rest scaled by 1/(1 − p)). Changes live.',
  expert:
    'Override the output activation the task picks (the loss decides it otherwise); mismatched pairs are explained below.',
  output: 'The output layer’s activation; the loss must match it.',
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text = '',
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}

export class NetworkBuilder {
  private columns: { x: number[]; width: number } = { x: [], width: 0 };
  private expert = false;

  constructor(
    private readonly top: HTMLElement,
    private readonly head: HTMLElement,
    private readonly hint: HTMLElement,
    private readonly advice: HTMLElement,
    private readonly apply: ApplyScene,
    /** The page's current scene: every edit starts from it (a live change since show() too). */
    private readonly scene: () => Scene,
  ) {
    for (const area of [top, head]) {
      area.addEventListener('focusin', (e) => this.explain(e.target));
      area.addEventListener('pointerover', (e) => this.explain(e.target));
    }
  }

  private explain(target: EventTarget | null): void {
    const text =
      target instanceof HTMLElement
        ? target.closest<HTMLElement>('[data-hint]')?.dataset.hint
        : undefined;
    if (text) this.hint.textContent = text;
  }

  /** Re-reads `scene`; `columns` are the diagram's column centres (inputs first) and width. */
  show(scene: Scene, columns: { x: number[]; width: number }): void {
    this.columns = columns;
    const hidden = hiddenLayers(scene);
    const output = scene.model.layers[scene.model.layers.length - 1];
    const outAct = output ? activationName(output.activation) : 'Identity';
    // A non-usual output activation means an expert chose it: keep the override visible.
    const usual = withUsualOutput(scene);
    const usualAct = activationName(
      usual.model.layers[usual.model.layers.length - 1]?.activation ?? 'Identity',
    );
    if (outAct !== usualAct) this.expert = true;

    const count = el('div', 'net-count');
    count.dataset.control = 'numHiddenLayers';
    count.dataset.hint = HINTS.layers;
    const less = this.button('−', 'Remove a hidden layer', hidden.length > 0, () =>
      this.restart((s) => withHiddenCount(s, hidden.length - 1)),
    );
    const more = this.button('+', 'Add a hidden layer', hidden.length < MAX_HIDDEN_LAYERS, () =>
      this.restart((s) => withHiddenCount(s, hidden.length + 1)),
    );
    const value = el(
      'span',
      'net-count-value',
      `${hidden.length} hidden ${hidden.length === 1 ? 'layer' : 'layers'}`,
    );
    value.id = 'net-hidden-count';
    // One note for both sizes: a layer's column is too narrow for its own.
    const units = `${limitText(MAX_HIDDEN_LAYERS)} · ${formatNumber(MAX_UNITS)} neurons each`;
    count.append(less, more, value, limitNote(MAX_HIDDEN_LAYERS, units));

    const expert = el('label', 'check net-expert');
    expert.dataset.control = 'outputActivation';
    expert.dataset.hint = HINTS.expert;
    const box = el('input');
    box.type = 'checkbox';
    box.checked = this.expert;
    box.addEventListener('change', () => {
      this.expert = box.checked;
      if (!box.checked) this.restart(withUsualOutput);
      else this.show(this.scene(), columns);
    });
    expert.append(box, ' Expert: choose the output activation');
    this.top.replaceChildren(count, expert);

    const cells: HTMLElement[] = [];
    const place = (cell: HTMLElement, column: number) => {
      cell.style.left = `${columns.x[column] ?? 0}px`;
      cells.push(cell);
    };
    const inputs = el('div', 'net-col-head');
    inputs.append(
      el(
        'span',
        'net-col-title',
        scene.data.features || scene.model.inputs === 2 ? 'Features' : 'Inputs',
      ),
    );
    place(inputs, 0);
    hidden.forEach((layer, i) =>
      place(
        this.layerHead(i, layer.units, activationName(layer.activation), layer.dropout ?? 0),
        i + 1,
      ),
    );
    const out = el('div', 'net-col-head');
    out.append(el('span', 'net-col-title', `Output · ${output?.units ?? 1}`));
    const select = this.select(OUTPUT_ACTIVATIONS, outAct, 'Output activation', (a) =>
      this.restart((s) => withOutputActivation(s, a)),
    );
    select.dataset.hint = HINTS.output;
    select.disabled = !this.expert;
    select.dataset.control = 'outputActivationSelect';
    out.append(select);
    place(out, hidden.length + 1);
    this.head.style.width = `${columns.width}px`;
    this.head.replaceChildren(...cells);
    this.showAdvice(scene);
  }

  private layerHead(i: number, units: number, act: ActivationName, dropout: number): HTMLElement {
    const cell = el('div', 'net-col-head');
    cell.dataset.layer = String(i);
    cell.append(el('span', 'net-col-title', `Hidden ${i + 1}`));
    const row = el('div', 'net-units');
    row.dataset.control = `numNodes${i + 1}`;
    row.dataset.hint = HINTS.units;
    row.append(
      this.button('−', `Remove a neuron from hidden layer ${i + 1}`, units > 1, () =>
        this.restart((s) => withUnits(s, i, units - 1)),
      ),
      this.button('+', `Add a neuron to hidden layer ${i + 1}`, units < MAX_UNITS, () =>
        this.restart((s) => withUnits(s, i, units + 1)),
      ),
      el('span', 'net-units-value', String(units)),
    );
    const select = this.select(
      HIDDEN_ACTIVATIONS,
      act,
      `Activation of hidden layer ${i + 1}`,
      (a) => this.restart((s) => withActivation(s, i, a)),
    );
    select.dataset.hint = HINTS.activation;
    select.dataset.control = 'activation';
    const drop = el('label', 'net-dropout');
    drop.dataset.hint = HINTS.dropout;
    drop.dataset.control = 'dropout';
    const input = el('input');
    input.type = 'number';
    input.min = '0';
    input.max = '0.9';
    input.step = '0.1';
    input.value = String(dropout);
    input.setAttribute('aria-label', `Dropout p after hidden layer ${i + 1}`);
    input.addEventListener('change', () => {
      const p = Number(input.value);
      if (!(p >= 0 && p <= 0.9)) {
        input.setCustomValidity('Dropout p must be a number from 0 to 0.9');
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      this.apply(withDropout(this.scene(), i, p), 'live');
    });
    drop.append('p ', input);
    cell.append(row, select, drop);
    return cell;
  }

  /** Proposes `edit` of the current scene as a new run. */
  private restart(edit: (scene: Scene) => Scene): void {
    // A refused scene keeps the current run; its advice explains why the engine refuses it.
    const current = this.scene();
    const next = edit(current);
    if (next === current || this.apply(next, 'restart')) return;
    this.show(current, this.columns); // the controls show the scene that stays…
    this.showAdvice(next); // …and the advice explains the one refused
  }

  /** The warnings for `scene` (also called with a scene the engine refused, to explain it). */
  showAdvice(scene: Scene): void {
    const warnings = pairWarnings(scene);
    this.advice.hidden = warnings.length === 0;
    const list = el('ul');
    list.append(...warnings.map((w) => el('li', '', w)));
    this.advice.replaceChildren(...(warnings.length > 0 ? [list] : []));
  }

  private button(
    text: string,
    label: string,
    enabled: boolean,
    onClick: () => void,
  ): HTMLButtonElement {
    const b = el('button', 'net-step', text);
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.title = label;
    b.disabled = !enabled;
    b.addEventListener('click', onClick);
    return b;
  }

  private select(
    options: readonly ActivationName[],
    value: ActivationName,
    label: string,
    onChange: (a: ActivationName) => void,
  ): HTMLSelectElement {
    const s = el('select', 'net-select');
    s.setAttribute('aria-label', label);
    for (const o of options.includes(value) ? options : [...options, value]) {
      const option = el('option', '', o);
      option.value = o;
      s.append(option);
    }
    s.value = value;
    s.addEventListener('change', () => onChange(s.value as ActivationName));
    return s;
  }
}
