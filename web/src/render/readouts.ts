// The live numbers next to the controls, updated from the latest snapshot.
import type { SnapshotMessage } from '../engine/protocol.ts';
import { byId } from '../ui/dom.ts';
import { formatCount, formatLoss, formatPercent } from './format.ts';

export class Readouts {
  private readonly fields = {
    epoch: byId('epoch', HTMLElement),
    step: byId('step-count', HTMLElement),
    trainLoss: byId('train-loss', HTMLElement),
    testLoss: byId('test-loss', HTMLElement),
    trainAccuracy: byId('train-accuracy', HTMLElement),
    testAccuracy: byId('test-accuracy', HTMLElement),
  };

  update({ progress, evaluation }: SnapshotMessage): void {
    const f = this.fields;
    set(f.epoch, formatCount(progress.epoch));
    set(f.step, formatCount(progress.step));
    set(f.trainLoss, formatLoss(evaluation.trainLoss));
    set(f.testLoss, formatLoss(evaluation.testLoss));
    set(f.trainAccuracy, formatPercent(evaluation.trainAccuracy));
    set(f.testAccuracy, formatPercent(evaluation.testAccuracy));
  }
}

/** Writes only on change, to spare layout work at 30 updates a second. */
function set(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
