// The Loss group: the loss, its reduction and its arguments.
import { LOSS_ARGS, REDUCTIONS } from '../../scene/index.ts';
import type { LossName, LossSpec } from '../../wasm/core.mjs';
import { classesOf, lossesFor, switchLoss } from '../loss-choice.ts';
import { always, clone, names, numeric, put, type Field, type NumberField } from './field.ts';

type LossArg = 'delta' | 'label_smoothing' | 'margin';

function lossArg(id: string, key: LossArg, placeholder: string, hint: string): NumberField {
  return numeric({
    id,
    group: 'loss',
    label: key,
    hint,
    path: `loss.${key}`,
    shown: (s) => (LOSS_ARGS[s.loss.name] as readonly string[]).includes(key),
    placeholder,
    get: (s) => s.loss[key],
    set: (next, value) => put<LossSpec, LossArg>(next.loss, key, value),
  });
}

export const lossFields: Field[] = [
  {
    kind: 'select',
    id: 'loss',
    group: 'loss',
    label: 'loss',
    hint: 'What the network is trained to make small; the choices depend on the task.',
    path: 'loss.name',
    shown: always,
    options: (s) => names(lossesFor(classesOf(s))),
    read: (s) => s.loss.name,
    write: (s, value) => switchLoss(s, value as LossName),
  },
  {
    kind: 'select',
    id: 'reduction',
    group: 'loss',
    label: 'reduction',
    hint: 'mean: the batch’s average loss; sum: its total, so the step grows with the batch size.',
    path: 'loss.reduction',
    shown: always,
    options: () => names(REDUCTIONS),
    read: (s) => s.loss.reduction ?? 'mean',
    write: (s, value) => {
      const next = clone(s);
      put(next.loss, 'reduction', value === 'mean' ? undefined : (value as 'sum'));
      return { scene: next, note: null };
    },
  },
  lossArg('delta', 'delta', '1.0', 'Where HuberLoss turns from squared to absolute error.'),
  lossArg(
    'labelSmoothing',
    'label_smoothing',
    '0.0',
    'Moves this share of each target onto the other classes, so the model is never told to be 100 % sure.',
  ),
  lossArg('margin', 'margin', '1', 'How far the true class’s score must lead every other one.'),
];
