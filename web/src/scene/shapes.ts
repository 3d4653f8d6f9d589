// The rows a scene trains on (a generator's, its own or a shipped dataset's) and the sizes of the
// train, validation and test sets the split cuts from them.
import type { SuppliedData } from '../wasm/core.mjs';
import { DATASET_CATALOGUE, SHIPPED_CATALOGUE, defaultClasses } from './datasets.ts';
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

/** ⌊rows·fraction⌋ as the engine takes it: without the floating-point shortfall that makes
 *  180 × 0.7 = 125.99… (core/src/data/datasets.cpp, rows_of). */
function rowsOf(rows: number, fraction: number): number {
  return Math.floor(rows * fraction + 1e-9);
}

/**
 * The sizes of the train, validation and test sets, to show them: cut as the engine cuts them
 * (core/src/data/datasets.cpp: ⌊rows·trainFraction⌋ train rows, ⌊rows·validationFraction⌋
 * validation rows, the rest for testing; with a separate test set, the validation fraction of the
 * rows is held out and the rest trains). Whether a set is left empty is the engine's rule
 * (checkScene refuses such a scene, so the page's scene always has three non-empty sets).
 */
export function splitSizes(split: SceneSplit, shape: DataShape): SplitSizes {
  const { trainFraction: train, validationFraction: validation = 0 } = split;
  const { rows } = shape;
  if (shape.separateTest) {
    const trainRows = validation > 0 ? rowsOf(rows, 1 - validation) : rows;
    return { train: trainRows, validation: rows - trainRows, test: null };
  }
  const trainRows = rowsOf(rows, train);
  const validationRows = rowsOf(rows, validation);
  return { train: trainRows, validation: validationRows, test: rows - trainRows - validationRows };
}
