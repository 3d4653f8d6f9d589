// The training controls as data, a file per group of the panel (the same order): every field's
// torch name, one-line hint, where it lives in the scene and when it applies. Pure (no DOM):
// ui/training-panel.ts draws them, and a write returns the next scene for the panel to validate.
import { augmentationFields } from './augmentation.ts';
import { batchFields } from './batches.ts';
import { clippingFields } from './clipping.ts';
import { earlyStoppingFields } from './early-stopping.ts';
import { ensembleFields } from './ensemble.ts';
import type { Field } from './field.ts';
import { initFields } from './initialization.ts';
import { lossFields } from './loss.ts';
import { optimizerFields } from './optimizer.ts';
import { regularizationFields } from './regularization.ts';
import { schedulerFields } from './schedule.ts';

export { checkBatch, stepsPerEpoch, trainingRows } from './batches.ts';
export {
  GROUPS,
  parseNumber,
  type CheckField,
  type Field,
  type GroupId,
  type NumberField,
  type SelectField,
} from './field.ts';
export { initNote } from './initialization.ts';
export { LEARNING_RATES, switchOptimizer } from './optimizer.ts';
export { weightDecayNote } from './regularization.ts';

export const FIELDS: readonly Field[] = [
  ...lossFields,
  ...optimizerFields,
  ...regularizationFields,
  ...schedulerFields,
  ...initFields,
  ...batchFields,
  ...clippingFields,
  ...augmentationFields,
  ...earlyStoppingFields,
  ...ensembleFields,
];
