// The variant labs' controls and settings: labelled inputs (real form elements, so the keyboard
// reaches them), the link's values read against their ranges (a bad one is named and replaced by
// the default), and the few elements every such lab builds.
import '../../styles/variants.css';
import { element } from '../../ui/dom.ts';

/** A label holding its input, so a click on the words focuses the control. */
function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  const label = element('label', 'variants-field');
  label.append(element('span', 'variants-field-name', text), control);
  return label;
}

export interface Choice<T> {
  value: T;
  label: string;
}

/** A select of `choices`; `change` gets the chosen value. */
export function selectField<T extends string | number>(
  text: string,
  name: string,
  choices: readonly Choice<T>[],
  value: T,
  change: (value: T) => void,
): HTMLLabelElement {
  const select = element('select', '');
  select.name = name;
  for (const choice of choices) {
    const option = element('option', '', choice.label);
    option.value = String(choice.value);
    option.selected = choice.value === value;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const choice = choices.find((c) => String(c.value) === select.value);
    if (choice) change(choice.value);
  });
  return labelled(text, select);
}

export interface NumberRange {
  min: number;
  max: number;
  step: number;
  integer?: boolean;
}

/** A number input within `range`; `change` gets each valid value (an invalid one is refused
 *  through the form's own validity message). */
export function numberField(
  text: string,
  name: string,
  range: NumberRange,
  value: number,
  change: (value: number) => void,
): HTMLLabelElement {
  const input = element('input', '');
  input.type = 'number';
  input.name = name;
  input.min = String(range.min);
  input.max = String(range.max);
  input.step = String(range.step);
  input.value = String(value);
  input.addEventListener('change', () => {
    const next = input.valueAsNumber;
    if (checkNumber(next, range) === null) change(next);
    else input.reportValidity();
  });
  return labelled(text, input);
}

/** null when `value` is in range, else what is wrong with it. */
function checkNumber(value: number, range: NumberRange): string | null {
  if (!Number.isFinite(value)) return 'is not a number';
  if (value < range.min || value > range.max) return `must be from ${range.min} to ${range.max}`;
  if (range.integer && !Number.isInteger(value)) return 'must be a whole number';
  return null;
}

/** Reads the link's settings: each key's number if it is valid, else the default — with a
 *  message naming each bad one. `allowed`: the value must be one of these. */
export class LinkReader {
  readonly problems: string[] = [];

  constructor(private readonly params: URLSearchParams) {}

  number(key: string, range: NumberRange, fallback: number, allowed?: readonly number[]): number {
    const text = this.params.get(key);
    if (text === null) return fallback;
    const value = Number(text);
    const wrong =
      text.trim() === ''
        ? 'is empty'
        : allowed && !allowed.includes(value)
          ? `must be one of ${allowed.join(', ')}`
          : checkNumber(value, range);
    if (wrong === null) return value;
    this.problems.push(`The link's ${key}=${text} ${wrong}; using ${fallback}.`);
    return fallback;
  }

  /** One message for every bad setting, or null. */
  message(): string | null {
    return this.problems.length > 0 ? this.problems.join(' ') : null;
  }
}

/** A table cell with the engine's full-precision value in data-value (the tests read it). */
export function cell(text: string, value: number): HTMLTableCellElement {
  const td = element('td', '', text);
  td.dataset.value = String(value);
  return td;
}

/** A table with a caption, a head of `columns` and an empty body. */
export function table(className: string, columns: string[], caption?: string): HTMLTableElement {
  const node = element('table', `variants-table ${className}`);
  if (caption) node.append(element('caption', '', caption));
  const head = element('tr', '');
  for (const name of columns) {
    const th = element('th', '', name);
    th.scope = 'col';
    head.append(th);
  }
  const thead = element('thead', '');
  thead.append(head);
  node.append(thead, element('tbody', ''));
  return node;
}

/** A collapsed PyTorch snippet. */
export function pytorchSnippet(code: string, summary = 'PyTorch'): HTMLDetailsElement {
  const details = element('details', 'variants-pytorch');
  const pre = element('pre', '');
  pre.append(element('code', '', code));
  details.append(element('summary', '', summary), pre);
  return details;
}

/** Colours for up to nine curves, distinguishable for colour-blind eyes (Okabe–Ito, then Tol). */
export const SERIES_COLORS = [
  '#000000',
  '#e69f00',
  '#56b4e9',
  '#009e73',
  '#d55e00',
  '#0072b2',
  '#cc79a7',
  '#882255',
  '#999933',
] as const;

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length]!;
}
