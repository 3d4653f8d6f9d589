// Scenes whose rows travel inside them (scene.data.rows): a CSV file the user uploaded, or a
// generator's points with points the user added by clicking on the plot. Pure module.
//
// Added points: the generated scene becomes data.name "supplied" with the generator's training
// and validation points plus the new ones as the rows, and its test points as a separate test
// set, so the test set stays the one the generator's split held out and every added point is
// trained on (with a validation share, the engine draws validation rows from the same rows; the
// fraction is rescaled so the validation set keeps its size). The model is unchanged, and the
// rows are in the scene, so a link reproduces the run (state/url.ts carries rows up to
// LINK_NUMBERS numbers).
import {
  DATASET_CATALOGUE,
  defaultScene,
  SUPPLIED,
  type Scene,
  type SceneRows,
} from '../scene/index.ts';
import type { LayerSpec } from '../wasm/core.mjs';
import type { CsvSuccess } from './csv.ts';

/** Float32 values as the shortest decimals that read back as the same float32 (0.106, not
 *  0.10599999874830246), so the scene's JSON and its link stay short and exact. */
function short(values: ArrayLike<number>): number[] {
  return Array.from(values, (value) => {
    const bits = Math.fround(value);
    for (let digits = 1; digits < 9; digits++) {
      const decimal = Number(bits.toPrecision(digits));
      if (Math.fround(decimal) === bits) return decimal;
    }
    return Number(bits.toPrecision(9)); // 9 digits always suffice for a float32
  });
}

/** The playground's scene for an uploaded CSV file: one ReLU hidden layer of 16, standardised
 *  inputs, Adam; one logit per class with CrossEntropyLoss, or one output with MSELoss for a
 *  regression; 70 % train, 10 % validation, 20 % test (as the shipped iris scene). */
export function csvScene(csv: CsvSuccess, fileName: string, seed: number): Scene {
  const { dataset } = csv;
  const rows: SceneRows = {
    features: dataset.features,
    classes: dataset.classes,
    x: short(dataset.x),
    y: short(dataset.y),
    source: fileName,
    ...(dataset.classes > 0 ? { classNames: [...csv.classNames] } : {}),
  };
  const regression = dataset.classes === 0;
  const output: LayerSpec = { units: regression ? 1 : dataset.classes, activation: 'Identity' };
  return {
    ...defaultScene(),
    seed,
    data: {
      name: SUPPLIED,
      trainFraction: 0.7,
      validationFraction: 0.1,
      standardize: true,
      rows,
    },
    model: { inputs: dataset.features, layers: [{ units: 16, activation: 'ReLU' }, output] },
    loss: { name: regression ? 'MSELoss' : 'CrossEntropyLoss' },
    optimizer: { name: 'Adam', lr: 0.01 },
    training: { batchSize: 16 },
  };
}

/** The point sets a run shows: [x, y, target] per point (1-D data: [x, target, target]). */
export interface ShownPoints {
  train: Float32Array;
  validation: Float32Array;
  test: Float32Array;
}

/** A point to add: its inputs and its target (a class index, or a value). */
export interface AddedPoint {
  x: number;
  y: number;
  target: number;
}

/** [x, y, target] triples as rows of `features` (1 or 2) inputs. */
function triplesToRows(points: Float32Array, features: number): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i + 2 < points.length; i += 3) {
    if (features === 1) x.push(points[i]!);
    else x.push(points[i]!, points[i + 1]!);
    y.push(points[i + 2]!);
  }
  return { x: short(x), y: short(y) };
}

/** Whether points can be added to `scene`'s data: drawn data (1 or 2 inputs per point). */
export function canAddPoints(scene: Scene): boolean {
  const { data } = scene;
  if (data.name !== SUPPLIED) return true;
  return data.rows !== undefined && data.rows.features <= 2;
}

/**
 * `scene` with `point` added to its training rows. A generated scene's points (`shown`, as the
 * run shows them) become its rows first; a scene with rows gets one more row.
 */
export function withAddedPoint(scene: Scene, shown: ShownPoints, point: AddedPoint): Scene {
  const { data } = scene;
  const row = (features: number) => ({
    x: short(features === 1 ? [point.x] : [point.x, point.y]),
    y: short([point.target]),
  });
  if (data.name === SUPPLIED) {
    const rows = data.rows;
    if (!rows) throw new Error('points can only be added to drawn data (1 or 2 inputs)');
    const added = row(rows.features);
    return {
      ...scene,
      data: { ...data, rows: { ...rows, x: [...rows.x, ...added.x], y: [...rows.y, ...added.y] } },
    };
  }
  const info = DATASET_CATALOGUE[data.name];
  const features = info.features;
  const train = triplesToRows(shown.train, features);
  const validation = triplesToRows(shown.validation, features);
  const test = triplesToRows(shown.test, features);
  const added = row(features);
  const kept = train.y.length + validation.y.length;
  const rows: SceneRows = {
    features,
    classes: info.task === 'regression' ? 0 : (data.classes ?? info.classes.min),
    x: [...train.x, ...validation.x, ...added.x],
    y: [...train.y, ...validation.y, ...added.y],
    test,
    source: info.title,
  };
  const next: Scene = {
    ...scene,
    data: {
      name: SUPPLIED,
      trainFraction: data.trainFraction,
      ...(data.features ? { features: [...data.features] } : {}),
      ...(data.standardize !== undefined ? { standardize: data.standardize } : {}),
      rows,
    },
  };
  if (validation.y.length > 0 && next.data.name === SUPPLIED) {
    // The engine keeps ⌊rows·(1 − fraction)⌋ rows for training and validates on the rest:
    // half a row below the count keeps the validation set its size whatever the rounding.
    next.data.validationFraction = Number(((validation.y.length - 0.5) / (kept + 1)).toFixed(6));
  }
  return next;
}
