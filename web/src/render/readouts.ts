// The live numbers next to the controls, updated from the latest snapshot.
import type { SnapshotMessage } from '../engine/protocol.ts';
import { byId, setText as set } from '../ui/dom.ts';
import { formatCount, formatLoss, formatPercent } from './format.ts';

export class Readouts {
  private readonly fields = {
    epoch: byId('epoch', HTMLElement),
    step: byId('step-count', HTMLElement),
    samples: byId('samples-seen', HTMLElement),
    trainLoss: byId('train-loss', HTMLElement),
    validationLoss: byId('validation-loss', HTMLElement),
    testLoss: byId('test-loss', HTMLElement),
    trainAccuracy: byId('train-accuracy', HTMLElement),
    validationAccuracy: byId('validation-accuracy', HTMLElement),
    testAccuracy: byId('test-accuracy', HTMLElement),
  };

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
