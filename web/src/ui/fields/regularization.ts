// The Regularisation group: l1, weight_decay (L2, or decoupled for AdamW) and no_decay_bias.
import { defaultWeightDecay } from '../../engine/hyperparameters.ts';
import type { Scene } from '../../scene/index.ts';
import { numeric, put, type Field } from './field.ts';
import { optimizerCheck, optimizerNumber } from './optimizer.ts';

export const regularizationFields: Field[] = [
  numeric({
    id: 'l1',
    group: 'regularization',
    label: 'l1',
    hint: 'Adds l1·Σ|w| over the weights to the loss: pushes weights to exactly 0. Changes the running network.',
    path: 'l1',
    placeholder: '0',
    get: (s) => s.l1,
    set: (next, value) => put(next, 'l1', value),
  }),
  optimizerNumber(
    'weightDecay',
    'weight_decay',
    (s) => String(defaultWeightDecay(s.optimizer.name)),
    'Shrinks every weight towards 0 each step (L2). Changes the running network.',
    'regularization',
  ),
  optimizerCheck(
    'noDecayBias',
    'no_decay_bias',
    'Puts the biases in a second parameter group with weight_decay 0, as is usual.',
    'regularization',
  ),
];

/** How weight_decay acts for the chosen optimiser: L2 in the gradient, or decoupled (AdamW). */
export function weightDecayNote(scene: Scene): string {
  switch (scene.optimizer.name) {
    case 'AdamW':
      return 'AdamW’s weight_decay is decoupled: w ← w − lr·weight_decay·w after the Adam step, the same for every weight (default 0.01).';
    case 'Adam':
      return 'Adam’s weight_decay is L2: weight_decay·w is added to the gradient, so Adam’s per-weight scaling shrinks it where gradients are large (AdamW decouples it).';
    case 'SGD':
      return 'For SGD, weight_decay·w added to the gradient is exactly L2 regularisation (and the same as decoupled decay).';
    default:
      return `${scene.optimizer.name}’s weight_decay is L2: weight_decay·w is added to the gradient before the adaptive scaling.`;
  }
}
