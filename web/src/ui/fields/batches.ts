// The Batches group: batch_size (which must fit in the training set), drop_last and shuffle.
import { splitSizes } from '../../engine/scene-rules.ts';
import { LIMITS, type Scene } from '../../scene/index.ts';
import { sceneShape } from '../loss-choice.ts';
import { checkbox, numeric, put, type Field } from './field.ts';

/** Training rows of the scene's data, or null when the scene does not say (a CSV's rows). */
export function trainingRows(scene: Scene): number | null {
  const shape = sceneShape(scene);
  return shape ? splitSizes(scene.data, shape).train : null;
}

export { stepsPerEpoch } from '../../engine/pace.ts';

export const batchFields: Field[] = [
  numeric({
    id: 'batchSize',
    group: 'batching',
    label: 'batch_size',
    hint: 'Examples per optimiser step: 1 is pure SGD, the whole training set is full-batch gradient descent.',
    path: 'training.batchSize',
    integer: true,
    limit: LIMITS.batchSize,
    placeholder: 'required',
    get: (s) => s.training.batchSize,
    set: (next, value) => (next.training.batchSize = value ?? Number.NaN),
  }),
  checkbox({
    id: 'dropLast',
    group: 'batching',
    label: 'drop_last',
    hint: 'Skips the last, smaller batch of each epoch when the rows do not divide evenly.',
    path: 'training.dropLast',
    get: (s) => s.training.dropLast === true,
    set: (next, value) => put(next.training, 'dropLast', value ? true : undefined),
  }),
  checkbox({
    id: 'shuffle',
    group: 'batching',
    label: 'shuffle',
    hint: 'A new random order every epoch; off: one fixed order, as TensorFlow Playground.',
    path: 'training.shuffle',
    get: (s) => s.training.shuffle !== false,
    set: (next, value) => put(next.training, 'shuffle', value ? undefined : false),
  }),
];

/** What the scene rules allow but this field does not: the batch must fit in the training set. Checked first, so
 *  the message gives the training set's range. */
export function checkBatch(scene: Scene): void {
  const rows = trainingRows(scene);
  const batch = scene.training.batchSize;
  if (rows !== null && !(Number.isInteger(batch) && batch >= 1 && batch <= rows)) {
    throw new Error(
      `scene.training.batchSize: expected an integer in [1, ${rows}] (the training set has ${rows} rows), got ${batch}`,
    );
  }
}
