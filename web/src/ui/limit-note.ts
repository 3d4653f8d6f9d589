// The limit shown beside a control whose size a user sets (issue 17: limits before allocation):
// the engine catalogue's bound (core/src/spec/catalogue.cpp), never a number of the page's own.
import { formatNumber } from '../locale.ts';
import type { Range } from '../scene/index.ts';

/** "max 256": the largest value a control takes. */
export function limitText(max: number): string {
  return `max ${formatNumber(max)}`;
}

/** A small note after a control (its text: "max N", or `text`); its title says where the limit
 *  comes from. */
export function limitNote(max: number, text = limitText(max)): HTMLElement {
  const note = document.createElement('span');
  note.className = 'limit-note';
  note.textContent = text;
  note.title =
    'The engine’s limit; a scene past it, or past the memory budget, is refused before it runs.';
  return note;
}

/** Sets a number input's bounds to the range and puts the note after it. */
export function boundInput(input: HTMLInputElement, range: Range): HTMLElement {
  input.min = String(range.min);
  input.max = String(range.max);
  const note = limitNote(range.max);
  input.after(note);
  return note;
}
