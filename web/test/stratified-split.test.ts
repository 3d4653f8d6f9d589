// Stratified splits through the page's path (CSV → scene → the worker's TrainingSession over
// core.wasm): a class of 3 rows reaches the training, validation and test sets; a class of 1 row
// with three sets is refused with a message naming it and what to change. The allocation rule
// itself is tested natively (tests/stratified_split_test.cpp).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/data/csv.ts';
import { csvScene } from '../src/data/supplied-scene.ts';
import { TrainingSession } from '../src/engine/session.ts';
import { loadSceneRules, splitSizes } from '../src/engine/scene-rules.ts';
import { rowsShape, type Scene } from '../src/scene/index.ts';
import type { CoreModule } from '../src/wasm/core.mjs';
import { loadTestCore } from './scene-rules.ts';

let core: CoreModule;
const open: TrainingSession[] = [];

beforeAll(async () => {
  core = await loadTestCore();
  await loadSceneRules(() => Promise.resolve(core));
});

afterEach(() => {
  for (const session of open.splice(0)) session.dispose();
});

/** A CSV of 2-D points: `counts[label]` rows of each label. */
function csvOf(counts: Record<string, number>): { scene: Scene; classNames: string[] } {
  const lines = ['x1,x2,label'];
  let i = 0;
  for (const [label, count] of Object.entries(counts)) {
    for (let r = 0; r < count; r++, i++) lines.push(`${(i % 9) - 4},${(i % 5) - 2.5},${label}`);
  }
  const csv = parseCsv(lines.join('\n'));
  if (!csv.ok) throw new Error('the CSV should parse');
  return { scene: csvScene(csv, 'rare.csv', 3), classNames: [...csv.classNames] };
}

/** How many points of each class a set's plot points ([x1, x2, class] each) hold. */
function classCounts(points: Float32Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 2; i < points.length; i += 3) counts[points[i]!]! += 1;
  return counts;
}

describe('a CSV with a rare class', () => {
  it('gives each of the three sets a row of a class of 3 rows, in the sizes the page shows', () => {
    const { scene, classNames } = csvOf({ common: 40, usual: 37, rare: 3 });
    const session = TrainingSession.create(core, scene, null);
    open.push(session);
    const rare = classNames.indexOf('rare');
    const { train, validation, test } = session.points(); // what the page plots
    const sets = [train, validation, test];
    for (const points of sets) expect(classCounts(points, 3)[rare]).toBe(1);
    if (scene.data.name !== 'supplied' || !scene.data.rows) throw new Error('rows expected');
    const sizes = splitSizes(scene.data, rowsShape(scene.data.rows));
    expect(sets.map((points) => points.length / 3)).toEqual([
      sizes.train,
      sizes.validation,
      sizes.test,
    ]);
  });

  it('refuses a class of 1 row with three sets, naming the class, its count and the remedy', () => {
    const { scene, classNames } = csvOf({ common: 40, usual: 39, rare: 1 });
    const rare = classNames.indexOf('rare');
    expect(() => TrainingSession.create(core, scene, null)).toThrow(
      `data: class ${rare} has 1 row, too few to reach the training, validation and test sets`,
    );
    expect(() => TrainingSession.create(core, scene, null)).toThrow(
      `add rows of class ${rare} (at least 3), remove its rows, or use fewer sets (data.validationFraction 0)`,
    );
  });
});
