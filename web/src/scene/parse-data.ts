// Validation of a scene's data (a generator's or supplied rows, the split, input features) and
// training options.
import type { DatasetName, FeatureName } from '../wasm/core.mjs';
import { DATASETS, FEATURES } from './catalogue.ts';
import { DATASET_CATALOGUE, SHIPPED_DATASETS, takesClasses } from './datasets.ts';
import { CATALOGUE } from './engine-catalogue.ts';
import { type Fields, boolean, fail, number, object, oneOf, reject, shown } from './fields.ts';
import { LIMITS, int } from './limits.ts';
import {
  type Augmentation,
  type EarlyStopping,
  type Ensemble,
  type GeneratedData,
  SUPPLIED,
  type SceneData,
  type SceneRows,
  type SceneSplit,
  type SceneTraining,
  type SuppliedSceneData,
} from './types.ts';

// The fields each part of a scene accepts, from the engine's catalogue (docs/scene.schema.json
// lists the same; web/test/scene-drift.test.ts checks them against the types).
const { fields } = CATALOGUE;
export const DATA_FIELDS = fields.data as readonly (
  keyof SuppliedSceneData | keyof GeneratedData
)[];
export const TRAINING_FIELDS = fields.training as readonly (keyof SceneTraining)[];
export const EARLY_STOPPING_FIELDS = fields.earlyStopping as readonly (keyof EarlyStopping)[];
export const AUGMENTATION_FIELDS = fields.augmentation as readonly (keyof Augmentation)[];
export const ENSEMBLE_FIELDS = fields.ensemble as readonly (keyof Ensemble)[];
const GENERATOR_ONLY = ['samples', 'noise', 'classes'] as const;

function classRange(name: DatasetName): string {
  const { min, max } = DATASET_CATALOGUE[name].classes;
  return `${min} to ${max}`;
}

function features(value: unknown, path: string): FeatureName[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > FEATURES.length) {
    fail(
      path,
      `an array of 1 to ${FEATURES.length} feature names from ${FEATURES.join(', ')} ` +
        '(or leave it out for the raw x1, x2)',
      value,
    );
  }
  const list = (value as unknown[]).map((name, i) => oneOf(name, `${path}[${i}]`, FEATURES));
  list.forEach((name, i) => {
    if (list.indexOf(name) !== i) reject(`${path}[${i}]`, `"${name}" is listed twice`);
  });
  return list;
}

export function parseData(value: unknown): SceneData {
  const d = object(value, 'data', DATA_FIELDS);
  const name = oneOf(d.name, 'data.name', [...DATASETS, SUPPLIED]);
  const split: SceneSplit = {
    trainFraction: number(d.trainFraction, 'data.trainFraction', LIMITS.trainFraction),
  };
  if (d.validationFraction !== undefined) {
    split.validationFraction = number(
      d.validationFraction,
      'data.validationFraction',
      LIMITS.validationFraction,
    );
  }
  if (d.features !== undefined) split.features = features(d.features, 'data.features');
  if (d.standardize !== undefined) split.standardize = boolean(d.standardize, 'data.standardize');
  if (d.signedLabels !== undefined) {
    split.signedLabels = boolean(d.signedLabels, 'data.signedLabels');
  }
  if (name === SUPPLIED) {
    for (const key of GENERATOR_ONLY) {
      if (d[key] !== undefined) {
        reject(`data.${key}`, `only for generated data; supplied data brings its own rows`);
      }
    }
    if (d.rows !== undefined) {
      if (d.dataset !== undefined) {
        reject('data.rows', 'rows of their own and data.dataset exclude each other');
      }
      return { name, ...split, rows: sceneRows(d.rows) };
    }
    if (d.dataset === undefined) return { name, ...split };
    return { name, dataset: oneOf(d.dataset, 'data.dataset', SHIPPED_DATASETS), ...split };
  }
  if (d.dataset !== undefined) {
    reject('data.dataset', `only for data.name "supplied"; ${name} is generated`);
  }
  if (d.rows !== undefined) {
    reject('data.rows', `only for data.name "supplied"; ${name} is generated`);
  }
  const generated: GeneratedData = {
    name,
    samples: number(d.samples, 'data.samples', LIMITS.samples),
    noise: number(d.noise, 'data.noise', LIMITS.noise),
    ...split,
  };
  if (d.classes !== undefined) {
    const { min, max } = DATASET_CATALOGUE[name].classes;
    if (takesClasses(name)) {
      generated.classes = number(d.classes, 'data.classes', int(min, max));
    } else if (d.classes !== min || min === 0) {
      const has = min === 0 ? 'no classes: it is a regression' : `exactly ${min} classes`;
      reject(
        'data.classes',
        `${name} has ${has}; only ${DATASETS.filter(takesClasses)
          .map((n) => `${n} (${classRange(n)})`)
          .join(' and ')} take data.classes, got ${shown(d.classes)}`,
      );
    } else {
      generated.classes = min;
    }
  }
  return generated;
}

