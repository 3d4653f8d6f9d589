// The confusion matrix as table rows: counts, each row's fractions (for the shading: a row is
// one actual class, so the shade reads "of the images of class i, how many went where"), the
// totals and the accuracy. Pure: web/test/confusion-table.test.ts.

export interface ConfusionCell {
  count: number;
  /** count / the row's total (0 for an empty row). */
  fraction: number;
  /** On the diagonal: the class predicted correctly. */
  correct: boolean;
}

export interface ConfusionRow {
  name: string;
  cells: ConfusionCell[];
  total: number;
  /** Recall of this class: the diagonal over the row total (NaN for an empty row). */
  recall: number;
}

export interface ConfusionTable {
  names: string[];
  rows: ConfusionRow[];
  total: number;
  correct: number;
  /** correct / total (NaN for an empty set). */
  accuracy: number;
}

/** Class names for `classes` classes: the dataset's when it has them, else "class i". */
export function classLabels(classes: number, names: readonly string[]): string[] {
  return Array.from({ length: classes }, (_, i) => names[i] ?? `class ${i}`);
}

/** counts[actual·classes + predicted] (Trainer.confusion) as rows. Throws if the counts do
 *  not hold classes² entries. */
export function confusionTable(
  counts: ArrayLike<number>,
  classes: number,
  names: readonly string[] = [],
): ConfusionTable {
  if (counts.length !== classes * classes) {
    throw new Error(
      `confusion: ${classes} classes need ${classes ** 2} counts, got ${counts.length}`,
    );
  }
  const labels = classLabels(classes, names);
  let total = 0;
  let correct = 0;
  const rows = labels.map((name, actual) => {
    const row = Array.from({ length: classes }, (_, p) => counts[actual * classes + p]!);
    const rowTotal = row.reduce((a, b) => a + b, 0);
    total += rowTotal;
    correct += row[actual]!;
    return {
      name,
      total: rowTotal,
      recall: rowTotal > 0 ? row[actual]! / rowTotal : NaN,
      cells: row.map((count, predicted) => ({
        count,
        fraction: rowTotal > 0 ? count / rowTotal : 0,
        correct: predicted === actual,
      })),
    };
  });
  return { names: labels, rows, total, correct, accuracy: total > 0 ? correct / total : NaN };
}
