// The Optimiser group: the torch.optim rule, lr (beside TF Playground's rates) and each
// optimiser's own arguments. weight_decay and no_decay_bias are drawn with the regularisation.
import { OPTIMIZER_ARGS, OPTIMIZERS, type Scene } from '../../scene/index.ts';
import type { OptimizerName, OptimizerSpec } from '../../wasm/core.mjs';
import {
  always,
  checkbox,
  clone,
  names,
  numeric,
  put,
  type CheckField,
  type Field,
  type GroupId,
  type NumberField,
} from './field.ts';

/** TensorFlow Playground's learning rates. */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
type OptimizerArg = Exclude<keyof OptimizerSpec, 'name' | 'betas'>;
const takes = (s: Scene, key: keyof OptimizerSpec) =>
  (OPTIMIZER_ARGS[s.optimizer.name] as readonly string[]).includes(key);

/** The optimiser's arguments as a plain record (they are numbers or booleans). */
const optimizerRecord = (scene: Scene) => scene.optimizer as unknown as Record<string, unknown>;

/** Where an optimiser argument lives, and when it is shown (the optimisers that take it). */
function optimizerArg(id: string, key: OptimizerArg, hint: string, group: GroupId) {
  const shown = (s: Scene) => takes(s, key);
  return { id, group, label: key, hint, path: `optimizer.${key}`, shown };
}

export function optimizerNumber(
  id: string,
  key: OptimizerArg,
  placeholder: string | ((s: Scene) => string),
  hint: string,
  group: GroupId = 'optimizer',
): NumberField {
  return numeric({
    ...optimizerArg(id, key, hint, group),
    placeholder,
    get: (s) => s.optimizer[key] as number | undefined,
    set: (next, value) => put(optimizerRecord(next), key, value),
  });
}

export function optimizerCheck(
  id: string,
  key: OptimizerArg,
  hint: string,
  group: GroupId = 'optimizer',
): CheckField {
  return checkbox({
    ...optimizerArg(id, key, hint, group),
    get: (s) => s.optimizer[key] === true,
    set: (next, value) => put(optimizerRecord(next), key, value ? true : undefined),
  });
}

function beta(index: 0 | 1, fallback: number, hint: string): NumberField {
  return numeric({
    id: `beta${index + 1}`,
    group: 'optimizer',
    label: `betas[${index}]`,
    hint,
    path: `optimizer.betas[${index}]`,
    shown: (s) => takes(s, 'betas'),
    placeholder: String(fallback),
    get: (s) => s.optimizer.betas?.[index],
    set: (next, value) => {
      const betas: [number, number] = [...(next.optimizer.betas ?? [0.9, 0.999])];
      betas[index] = value ?? fallback;
      put(next.optimizer, 'betas', betas[0] === 0.9 && betas[1] === 0.999 ? undefined : betas);
    },
  });
}

/** Changes the optimiser, keeping what every optimiser takes (lr, weight_decay, no_decay_bias). */
export function switchOptimizer(scene: Scene, name: OptimizerName): Scene {
  const next = clone(scene);
  const { lr, weight_decay, no_decay_bias } = scene.optimizer;
  next.optimizer = { name, lr };
  if (weight_decay !== undefined) next.optimizer.weight_decay = weight_decay;
  if (no_decay_bias !== undefined) next.optimizer.no_decay_bias = no_decay_bias;
  return next;
}

export const optimizerFields: Field[] = [
  {
    kind: 'select',
    id: 'optimizer',
    group: 'optimizer',
    label: 'optimizer',
    hint: 'The torch.optim rule that turns gradients into weight changes.',
    path: 'optimizer.name',
    shown: always,
    options: () => names(OPTIMIZERS),
    read: (s) => s.optimizer.name,
    write: (s, value) => ({ scene: switchOptimizer(s, value as OptimizerName), note: null }),
  },
  // lr is drawn by the panel as a select of LEARNING_RATES beside a free entry.
  numeric({
    id: 'learningRate',
    group: 'optimizer',
    label: 'lr',
    hint: 'The step size: too small learns slowly, too large overshoots and diverges. Changes the running network.',
    path: 'optimizer.lr',
    placeholder: '',
    get: (s) => s.optimizer.lr,
    set: (next, value) => (next.optimizer.lr = value ?? Number.NaN), // Required: the validator names it.
  }),
  optimizerNumber(
    'momentum',
    'momentum',
    () => '0',
    'Keeps this share of the last update, so steps build up speed along a steady slope.',
  ),
  optimizerNumber(
    'dampening',
    'dampening',
    () => '0',
    'Scales down the new gradient’s share of the momentum buffer.',
  ),
  optimizerCheck(
    'nesterov',
    'nesterov',
    'Nesterov momentum: the gradient is taken where the momentum is about to carry the weights.',
  ),
  optimizerNumber(
    'lrDecay',
    'lr_decay',
    () => '0',
    'Adagrad’s own decay: step k uses lr / (1 + (k − 1)·lr_decay).',
  ),
  optimizerNumber(
    'initialAccumulatorValue',
    'initial_accumulator_value',
    () => '0',
    'The starting sum of squared gradients: larger makes the first steps smaller.',
  ),
  optimizerNumber(
    'alpha',
    'alpha',
    () => '0.99',
    'How slowly RMSprop’s running average of squared gradients forgets.',
  ),
  optimizerCheck(
    'centered',
    'centered',
    'Divides by the gradient’s variance instead of its raw second moment.',
  ),
  beta(0, 0.9, 'How slowly the running mean of the gradient forgets (momentum).'),
  beta(1, 0.999, 'How slowly the running mean of the squared gradient forgets.'),
  optimizerNumber(
    'eps',
    'eps',
    (s) => (s.optimizer.name === 'Adagrad' ? '1e-10' : '1e-8'),
    'Added to the denominator so a tiny gradient history cannot make a huge step.',
  ),
  optimizerCheck(
    'amsgrad',
    'amsgrad',
    'Divides by the largest second moment seen so far, so the step size never grows again.',
  ),
];
