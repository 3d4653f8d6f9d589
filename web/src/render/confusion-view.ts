// The test set's confusion matrix as a table: a row per actual class, a column per predicted
// class, each cell its count, shaded by the row's fraction (so every class reads alike however
// many examples it has), the diagonal outlined.
import { cssColor, type Rgb } from './colors.ts';
import { confusionTable, type ConfusionTable } from './confusion-table.ts';
import { formatPercent } from './format.ts';

const WHITE: Rgb = [255, 255, 255];
/** The style sheet's --blue-dark: the shade of a whole row. */
const SHADE_END: Rgb = [0x06, 0x60, 0x9a];
/** Below half a row, shades from white to this far towards SHADE_END carry dark text; from
 *  half on, shades from LIGHT_FROM on carry white text. The jump between them keeps every cell
 *  at AA contrast (≥ 4.5:1): the shades in between suit neither text colour. */
const DARK_TEXT_UNTIL = 0.62;
const WHITE_TEXT_FROM = 0.85;

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** The shade of a cell holding `fraction` of its row: white (none) to --blue-dark (all). */
export function cellColor(fraction: number): Rgb {
  const f = Math.min(Math.max(fraction, 0), 1);
  const t =
    f < 0.5
      ? (f / 0.5) * DARK_TEXT_UNTIL
      : WHITE_TEXT_FROM + ((f - 0.5) / 0.5) * (1 - WHITE_TEXT_FROM);
  return mix(WHITE, SHADE_END, t);
}

/** The text colour on cellColor(fraction). */
export function cellTextColor(fraction: number): string {
  return fraction >= 0.5 ? '#ffffff' : '#1f2933';
}

export class ConfusionView {
  /** The last table shown (its numbers are in the DOM too). */
  table: ConfusionTable | null = null;
  /** The counts, classes and names last shown: a matrix arrives 4 times a second while training,
   *  often the same, and rebuilding the table restyles and lays out the page. */
  private shown = '';

  constructor(
    private readonly container: HTMLElement,
    private readonly summary: HTMLElement,
  ) {}

  show(counts: Int32Array, classes: number, names: readonly string[]): void {
    const shown = `${classes}|${names.join('\u0000')}|${counts.join()}`;
    if (shown === this.shown) return;
    this.shown = shown;
    const table = confusionTable(counts, classes, names);
    this.table = table;
    const doc = this.container.ownerDocument;
    const el = doc.createElement('table');
    el.className = 'confusion';
    const caption = el.createCaption();
    caption.textContent =
      'Rows: the actual class; columns: the class predicted. Shade: share of the row.';
    const head = el.createTHead().insertRow();
    const corner = doc.createElement('th');
    corner.scope = 'col';
    corner.className = 'corner';
    corner.textContent = 'actual \\ predicted';
    head.append(corner);
    for (const name of table.names) {
      const th = doc.createElement('th');
      th.scope = 'col';
      th.textContent = name;
      head.append(th);
    }
    const recallHead = doc.createElement('th');
    recallHead.scope = 'col';
    recallHead.textContent = 'correct';
    head.append(recallHead);
    const body = el.createTBody();
    table.rows.forEach((row) => {
      const tr = body.insertRow();
      const th = doc.createElement('th');
      th.scope = 'row';
      th.textContent = row.name;
      tr.append(th);
      row.cells.forEach((cell, p) => {
        const td = tr.insertCell();
        td.textContent = String(cell.count);
        td.dataset.count = String(cell.count);
        td.style.background = cssColor(cellColor(cell.fraction));
        td.style.color = cellTextColor(cell.fraction);
        if (cell.correct) td.classList.add('diagonal');
        td.title = `actual ${row.name}, predicted ${table.names[p]}: ${cell.count} of ${row.total} (${formatPercent(cell.fraction)})`;
      });
      const recall = tr.insertCell();
      recall.className = 'recall';
      recall.textContent = formatPercent(row.recall);
    });
    this.container.replaceChildren(el);
    this.summary.textContent =
      `${table.correct} of ${table.total} test examples on the diagonal: ` +
      `${formatPercent(table.accuracy)} accuracy.`;
    this.summary.dataset.total = String(table.total);
    this.summary.dataset.correct = String(table.correct);
  }

  clear(message: string): void {
    this.table = null;
    this.shown = '';
    this.container.replaceChildren();
    this.summary.textContent = message;
    delete this.summary.dataset.total;
    delete this.summary.dataset.correct;
  }
}
