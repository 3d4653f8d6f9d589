// Exercises every binding of the real wasm module (the one the browser loads) under node,
// which keeps the hand-written web/src/wasm/core.d.mts honest.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CURVE_SAMPLES, curveX, GRID_RESOLUTION } from '../src/engine/protocol.ts';
import { generatorPoints, isFatal, TrainingSession } from '../src/engine/session.ts';
import { engineMemory } from '../src/engine/engine-memory.ts';
import { parseCsv } from '../src/data/csv.ts';
import { csvScene, withAddedPoint } from '../src/data/supplied-scene.ts';
import {
  ACTIVATIONS,
  DATASET_CATALOGUE,
  DATASETS,
  datasetScene,
  defaultScene,
  FEATURES,
  generatedShape,
  INITS,
  LOSSES,
  OPTIMIZERS,
  SCHEDULERS,
  SCENE_FORMAT,
  sceneShape,
  sceneToEngineConfig,
  shippedScene,
  suppliedShape,
  takesClasses,
  type Scene,
} from '../src/scene/index.ts';
import createToolsCore from '../src/wasm/core-tools.mjs';
import {
  type ToolsCoreModule,
  type CoreModule,
  type EngineConfig,
  type Evaluation,
  type Learner,
  type LearnerSpec,
  type SuppliedData,
  type Trainer,
} from '../src/wasm/core.mjs';
import { checkScene, loadSceneRules, splitSizes } from '../src/engine/scene-rules.ts';
import { loadModel, stringifyModel } from '../src/model.ts';
import { loadTestCore } from './scene-rules.ts';

let core: CoreModule;
// The tools' module: the page's engine plus the benchmark kernels and the catalogue.
let tools: ToolsCoreModule;
const live: { delete(): void }[] = [];

beforeAll(async () => {
  core = await loadTestCore();
  await loadSceneRules(() => Promise.resolve(core));
  const wasmBinary = readFileSync(new URL('../src/wasm/core-tools.wasm', import.meta.url));
  tools = await createToolsCore({ wasmBinary });
});

afterEach(() => {
  for (const handle of live.splice(0)) handle.delete();
});

function trainer(config: EngineConfig = sceneToEngineConfig(defaultScene())): Trainer {
  const t = new core.Trainer(config);
  live.push(t);
  return t;
}

function learner(spec: LearnerSpec | string, seed = 1): Learner {
  const l = new core.Learner(spec, seed);
  live.push(l);
  return l;
}

/** The Error thrown by `f` (fails the test if it returns or throws something else). */
function thrownBy(f: () => unknown): Error {
  let thrown: unknown;
  try {
    f();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Error);
  return thrown as Error;
}

function pick<T extends object, K extends keyof T>(object: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, object[key]])) as Pick<T, K>;
}

function expectFinite(values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    expect(Number.isFinite(value), `${name} = ${value}`).toBe(true);
  }
}

/** A classification run's evaluation: finite train and test metrics, the flat fields equal to
 *  the nested ones, and NaN for the validation set it does not have. */
function expectEvaluated(e: Evaluation): void {
  const { train, validation, test, ...flat } = e;
  expectFinite(flat);
  expectFinite({ trainLoss: train.loss, trainAccuracy: train.accuracy });
  expectFinite({ testLoss: test.loss, testAccuracy: test.accuracy });
  expect(flat).toEqual({
    trainLoss: train.loss,
    trainAccuracy: train.accuracy,
    testLoss: test.loss,
    testAccuracy: test.accuracy,
  });
  expect(validation.loss).toBeNaN();
  expect(validation.accuracy).toBeNaN();
}

describe('the wasm module', () => {
  it('was compiled for the wasm SIMD architecture', () => {
    expect(core.simdArch()).toBe('wasm/4');
  });

  it("counts the allocator's bytes in use: a Trainer takes some, its delete() gives them back", () => {
    const build = () => new core.Trainer(sceneToEngineConfig(defaultScene()));
    build().delete(); // whatever the first Trainer sets up once is not counted
    const before = engineMemory(core);
    const t = build();
    t.run(100);
    const during = engineMemory(core);
    t.delete();
    const after = engineMemory(core);
    expect(during.heapInUse).toBeGreaterThan(before.heapInUse + 10_000);
    expect(after).toEqual(before);
    expect(after.wasmBytes).toBeGreaterThan(after.heapInUse);
  });

  it('leaves the benchmark kernels, the catalogue and the perceptron lesson to core-tools.wasm', () => {
    for (const name of ['benchPeak', 'benchMatmul', 'benchGemmKernel', 'catalogue', 'Perceptron']) {
      expect(name in core).toBe(false);
      expect(name in tools).toBe(true);
    }
  });

  it.each([
    [0, 'A·B'],
    [1, 'Aᵀ·B'],
    [2, 'A·Bᵀ'],
  ])('times matrix multiplies of form %i (%s)', (form) => {
    for (const [m, n, k] of [
      [16, 16, 16],
      [8, 12, 20],
    ] as const) {
      const seconds = tools.benchMatmul(m, n, k, 10, form);
      expect(seconds).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(seconds)).toBe(true);
    }
  });

  it('times the roofline kernels and reports the work they did', () => {
    const peak = tools.benchPeak(1000);
    expect(peak.checksum).toBe(11.625 + 6 * 1000); // every round of every add chain ran
    expect(peak.flops).toBe(1000 * 6 * 2 * 4);
    expect(peak.seconds).toBeGreaterThanOrEqual(0);
    const one = tools.benchGemmKernel(1);
    const three = tools.benchGemmKernel(3);
    expect(one.checksum).toBeGreaterThan(0);
    expect(three.checksum).toBe(3 * one.checksum);
    expect(three.flops).toBe(3 * one.flops);
    expect(() => tools.benchPeak(0)).toThrow(/benchPeak: count must be between 1 and 1e9/);
  });

  it.each<[string, string, readonly string[]]>([
    ['activations', 'model.layers[0].activation', ACTIVATIONS],
    ['losses', 'loss.name', LOSSES],
    ['optimizers', 'optimizer.name', OPTIMIZERS],
    ['schedulers', 'scheduler.name', SCHEDULERS],
    ['initialisers', 'init.weight', INITS],
  ])('accepts exactly the page’s %s', (_, field, names) => {
    const config = sceneToEngineConfig(defaultScene()) as unknown as Record<string, unknown>;
    const bad = 'NoSuchName';
    if (field.startsWith('model')) {
      config.model = { inputs: 2, layers: [{ units: 1, activation: bad }] };
    } else {
      const [key] = field.split('.');
      config[key!] = { ...(config[key!] as object), [field.split('.')[1]!]: bad };
    }
    const { message } = thrownBy(() => trainer(config as unknown as EngineConfig));
    expect(message).toContain(field);
    expect(message.split('accepted: ')[1]?.split(', ')).toEqual([...names]);
  });
});

