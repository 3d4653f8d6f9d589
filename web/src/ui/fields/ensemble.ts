// The Ensemble group: how many networks train and whether each gets its own resample.
import { LIMITS } from '../../scene/index.ts';
import type { Field } from './field.ts';
import { partCheck, partNumber } from './training-part.ts';

export const ensembleFields: Field[] = [
  partNumber('ensemble', 'members', {
    id: 'members',
    label: 'members',
    hint: 'Trains this many networks from their own seeds and averages their predictions.',
    placeholder: '1',
    integer: true,
    limit: LIMITS.members,
    off: 1,
  }),
  partCheck('ensemble', 'bootstrap', {
    id: 'bootstrap',
    label: 'bootstrap',
    hint: 'Each member trains on its own resample of the training set (bagging).',
    fallback: false,
  }),
];
