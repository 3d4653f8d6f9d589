// The test set's predictions as CSV: each row's inputs, its label, the network's prediction (as
// the confusion matrix counts it) and, for a classification, the probability it gives the
// predicted class — as the plot shows it (the heatmap's probabilities; an ensemble's mean). A
// regression has no probability column.
import type { TestPredictions } from '../../engine/protocol.ts';
import { csvInteger, csvNumber, csvText } from './csv-text.ts';

/** The input columns' names: the data's own when given, else x1 … xn. */
export function inputColumns(features: number, names: readonly string[] = []): string[] {
  return Array.from({ length: features }, (_, i) => names[i] ?? `x${i + 1}`);
}

/** The probability the outputs (`k` per row) give class `index` in row `row`: one output is
 *  P(class 1), so class 0's is 1 − P. */
export function classProbability(
  outputs: ArrayLike<number>,
  row: number,
  k: number,
  index: number,
): number {
  if (k === 1) {
    const p = outputs[row] ?? Number.NaN;
    return index === 1 ? p : 1 - p;
  }
  return outputs[row * k + index] ?? Number.NaN;
}

export function predictionsCsv(p: TestPredictions, names: readonly string[] = []): string {
  const { rows, classes } = p;
  const features = rows > 0 ? p.inputs.length / rows : 0;
  const k = rows > 0 ? p.outputs.length / rows : 0;
  const header = [
    ...inputColumns(features, names),
    'label',
    'prediction',
    ...(classes > 0 ? ['probability'] : []),
  ];
  const table = Array.from({ length: rows }, (_, r) => {
    const inputs = Array.from(p.inputs.subarray(r * features, (r + 1) * features), csvNumber);
    if (classes === 0) {
      return [...inputs, csvNumber(p.labels[r]!), csvNumber(p.outputs[r * k]!)];
    }
    const index = p.predicted[r]!;
    return [
      ...inputs,
      csvInteger(p.labels[r]!),
      csvInteger(index),
      csvNumber(classProbability(p.outputs, r, k, index)),
    ];
  });
  return csvText(header, table);
}
