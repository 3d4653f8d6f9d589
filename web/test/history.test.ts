import { describe, expect, it } from 'vitest';
import { mistakesFirst, imageSample } from '../src/engine/image-sample.ts';
import {
  forLogAxis,
  joinTables,
  pick,
  RunArchive,
  RunHistory,
  sampleIndices,
} from '../src/render/history.ts';
import type { HistoryRecord } from '../src/wasm/core.mjs';

function record(epoch: number, loss: number, validation = NaN): HistoryRecord {
  const m = (l: number) => ({ loss: l, accuracy: 1 - l });
  return {
    epoch,
    step: epoch * 25,
    lr: 0.03,
    gradNorm: loss * 2,
    train: m(loss),
    validation: m(validation),
    test: m(loss + 0.1),
    trainLoss: loss,
    trainAccuracy: 1 - loss,
    testLoss: loss + 0.1,
    testAccuracy: 0.9 - loss,
  };
}

describe('RunHistory', () => {
  it('appends incremental updates column by column, NaN as a gap', () => {
    const h = new RunHistory('run 1');
    expect(h.append([record(1, 0.5), record(2, 0.4)], 0)).toBe(true);
    expect(h.append([record(3, 0.3)], 2)).toBe(true);
    expect(h.epoch).toEqual([1, 2, 3]);
    expect(h.step).toEqual([25, 50, 75]);
    expect(h.loss.train).toEqual([0.5, 0.4, 0.3]);
    expect(h.loss.test[2]).toBeCloseTo(0.4, 12);
    expect(h.loss.validation).toEqual([null, null, null]);
    expect(h.has('loss', 'validation')).toBe(false);
    expect(h.has('accuracy', 'train')).toBe(true);
    expect(h.gradNorm).toEqual([1, 0.8, 0.6]);
  });

  it('replaces an overlap and refuses a gap', () => {
    const h = new RunHistory('run 1');
    h.append([record(1, 0.5), record(2, 0.4)], 0);
    expect(h.append([record(2, 0.35), record(3, 0.3)], 1)).toBe(true);
    expect(h.loss.train).toEqual([0.5, 0.35, 0.3]);
    expect(h.append([record(9, 0.1)], 5)).toBe(false);
    expect(h.length).toBe(3);
  });

  it('finds the x of an epoch on either axis', () => {
    const h = new RunHistory('run 1');
    h.append([record(1, 0.5), record(2, 0.4)], 0);
    expect(h.xOfEpoch(2, 'epoch')).toBe(2);
    expect(h.xOfEpoch(2, 'step')).toBe(50);
    expect(h.xOfEpoch(7, 'epoch')).toBeNull();
  });

  it('places an epoch the thinned history has no record of between its neighbours', () => {
    const h = new RunHistory('run 1');
    h.append([record(2, 0.5), record(4, 0.4)], 0); // every second epoch kept
    expect(h.xOfEpoch(3, 'step')).toBe(h.xOfEpoch(4, 'step')! - 25);
    expect(h.xOfEpoch(3, 'epoch')).toBe(3);
    expect(h.xOfEpoch(1, 'step')).toBe(h.xOfEpoch(2, 'step')! / 2);
    expect(h.xOfEpoch(5, 'step')).toBeNull();
  });
});

describe('RunArchive', () => {
  it('keeps the last few runs, newest first, and names each', () => {
    const a = new RunArchive(2);
    a.startRun(); // nothing recorded yet: still run 1
    expect(a.current.label).toBe('run 1');
    for (let run = 1; run <= 4; run++) {
      a.append([record(1, run / 10)], 0);
      a.startRun();
    }
    expect(a.current.label).toBe('run 5');
    expect(a.earlier.map((r) => r.label)).toEqual(['run 4', 'run 3']);
    expect(a.earlier[0]!.loss.train).toEqual([0.4]);
    a.clearEarlier();
    expect(a.earlier).toEqual([]);
  });

  it('starts the current run afresh when an update does not follow on', () => {
    const a = new RunArchive();
    a.append([record(1, 0.5), record(2, 0.4)], 0);
    a.append([record(1, 0.9)], 0);
    expect(a.current.loss.train).toEqual([0.9]);
  });
});

describe('joinTables', () => {
  it('aligns tables over the union of their x values, null where one has none', () => {
    const joined = joinTables([
      [
        [1, 2, 4],
        [10, 20, 40],
      ],
      [
        [2, 3],
        [0.2, 0.3],
        [null, 3],
      ],
    ]);
    expect(joined).toEqual([
      [1, 2, 3, 4],
      [10, 20, null, 40],
      [null, 0.2, 0.3, null],
      [null, null, 3, null],
    ]);
  });

  it('gives an empty table for no data', () => {
    expect(joinTables([[[], []]])).toEqual([[], []]);
  });
});

describe('forLogAxis', () => {
  it('turns values a log axis cannot draw into gaps', () => {
    expect(forLogAxis([1, 0, -2, null, 0.5])).toEqual([1, null, null, null, 0.5]);
  });
});

describe('mistakesFirst and imageSample', () => {
  const predicted = Int32Array.from([0, 1, 2, 2, 1, 0]);
  const actual = Int32Array.from([0, 2, 2, 1, 1, 1]);

  it('orders the mistakes first, then the correct rows, each in test-set order', () => {
    expect(Array.from(mistakesFirst(predicted, actual, 10))).toEqual([1, 3, 5, 0, 2, 4]);
    expect(Array.from(mistakesFirst(predicted, actual, 2))).toEqual([1, 3]);
  });

  it('copies the chosen images pixels and classes', () => {
    const inputs = Float32Array.from({ length: 6 * 4 }, (_, i) => i); // six 2×2 images
    const sample = imageSample(inputs, 2, 2, predicted, actual, 3);
    expect(Array.from(sample.rows)).toEqual([1, 3, 5]);
    expect(Array.from(sample.predicted)).toEqual([1, 2, 0]);
    expect(Array.from(sample.actual)).toEqual([2, 1, 1]);
    expect(Array.from(sample.pixels)).toEqual([4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23]);
    expect(sample).toMatchObject({ width: 2, height: 2, mistakes: 3, total: 6 });
  });
});

describe('sampleIndices', () => {
  it('keeps every index of a short history', () => {
    expect(sampleIndices(4, 10)).toEqual([0, 1, 2, 3]);
    expect(sampleIndices(0, 10)).toEqual([]);
  });

  it('thins a long one evenly, keeping the first and the last', () => {
    expect(sampleIndices(10, 4)).toEqual([0, 3, 6, 9]);
    const long = sampleIndices(100_001, 1500);
    expect(long.length).toBeLessThanOrEqual(1501);
    expect(long[0]).toBe(0);
    expect(long.at(-1)).toBe(100_000);
    expect(pick(['a', 'b', 'c'], [0, 2])).toEqual(['a', 'c']);
  });
});
