// The live numbers next to the controls, updated from the latest snapshot.
import type { SnapshotMessage } from '../engine/protocol.ts';
import { byId, setText as set } from '../ui/dom.ts';
import { formatCount, formatLoss, formatPercent } from './format.ts';

/** Each readout's element id. */
const IDS = {
  epoch: 'epoch',
  step: 'step-count',
  samples: 'samples-seen',
  trainLoss: 'train-loss',
  validationLoss: 'validation-loss',
  testLoss: 'test-loss',
  trainAccuracy: 'train-accuracy',
  validationAccuracy: 'validation-accuracy',
  testAccuracy: 'test-accuracy',
} as const;

export class Readouts {
  private readonly fields: Record<keyof typeof IDS, HTMLElement>;

  constructor(root: ParentNode) {
    const entries = Object.entries(IDS).map(([key, id]) => [key, byId(root, id, HTMLElement)]);
    this.fields = Object.fromEntries(entries) as Record<keyof typeof IDS, HTMLElement>;
  }

  /** Shows the validation readouts only with a validation set, and the accuracies only for
   *  classification (a regression has none). */
  configure({ validation, accuracy }: { validation: boolean; accuracy: boolean }): void {
    const f = this.fields;
    showReadout(f.validationLoss, validation);
    showReadout(f.validationAccuracy, validation && accuracy);
    showReadout(f.trainAccuracy, accuracy);
    showReadout(f.testAccuracy, accuracy);
  }

  update({ progress, evaluation }: SnapshotMessage): void {
    const f = this.fields;
    set(f.epoch, formatCount(progress.epoch));
    set(f.step, formatCount(progress.step));
    set(f.samples, formatCount(progress.samples));
    set(f.trainLoss, formatLoss(evaluation.train.loss));
    set(f.validationLoss, formatLoss(evaluation.validation.loss));
    set(f.testLoss, formatLoss(evaluation.test.loss));
    set(f.trainAccuracy, formatPercent(evaluation.train.accuracy));
    set(f.validationAccuracy, formatPercent(evaluation.validation.accuracy));
    set(f.testAccuracy, formatPercent(evaluation.test.accuracy));
  }
}

/** Hides the readout (its <div> around <dt>/<dd>) that holds `value`. */
function showReadout(value: HTMLElement, shown: boolean): void {
  const readout = value.closest<HTMLElement>('.readout') ?? value;
  readout.hidden = !shown;
}
