// The test set's predictions as CSV: each row's inputs, its label, the network's prediction and,
// for a classification, the probability it gives the predicted class — as the plot shows it
// (the heatmap's probabilities; an ensemble's mean). A regression has no probability column.
import type { TestPredictions } from '../../engine/protocol.ts';
import { argmax } from '../../render/heatmap.ts';
import { csvInteger, csvNumber, csvText } from './csv-text.ts';

/** The input columns' names: the data's own when given, else x1 … xn. */
export function inputColumns(features: number, names: readonly string[] = []): string[] {
  return Array.from({ length: features }, (_, i) => names[i] ?? `x${i + 1}`);
}

/** The predicted class and its probability from one row's outputs (`k` of them): one output
 *  is P(class 1), class 1 from ½ on (the plot's boundary); several, the most likely class. */
export function predictedClass(
  outputs: ArrayLike<number>,
  row: number,
  k: number,
): { index: number; probability: number } {
  if (k === 1) {
    const p = outputs[row] ?? Number.NaN;
    if (Number.isNaN(p)) return { index: -1, probability: Number.NaN };
    return p >= 0.5 ? { index: 1, probability: p } : { index: 0, probability: 1 - p };
  }
  return argmax(outputs, row * k, k);
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
    const { index, probability } = predictedClass(p.outputs, r, k);
    return [
      ...inputs,
      csvInteger(p.labels[r]!),
      index < 0 ? '' : csvInteger(index),
      csvNumber(probability),
    ];
  });
  return csvText(header, table);
}
