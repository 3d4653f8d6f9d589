// The test set's confusion matrix (render/confusion-table.ts, what the page's table shows) as
// CSV: a row per actual class, a column per predicted class, each cell a count.
import type { ConfusionTable } from '../../render/confusion-table.ts';
import { csvInteger, csvText } from './csv-text.ts';

/** The first header cell; the others are the predicted classes' names (docs/exports.md). */
export const CONFUSION_CORNER = 'actual \\ predicted';

export function confusionCsv(table: ConfusionTable): string {
  return csvText(
    [CONFUSION_CORNER, ...table.names],
    table.rows.map((row) => [row.name, ...row.cells.map((cell) => csvInteger(cell.count))]),
  );
}