describe('catalogue() and validateScene()', () => {
  it('lists what the engine accepts, with torch’s defaults and the playground’s ranges', () => {
    const catalogue = tools.catalogue();
    expect(catalogue.format).toBe(SCENE_FORMAT);
    expect(catalogue.activations.map((a) => a.name)).toEqual([...ACTIVATIONS]);
    const adam = catalogue.optimizers.find((o) => o.name === 'Adam')!;
    expect(adam.args.find((a) => a.name === 'betas')).toMatchObject({
      type: 'pair',
      default: [0.9, 0.999],
      range: { min: 0, max: 1, maxOpen: true },
    });
    expect(adam.args[0]).toMatchObject({ name: 'lr', required: true, default: 0.001 });
    const stepLR = catalogue.schedulers.find((s) => s.name === 'StepLR')!;
    expect(stepLR.args[0]).toEqual({
      name: 'step_size',
      type: 'number',
      required: true,
      range: { min: 1, max: 1_000_000, integer: true },
    });
    const blobs = catalogue.datasets.find((d) => d.name === 'blobs')!;
    expect(blobs.classes).toEqual({ min: 2, max: 6, default: 2 });
    expect(catalogue.limits.units).toEqual({ min: 1, max: 256, integer: true });
  });

  it('accepts the page’s scenes', () => {
    for (const name of DATASETS)
      expect(core.validateScene(datasetScene({ name })), name).toEqual([]);
    expect(core.validateScene(JSON.stringify(defaultScene()))).toEqual([]);
  });

  it('returns every problem with the path of the field to change', () => {
    const scene = defaultScene();
    scene.optimizer.lr = 100;
    scene.model.layers[0]!.units = 1000;
    scene.training.batchSize = 0;
    expect(core.validateScene(scene)).toEqual([
      {
        path: 'model.layers[0].units',
        message: 'model.layers[0].units must be an integer in [1, 256], got 1000',
      },
      { path: 'optimizer.lr', message: 'optimizer.lr must be a number in [1e-06, 10], got 100' },
      {
        path: 'training.batchSize',
        message: 'training.batchSize must be an integer in [1, 10000], got 0',
      },
    ]);
  });

  it('checks supplied data against the shape given', () => {
    const scene = shippedScene('digits');
    expect(core.validateScene(scene)).toEqual([]);
    const shape = { rows: 1797, features: 64, classes: 10 };
    expect(core.validateScene(scene, shape)).toEqual([]);
    const problems = core.validateScene(scene, { ...shape, features: 4 });
    expect(problems.map((p) => p.path)).toEqual(['model.inputs']);
    expect(problems[0]!.message).toMatch(/^model\.inputs must be 4 /);
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
    expectEvaluated(before);
    t.run(5000);
    const after = t.evaluate();
    expectEvaluated(after);
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

  it('predicts every class’s probability on a grid, and the outputs for raw inputs', () => {
    // One output: P(class 1), as predictGrid gives it.
    const binary = trainer();
    binary.run(200);
    expect(Array.from(binary.predictGridClasses(8, -6, 6, -6, 6))).toEqual(
      Array.from(binary.predictGrid(8, -6, 6, -6, 6)),
    );
    // One output per class: k probabilities per cell that add up to 1.
    const spirals = trainer(sceneToEngineConfig(datasetScene({ name: 'spirals', classes: 3 })));
    spirals.run(200);
    const grid = spirals.predictGridClasses(5, -6, 6, -6, 6);
    expect(grid.length).toBe(5 * 5 * 3);
    for (let i = 0; i < grid.length; i += 3) {
      expect(grid[i]! + grid[i + 1]! + grid[i + 2]!).toBeCloseTo(1, 5);
    }
    // predict gives the raw outputs (logits here), n × outputs; the grid's centre cell is (0, 0).
    const logits = spirals.predict([0, 0, 1.2, -2.4], 2);
    expect(logits.length).toBe(6);
    const exp = Array.from(logits.subarray(0, 3), Math.exp);
    const sum = exp.reduce((a, b) => a + b);
    expect(exp.map((e) => e / sum)).toEqual(
      Array.from(grid.subarray(12 * 3, 13 * 3), (p): unknown => expect.closeTo(p, 5)),
    );
    expect(() => spirals.predict([0, 0, 1], 2)).toThrow(/n × features = 2 × 2/);
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
    changed.setHyperparameters({ lr: 0.1 });
    reference.run(200);
    changed.run(200);
    expect(changed.evaluate()).toEqual(reference.evaluate());

    changed.setHyperparameters({ lr: 1e-6 });
    const before = changed.evaluate();
    changed.run(100);
    const after = changed.evaluate();
    expect(Math.abs(after.trainLoss - before.trainLoss)).toBeLessThan(1e-3);
    expect(changed.progress().step).toBe(300);
  });

  it('reports and changes its learning rate', () => {
    const t = trainer();
    expect(t.learningRate()).toBeCloseTo(0.1, 12);
    t.setHyperparameters({ lr: 0.3 });
    expect(t.learningRate()).toBeCloseTo(0.3, 12);
    expect(() => t.setHyperparameters({ lr: -1 })).toThrow(/optimizer\.lr/);
  });

  it('follows its scheduler, which is stepped once per optimiser step', () => {
    const config = sceneToEngineConfig(defaultScene());
    config.scheduler = { name: 'StepLR', step_size: 10, gamma: 0.5 };
    const t = trainer(config);
    expect(t.learningRate()).toBeCloseTo(0.1, 12);
    t.run(9);
    expect(t.learningRate()).toBeCloseTo(0.1, 12);
    t.run(1);
    expect(t.learningRate()).toBeCloseTo(0.05, 12);
    t.run(10);
    expect(t.learningRate()).toBeCloseTo(0.025, 12);
    t.setHyperparameters({ lr: 0.2 }); // the schedule's new base
    expect(t.learningRate()).toBeCloseTo(0.2, 12);
  });

  it('trains a non-default scene: Adam, CrossEntropyLoss on two logits, dropout', () => {
    const scene = checkScene({
      ...defaultScene(),
      model: {
        inputs: 2,
        layers: [
          { units: 8, activation: 'ReLU', dropout: 0.1 },
          { units: 8, activation: { name: 'LeakyReLU', negative_slope: 0.1 } },
          { units: 2, activation: 'Identity' },
        ],
      },
      loss: { name: 'CrossEntropyLoss' },
      optimizer: { name: 'Adam', lr: 0.01 },
    } satisfies Scene);
    const t = trainer(sceneToEngineConfig(scene));
    const before = t.evaluate();
    expect(before.testAccuracy).toBeLessThan(0.7);
    t.run(2000);
    const after = t.evaluate();
    expectEvaluated(after);
    expect(after.testAccuracy).toBeGreaterThan(0.9);
    expect(after.testAccuracy).toBeGreaterThan(before.testAccuracy);
    expect(after.trainLoss).toBeLessThan(before.trainLoss * 0.5);
  });

  it.each<[string, Partial<Scene>]>([
    [
      'SGD with Nesterov momentum, a schedule, clipping, L1 and init',
      {
        optimizer: { name: 'SGD', lr: 0.1, momentum: 0.9, nesterov: true, weight_decay: 1e-4 },
        scheduler: { name: 'CosineAnnealingLR', T_max: 500, eta_min: 0.001 },
        clip_grad_norm: 1,
        clip_grad_value: 0.5,
        l1: 1e-4,
        init: { weight: 'xavier_uniform', bias: 0.01 },
      },
    ],
    [
      'RMSprop, HuberLoss, GELU and Softplus',
      {
        model: {
          inputs: 2,
          layers: [
            { units: 6, activation: { name: 'GELU', approximate: 'tanh' } },
            { units: 6, activation: { name: 'Softplus', beta: 2, threshold: 10 } },
            { units: 1, activation: 'Sigmoid' },
          ],
        },
        loss: { name: 'HuberLoss', delta: 0.5, reduction: 'sum' },
        optimizer: { name: 'RMSprop', lr: 0.01, alpha: 0.9, centered: true },
        scheduler: { name: 'LinearLR' },
      },
    ],
    [
      'AdamW, NLLLoss on LogSoftmax, ELU and kaiming init',
      {
        model: {
          inputs: 2,
          layers: [
            { units: 8, activation: { name: 'ELU', alpha: 0.5 } },
            { units: 2, activation: { name: 'LogSoftmax', dim: 1 } },
          ],
        },
        loss: { name: 'NLLLoss' },
        optimizer: {
          name: 'AdamW',
          lr: 0.01,
          betas: [0.8, 0.99],
          amsgrad: true,
          no_decay_bias: true,
        },
        scheduler: { name: 'ExponentialLR', gamma: 0.999 },
        init: { weight: 'kaiming_uniform' },
      },
    ],
    [
      'Adagrad, MultiMarginLoss and constant init',
      {
        model: {
          inputs: 2,
          layers: [
            { units: 8, activation: 'SiLU' },
            { units: 2, activation: 'Identity' },
          ],
        },
        loss: { name: 'MultiMarginLoss', margin: 0.5 },
        optimizer: { name: 'Adagrad', lr: 0.1, lr_decay: 0.001, initial_accumulator_value: 0.1 },
        init: { weight: 'xavier_normal' },
      },
    ],
  ])('accepts what the page accepts: %s', (_, change) => {
    const t = trainer(sceneToEngineConfig(checkScene({ ...defaultScene(), ...change })));
    expect(Number.isFinite(t.run(100).batchLoss)).toBe(true);
    expectEvaluated(t.evaluate());
  });

  it.each<[string, (config: EngineConfig) => void]>([
    ['model.layers', (c) => (c.model.layers = [])],
    ['optimizer.lr', (c) => (c.optimizer.lr = -1)],
    [
      'model.layers[0].activation',
      (c) => ((c.model.layers[0] as { activation: string }).activation = 'Tanhh'),
    ],
    ['optimizer.name', (c) => (c.optimizer = { name: 'Adamm' as 'Adam', lr: 0.1 })],
    ['optimizer.betas[1]', (c) => (c.optimizer = { name: 'Adam', lr: 0.1, betas: [0.9, 1.5] })],
    ['optimizer.momentun', (c) => (c.optimizer = { name: 'SGD', lr: 0.1, ...{ momentun: 0.9 } })],
    ['loss.reduction', (c) => (c.loss = { name: 'BCELoss', reduction: 'none' as 'mean' })],
    ['scheduler.step_size', (c) => (c.scheduler = { name: 'StepLR' })],
    ['init.weight', (c) => (c.init = { weight: 'xavier' as 'xavier_uniform' })],
    ['clip_grad_norm', (c) => (c.clip_grad_norm = -1)],
  ])('rejects a bad %s with an Error naming it', (field, edit) => {
    const config = sceneToEngineConfig(defaultScene());
    edit(config);
    const thrown = thrownBy(() => trainer(config));
    expect(thrown.message).toContain(field);
    expect(isFatal(thrown)).toBe(false);
    expect(core.simdArch()).toBe('wasm/4'); // The module still works afterwards.
  });
});

describe('Learner', () => {
  /** 3 → 2 linear layer (no activation), mean squared error, plain SGD. */
  const linear: LearnerSpec = {
    model: { inputs: 3, layers: [{ units: 2, activation: 'Identity' }] },
    loss: { name: 'MSELoss' },
    optimizer: { name: 'SGD', lr: 0.1 },
  };
  /** Parameters and a one-row batch whose loss and gradients are worked by hand below. */
  function handWorked(l: Learner): void {
    l.setParameter('0.weight', [1, 0, -1, 0.5, 0.5, 0]); // [out, in]: row 0 is output 0
    l.setParameter('0.bias', new Float32Array([0, 0.5]));
  }
  const x = [1, 2, 3];
  const y = [0, 1];

  it('names its parameters as torch does and round-trips them', () => {
    const l = learner({
      model: {
        inputs: 2,
        layers: [
          { units: 3, activation: 'Tanh' },
          { units: 1, activation: 'Sigmoid' },
        ],
      },
      loss: { name: 'BCELoss' },
      optimizer: { name: 'SGD', lr: 0.1 },
    });
    expect(l.parameterNames()).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    expect(l.parameter('0.weight').length).toBe(6);
    expect(l.parameter('2.bias').length).toBe(1);
    const w = new Float32Array([0.5, -0.25, 1.5, 2, -3, 0.125]);
    l.setParameter('0.weight', w);
    const back = l.parameter('0.weight');
    expect(back).toBeInstanceOf(Float32Array);
    expect(Array.from(back)).toEqual(Array.from(w));
    back[0] = 99; // a copy
    expect(l.parameter('0.weight')[0]).toBe(0.5);
    expect(l.lr()).toBeCloseTo(0.1, 12);
    expect(l.steps()).toBe(0);
  });

  it('trains the same bits with and without the tape (setTapeFree)', () => {
    const spec: LearnerSpec = {
      model: {
        inputs: 2,
        layers: [
          { units: 8, activation: 'Tanh' },
          { units: 3, activation: 'Identity' },
        ],
      },
      loss: { name: 'CrossEntropyLoss' },
      optimizer: { name: 'Adam', lr: 0.01 },
    };
    const fast = learner(spec, 3);
    const tape = learner(spec, 3);
    expect(fast.tapeFree()).toBe(true);
    tape.setTapeFree(false);
    expect(tape.tapeFree()).toBe(false);
    const bx = [0.5, -1, 0.25, 0.75, -0.5, 0.1];
    const by = [0, 2, 1];
    for (let s = 0; s < 20; s++) expect(fast.step(bx, 3, by, 1)).toBe(tape.step(bx, 3, by, 1));
    expect(fast.trainOnBatch(bx, 3, by, 1, 50)).toBe(tape.trainOnBatch(bx, 3, by, 1, 50));
    for (const name of fast.parameterNames())
      expect(Array.from(fast.parameter(name))).toEqual(Array.from(tape.parameter(name)));
  });

  it('is deterministic for a seed, from an object or its JSON text', () => {
    const a = learner(linear, 5);
    const b = learner(JSON.stringify(linear), 5);
    const c = learner(linear, 6);
    expect(Array.from(b.parameter('0.weight'))).toEqual(Array.from(a.parameter('0.weight')));
    expect(Array.from(c.parameter('0.weight'))).not.toEqual(Array.from(a.parameter('0.weight')));
  });

  it('computes the loss and the gradients (worked by hand)', () => {
    const l = learner(linear);
    handWorked(l);
    // pred = W·x + b = [1 − 3, 0.5 + 1 + 0.5] = [−2, 2]; error [−2, 1];
    // loss = mean(error²) = (4 + 1) / 2; dloss/dpred = 2·error / 2 = error.
    expect(l.computeGradients(x, 1, y, 2)).toBeCloseTo(2.5, 6);
    expect(Array.from(l.gradient('0.weight'))).toEqual([-2, -4, -6, 1, 2, 3]); // error ⊗ x
    expect(Array.from(l.gradient('0.bias'))).toEqual([-2, 1]);
    expect(l.steps()).toBe(0);
  });

  it('applies plain SGD: each parameter moves by −lr·grad', () => {
    const l = learner(linear);
    handWorked(l);
    l.computeGradients(x, 1, y, 2);
    l.applyUpdate();
    const expected = { '0.weight': [1.2, 0.4, -0.4, 0.4, 0.3, -0.3], '0.bias': [0.2, 0.4] };
    for (const [name, values] of Object.entries(expected)) {
      Array.from(l.parameter(name)).forEach((v, i) => expect(v).toBeCloseTo(values[i]!, 6));
    }
    expect(l.steps()).toBe(1);
  });

  it('applies plain SGD to a deeper model too', () => {
    const lr = 0.05;
    const l = learner(
      {
        model: {
          inputs: 2,
          layers: [
            { units: 4, activation: 'Tanh' },
            { units: 1, activation: 'Sigmoid' },
          ],
        },
        loss: { name: 'BCELoss' },
        optimizer: { name: 'SGD', lr },
      },
      3,
    );
    const batch = [0.5, -1, 2, 0.25, -1.5, 1];
    l.computeGradients(batch, 3, [1, 0, 1], 1);
    const before = l
      .parameterNames()
      .map((name) => [name, l.parameter(name), l.gradient(name)] as const);
    l.applyUpdate();
    for (const [name, values, grads] of before) {
      expect(
        grads.some((g) => g !== 0),
        name,
      ).toBe(true);
      const after = l.parameter(name);
      values.forEach((v, i) => expect(after[i]).toBeCloseTo(v - lr * grads[i]!, 6));
    }
  });

  it('takes whole steps, lowering the loss on a fixed batch', () => {
    const l = learner(linear);
    handWorked(l);
    const first = l.step(x, 1, y, 2);
    expect(first).toBeCloseTo(2.5, 6);
    let loss = first;
    for (let i = 0; i < 20; i++) loss = l.step(new Float32Array(x), 1, new Float32Array(y), 2);
    expect(loss).toBeLessThan(first / 10);
    expect(l.steps()).toBe(21);
  });

  it('follows a StepLR scheduler', () => {
    const l = learner({ ...linear, scheduler: { name: 'StepLR', step_size: 2, gamma: 0.5 } });
    const lrs = [l.lr()];
    for (let i = 0; i < 4; i++) {
      l.step(x, 1, y, 2);
      lrs.push(l.lr());
    }
    [0.1, 0.1, 0.05, 0.05, 0.025].forEach((lr, i) => expect(lrs[i]).toBeCloseTo(lr, 12));
  });

  it.each<[string, (l: Learner) => unknown, RegExp]>([
    [
      'an unknown parameter name',
      (l) => l.parameter('1.weight'),
      /no parameter named '1\.weight'.*0\.weight, 0\.bias/,
    ],
    [
      'an unknown name to set',
      (l) => l.setParameter('0.wieght', [0]),
      /no parameter named '0\.wieght'/,
    ],
    [
      'the wrong data length',
      (l) => l.setParameter('0.bias', [1, 2, 3]),
      /parameter '0\.bias' has 2 values.*got 3/,
    ],
    ['a value that is not finite', (l) => l.setParameter('0.bias', [1, Number.NaN]), /not finite/],
    [
      'x of the wrong size',
      (l) => l.computeGradients([1, 2, 3, 4, 5], 2, [0, 1, 1, 0], 2),
      /^x must hold n × inputs = 2 × 3 values, got 5/,
    ],
    [
      'y of the wrong size',
      (l) => l.step(x, 1, [0], 2),
      /^y must hold n × yCols = 1 × 2 values, got 1/,
    ],
    ['an unknown gradient name', (l) => l.gradient('bias'), /no parameter named 'bias'/],
  ])('rejects %s with an Error saying so', (_, call, message) => {
    const l = learner(linear);
    expect(thrownBy(() => call(l)).message).toMatch(message);
    expect(l.steps()).toBe(0);
    expect(l.computeGradients(x, 1, y, 2)).toBeGreaterThan(0); // still usable
  });

  it('rejects a class index out of range for CrossEntropyLoss', () => {
    const l = learner({
      model: { inputs: 2, layers: [{ units: 2, activation: 'Identity' }] },
      loss: { name: 'CrossEntropyLoss' },
      optimizer: { name: 'SGD', lr: 0.1 },
    });
    expect(l.computeGradients([1, 2, 3, 4], 2, [0, 1], 1)).toBeGreaterThan(0);
    const { message } = thrownBy(() => l.computeGradients([1, 2, 3, 4], 2, [0, 2], 1));
    expect(message).toMatch(
      /^CrossEntropyLoss: target class 2\b.* in row 1 is not a class index from 0 to 1/,
    );
  });

  it.each<[string, unknown]>([
    ['optimizer.name', { ...linear, optimizer: { name: 'Adamm' } }],
    ['optimizer.betas[0]', { ...linear, optimizer: { name: 'Adam', betas: [1, 0.999] } }],
    ['optimizer.momentun', { ...linear, optimizer: { name: 'SGD', momentun: 0.9 } }],
    ['loss.reduction', { ...linear, loss: { name: 'MSELoss', reduction: 'none' } }],
    [
      'model.layers[0].units',
      { ...linear, model: { inputs: 3, layers: [{ units: 0, activation: 'Tanh' }] } },
    ],
  ])('rejects a spec with a bad %s, naming it', (field, spec) => {
    expect(thrownBy(() => learner(spec as LearnerSpec)).message).toContain(field);
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
    expect(snapshot.channels).toBe(1);
    expect(snapshot.grid.length).toBe(snapshot.resolution ** 2);
    expect(snapshot.grid.byteLength).toBe(snapshot.grid.buffer.byteLength);
    expect(snapshot.curve.length).toBe(0);
    const points = session.points();
    expect(points.train.length + points.test.length).toBe(1500);
    const sent = structuredClone(snapshot, {
      transfer: [snapshot.grid.buffer, snapshot.curve.buffer],
    });
    expect(sent.grid.length).toBe(GRID_RESOLUTION ** 2);
  });

  it('saves the running network and loads it into a new run bit for bit', () => {
    const scene = {
      ...defaultScene(),
      training: { ...defaultScene().training, ensemble: { members: 2 } },
    };
    const trained = TrainingSession.create(core, scene);
    live.push({ delete: () => trained.dispose() });
    trained.run(30);
    const saved = trained.saved();
    expect(saved.parameters).toHaveLength(2);
    const text = stringifyModel(saved);
    const fresh = TrainingSession.create(core, scene);
    live.push({ delete: () => fresh.dispose() });
    // A fresh run starts elsewhere; the model's parameters bring it to the trained state.
    expect(fresh.network().parameters['0.weight']).not.toEqual(
      trained.network().parameters['0.weight'],
    );
    fresh.applyParameters(loadModel(JSON.parse(text)).parameters);
    for (const [name, values] of Object.entries(trained.network().parameters)) {
      expect(fresh.network().parameters[name], name).toEqual(values);
    }
    expect(fresh.snapshot(false).evaluation).toEqual(trained.snapshot(false).evaluation);
    expect(() => fresh.applyParameters(saved.parameters.slice(0, 1))).toThrow(/2 members|member/);
  });

  it('validates the scene before it reaches the engine', () => {
    const scene = { ...defaultScene(), seed: -2 };
    expect(() => TrainingSession.create(core, scene)).toThrow(/^scene\.seed: /);
  });

  it('sends only the history records new since its last snapshot, and the views asked for', () => {
    const session = TrainingSession.create(core, defaultScene());
    live.push({ delete: () => session.dispose() });
    const first = session.snapshot(false);
    expect(first).toMatchObject({ history: [], historyStart: 0, bestEpoch: -1 });
    expect(first.confusion).toBeUndefined();
    session.run(25 * 3); // 250 training points, batches of 10: three epochs
    const second = session.snapshot(false, { network: false, confusion: true, images: true });
    expect(second.history!.map((r) => r.epoch)).toEqual([1, 2, 3]);
    expect(second.historyStart).toBe(0);
    expect(second.bestEpoch).toBe(3);
    expect(second.confusion!.classes).toBe(2);
    expect(second.images).toBeUndefined(); // not image data
    session.run(25);
    const third = session.snapshot(false);
    expect(third.historyStart).toBe(3);
    expect(third.history!.map((r) => r.epoch)).toEqual([4]);
    expect(third.confusion).toBeUndefined();
  });

  it('sends the whole history again once the engine has thinned it', () => {
    // 20 training points in one batch: one step an epoch.
    const scene = { ...defaultScene(), data: { ...defaultScene().data, samples: 40 } };
    const session = TrainingSession.create(core, { ...scene, training: { batchSize: 20 } });
    live.push({ delete: () => session.dispose() });
    session.runEpochs(8192); // the engine's history is full (Trainer::kHistoryRecords)
    expect(session.snapshot(false).history).toHaveLength(8192);
    session.runEpochs(2); // thinned to every second epoch: 2, 4, …, 8194
    const thinned = session.snapshot(false);
    expect(thinned.historyStart).toBe(0);
    expect(thinned.history).toHaveLength(4097);
    expect(thinned.history!.slice(0, 2).map((r) => r.epoch)).toEqual([2, 4]);
    expect(thinned.history!.at(-1)!.epoch).toBe(8194);
    session.runEpochs(2);
    const next = session.snapshot(false);
    expect(next.historyStart).toBe(4097);
    expect(next.history!.map((r) => r.epoch)).toEqual([8196]);
  });

  it('samples the digits test images, mistakes first', () => {
    const nnpd = readFileSync(new URL('../public/data/digits.nnpd', import.meta.url));
    const bytes = nnpd.buffer.slice(nnpd.byteOffset, nnpd.byteOffset + nnpd.byteLength);
    const session = TrainingSession.create(core, shippedScene('digits'), {
      data: { nnpd: bytes, name: 'digits.nnpd' },
    });
    live.push({ delete: () => session.dispose() });
    expect(session.points().image).toEqual({ width: 8, height: 8 });
    session.run(40); // one epoch: the network is still making mistakes
    const { images, confusion } = session.snapshot(false, {
      network: false,
      confusion: true,
      images: true,
    });
    const counts = Array.from(confusion!.counts);
    const wrong = counts.reduce((sum, c, i) => (i % 11 === 0 ? sum : sum + c), 0);
    expect(images!.total).toBe(361);
    expect(images!.mistakes).toBe(wrong);
    expect(images!.rows).toHaveLength(48);
    expect(images!.pixels).toHaveLength(48 * 64);
    const shownWrong = Array.from(
      images!.rows,
      (_, i) => images!.predicted[i] !== images!.actual[i],
    );
    expect(shownWrong).toEqual(Array.from({ length: 48 }, (_, i) => i < Math.min(wrong, 48)));
    // The matrix (tallied from the same predictions) is the engine's own.
    // eslint-disable-next-line @typescript-eslint/dot-notation -- a private field: TS allows it by index only
    expect(counts).toEqual(Array.from(session['trainer'].confusion('test').counts));
    // Pixels in 0 … 1, as the .nnpd file scales them.
    expect(Math.max(...images!.pixels)).toBeLessThanOrEqual(1);
    expect(Math.max(...images!.pixels)).toBeGreaterThan(0.5);
  });

  it('keeps a learning-rate change in its scene, for resets', () => {
    const session = TrainingSession.create(core, defaultScene());
    live.push({ delete: () => session.dispose() });
    session.setHyperparameters({ lr: 0.3 });
    expect(session.scene.optimizer.lr).toBe(0.3);
    expect(() => session.setHyperparameters({ lr: -1 })).toThrow(/optimizer\.lr/);
    expect(session.scene.optimizer.lr).toBe(0.3);
  });
});

describe('Trainer: the network diagram’s data', () => {
  it('hands out the last step’s gradients by torch name, zeros before any step', () => {
    const t = trainer();
    const before = t.gradients(0);
    expect(Object.keys(before)).toEqual(Object.keys(t.parameters(0)));
    expect(Array.from(before['0.weight'] ?? [])).toEqual(new Array(8).fill(0));
    t.run(1);
    const g = t.gradients(0);
    expect(g['0.weight']?.length).toBe(8);
    expect(Array.from(g['4.bias'] ?? []).some((v) => v !== 0)).toBe(true);
    // Plain SGD: the step just taken moved each parameter by −lr·grad.
    const p1 = t.parameters(0);
    t.run(1);
    const g2 = t.gradients(0);
    const p2 = t.parameters(0);
    const w1 = p1['2.weight'] ?? new Float32Array();
    const w2 = p2['2.weight'] ?? new Float32Array();
    w1.forEach((w, i) => expect(w2[i]).toBeCloseTo(w - 0.1 * (g2['2.weight']?.[i] ?? 0), 6));
    expect(() => t.gradients(3)).toThrow(/member 3/);
  });

  it('computes every unit’s map; the output map is predictGrid’s', () => {
    const t = trainer();
    t.run(100);
    const r = 6;
    const maps = t.neuronMaps(r, -6, 6, -6, 6);
    expect(maps.length).toBe((2 + 4 + 4 + 1) * r * r);
    const grid = t.predictGrid(r, -6, 6, -6, 6);
    const output = maps.subarray(10 * r * r);
    output.forEach((v, i) => expect(v).toBeCloseTo(grid[i] ?? Number.NaN, 5));
    // Input maps: x1 grows to the right, x2 to the top (row 0 at yMax).
    expect(maps[r - 1]).toBeGreaterThan(maps[0] ?? 0);
    expect(maps[r * r]).toBeGreaterThan(maps[r * r + (r - 1) * r] ?? 0);
    expect(thrownBy(() => t.neuronMaps(0, -6, 6, -6, 6)).message).toMatch(/resolution/);
  });

  it('lets a session edit one weight live, change dropout live and send the maps on request', () => {
    const session = TrainingSession.create(core, defaultScene());
    live.push({ delete: () => session.dispose() });
    expect(session.snapshot(false).network).toBeUndefined();
    session.setParameter('2.weight', 5, 1.25);
    const n = session.snapshot(
      false,
      { network: true, confusion: false, images: false },
      8,
    ).network;
    expect(n?.parameters['2.weight']?.[5]).toBe(1.25);
    expect(n?.maps.length).toBe(11 * 20 * 20);
    expect(() => session.setParameter('2.weight', 99, 1)).toThrow(/index/);
    expect(() => session.setParameter('2.weight', 0, Number.NaN)).toThrow(/finite/);
    session.setHyperparameters({ dropout: [0.5, 0, 0] });
    expect(session.scene.model.layers[0]?.dropout).toBe(0.5);
    expect(() => session.setHyperparameters({ dropout: [0, 0, 0.5] })).toThrow();
    expect(session.scene.model.layers[2]?.dropout).toBeUndefined();
  });
});

describe('Trainer.confusion', () => {
  it('counts every test point once, agreeing with the accuracy', () => {
    const t = trainer();
    t.run(25 * 100);
    const { classes, counts } = t.confusion('test');
    expect(classes).toBe(2);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBe(t.testPoints().length / 3);
    expect((counts[0]! + counts[3]!) / total).toBeCloseTo(t.evaluate().testAccuracy, 12);
    expect(() => t.confusion('validation' as 'test')).toThrow(/split must be 'train' or 'test'/);
  });
});

describe('Trainer.historyFrom, testInputs and testPredictions', () => {
  it('returns the history from an index on, as history() holds it', () => {
    const t = trainer();
    t.runEpochs(5);
    const all = t.history();
    expect(all).toHaveLength(5);
    expect(t.historyFrom(0)).toEqual(all);
    expect(t.historyFrom(3)).toEqual(all.slice(3));
    expect(t.historyFrom(5)).toEqual([]);
    expect(t.historyFrom(99)).toEqual([]);
    t.runEpochs(1);
    expect(t.historyFrom(5).map((r) => r.epoch)).toEqual([6]);
  });

  it('gives each test row its class, agreeing with confusion() and predict()', () => {
    const scene = checkScene(datasetScene({ name: 'blobs', classes: 4 }));
    const t = trainer(sceneToEngineConfig(scene));
    t.runEpochs(20);
    const { classes, predicted, actual } = t.testPredictions();
    const points = t.testPoints();
    expect(classes).toBe(4);
    expect(predicted).toHaveLength(points.length / 3);
    expect(Array.from(actual)).toEqual(Array.from(points.filter((_, i) => i % 3 === 2)));
    // The inputs are the raw test rows (x1, x2 here), and the argmax of predict() on them is
    // the predicted class.
    const inputs = t.testInputs();
    expect(Array.from(inputs)).toEqual(Array.from(points.filter((_, i) => i % 3 !== 2)));
    const outputs = t.predict(inputs, predicted.length);
    for (let i = 0; i < predicted.length; i++) {
      const row = Array.from(outputs.subarray(i * 4, i * 4 + 4));
      expect(predicted[i]).toBe(row.indexOf(Math.max(...row)));
    }
    // Tallied, they are the confusion matrix.
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < predicted.length; i++) counts[actual[i]! * 4 + predicted[i]!]! += 1;
    expect(counts).toEqual(Array.from(t.confusion('test').counts));
  });

  it('has no classes for a regression', () => {
    const t = trainer(sceneToEngineConfig(checkScene(datasetScene({ name: 'plane' }))));
    expect(t.testPredictions()).toEqual({
      classes: 0,
      predicted: new Int32Array(0),
      actual: new Int32Array(0),
    });
  });
});

describe('Trainer.predictProbabilities, testTargets and the session’s testPredictions', () => {
  it('gives the probabilities the plot shows, for any rows', () => {
    // Logits (CrossEntropyLoss) and a 3-member ensemble: the grid's probabilities at the
    // cells' centres, bit for bit.
    for (const scene of [
      datasetScene({ name: 'spirals', classes: 3 }),
      JSON.parse(
        readFileSync(new URL('../../docs/scenes/blobs-5-ensemble.json', import.meta.url), 'utf8'),
      ) as Scene,
    ]) {
      const t = trainer(sceneToEngineConfig(checkScene(scene)));
      t.runEpochs(3);
      const r = 4;
      const grid = t.predictGridClasses(r, -6, 6, -6, 6);
      const centres = Array.from({ length: r * r }, (_, cell) => {
        const [row, col] = [Math.floor(cell / r), cell % r];
        return [-6 + (12 * (col + 0.5)) / r, 6 - (12 * (row + 0.5)) / r];
      }).flat();
      expect(Array.from(t.predictProbabilities(centres, r * r))).toEqual(Array.from(grid));
    }
    // One Sigmoid output: P(class 1), the plot's one channel.
    const binary = trainer();
    binary.run(20);
    expect(Array.from(binary.predictProbabilities([0, 0], 1))).toEqual(
      Array.from(binary.predict([0, 0], 1)),
    );
    expect(() => binary.predictProbabilities([0, 0, 1], 2)).toThrow(
      /^predictProbabilities: x must hold n × features = 2 × 2/,
    );
  });

  it('hands the session’s test rows with their labels and outputs', () => {
    const session = TrainingSession.create(core, datasetScene({ name: 'blobs', classes: 4 }));
    live.push({ delete: () => session.dispose() });
    session.runEpochs(5);
    const p = session.testPredictions();
    const points = session.points().test;
    expect(p.classes).toBe(4);
    expect(p.rows).toBe(points.length / 3);
    expect(Array.from(p.labels)).toEqual(Array.from(points.filter((_, i) => i % 3 === 2)));
    expect(Array.from(p.inputs)).toEqual(Array.from(points.filter((_, i) => i % 3 !== 2)));
    expect(p.outputs).toHaveLength(p.rows * 4);
    // A regression: the labels are the targets (1-D data's points are [x, target, target]).
    const sine = TrainingSession.create(core, datasetScene({ name: 'sine' }));
    live.push({ delete: () => sine.dispose() });
    const curve = sine.testPredictions();
    const sinePoints = sine.points().test;
    expect(curve.classes).toBe(0);
    expect(Array.from(curve.labels)).toEqual(Array.from(sinePoints.filter((_, i) => i % 3 === 1)));
    expect(curve.outputs).toHaveLength(curve.rows);
  });
});

describe('datasets in the engine', () => {
  /** [x1, x2, target] triples (1-D data: [x, target, target]). */
  const rows = (points: Float32Array): number => points.length / 3;

  it.each(DATASETS.map((name) => [name]))(
    'trains %s for a few epochs from its default scene',
    (name) => {
      const scene = checkScene(datasetScene({ name }));
      const t = trainer(sceneToEngineConfig(scene));
      const info = DATASET_CATALOGUE[name];
      // The split the page predicts is the engine's.
      const sizes = splitSizes(scene.data, generatedShape(scene.data)!);
      expect([rows(t.trainPoints()), rows(t.validationPoints()), rows(t.testPoints())]).toEqual([
        sizes.train,
        sizes.validation,
        sizes.test,
      ]);
      const before = t.evaluate();
      const progress = t.runEpochs(3);
      expect(progress).toMatchObject({ epoch: 3, step: 3 * 25, stopped: false });
      const after = t.evaluate();
      expect(t.history()).toHaveLength(3);
      for (const e of [before, after]) {
        expectFinite({ train: e.train.loss, test: e.test.loss });
        expect(e.validation.loss).toBeNaN();
        if (info.task === 'regression') {
          expect(e.train.accuracy).toBeNaN();
          expect(e.test.accuracy).toBeNaN();
        } else {
          expectFinite({ train: e.train.accuracy, test: e.test.accuracy });
        }
      }
      expect(after.train.loss).toBeLessThan(before.train.loss);
      // Labels are class indices 0 … k−1; a curve's points are (x, target, target).
      const train = t.trainPoints();
      const targets = Array.from(train.filter((_, i) => i % 3 === 2));
      if (info.task === 'classification') {
        const classes = generatedShape(scene.data)!.classes;
        expect(new Set(targets)).toEqual(new Set(Array.from({ length: classes }, (_, c) => c)));
      } else if (info.features === 1) {
        expect(Array.from(train.filter((_, i) => i % 3 === 1))).toEqual(targets);
      }
      if (info.features === 2) {
        expect(t.predictGrid(4, -6, 6, -6, 6).length).toBe(16);
      } else {
        expect(() => t.predictGrid(4, -6, 6, -6, 6)).toThrow(/needs 2-D data/);
      }
    },
  );

  it('accepts exactly the page’s dataset and feature names', () => {
    const config = sceneToEngineConfig(defaultScene());
    const named = (edit: (data: EngineConfig['data']) => void): string[] => {
      const bad = sceneToEngineConfig(defaultScene());
      edit(bad.data);
      return thrownBy(() => trainer(bad))
        .message.split('accepted: ')[1]!
        .split(', ');
    };
    expect(named((d) => (d.name = 'nope' as 'circle'))).toEqual([...DATASETS]);
    expect(named((d) => (d.features = ['x3' as 'x1']))).toEqual([...FEATURES]);
    expect(config.data.name).toBe('circle');
  });

  it.each(DATASETS.filter(takesClasses).map((name) => [name]))(
    'takes the catalogue’s class range for %s',
    (name) => {
      const { min, max } = DATASET_CATALOGUE[name].classes;
      for (const classes of [min, max]) {
        const t = trainer(sceneToEngineConfig(checkScene(datasetScene({ name, classes }))));
        expect(t.confusion('test').classes).toBe(classes);
      }
      const config = sceneToEngineConfig(datasetScene({ name, classes: max }));
      config.data.classes = max + 1;
      config.model.layers.at(-1)!.units = max + 1;
      expect(thrownBy(() => trainer(config)).message).toMatch(
        new RegExp(`^data\\.classes must be from ${min} to ${max}`),
      );
    },
  );

  it.each<[string, Scene, string, string]>([
    [
      '1-D data with 2 inputs',
      { ...datasetScene({ name: 'sine' }), model: defaultScene().model },
      'scene.model.inputs',
      'model.inputs must be 1',
    ],
    [
      'three classes with one sigmoid output',
      {
        ...datasetScene({ name: 'spirals', classes: 3 }),
        ...pick(defaultScene(), 'model', 'loss'),
      },
      'scene.loss.name',
      'which handles two classes only',
    ],
    [
      'a class loss on a regression',
      { ...datasetScene({ name: 'plane' }), loss: { name: 'CrossEntropyLoss' } },
      'scene.loss.name',
      'this data is a regression',
    ],
    [
      'features on 1-D data',
      {
        ...datasetScene({ name: 'polynomial' }),
        data: { ...datasetScene({ name: 'polynomial' }).data, features: ['x1'] },
      },
      'scene.data.features',
      'data.features apply to 2-D data only',
    ],
    [
      'drop_last leaving no batch',
      { ...defaultScene(), training: { batchSize: 300, dropLast: true } },
      'scene.training.batchSize',
      'training.batchSize 300 is larger than the 250 training rows',
    ],
    [
      'an empty validation set',
      { ...defaultScene(), data: { ...defaultScene().data, validationFraction: 0.001 } },
      'scene.data.validationFraction',
      'leave a set empty',
    ],
  ])('rejects what the page rejects: %s', (_, scene, path, engineMessage) => {
    expect(() => checkScene(scene)).toThrow(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}: `));
    expect(thrownBy(() => trainer(sceneToEngineConfig(scene))).message).toContain(engineMessage);
  });
});

describe('Trainer: splits, history and early stopping', () => {
  it('evaluates a validation split and hands out its points', () => {
    const scene = checkScene(datasetScene({ name: 'moons', validationFraction: 0.2 }));
    const t = trainer(sceneToEngineConfig(scene));
    expect(t.validationPoints().length / 3).toBe(100);
    expect(t.trainPoints().length / 3).toBe(250);
    expect(t.testPoints().length / 3).toBe(150);
    t.runEpochs(20);
    const { validation, test } = t.evaluate();
    expectFinite({ loss: validation.loss, accuracy: validation.accuracy });
    expect(validation.accuracy).toBeGreaterThan(0.9);
    expect(test.accuracy).toBeGreaterThan(0.9);
    expect(t.history().at(-1)!.validation).toEqual(validation);
  });

  it('cuts the split the page predicts, even where floating point falls short', () => {
    // 180 × 0.7 is 125.99… in floating point; the Trainer and splitSizes both cut 126 rows.
    const scene = checkScene({
      ...defaultScene(),
      data: { ...defaultScene().data, samples: 180, trainFraction: 0.7, validationFraction: 0.1 },
    });
    const t = trainer(sceneToEngineConfig(scene));
    expect(splitSizes(scene.data, generatedShape(scene.data)!)).toEqual({
      train: 126,
      validation: 18,
      test: 36,
    });
    expect(
      [t.trainPoints(), t.validationPoints(), t.testPoints()].map((p) => p.length / 3),
    ).toEqual([126, 18, 36]);
  });

  it('grows the history by one record per epoch with runEpochs', () => {
    const t = trainer();
    expect(t.history()).toEqual([]);
    expect(t.bestEpoch()).toBe(-1);
    for (let epoch = 1; epoch <= 4; epoch++) {
      const progress = t.runEpochs(1);
      expect(progress.epoch).toBe(epoch);
      const history = t.history();
      expect(history).toHaveLength(epoch);
      const record = history.at(-1)!;
      expect(record).toMatchObject({ epoch, step: epoch * 25 });
      expect(record.lr).toBeCloseTo(0.1, 12);
      expect(record.gradNorm).toBeGreaterThan(0);
      expect(record.train).toEqual(t.evaluate().train);
      expect(record.trainLoss).toBe(record.train.loss);
    }
    // Every evaluateEvery epochs with that option.
    const sparse = trainer(
      sceneToEngineConfig(
        checkScene({ ...defaultScene(), training: { batchSize: 10, evaluateEvery: 3 } }),
      ),
    );
    sparse.runEpochs(7);
    expect(sparse.history().map((r) => r.epoch)).toEqual([3, 6]);
  });

  it('stops early: progress.stopped, bestEpoch and the best weights restored', () => {
    // A minDelta no loss can beat: epoch 1 is the best, patience 2 ends the run at epoch 3.
    const scene = checkScene({
      ...defaultScene(),
      training: { batchSize: 10, earlyStopping: { patience: 2, minDelta: 100 } },
    });
    const t = trainer(sceneToEngineConfig(scene));
    const progress = t.runEpochs(10);
    expect(progress.stopped).toBe(true);
    expect(progress.epoch).toBe(3);
    expect(t.bestEpoch()).toBe(1);
    expect(t.history().map((r) => r.epoch)).toEqual([1, 2, 3]);
    expect(t.evaluate().train).toEqual(t.history()[0]!.train); // restoreBest (the default)
    expect(t.run(5).step).toBe(progress.step); // no more steps
    expect(t.progress().stopped).toBe(true);
  });

  it('monitors the validation loss when there is a validation set', () => {
    const scene = checkScene({
      ...datasetScene({ name: 'gauss', noise: 0.5, validationFraction: 0.3 }),
      training: { batchSize: 10, earlyStopping: { patience: 3 } },
    });
    const t = trainer(sceneToEngineConfig(scene));
    const progress = t.runEpochs(500);
    expect(progress.stopped).toBe(true);
    const history = t.history();
    const best = history.reduce((a, b) => (b.validation.loss < a.validation.loss ? b : a));
    expect(t.bestEpoch()).toBe(best.epoch);
    expect(progress.epoch).toBe(best.epoch + 3);
  });

  it('keeps going with drop_last off and on, the same number of epochs', () => {
    const base = { ...defaultScene(), data: { ...defaultScene().data, samples: 510 } };
    const keep = trainer(sceneToEngineConfig(checkScene(base))); // 255 rows: 26 batches
    const drop = trainer(
      sceneToEngineConfig(checkScene({ ...base, training: { batchSize: 10, dropLast: true } })),
    );
    expect(keep.runEpochs(2).step).toBe(52);
    expect(drop.runEpochs(2).step).toBe(50);
  });
});

describe('Trainer with supplied data', () => {
  /** `n` points of the plane labelled by the sign of x·y (XOR), deterministic. */
  function xorRows(n: number, offset = 0): { x: number[]; y: number[] } {
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = Math.sin(i * 12.9898 + offset) * 5;
      const b = Math.cos(i * 78.233 + offset) * 5;
      x.push(a, b);
      y.push(a * b > 0 ? 1 : 0);
    }
    return { x, y };
  }
  const supplied = (trainFraction = 0.5): Scene => ({
    ...defaultScene(),
    data: { name: 'supplied', trainFraction },
    model: {
      inputs: 2,
      layers: [
        { units: 8, activation: 'Tanh' },
        { units: 8, activation: 'Tanh' },
        { units: 1, activation: 'Sigmoid' },
      ],
    },
  });

  it('trains on rows given beside the scene', () => {
    const data = { ...xorRows(400), features: 2, classes: 2 };
    const scene = checkScene(supplied(), suppliedShape(data));
    const t = new core.Trainer(sceneToEngineConfig(scene), data);
    live.push(t);
    expect(t.trainPoints().length / 3).toBe(200);
    expect(t.testPoints().length / 3).toBe(200);
    t.runEpochs(200);
    expect(t.evaluate().test.accuracy).toBeGreaterThan(0.9);
  });

  it('trains on Float32Arrays with a separate test set', () => {
    const rows = xorRows(300);
    const test = xorRows(100, 1);
    const data = {
      x: new Float32Array(rows.x),
      y: new Float32Array(rows.y),
      features: 2,
      classes: 2,
      test: { x: new Float32Array(test.x), y: new Float32Array(test.y), features: 2, classes: 2 },
    };
    const scene = checkScene(
      { ...supplied(), data: { name: 'supplied', trainFraction: 0.5, validationFraction: 0.2 } },
      suppliedShape(data),
    );
    const t = new core.Trainer(sceneToEngineConfig(scene), data);
    live.push(t);
    expect(
      [t.trainPoints(), t.validationPoints(), t.testPoints()].map((p) => p.length / 3),
    ).toEqual([240, 60, 100]);
    t.runEpochs(200);
    expect(t.evaluate().test.accuracy).toBeGreaterThan(0.85);
    expectFinite({ validation: t.evaluate().validation.loss });
  });

  it('trains a supplied regression', () => {
    const x = Array.from({ length: 200 }, (_, i) => -3 + (6 * i) / 199);
    const data = { x, y: x.map((v) => 0.5 * v - 0.2), features: 1, classes: 0 };
    const scene = checkScene(
      {
        ...supplied(),
        model: { inputs: 1, layers: [{ units: 1, activation: 'Identity' }] },
        loss: { name: 'MSELoss' },
      },
      suppliedShape(data),
    );
    const t = new core.Trainer(sceneToEngineConfig(scene), data);
    live.push(t);
    t.runEpochs(50);
    const { test } = t.evaluate();
    expect(test.loss).toBeLessThan(1e-3);
    expect(test.accuracy).toBeNaN();
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'x that is not rows × features',
      { x: [1, 2, 3, 4, 5], y: [0, 1, 0], features: 2, classes: 2 },
      /^data: x holds 5 values, which is not rows × features = 3 × 2/,
    ],
    [
      'a class index out of range',
      { x: [1, 2, 3, 4, 5, 6, 7, 8], y: [0, 1, 2, 1], features: 2, classes: 2 },
      /^data\.y: row 2 = 2 is not a class index from 0 to 1/,
    ],
    [
      'a NaN in x',
      { x: [1, 2, 3, 4, Number.NaN, 6, 7, 8], y: [0, 1, 0, 1], features: 2, classes: 2 },
      /^data\.x: row 2, feature 0 is not a finite number/,
    ],
    [
      'a NaN target',
      { x: [1, 2, 3, 4], y: [0.5, Number.NaN, 1, 2], features: 1, classes: 0 },
      /^data\.y: row 1 = nan is not finite/i,
    ],
    [
      'a bad row in the test set',
      {
        x: [1, 2, 3, 4, 5, 6, 7, 8],
        y: [0, 1, 0, 1],
        features: 2,
        classes: 2,
        test: { x: [1, 2, 3, 4], y: [1, 3], features: 2, classes: 2 },
      },
      /^data\.test\.y: row 1 = 3 is not a class index from 0 to 1/,
    ],
  ])('rejects %s with an Error naming the row', (_, data, message) => {
    const config = sceneToEngineConfig(supplied());
    const thrown = thrownBy(() => {
      const t = new core.Trainer(config, data as unknown as SuppliedData);
      live.push(t);
    });
    expect(thrown.message).toMatch(message);
    expect(isFatal(thrown)).toBe(false);
    expect(core.simdArch()).toBe('wasm/4');
  });
});

describe('TrainingSession plots', () => {
  function session(scene: Scene): TrainingSession {
    const s = TrainingSession.create(core, scene);
    live.push({ delete: () => s.dispose() });
    return s;
  }

  it('sends every class’s probability per cell for spirals', () => {
    const s = session(datasetScene({ name: 'spirals', classes: 3 }));
    expect(s.points().plot).toEqual({ kind: 'classes', classes: 3, outputs: 3 });
    const snapshot = s.snapshot(false);
    expect(snapshot.channels).toBe(3);
    expect(snapshot.grid.length).toBe(GRID_RESOLUTION ** 2 * 3);
    for (let i = 0; i < snapshot.grid.length; i += 3 * 97) {
      const [a = 0, b = 0, c = 0] = snapshot.grid.subarray(i, i + 3);
      expect(a + b + c).toBeCloseTo(1, 5);
    }
  });

  it('sends both classes’ probabilities for a two-output softmax model', () => {
    const scene = defaultScene();
    scene.model.layers[2] = { units: 2, activation: 'Identity' };
    scene.loss = { name: 'CrossEntropyLoss' };
    const s = session(scene);
    expect(s.points().plot).toEqual({ kind: 'classes', classes: 2, outputs: 2 });
    const snapshot = s.snapshot(false);
    expect(snapshot.channels).toBe(2);
    expect(snapshot.grid.length).toBe(GRID_RESOLUTION ** 2 * 2);
  });

  it('scales a 2-D regression to its targets', () => {
    const s = session(datasetScene({ name: 'plane' }));
    const points = s.points();
    expect(points.plot).toEqual({ kind: 'values', min: -1.2, max: 1.2 });
    const { grid, channels } = s.snapshot(false);
    expect(channels).toBe(1);
    expect(grid.length).toBe(GRID_RESOLUTION ** 2);
    expect(grid.some((v) => v < 0 || v > 1)).toBe(true); // the raw output, not a probability
  });

  it('draws 1-D data as a curve, without a grid', () => {
    const s = session(datasetScene({ name: 'sine', validationFraction: 0.2 }));
    const points = s.points();
    expect(points.plot).toEqual({ kind: 'curve', min: -1.2, max: 1.2 });
    expect(points.validation.length).toBe(100 * 3);
    const snapshot = s.snapshot(true);
    expect(snapshot.resolution).toBe(0);
    expect(snapshot.channels).toBe(0);
    expect(snapshot.grid.length).toBe(0);
    expect(snapshot.curve.length).toBe(CURVE_SAMPLES);
    expect(snapshot.curve.byteLength).toBe(snapshot.curve.buffer.byteLength);
    s.run(100);
    expect(s.snapshot(false).progress.step).toBe(100);
  });

  it('sends the network’s curve, which follows the sine once trained', () => {
    const s = session(datasetScene({ name: 'sine' }));
    const error = (curve: Float32Array): number =>
      Math.sqrt(
        curve.reduce((sum, y, i) => sum + (y - Math.sin(curveX(i))) ** 2, 0) / curve.length,
      );
    const before = error(s.snapshot(false).curve);
    s.run(20_000);
    const curve = s.snapshot(false).curve;
    expect(curve.every(Number.isFinite)).toBe(true);
    // Inside the data's range the fit is close; it was nowhere near before training.
    expect(error(curve)).toBeLessThan(0.15);
    expect(before).toBeGreaterThan(0.5);
  });
});

describe('TrainingSession with rows in the scene (a CSV file, added points)', () => {
  function session(scene: Scene): TrainingSession {
    const s = TrainingSession.create(core, scene);
    live.push({ delete: () => s.dispose() });
    return s;
  }

  it('trains a CSV file’s rows, with its class names, cut as the page counts', () => {
    const csv = parseCsv(readFileSync(new URL('./fixtures/blobs.csv', import.meta.url), 'utf8'));
    if (!csv.ok) throw new Error('blobs.csv should parse');
    const s = session(csvScene(csv, 'blobs.csv', 3));
    expect(s.planar).toBe(false);
    const points = s.points();
    expect(points.classNames).toEqual(['amber', 'blue', 'coral']);
    expect(points.train.length).toBe(0); // four inputs: nothing to draw
    const before = s.snapshot(false).evaluation;
    expect(s.run(300).step).toBe(300);
    const after = s.snapshot(false).evaluation;
    expect(after.train.loss).toBeLessThan(before.train.loss / 2);
    expect(after.test.accuracy).toBeGreaterThan(0.9);
  });

  it('keeps a generator’s test set and trains on every added point', () => {
    const base = datasetScene({ name: 'blobs', classes: 3, samples: 200 });
    base.data.trainFraction = 0.6;
    base.data.validationFraction = 0.2;
    const generated = session(base).points();
    expect(generated.train.length / 3).toBe(120);
    const added = withAddedPoint(base, generated, { x: 5.5, y: 5.5, target: 2 });
    const s = session(added);
    expect(s.planar).toBe(true);
    const points = s.points();
    expect(points.plot).toEqual({ kind: 'classes', classes: 3, outputs: 3 });
    // The page's sizes are the engine's: one more training point, the same validation and test.
    expect(splitSizes(added.data, sceneShape(added.data)!)).toEqual({
      train: 121,
      validation: 40,
      test: null,
    });
    expect(points.train.length / 3).toBe(121);
    expect(points.validation.length / 3).toBe(40);
    expect(Array.from(points.test)).toEqual(Array.from(generated.test));
    const triples = Array.from({ length: points.train.length / 3 }, (_, i) =>
      Array.from(points.train.subarray(i * 3, i * 3 + 3)),
    );
    expect(triples).toContainEqual([5.5, 5.5, 2]);
  });

  it('draws every generator’s noise-free points for its thumbnail', () => {
    for (const name of DATASETS) {
      const { plot, points } = generatorPoints(core, name, 300);
      expect(points.length, name).toBe(900);
      expect(plot.kind, name).toBe(
        DATASET_CATALOGUE[name].task === 'classification'
          ? 'classes'
          : DATASET_CATALOGUE[name].features === 1
            ? 'curve'
            : 'values',
      );
    }
  });
});
