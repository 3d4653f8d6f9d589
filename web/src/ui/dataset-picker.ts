// The Data panel: the dataset <select> (grouped classification / regression / real data), the
// number of classes for blobs and spirals, the noise slider and the validation hold-out. Every
// committed change reports the whole choice; the page turns it into a scene. A real dataset
// (shipped in web/public/data) is reported by name: its scene is fixed and its files are fetched.
import {
  DATASET_CATALOGUE,
  DATASETS,
  DEFAULT_PICKED_CLASSES,
  SHIPPED_CATALOGUE,
  SHIPPED_DATASETS,
  takesClasses,
  type DatasetChoice,
  type Scene,
  type ShippedDataset,
} from '../scene.ts';
import type { DatasetName } from '../wasm/core.mjs';
import { byId } from './dom.ts';

/** The share of the points the validation checkbox holds out. */
export const VALIDATION_FRACTION = 0.2;

const GROUPS = [
  { task: 'classification', label: 'Classification' },
  { task: 'regression', label: 'Regression' },
] as const;

/** The <option> values of the real datasets: "real:digits" … (generators use their own names). */
const REAL_PREFIX = 'real:';

function shippedOf(value: string): ShippedDataset | null {
  if (!value.startsWith(REAL_PREFIX)) return null;
  const name = value.slice(REAL_PREFIX.length);
  return (SHIPPED_DATASETS as readonly string[]).includes(name) ? (name as ShippedDataset) : null;
}

export class DatasetPicker {
  private readonly select = byId('dataset', HTMLSelectElement);
  private readonly description = byId('dataset-description', HTMLElement);
  private readonly classesField = byId('classes-field', HTMLElement);
  private readonly classes = byId('classes', HTMLInputElement);
  private readonly classesRange = byId('classes-range', HTMLElement);
  private readonly noise = byId('noise', HTMLInputElement);
  private readonly noiseValue = byId('noise-value', HTMLOutputElement);
  private readonly validation = byId('validation', HTMLInputElement);
  /** The controls that only generated data has. */
  private readonly generatorOnly = [
    this.noise.closest<HTMLElement>('.field') ?? this.noise,
    this.validation.closest<HTMLElement>('label') ?? this.validation,
  ];

  constructor(
    private readonly onChange: (choice: DatasetChoice) => void,
    private readonly onShipped: (name: ShippedDataset) => void,
  ) {
    const real = document.createElement('optgroup');
    real.label = 'Real data';
    for (const name of SHIPPED_DATASETS) {
      real.append(new Option(SHIPPED_CATALOGUE[name].title, REAL_PREFIX + name));
    }
    this.select.replaceChildren(
      ...GROUPS.map(({ task, label }) => {
        const group = document.createElement('optgroup');
        group.label = label;
        for (const name of DATASETS.filter((n) => DATASET_CATALOGUE[n].task === task)) {
          group.append(new Option(DATASET_CATALOGUE[name].title, name));
        }
        return group;
      }),
      real,
    );
    this.select.addEventListener('change', () => this.changed());
    this.classes.addEventListener('change', () => this.changed());
    this.noise.addEventListener('input', () => this.showNoise());
    this.noise.addEventListener('change', () => this.changed());
    this.validation.addEventListener('change', () => this.changed());
  }

  /** Sets the controls from a scene (built from generated data). */
  show(scene: Scene): void {
    const { data } = scene;
    if (data.name === 'supplied') {
      if (data.dataset) {
        this.select.value = REAL_PREFIX + data.dataset;
        this.showShipped(data.dataset);
      }
      return;
    }
    this.select.value = data.name;
    if (takesClasses(data.name)) this.classes.value = String(data.classes ?? 2);
    this.noise.value = String(Math.round(data.noise * 100));
    this.validation.checked = (data.validationFraction ?? 0) > 0;
    this.showDataset(data.name);
    this.showNoise();
  }

  /** The choice the controls show, with the class count clamped to what the dataset takes. */
  choice(): DatasetChoice {
    const name = this.select.value as DatasetName;
    const choice: DatasetChoice = { name, noise: Number(this.noise.value) / 100 };
    if (takesClasses(name)) {
      const { min, max } = DATASET_CATALOGUE[name].classes;
      const typed = Math.round(Number(this.classes.value));
      choice.classes = Number.isFinite(typed)
        ? Math.min(Math.max(typed, min), max)
        : DEFAULT_PICKED_CLASSES;
    }
    if (this.validation.checked) choice.validationFraction = VALIDATION_FRACTION;
    return choice;
  }

  private changed(): void {
    const shipped = shippedOf(this.select.value);
    if (shipped) {
      this.showShipped(shipped);
      this.onShipped(shipped);
      return;
    }
    const choice = this.choice();
    this.showDataset(choice.name);
    if (choice.classes !== undefined) this.classes.value = String(choice.classes);
    this.onChange(choice);
  }

  private showShipped(name: ShippedDataset): void {
    const info = SHIPPED_CATALOGUE[name];
    const { features, classes } = info.shape;
    this.description.textContent = `Classification, ${features} inputs, ${classes} classes. ${info.description}`;
    this.classesField.hidden = true;
    for (const element of this.generatorOnly) element.hidden = true;
  }

  private showDataset(name: DatasetName): void {
    for (const element of this.generatorOnly) element.hidden = false;
    const info = DATASET_CATALOGUE[name];
    const task = info.task === 'classification' ? 'Classification' : 'Regression';
    const input = info.features === 1 ? '1 input (x)' : '2 inputs (x₁, x₂)';
    this.description.textContent = `${task}, ${input}. ${info.description}`;
    const varies = takesClasses(name);
    this.classesField.hidden = !varies;
    if (varies) {
      this.classes.min = String(info.classes.min);
      this.classes.max = String(info.classes.max);
      this.classesRange.textContent = `${info.classes.min}–${info.classes.max}`;
    }
  }

  private showNoise(): void {
    this.noiseValue.value = `${this.noise.value} %`;
  }
}