/** x and y of `count` rows checked against features and classes. */
function rowValues(
  r: Fields,
  path: string,
  features: number,
  classes: number,
): { x: number[]; y: number[] } {
  const { x, y } = r;
  if (!Array.isArray(y) || y.length < 1) fail(`${path}.y`, 'an array of one target per row', y);
  const rows = (y as unknown[]).length;
  if (!Array.isArray(x) || x.length !== rows * features) {
    fail(`${path}.x`, `an array of ${rows} × ${features} numbers (row-major)`, shownLength(x));
  }
  (x as unknown[]).forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      fail(`${path}.x[${i}]`, 'a finite number', v);
    }
  });
  (y as unknown[]).forEach((v, i) => {
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (classes === 0 || (Number.isInteger(v) && v >= 0 && v < classes));
    if (!ok) {
      fail(
        `${path}.y[${i}]`,
        classes === 0 ? 'a finite number' : `a class index 0 … ${classes - 1}`,
        v,
      );
    }
  });
  return { x: x as number[], y: y as number[] };
}

function shownLength(value: unknown): unknown {
  return Array.isArray(value) ? `an array of ${value.length}` : value;
}

function sceneRows(value: unknown): SceneRows {
  const path = 'data.rows';
  const r = object(value, path, fields.rows);
  const features = number(r.features, `${path}.features`, LIMITS.inputs);
  const classes = number(r.classes, `${path}.classes`, LIMITS.classes);
  const rows: SceneRows = { features, classes, ...rowValues(r, path, features, classes) };
  if (r.test !== undefined) {
    const t = object(r.test, `${path}.test`, ['x', 'y']);
    rows.test = rowValues(t, `${path}.test`, features, classes);
  }
  if (r.source !== undefined) {
    if (typeof r.source !== 'string') fail(`${path}.source`, 'a string', r.source);
    rows.source = r.source;
  }
  if (r.classNames !== undefined) {
    const names = r.classNames;
    if (
      !Array.isArray(names) ||
      names.length !== classes ||
      !names.every((n) => typeof n === 'string')
    ) {
      fail(`${path}.classNames`, `an array of ${classes} strings, one per class`, names);
    }
    rows.classNames = names;
  }
  return rows;
}

export function parseTraining(value: unknown): SceneTraining {
  const t = object(value, 'training', TRAINING_FIELDS);
  const spec: SceneTraining = {
    batchSize: number(t.batchSize, 'training.batchSize', LIMITS.batchSize),
  };
  if (t.dropLast !== undefined) spec.dropLast = boolean(t.dropLast, 'training.dropLast');
  if (t.shuffle !== undefined) spec.shuffle = boolean(t.shuffle, 'training.shuffle');
  if (t.evaluateEvery !== undefined) {
    spec.evaluateEvery = number(t.evaluateEvery, 'training.evaluateEvery', LIMITS.evaluateEvery);
  }
  if (t.earlyStopping !== undefined) {
    const path = 'training.earlyStopping';
    const e = object(t.earlyStopping, path, EARLY_STOPPING_FIELDS);
    const stopping: EarlyStopping = {
      patience: number(e.patience, `${path}.patience`, LIMITS.patience),
    };
    if (e.minDelta !== undefined) {
      stopping.minDelta = number(e.minDelta, `${path}.minDelta`, LIMITS.minDelta);
    }
    if (e.restoreBest !== undefined) {
      stopping.restoreBest = boolean(e.restoreBest, `${path}.restoreBest`);
    }
    spec.earlyStopping = stopping;
  }
  if (t.augmentation !== undefined) {
    const path = 'training.augmentation';
    const a = object(t.augmentation, path, AUGMENTATION_FIELDS);
    const augmentation: Augmentation = {};
    if (a.jitter !== undefined)
      augmentation.jitter = number(a.jitter, `${path}.jitter`, LIMITS.jitter);
    if (a.mixup !== undefined) augmentation.mixup = number(a.mixup, `${path}.mixup`, LIMITS.mixup);
    spec.augmentation = augmentation;
  }
  if (t.ensemble !== undefined) {
    const path = 'training.ensemble';
    const e = object(t.ensemble, path, ENSEMBLE_FIELDS);
    const ensemble: Ensemble = { members: number(e.members, `${path}.members`, LIMITS.members) };
    if (e.bootstrap !== undefined) ensemble.bootstrap = boolean(e.bootstrap, `${path}.bootstrap`);
    spec.ensemble = ensemble;
  }
  return spec;
}
