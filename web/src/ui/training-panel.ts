// The training controls panel: loss, optimiser, regularisation, schedule, initialisation,
// batches, clipping, augmentation, early stopping and ensembles, drawn from ui/fields/.
// A change builds the next scene and validates it, once: a bad value is refused here, beside its
// field, with the validator's message (the run goes on unchanged); a good scene goes to the
// page's store, which hands the running network what it changes in place (lr, l1, weight_decay)
// or starts a new paused run. The panel keeps no scene of its own: it reads the store's.
import { liveChanges } from '../engine/hyperparameters.ts';
import { checkScene } from '../engine/scene-rules.ts';
import type { Scene } from '../scene/index.ts';
import {
  checkBatch,
  FIELDS,
  GROUPS,
  initNote,
  LEARNING_RATES,
  parseNumber,
  stepsPerEpoch,
  trainingRows,
  weightDecayNote,
  type Field,
  type GroupId,
} from './fields/index.ts';
import { limitNote } from './limit-note.ts';
import { lossAbout } from './loss-choice.ts';
import { pairWarnings } from '../advice.ts';

/** The page's scene, and where a validated one goes ('live': the running network takes what it
 *  can change in place). */
export interface TrainingHost {
  scene(): Scene;
  apply(valid: Scene): void;
}

const OTHER = 'other';

