// Chooses how a run is drawn (decision boundary, regression heatmap or curve) and its value
// range, from the scene and its points: the worker sends it with the points (protocol.ts). Pure,
// so the unit tests pin it down.
import type { PlotKind } from './protocol.ts';
import { DATASET_CATALOGUE, SUPPLIED, type Scene } from '../scene/index.ts';

/** Round numbers for a range's end: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten. */
const NICE = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest round number ≥ x (x > 0); 1 for anything else. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  const mantissa = x / power;
  const nice = NICE.find((n) => n >= mantissa - 1e-9) ?? 10;
  return Number((nice * power).toPrecision(12));
}

/** The largest |target| among [x, y, target] triples. */
function largestTarget(pointSets: readonly Float32Array[]): number {
  let largest = 0;
  for (const points of pointSets) {
    for (let i = 2; i < points.length; i += 3) largest = Math.max(largest, Math.abs(points[i]!));
  }
  return largest;
}

/**
 * The drawing for a run of `scene` with these [x, y, target] point sets: 2-D classes (with the
 * model's output count: 1 for P(class 1), or one per class), 2-D values (the colour scale spans
 * ± the largest target, rounded up, so 0 stays the neutral grey), or a 1-D curve (the y axis
 * spans ± the largest target with 10 % to spare, rounded up).
 */
export function plotKind(scene: Scene, pointSets: readonly Float32Array[]): PlotKind {
  const { data } = scene;
  const outputs = scene.model.layers.at(-1)?.units ?? 1;
  if (data.name === SUPPLIED && data.rows?.classes === 0) {
    // A regression on rows of its own: as a generator's, by its number of features.
    return valuesOrCurve(data.rows.features === 1, largestTarget(pointSets));
  }
  if (data.name === SUPPLIED) {
    return { kind: 'classes', classes: data.rows?.classes ?? Math.max(2, outputs), outputs };
  }
  const info = DATASET_CATALOGUE[data.name];
  if (info.task === 'classification') {
    return { kind: 'classes', classes: data.classes ?? info.classes.min, outputs };
  }
  return valuesOrCurve(info.features === 1, largestTarget(pointSets));
}

function valuesOrCurve(curve: boolean, largest: number): PlotKind {
  if (curve) {
    const end = niceCeil(largest * 1.1);
    return { kind: 'curve', min: -end, max: end };
  }
  const end = niceCeil(largest);
  return { kind: 'values', min: -end, max: end };
}
