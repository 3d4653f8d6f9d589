import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/data/csv.ts';
import { canAddPoints, csvScene, withAddedPoint } from '../src/data/supplied-scene.ts';
import {
  datasetScene,
  rowsShape,
  rowsToSupplied,
  sceneShape,
  type Scene,
} from '../src/scene/index.ts';
import { checkScene, splitSizes } from '../src/engine/scene-rules.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

const blobs = readFileSync(new URL('./fixtures/blobs.csv', import.meta.url), 'utf8');

/** Triples [x, y, target] for `n` points of class i % classes. */
function triples(n: number, classes = 2): Float32Array {
  return Float32Array.from({ length: n * 3 }, (_, i) =>
    i % 3 === 2 ? Math.floor(i / 3) % classes : (i % 7) - 3.25,
  );
}

describe('a CSV file as a scene', () => {
  it('carries the parsed rows and a model that fits them', () => {
    const csv = parseCsv(blobs);
    if (!csv.ok) throw new Error('blobs.csv should parse');
    const scene = checkScene(csvScene(csv, 'blobs.csv', 4));
    expect(scene.seed).toBe(4);
    expect(scene.data).toMatchObject({ name: 'supplied', trainFraction: 0.7 });
    if (scene.data.name !== 'supplied' || !scene.data.rows) throw new Error('rows expected');
    const { rows } = scene.data;
    expect(rows).toMatchObject({ features: 4, classes: 3, source: 'blobs.csv' });
    expect(rows.classNames).toEqual(['amber', 'blue', 'coral']);
    expect(rows.y).toHaveLength(180);
    expect(rows.x.slice(0, 4)).toEqual([0.106, 0.717, 3.91, 1.115]); // short, exact numbers
    expect(scene.model.inputs).toBe(4);
    expect(scene.model.layers.at(-1)?.units).toBe(3);
    expect(splitSizes(scene.data, rowsShape(rows))).toEqual({
      train: 126,
      validation: 18,
      test: 36,
    });
    const supplied = rowsToSupplied(rows);
    expect(supplied).toMatchObject({ features: 4, classes: 3 });
    expect('x' in supplied && supplied.x).toBeInstanceOf(Float32Array);
  });

  it('refuses rows that do not fit their shape, naming the field', () => {
    const csv = parseCsv(blobs);
    if (!csv.ok) throw new Error('blobs.csv should parse');
    const scene = csvScene(csv, 'blobs.csv', 1);
    const edit = (rows: object): Scene =>
      ({
        ...scene,
        data: { ...scene.data, rows: { ...(scene.data as { rows: object }).rows, ...rows } },
      }) as Scene;
    expect(() => checkScene(edit({ y: [0, 1, 3] }))).toThrow(
      /scene\.data\.rows\.x: expected an array of 3 × 4/,
    );
    const y = Array.from({ length: 180 }, () => 0);
    y[7] = 3;
    expect(() => checkScene(edit({ y }))).toThrow(
      'scene.data.rows.y[7]: expected a class index 0 … 2, got 3',
    );
    expect(() => checkScene(edit({ classNames: ['a'] }))).toThrow(
      /rows\.classNames: expected an array of 3 strings/,
    );
    // The engine's rules: one class is no task, one row no split.
    expect(() => checkScene(edit({ classes: 1, y: y.map(() => 0), classNames: ['one'] }))).toThrow(
      /^scene\.data\.rows\.classes: must be 0 for a regression, else 2 to \d+ classes, got 1$/,
    );
    expect(() => checkScene(edit({ x: [1, 2, 3, 4], y: [0] }))).toThrow(
      'scene.data.rows.y: needs at least 2 rows, got 1',
    );
    expect(() =>
      checkScene({
        ...datasetScene({ name: 'circle' }),
        data: { ...datasetScene({ name: 'circle' }).data, rows: {} },
      }),
    ).toThrow(/scene\.data\.rows: only for data\.name "supplied"/);
  });
});

describe('added points', () => {
  it('turn a generated scene into its rows plus the point, with the same test set', () => {
    const scene = datasetScene({ name: 'circle', samples: 20 });
    const shown = { train: triples(10), validation: new Float32Array(0), test: triples(10) };
    const next = checkScene(withAddedPoint(scene, shown, { x: 1.5, y: -2, target: 1 }));
    expect(next.model).toEqual(scene.model);
    const shape = sceneShape(next.data);
    expect(shape).toEqual({ rows: 11, features: 2, classes: 2, separateTest: true });
    expect(splitSizes(next.data, shape!)).toEqual({ train: 11, validation: 0, test: null });
    if (next.data.name !== 'supplied' || !next.data.rows) throw new Error('rows expected');
    expect(next.data.rows.x.slice(-2)).toEqual([1.5, -2]);
    expect(next.data.rows.y.at(-1)).toBe(1);
    expect(next.data.rows.test?.y).toHaveLength(10);
    // A second point is one more row.
    const again = checkScene(withAddedPoint(next, shown, { x: 0, y: 0, target: 0 }));
    expect(sceneShape(again.data)?.rows).toBe(12);
    expect(canAddPoints(again)).toBe(true);
  });

  it('keep the validation set its size', () => {
    const scene = datasetScene({
      name: 'blobs',
      classes: 3,
      samples: 100,
      trainFraction: 0.6,
      validationFraction: 0.2,
    });
    const shown = { train: triples(60, 3), validation: triples(20, 3), test: triples(20, 3) };
    const next = checkScene(withAddedPoint(scene, shown, { x: 0, y: 0, target: 2 }));
    expect(splitSizes(next.data, sceneShape(next.data)!)).toEqual({
      train: 61,
      validation: 20,
      test: null,
    });
  });

  it('on a curve take (x, target)', () => {
    const scene = datasetScene({ name: 'sine', samples: 20 });
    const shown = { train: triples(10), validation: new Float32Array(0), test: triples(10) };
    const next = checkScene(withAddedPoint(scene, shown, { x: 2, y: 0.5, target: 0.5 }));
    if (next.data.name !== 'supplied' || !next.data.rows) throw new Error('rows expected');
    expect(next.data.rows).toMatchObject({ features: 1, classes: 0 });
    expect(next.data.rows.x).toHaveLength(11);
    expect(next.data.rows.x.at(-1)).toBe(2);
    expect(next.data.rows.y.at(-1)).toBe(0.5);
  });
});