interface Drawn {
  field: Field;
  root: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement;
  error: HTMLElement;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export class TrainingPanel {
  private readonly drawn: Drawn[] = [];
  private readonly groups = new Map<GroupId, HTMLFieldSetElement>();
  private readonly lrPreset: HTMLSelectElement;
  private readonly status: HTMLElement;
  private readonly lossAbout: HTMLElement;
  private readonly lossWarning: HTMLElement;
  private readonly decayNote: HTMLElement;
  private readonly initWarning: HTMLElement;
  private readonly batchNote: HTMLElement;

  constructor(
    container: HTMLElement,
    private readonly host: TrainingHost,
  ) {
    const title = element('h2', { id: 'training-controls-title', textContent: 'How it learns' });
    container.setAttribute('aria-labelledby', title.id);
    this.status = element('p', { className: 'tc-status', id: 'tc-status' });
    this.status.setAttribute('role', 'status');
    const intro = element(
      'p',
      { className: 'hint' },
      'Names as in PyTorch. ',
      element('b', { textContent: 'lr' }),
      ', ',
      element('b', { textContent: 'l1' }),
      ' and ',
      element('b', { textContent: 'weight_decay' }),
      ' change the running network; everything else starts a new run from the seed, paused. An empty field means torch’s default.',
    );
    const grid = element('div', { className: 'tc-groups' });
    for (const { id, title: text } of GROUPS) {
      const set = element('fieldset', { className: 'tc-group' }, element('legend', {}, text));
      set.dataset.control = id === 'regularization' ? 'regularization' : `${id}Group`;
      this.groups.set(id, set);
      grid.append(set);
    }
    container.replaceChildren(title, intro, this.status, grid);

    this.lrPreset = element('select', { id: 'tc-lr-preset', className: 'tc-input' });
    this.lrPreset.append(
      ...LEARNING_RATES.map((lr) => new Option(String(lr), String(lr))),
      new Option('other', OTHER),
    );
    for (const field of FIELDS) this.draw(field);

    this.lossAbout = this.note('loss', 'tc-loss-about');
    this.lossWarning = this.note('loss', 'tc-loss-warning', 'tc-warning');
    this.decayNote = this.note('regularization', 'tc-decay-note');
    this.initWarning = this.note('init', 'tc-init-note', 'tc-warning');
    this.batchNote = this.note('batching', 'tc-batch-note');
    // The range the batch takes is read with the field.
    const batch = this.input('batchSize');
    batch.setAttribute(
      'aria-describedby',
      `${batch.getAttribute('aria-describedby')} ${this.batchNote.id}`,
    );
  }

  /** Sets every control from `scene` (a new scene, from any control or the URL). */
  show(scene: Scene): void {
    for (const drawn of this.drawn) {
      const { field, root, input } = drawn;
      root.hidden = !field.shown(scene);
      this.clearError(drawn);
      if (field.kind === 'select' && input instanceof HTMLSelectElement) {
        const options = field.options(scene);
        const value = field.read(scene);
        const same =
          input.options.length === options.length &&
          options.every((o, i) => input.options[i]?.value === o.value);
        if (!same) input.replaceChildren(...options.map((o) => new Option(o.label, o.value)));
        input.value = value;
      } else if (field.kind === 'check' && input instanceof HTMLInputElement) {
        input.checked = field.read(scene);
      } else if (field.kind === 'number' && input instanceof HTMLInputElement) {
        const value = field.read(scene);
        input.value = value === undefined ? '' : String(value);
        input.placeholder = field.placeholder(scene);
      }
    }
    this.showLr(scene.optimizer.lr);
    this.lossAbout.textContent = lossAbout(scene);
    const warnings = pairWarnings(scene); // the same advice the network builder shows
    setNote(this.lossWarning, warnings.length > 0 ? warnings.join(' ') : null);
    this.decayNote.textContent = weightDecayNote(scene);
    setNote(this.initWarning, initNote(scene));
    const rows = trainingRows(scene);
    if (rows !== null) {
      const steps = stepsPerEpoch(rows, scene.training.batchSize, scene.training.dropLast);
      this.batchNote.textContent = `1 to ${rows} (the training set). One epoch = ${steps} ${
        steps === 1 ? 'step' : 'steps'
      } of ${scene.training.batchSize}.`;
    } else {
      this.batchNote.textContent = '1 to the training set’s size.';
    }
  }

  /** Says what the last change did (or an automatic change that came with it). */
  private say(text: string): void {
    this.status.textContent = text;
  }

  private note(group: GroupId, id: string, className = 'hint'): HTMLElement {
    const p = element('p', { id, className: `${className} tc-note` });
    this.groups.get(group)!.append(p);
    return p;
  }

  private input(id: string): HTMLInputElement | HTMLSelectElement {
    const drawn = this.drawn.find((d) => d.field.id === id);
    if (!drawn) throw new Error(`no training field ${id}`);
    return drawn.input;
  }

  private draw(field: Field): void {
    const id = `tc-${field.id}`;
    const tip = element('span', { id: `${id}-hint`, className: 'tc-tip', textContent: field.hint });
    tip.setAttribute('role', 'tooltip');
    const error = element('span', { id: `${id}-error`, className: 'tc-error', hidden: true });
    let input: HTMLInputElement | HTMLSelectElement;
    let root: HTMLElement;
    const label = element('code', { textContent: field.label });
    if (field.kind === 'check') {
      input = element('input', { id, type: 'checkbox' });
      root = element('div', { className: 'tc-field tc-check' }, element('label', {}, input, label));
    } else {
      input =
        field.kind === 'select'
          ? element('select', { id, className: 'tc-input' })
          : element('input', {
              id,
              type: 'text',
              className: 'tc-input',
              inputMode: field.integer ? 'numeric' : 'decimal',
              autocomplete: 'off',
              spellcheck: false,
            });
      const lab = element('label', { htmlFor: id }, label);
      root = element('div', { className: 'tc-field' }, lab);
      if (field.id === 'learningRate') {
        // A select of TF Playground's rates beside the free entry, kept in step.
        const presetLabel = element('label', {
          htmlFor: this.lrPreset.id,
          className: 'visually-hidden',
          textContent: 'lr preset',
        });
        this.lrPreset.setAttribute('aria-describedby', tip.id);
        this.lrPreset.addEventListener('change', () => {
          if (this.lrPreset.value === OTHER) {
            input.focus();
            return;
          }
          input.value = this.lrPreset.value;
          this.commit(drawn);
        });
        root.append(element('div', { className: 'tc-pair' }, presetLabel, this.lrPreset, input));
      } else {
        root.append(input);
      }
      if (field.kind === 'number' && field.limit) root.append(limitNote(field.limit.max));
    }
    input.setAttribute('aria-describedby', `${tip.id} ${error.id}`);
    root.dataset.control = field.id;
    root.append(tip, error);
    const drawn: Drawn = { field, root, input, error };
    this.drawn.push(drawn);
    input.addEventListener('change', () => this.commit(drawn));
    // Enter commits a typed number at once (change also fires on blur).
    if (field.kind === 'number') {
      input.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Enter') this.commit(drawn);
      });
    }
    this.groups.get(field.group)!.append(root);
  }

  private showLr(lr: number): void {
    const preset = LEARNING_RATES.find((rate) => rate === lr);
    this.lrPreset.value = preset === undefined ? OTHER : String(preset);
  }

  private commit(drawn: Drawn): void {
    const current = this.host.scene();
    const { field, input } = drawn;
    let next: Scene;
    let valid: Scene;
    let note: string | null = null;
    try {
      if (field.kind === 'number' && input instanceof HTMLInputElement) {
        next = field.write(current, parseNumber(field, input.value));
        if (field.id === 'learningRate') this.showLr(next.optimizer.lr);
      } else if (field.kind === 'check' && input instanceof HTMLInputElement) {
        next = field.write(current, input.checked);
      } else if (field.kind === 'select') {
        ({ scene: next, note } = field.write(current, input.value));
      } else {
        return;
      }
      checkBatch(next);
      valid = checkScene(next);
    } catch (error) {
      this.showError(drawn, error instanceof Error ? error.message : String(error));
      return;
    }
    if (JSON.stringify(valid) === JSON.stringify(current)) {
      this.clearError(drawn);
      return;
    }
    const live = liveChanges(current, valid) !== null;
    this.host.apply(valid);
    this.say(
      [
        live
          ? `${field.label} changed in the running network.`
          : `${field.label} changed: a new run from the seed, paused.`,
        note,
      ]
        .filter(Boolean)
        .join(' '),
    );
  }

  private showError(drawn: Drawn, message: string): void {
    drawn.error.textContent = `${message}. The run keeps the old value.`;
    drawn.error.hidden = false;
    drawn.error.setAttribute('role', 'alert');
    drawn.input.setAttribute('aria-invalid', 'true');
    drawn.root.classList.add('tc-invalid');
  }

  private clearError(drawn: Drawn): void {
    drawn.error.hidden = true;
    drawn.error.textContent = '';
    drawn.error.removeAttribute('role');
    drawn.input.removeAttribute('aria-invalid');
    drawn.root.classList.remove('tc-invalid');
  }
}

function setNote(element: HTMLElement, text: string | null): void {
  element.hidden = text === null;
  element.textContent = text ?? '';
}
