// Exercises every binding of the real wasm module (the one the browser loads) under node,
// which keeps the hand-written web/src/wasm/core.d.mts honest.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GRID_RESOLUTION } from '../src/engine/protocol.ts';
import { isFatal, TrainingSession } from '../src/engine/session.ts';
import { defaultScene, sceneToEngineConfig } from '../src/scene.ts';
import createCore, { type CoreModule, type EngineConfig, type Trainer } from '../src/wasm/core.mjs';

let core: CoreModule;
const live: { delete(): void }[] = [];

beforeAll(async () => {
  const wasmBinary = readFileSync(new URL('../src/wasm/core.wasm', import.meta.url));
  core = await createCore({ wasmBinary });
});

afterEach(() => {
  for (const handle of live.splice(0)) handle.delete();
});

function trainer(config: EngineConfig = sceneToEngineConfig(defaultScene())): Trainer {
  const t = new core.Trainer(config);
  live.push(t);
  return t;
}

function expectFinite(values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    expect(Number.isFinite(value), `${name} = ${value}`).toBe(true);
  }
}

describe('the wasm module', () => {
  it('was compiled for the wasm SIMD architecture', () => {
    expect(core.simdArch()).toBe('wasm/4');
  });

  it('times a matrix multiply', () => {
    const seconds = core.benchMatmul(16, 16, 16, 10);
    expect(seconds).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(seconds)).toBe(true);
  });
});

describe('Trainer', () => {
  it('starts at step 0 and counts steps, epochs and samples', () => {
    const t = trainer();
    expect(t.progress()).toMatchObject({ step: 0, epoch: 0, samples: 0 });
    const progress = t.run(50);
    expect(progress.step).toBe(50);
    expect(progress.samples).toBe(500);
    expect(progress.epoch).toBe(2); // 250 training points, batch 10 → 25 steps per epoch.
    expect(Number.isFinite(progress.batchLoss)).toBe(true);
    expect(t.progress()).toEqual(progress);
  });

  it('lowers the loss on the circle data', () => {
    const t = trainer();
    const before = t.evaluate();
    expectFinite({ ...before });
    t.run(5000);
    const after = t.evaluate();
    expectFinite({ ...after });
    expect(after.trainLoss).toBeLessThan(before.trainLoss * 0.5);
    expect(after.testLoss).toBeLessThan(before.testLoss * 0.5);
    for (const accuracy of [after.trainAccuracy, after.testAccuracy]) {
      expect(accuracy).toBeGreaterThanOrEqual(0);
      expect(accuracy).toBeLessThanOrEqual(1);
    }
    expect(after.testAccuracy).toBeGreaterThan(0.9);
  });

  it('is deterministic for a seed', () => {
    const a = trainer();
    const b = trainer();
    a.run(300);
    b.run(300);
    expect(a.evaluate()).toEqual(b.evaluate());
    expect(Array.from(a.predictGrid(8, -6, 6, -6, 6))).toEqual(
      Array.from(b.predictGrid(8, -6, 6, -6, 6)),
    );
  });

  it('predicts a resolution × resolution grid of outputs in [0, 1]', () => {
    const grid = trainer().predictGrid(GRID_RESOLUTION, -6, 6, -6, 6);
    expect(grid).toBeInstanceOf(Float32Array);
    expect(grid.length).toBe(GRID_RESOLUTION * GRID_RESOLUTION);
    expect(grid.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(trainer().predictGrid(3, -1, 1, -1, 1).length).toBe(9);
  });

  it('hands out the train and test points as [x, y, label] triples', () => {
    const t = trainer();
    const train = t.trainPoints();
    const test = t.testPoints();
    expect(train).toBeInstanceOf(Float32Array);
    expect(train.length).toBe(250 * 3);
    expect(test.length).toBe(250 * 3);
    for (const points of [train, test]) {
      for (let i = 0; i < points.length; i += 3) {
        expect(Math.abs(points[i]!)).toBeLessThanOrEqual(6);
        expect(Math.abs(points[i + 1]!)).toBeLessThanOrEqual(6);
        expect([0, 1]).toContain(points[i + 2]);
      }
    }
    const labels = Array.from(train.filter((_, i) => i % 3 === 2));
    expect(labels).toContain(0);
    expect(labels).toContain(1);
  });

  it('changes the learning rate without a reset', () => {
    const reference = trainer(); // lr 0.1 from the start
    const config = sceneToEngineConfig(defaultScene());
    config.optimizer.lr = 2;
    const changed = trainer(config);
    changed.setLearningRate(0.1);
    reference.run(200);
    changed.run(200);
    expect(changed.evaluate()).toEqual(reference.evaluate());

    changed.setLearningRate(1e-6);
    const before = changed.evaluate();
    changed.run(100);
    const after = changed.evaluate();
    expect(Math.abs(after.trainLoss - before.trainLoss)).toBeLessThan(1e-3);
    expect(changed.progress().step).toBe(300);
  });

  it.each<[string, (config: EngineConfig) => void]>([
    ['layers', (c) => (c.network.layers = [])],
    ['lr', (c) => (c.optimizer.lr = -1)],
    ['activation', (c) => ((c.network.layers[0] as { activation: string }).activation = 'Tanhh')],
  ])('rejects a bad %s with an Error naming it', (field, edit) => {
    const config = sceneToEngineConfig(defaultScene());
    edit(config);
    let thrown: unknown;
    try {
      trainer(config);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toContain(field);
    expect(isFatal(thrown)).toBe(false);
    expect(core.simdArch()).toBe('wasm/4'); // The module still works afterwards.
  });
});

describe('TrainingSession (the worker side of the boundary)', () => {
  it('builds snapshots and points that own their buffers', () => {
    const session = TrainingSession.create(core, defaultScene());
    live.push({ delete: () => session.dispose() });
    session.run(10);
    const snapshot = session.snapshot(true);
    expect(snapshot.type).toBe('snapshot');
    expect(snapshot.playing).toBe(true);
    expect(snapshot.progress.step).toBe(10);
    expect(snapshot.grid.length).toBe(snapshot.resolution ** 2);
    expect(snapshot.grid.byteLength).toBe(snapshot.grid.buffer.byteLength);
    const points = session.points();
    expect(points.train.length + points.test.length).toBe(1500);
    expect(structuredClone(snapshot, { transfer: [snapshot.grid.buffer] }).grid.length).toBe(
      GRID_RESOLUTION ** 2,
    );
  });

  it('validates the scene before it reaches the engine', () => {
    const scene = { ...defaultScene(), seed: -2 };
    expect(() => TrainingSession.create(core, scene)).toThrow(/^scene\.seed: /);
  });

  it('keeps a learning-rate change in its scene, for resets', () => {
    const session = TrainingSession.create(core, defaultScene());
    live.push({ delete: () => session.dispose() });
    session.setLearningRate(0.3);
    expect(session.scene.optimizer.lr).toBe(0.3);
    expect(() => session.setLearningRate(-1)).toThrow(/optimizer\.lr/);
    expect(session.scene.optimizer.lr).toBe(0.3);
  });
});
