// The Augmentation group: Gaussian jitter and mixup of the training rows, each batch.
import type { Field } from './field.ts';
import { partNumber } from './training-part.ts';

export const augmentationFields: Field[] = [
  partNumber('augmentation', 'jitter', {
    id: 'jitter',
    label: 'jitter σ',
    hint: 'Adds Gaussian noise of this standard deviation to every training input, each batch.',
    placeholder: '0',
  }),
  partNumber('augmentation', 'mixup', {
    id: 'mixup',
    label: 'mixup α',
    hint: 'Blends pairs of training rows and their targets with λ ~ Beta(α, α) (Zhang et al. 2018).',
    placeholder: '0',
  }),
];
