// The rows a scene trains on (a generator's, its own or a shipped dataset's) and the sizes of the
// train, validation and test sets the split cuts from them.
import type { SuppliedData } from '../wasm/core.mjs';
import { DATASET_CATALOGUE, SHIPPED_CATALOGUE, defaultClasses } from './datasets.ts';
import { reject } from './fields.ts';
import {
  type DataShape,
  SUPPLIED,
  type SceneData,
  type SceneRows,
  type SceneSplit,
} from './types.ts';

/** The shape of a scene's own rows. */
export function rowsShape(rows: SceneRows): DataShape {
  return {
    rows: rows.y.length,
    features: rows.features,
    classes: rows.classes,
    ...(rows.test ? { separateTest: true } : {}),
  };
}

/** The shape of any scene's data when the page knows it: generated, own rows or shipped. */
export function sceneShape(data: SceneData): DataShape | null {
  if (data.name !== SUPPLIED) return generatedShape(data);
  if (data.rows) return rowsShape(data.rows);
  return data.dataset ? SHIPPED_CATALOGUE[data.dataset].shape : null;
}

/** The shape of supplied rows, as validateScene needs it; null for an .nnpd file (the engine
 *  reads it: core.datasetInfo gives its rows, features and classes). */
export function suppliedShape(supplied: SuppliedData): DataShape | null {
  if ('nnpd' in supplied) return null;
  return {
    rows: supplied.y.length,
    features: supplied.features,
    classes: supplied.classes,
    separateTest: supplied.test !== undefined,
  };
}

/** The shape of a generated scene's data; null for supplied data (it is not in the scene). */
export function generatedShape(data: SceneData): DataShape | null {
  if (data.name === SUPPLIED) return null;
  const info = DATASET_CATALOGUE[data.name];
  return {
    rows: data.samples,
    features: info.features,
    classes: data.classes ?? defaultClasses(data.name),
  };
}

export interface SplitSizes {
  train: number;
  validation: number;
  /** null: a separate test set (its size is the supplied test set's). */
  test: number | null;
}

/**
 * The sizes of the train, validation and test sets, cut as the engine cuts them
 * (core/src/data/datasets.cpp: ⌊rows·trainFraction⌋ train rows, ⌊rows·validationFraction⌋
 * validation rows, the rest for testing; with a separate test set, the validation fraction of the
 * rows is held out and the rest trains). Throws naming the fraction that leaves a set empty.
 */
/** ⌊rows·fraction⌋ as the engine takes it: without the floating-point shortfall that makes
 *  180 × 0.7 = 125.99… (core/src/data/datasets.cpp, rows_of). */
function rowsOf(rows: number, fraction: number): number {
  return Math.floor(rows * fraction + 1e-9);
}

/** Train and validation fractions must leave something for the test set. */
function checkFractionSum({ trainFraction, validationFraction = 0 }: SceneSplit): void {
  if (!(trainFraction + validationFraction < 1)) {
    reject(
      'data.validationFraction',
      `${validationFraction} with data.trainFraction ${trainFraction} leaves nothing for the ` +
        'test set (the two must add up to less than 1)',
    );
  }
}

export function splitSizes(split: SceneSplit, shape: DataShape): SplitSizes {
  const { trainFraction: train, validationFraction: validation = 0 } = split;
  const { rows } = shape;
  const of = `of ${rows} ${rows === 1 ? 'row' : 'rows'}`;
  if (shape.separateTest) {
    const trainRows = validation > 0 ? rowsOf(rows, 1 - validation) : rows;
    if (trainRows < 1 || rows - trainRows < (validation > 0 ? 1 : 0)) {
      reject(
        'data.validationFraction',
        `${validation} ${of} leaves the ${trainRows < 1 ? 'training' : 'validation'} set empty`,
      );
    }
    return { train: trainRows, validation: rows - trainRows, test: null };
  }
  checkFractionSum(split);
  const trainRows = rowsOf(rows, train);
  const validationRows = rowsOf(rows, validation);
  const testRows = rows - trainRows - validationRows;
  if (trainRows < 1) {
    reject(
      'data.trainFraction',
      `${train} ${of} leaves the training set empty; raise the fraction or use more rows`,
    );
  }
  if (validation > 0 && validationRows < 1) {
    reject(
      'data.validationFraction',
      `${validation} ${of} leaves the validation set empty; raise the fraction, use more ` +
        'rows, or leave the fraction out for no validation set',
    );
  }
  if (testRows < 1) {
    reject(
      validation > 0 ? 'data.validationFraction' : 'data.trainFraction',
      `${validation > 0 ? validation : train} ${of} leaves the test set empty; lower the ` +
        'fraction or use more rows',
    );
  }
  return { train: trainRows, validation: validationRows, test: testRows };
}
