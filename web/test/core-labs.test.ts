// Exercises every binding of the labs' module (core-labs.wasm, the one the labs load) under node,
// which keeps the hand-written web/src/wasm/core-labs.d.mts honest, and checks the figures the
// gradient-flow and perceptron labs rely on.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LearnerSpec } from '../src/wasm/core.mjs';
import createLabsCore, { type LabsCoreModule } from '../src/wasm/core-labs.mjs';

let core: LabsCoreModule;

beforeAll(async () => {
  const wasmBinary = readFileSync(new URL('../src/wasm/core-labs.wasm', import.meta.url));
  core = await createLabsCore({ wasmBinary });
});

function deep(activation: 'Sigmoid' | 'ReLU', init: 'default' | 'kaiming_uniform'): LearnerSpec {
  return {
    model: {
      inputs: 2,
      layers: [
        ...Array.from({ length: 6 }, () => ({ units: 16, activation })),
        { units: 1, activation: 'Identity' },
      ],
    },
    loss: { name: 'BCEWithLogitsLoss' },
    optimizer: { name: 'SGD', lr: 0.1 },
    init: { weight: init },
  };
}

describe('the labs module', () => {
  it('names its SIMD architecture', () => {
    expect(core.simdArch()).toMatch(/wasm/);
  });

  it('measures gradient flow per layer: deep sigmoids vanish, ReLU with He does not', () => {
    const data = { name: 'circle', samples: 200, noise: 0 } as const;
    const sigmoid = new core.GradientFlow(deep('Sigmoid', 'default'), data, 20, 1);
    const relu = new core.GradientFlow(deep('ReLU', 'kaiming_uniform'), data, 20, 1);
    const progress = sigmoid.run(5);
    relu.run(5);
    expect(progress.steps).toBe(5);
    expect(progress.diverged).toBe(false);
    const s = sigmoid.layers();
    const r = relu.layers();
    expect(s).toHaveLength(7);
    expect(s[0]!.weightGradNorm).toBeLessThan(1e-2 * r[0]!.weightGradNorm);
    expect(s[0]!.saturated).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(s[0]!.dead)).toBe(true);
    expect(r[0]!.dead).toBeGreaterThanOrEqual(0);
    expect(s[0]!.histogram.reduce((a, b) => a + b, 0)).toBe(20 * 16);
    expect([s[0]!.lo, s[0]!.hi]).toEqual([0, 1]);
    expect(s[0]!.updateRatio).toBeGreaterThan(0);
    expect(relu.parameter('0.weight')).toHaveLength(32);
    expect(relu.distinctUnits(0)).toBe(16);
    expect(sigmoid.steps()).toBe(5);
    sigmoid.delete();
    relu.delete();
  });

  it('keeps zero-initialised units identical, reports divergence, and refuses bad input', () => {
    const spec: LearnerSpec = {
      model: {
        inputs: 2,
        layers: [
          { units: 8, activation: 'Sigmoid' },
          { units: 1, activation: 'Identity' },
        ],
      },
      loss: { name: 'BCEWithLogitsLoss' },
      optimizer: { name: 'SGD', lr: 0.5 },
      init: { weight: 'zeros' },
    };
    const flow = new core.GradientFlow(spec, { name: 'xor', samples: 100, noise: 0 }, 10, 3);
    flow.run(100);
    expect(flow.distinctUnits(0)).toBe(1);
    expect(Math.abs(flow.parameter('0.weight')[0]!)).toBeGreaterThan(0);
    const explode: LearnerSpec = {
      model: {
        inputs: 2,
        layers: [
          ...Array.from({ length: 6 }, () => ({ units: 16, activation: 'ReLU' as const })),
          { units: 1, activation: 'Identity' },
        ],
      },
      loss: { name: 'MSELoss' },
      optimizer: { name: 'SGD', lr: 0.03 },
      init: { weight: 'uniform', a: -1, b: 1 },
    };
    const run = new core.GradientFlow(explode, { name: 'circle', samples: 200, noise: 0 }, 20, 1);
    const p = run.run(50);
    expect(p.diverged).toBe(true);
    expect(p.message).toMatch(/diverged/);
    expect(p.steps).toBeLessThan(50);
    expect(() => flow.distinctUnits(5)).toThrow(/layer 5/);
    expect(
      () => new core.GradientFlow(spec, { name: 'iris' as 'circle', samples: 10, noise: 0 }, 10, 1),
    ).toThrow(/data.name/);
    flow.delete();
    run.delete();
  });

  it('steps the perceptron one sample at a time; XOR cycles, blobs converge', () => {
    const xor = core.labPoints('xor', 40, 0, 1, 0.25);
    expect(xor.x).toHaveLength(80);
    for (const v of xor.x) expect(v * 4).toBe(Math.round(v * 4));
    const p = new core.Perceptron(xor.x, xor.y, 1);
    const first = p.step();
    expect(first.position).toBe(0);
    expect(first.deltaW).toHaveLength(2);
    expect(p.position()).toBe(1);
    while (!p.cycling() && p.epochs() < 500) p.epoch();
    expect(p.cycling()).toBe(true);
    expect(p.cycleLength()).toBeGreaterThan(0);
    expect(Math.min(...p.mistakesPerEpoch())).toBeGreaterThan(0);
    expect(p.weights()).toHaveLength(2);
    expect(Number.isFinite(p.bias())).toBe(true);
    expect(p.accuracy()).toBeLessThan(1);
    expect(p.converged()).toBe(false);
    p.delete();
    const blobs = core.labPoints('blobs', 40, 0, 1, 0.25);
    const q = new core.Perceptron(blobs.x, blobs.y, 1);
    while (!q.converged() && q.epochs() < 500) q.epoch();
    expect(q.converged()).toBe(true);
    q.delete();
    expect(() => new core.Perceptron(new Float32Array(3), new Float32Array(1), 1)).toThrow(
      /x must hold/,
    );
  });

  it('trains a one-hidden-layer network on the same points', () => {
    const xor = core.labPoints('xor', 80, 0, 1, 0);
    const net = new core.Network(
      {
        model: {
          inputs: 2,
          layers: [
            { units: 8, activation: 'Tanh' },
            { units: 1, activation: 'Sigmoid' },
          ],
        },
        loss: { name: 'BCELoss' },
        optimizer: { name: 'Adam', lr: 0.05 },
      },
      xor.x,
      xor.y,
      1,
    );
    const before = net.train(1);
    const after = net.train(300);
    expect(after).toBeLessThan(before / 2);
    expect(net.steps()).toBe(301);
    const out = net.predict(xor.x);
    let right = 0;
    out.forEach((p, i) => (right += (p >= 0.5 ? 1 : 0) === xor.y[i] ? 1 : 0));
    expect(right / out.length).toBeGreaterThan(0.9);
    net.delete();
  });
});
