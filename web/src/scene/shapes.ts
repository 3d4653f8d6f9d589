// The rows a scene trains on (a generator's, its own or a shipped dataset's) and the sizes of the
// train, validation and test sets the split cuts from them.
import type { SuppliedData } from '../wasm/core.mjs';
import { DATASET_CATALOGUE, SHIPPED_CATALOGUE, defaultClasses } from './datasets.ts';
import { type DataShape, SUPPLIED, type SceneData, type SceneRows } from './types.ts';

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
