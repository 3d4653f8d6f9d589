// The train / validation / test split: two sliders in steps of 5 % whose shares and the test
// set's rest always add up to 100 % (the test set keeps at least 5 %), and the sizes of the three
// sets in points. The sizes are the engine's (the points it reports for drawn data), else the
// engine's count of the same cut without the points (splitSizes, for data with more than two
// inputs).
import type { PointsMessage } from '../engine/protocol.ts';
import { splitSizes } from '../engine/scene-rules.ts';
import { formatNumber } from '../locale.ts';
import { sceneShape, type Scene, type SceneSplit } from '../scene/index.ts';
import { byId } from './dom.ts';

/** Smallest test share the sliders leave, in percent. */
const MIN_TEST = 5;

/** A fraction as a whole percentage (0.7 → 70). */
function percent(fraction: number): number {
  return Math.round(fraction * 100);
}

export class DataSplit {
  private readonly trainField: HTMLElement;
  private readonly train: HTMLInputElement;
  private readonly validation: HTMLInputElement;
  private readonly trainValue: HTMLOutputElement;
  private readonly validationValue: HTMLOutputElement;
  private readonly testValue: HTMLOutputElement;
  private readonly testExplain: HTMLElement;
  private readonly counts: HTMLElement;
  /** The test set comes separately (only the validation share is cut from the rows). */
  private separateTest = false;

  constructor(
    root: ParentNode,
    private readonly onChange: (split: SceneSplit) => void,
  ) {
    this.trainField = byId(root, 'train-field', HTMLElement);
    this.train = byId(root, 'train-percent', HTMLInputElement);
    this.validation = byId(root, 'validation-percent', HTMLInputElement);
    this.trainValue = byId(root, 'train-value', HTMLOutputElement);
    this.validationValue = byId(root, 'validation-value', HTMLOutputElement);
    this.testValue = byId(root, 'test-value', HTMLOutputElement);
    this.testExplain = byId(root, 'test-explain', HTMLElement);
    this.counts = byId(root, 'split-counts', HTMLElement);
    this.train.addEventListener('input', () => this.balance('train'));
    this.validation.addEventListener('input', () => this.balance('validation'));
    for (const input of [this.train, this.validation]) {
      input.addEventListener('change', () => this.onChange(this.split()));
    }
  }

  /** The fractions the sliders show (the validation fraction left out at 0 %). */
  split(): Pick<SceneSplit, 'trainFraction' | 'validationFraction'> {
    const train = Number(this.train.value) / 100;
    const validation = Number(this.validation.value) / 100;
    return {
      trainFraction: train,
      ...(validation > 0 ? { validationFraction: validation } : {}),
    };
  }

  show(scene: Scene): void {
    const shape = sceneShape(scene.data);
    this.separateTest = shape?.separateTest === true;
    this.trainField.hidden = this.separateTest;
    this.train.value = String(percent(scene.data.trainFraction));
    this.validation.value = String(percent(scene.data.validationFraction ?? 0));
    this.showShares();
    this.counts.dataset.source = 'page';
    if (!shape) {
      this.counts.textContent = '';
      return;
    }
    const sizes = splitSizes(scene.data, shape);
    this.showCounts(sizes.train, sizes.validation, sizes.test);
  }

  /** The sizes of the sets the engine made, when it reports their points (drawn data). */
  showEngineCounts(points: PointsMessage): void {
    const train = points.train.length / 3;
    if (train === 0) return; // More than two inputs: no points; the page's count stays.
    this.showCounts(train, points.validation.length / 3, points.test.length / 3);
    this.counts.dataset.source = 'engine';
  }

  private showCounts(train: number, validation: number, test: number | null): void {
    const parts = [`${formatNumber(train)} training`];
    if (validation > 0) parts.push(`${formatNumber(validation)} validation`);
    parts.push(test === null ? 'a separate test set' : `${formatNumber(test)} test`);
    this.counts.textContent = `${parts.join(' · ')} points`;
  }

  /** Keeps train + validation ≤ 100 − MIN_TEST by moving the other slider. */
  private balance(moved: 'train' | 'validation'): void {
    const train = Number(this.train.value);
    const validation = Number(this.validation.value);
    const room = 100 - MIN_TEST;
    if (!this.separateTest && train + validation > room) {
      if (moved === 'train') this.validation.value = String(room - train);
      else this.train.value = String(Math.max(5, room - validation));
      if (moved === 'validation' && Number(this.train.value) + validation > room) {
        this.validation.value = String(room - Number(this.train.value));
      }
    }
    this.showShares();
  }

  private showShares(): void {
    const train = Number(this.train.value);
    const validation = Number(this.validation.value);
    this.validationValue.value = `${validation} %`;
    if (this.separateTest) {
      this.trainValue.value = `${100 - validation} %`;
      this.testValue.value = 'kept apart';
      this.testExplain.textContent = ': its own points (validation is cut from the others)';
    } else {
      this.trainValue.value = `${train} %`;
      this.testValue.value = `${100 - train - validation} %`;
      this.testExplain.textContent = ': the rest, scored but never trained on';
    }
  }
}
