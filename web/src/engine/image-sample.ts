// Which test images the page's image grid shows: the mistakes first, so a student sees what the
// network gets wrong, then correct ones. Pure: the worker passes the engine's predictions.
import type { ImageSample } from './protocol.ts';

/** Indices of up to `limit` rows: those with predicted ≠ actual in row order, then the rest. */
export function mistakesFirst(
  predicted: Int32Array,
  actual: Int32Array,
  limit: number,
): Int32Array {
  const chosen = new Int32Array(Math.min(limit, predicted.length));
  let n = 0;
  for (let i = 0; i < predicted.length && n < chosen.length; i++) {
    if (predicted[i] !== actual[i]) chosen[n++] = i;
  }
  for (let i = 0; i < predicted.length && n < chosen.length; i++) {
    if (predicted[i] === actual[i]) chosen[n++] = i;
  }
  return chosen;
}

/** The sample of `inputs` (rows of width·height pixels) to show, with its classes. */
export function imageSample(
  inputs: Float32Array,
  width: number,
  height: number,
  predicted: Int32Array,
  actual: Int32Array,
  limit: number,
): ImageSample {
  const rows = mistakesFirst(predicted, actual, limit);
  const size = width * height;
  const pixels = new Float32Array(rows.length * size);
  rows.forEach((row, i) => pixels.set(inputs.subarray(row * size, (row + 1) * size), i * size));
  let mistakes = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] !== actual[i]) mistakes++;
  return {
    width,
    height,
    rows,
    predicted: rows.map((row) => predicted[row]!),
    actual: rows.map((row) => actual[row]!),
    pixels,
    mistakes,
    total: predicted.length,
  };
}
