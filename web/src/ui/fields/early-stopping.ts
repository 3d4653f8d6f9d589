// The Early stopping group: patience (empty: off), min_delta and whether the best weights return.
import type { Field } from './field.ts';
import { partCheck, partNumber } from './training-part.ts';

export const earlyStoppingFields: Field[] = [
  partNumber('earlyStopping', 'patience', {
    id: 'patience',
    label: 'patience',
    hint: 'Stops after this many evaluations without improvement (validation loss, else training loss); empty: off.',
    placeholder: 'off',
    integer: true,
    off: 0,
  }),
  partNumber('earlyStopping', 'minDelta', {
    id: 'minDelta',
    label: 'min_delta',
    hint: 'An improvement must lower the loss by more than this.',
    placeholder: '0',
    shown: (s) => s.training.earlyStopping !== undefined,
  }),
  partCheck('earlyStopping', 'restoreBest', {
    id: 'restoreBest',
    label: 'restore best',
    hint: 'When it stops, puts back the weights of the best evaluation.',
    fallback: true,
  }),
];
