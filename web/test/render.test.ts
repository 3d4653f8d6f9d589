import { describe, expect, it } from 'vitest';
import {
  BLUE,
  CLASS_COLORS,
  classColor,
  cssColor,
  heatmapColor,
  heatmapTable,
  INVALID,
  labelColor,
  NEUTRAL,
  ORANGE,
  outputColor,
} from '../src/render/colors.ts';
import {
  describeData,
  describeLayers,
  describeOutput,
  describeTraining,
  formatActivation,
} from '../src/render/describe.ts';
import { formatCount, formatLoss, formatPercent } from '../src/render/format.ts';
import { describePlot } from '../src/render/legend.ts';
import { niceCeil, plotKind, tickLabel, ticks } from '../src/render/plot.ts';
import { datasetScene, defaultScene, type Scene } from '../src/scene.ts';

describe('colours', () => {
  it('runs orange → neutral → blue over outputs 0 … 1, clamped', () => {
    expect(outputColor(0)).toEqual(ORANGE);
    expect(outputColor(0.5)).toEqual(NEUTRAL);
    expect(outputColor(1)).toEqual(BLUE);
    expect(outputColor(-3)).toEqual(ORANGE);
    expect(outputColor(7)).toEqual(BLUE);
    expect(outputColor(Number.NaN)).toEqual(INVALID);
  });

  it('colours labels like outputs', () => {
    expect(labelColor(0)).toEqual(ORANGE);
    expect(labelColor(1)).toEqual(BLUE);
  });

  it('fades the heatmap towards white', () => {
    const [r, g, b] = heatmapColor(1);
    expect(r).toBeGreaterThan(BLUE[0]);
    expect(g).toBeGreaterThan(BLUE[1]);
    expect(b).toBeGreaterThan(BLUE[2]);
    const table = heatmapTable(256);
    expect(table.length).toBe(1024);
    expect(Array.from(table.subarray(1020))).toEqual([...heatmapColor(1).map(Math.round), 255]);
  });
});

describe('readout formats', () => {
  it('formats losses, percentages and counts', () => {
    expect(formatLoss(0.69314)).toBe('0.693');
    expect(formatLoss(0.001)).toBe('0.001');
    expect(formatLoss(0)).toBe('0.000');
    expect(formatLoss(0.000314)).toBe('3.1×10⁻⁴');
    expect(formatLoss(Number.NaN)).toBe('–');
    expect(formatPercent(0.972)).toBe('97.2 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('–');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(123492)).toBe('123,492');
  });
});

describe('scene descriptions', () => {
  it('describes the default network and its training', () => {
    const scene = defaultScene();
    expect(describeLayers(scene)).toBe('2 → 4 Tanh → 4 Tanh → 1 Sigmoid');
    expect(Object.fromEntries(describeTraining(scene))).toEqual({
      Loss: 'BCELoss',
      Optimizer: 'SGD, lr 0.1',
      'Batch size': '10',
      Data: 'circle, 500 points, noise 0',
      Split: '50 % train, 50 % test',
      Seed: '1',
    });
  });

  it('writes activations given as objects as torch modules, shortened', () => {
    expect(formatActivation('Tanh')).toBe('Tanh');
    expect(formatActivation({ name: 'ReLU' })).toBe('ReLU');
    expect(formatActivation({ name: 'LeakyReLU', negative_slope: 0.1 })).toBe('LeakyReLU(0.1)');
    expect(formatActivation({ name: 'GELU', approximate: 'tanh' })).toBe('GELU(tanh)');
    expect(formatActivation({ name: 'Softplus', beta: 2, threshold: 10 })).toBe(
      'Softplus(beta=2, threshold=10)',
    );
    expect(formatActivation({ name: 'Softmax', dim: 1 })).toBe('Softmax');
  });

  it('describes every optional setting of a richer scene', () => {
    const scene: Scene = {
      ...defaultScene(),
      model: {
        inputs: 2,
        layers: [
          { units: 8, activation: { name: 'LeakyReLU', negative_slope: 0.1 }, dropout: 0.2 },
          { units: 2, activation: 'Identity' },
        ],
      },
      loss: { name: 'CrossEntropyLoss', label_smoothing: 0.1 },
      optimizer: {
        name: 'Adam',
        lr: 0.01,
        betas: [0.9, 0.99],
        amsgrad: true,
        no_decay_bias: false,
      },
      scheduler: { name: 'StepLR', step_size: 100, gamma: 0.5 },
      clip_grad_norm: 1,
      clip_grad_value: null,
      l1: 0.001,
      init: { weight: 'xavier_uniform' },
    };
    expect(describeLayers(scene)).toBe('2 → 8 LeakyReLU(0.1), dropout 0.2 → 2 Identity');
    expect(Object.fromEntries(describeTraining(scene))).toEqual({
      Loss: 'CrossEntropyLoss, label_smoothing 0.1',
      Optimizer: 'Adam, lr 0.01, betas (0.9, 0.99), amsgrad',
      'LR schedule': 'StepLR, step_size 100, gamma 0.5',
      'Gradient clipping': 'norm ≤ 1',
      'L1 penalty': '0.001',
      Initialisation: 'xavier_uniform, bias 0',
      'Batch size': '10',
      Data: 'circle, 500 points, noise 0',
      Split: '50 % train, 50 % test',
      Seed: '1',
    });
  });
});

describe('plots', () => {
  it('rounds range ends up to round numbers', () => {
    expect([0.3, 1, 1.05, 1.19, 1.3, 2.2, 7, 11, 0.012].map(niceCeil)).toEqual([
      0.3, 1, 1.2, 1.2, 1.5, 2.5, 8, 12, 0.012,
    ]);
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(Number.NaN)).toBe(1);
  });

  it('places ticks at round steps and labels them with a minus sign', () => {
    expect(ticks(-1.2, 1.2)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(ticks(-6, 6, 7)).toEqual([-6, -4, -2, 0, 2, 4, 6]);
    expect(ticks(-2.5, 2.5)).toEqual([-2, -1, 0, 1, 2]);
    expect(ticks(0.1, 0.3, 3)).toEqual([0.1, 0.2, 0.3]);
    expect([-1.5, 0, 2, 0.25].map(tickLabel)).toEqual(['−1.5', '0', '2', '0.25']);
  });

  it('chooses the plot from the scene and scales regressions to the targets', () => {
    const targets = (...values: number[]) => new Float32Array(values.flatMap((v, i) => [i, i, v]));
    expect(plotKind(defaultScene(), [])).toEqual({ kind: 'classes', classes: 2 });
    expect(plotKind(datasetScene({ name: 'blobs', classes: 5 }), [])).toEqual({
      kind: 'classes',
      classes: 5,
    });
    expect(plotKind(datasetScene({ name: 'plane' }), [targets(0.3, -1.19), targets(1.1)])).toEqual({
      kind: 'values',
      min: -1.2,
      max: 1.2,
    });
    expect(plotKind(datasetScene({ name: 'sine' }), [targets(0.99, -0.5)])).toEqual({
      kind: 'curve',
      min: -1.2,
      max: 1.2,
    });
  });

  it('describes each plot in words', () => {
    expect(describePlot({ kind: 'classes', classes: 2 }, false)).toMatchObject({
      title: 'Decision boundary',
      scale: { min: '0', max: '1', caption: 'network output (background)' },
      note: '',
    });
    const three = describePlot({ kind: 'classes', classes: 3 }, true);
    expect(three.scale?.caption).toBe('P(class 1) (background)');
    expect(three.label).toContain('validation (squares)');
    expect(three.label).toContain('3 classes');
    expect(describePlot({ kind: 'values', min: -1.5, max: 1.5 }, false).scale).toEqual({
      min: '−1.5',
      max: '1.5',
      caption: 'network output (background) and target (points)',
    });
    const curve = describePlot({ kind: 'curve', min: -1.2, max: 1.2 }, false);
    expect(curve.title).toBe('Curve to fit');
    expect(curve.scale).toBeNull();
    expect(curve.note).toContain('not drawn yet');
  });

  it('colours up to six classes apart, and two classes as before', () => {
    expect(classColor(0, 2)).toEqual(ORANGE);
    expect(classColor(1, 2)).toEqual(BLUE);
    const six = [0, 1, 2, 3, 4, 5].map((c) => cssColor(classColor(c, 6)));
    expect(new Set(six).size).toBe(6);
    expect(classColor(0, 3)).toEqual(ORANGE);
    expect(classColor(1, 3)).toEqual(BLUE);
    expect(CLASS_COLORS).toHaveLength(6);
  });
});

describe('descriptions of data and training options', () => {
  it('describes a multi-class dataset, a validation split and every training option', () => {
    const scene: Scene = {
      ...datasetScene({ name: 'spirals', classes: 3, validationFraction: 0.2, noise: 0.1 }),
      training: {
        batchSize: 32,
        dropLast: true,
        shuffle: false,
        evaluateEvery: 5,
        earlyStopping: { patience: 4, minDelta: 0.01 },
        augmentation: { jitter: 0.05, mixup: 0.2 },
        ensemble: { members: 4, bootstrap: true },
      },
    };
    scene.data.features = ['x1', 'x2', 'sin(x1)'];
    scene.data.standardize = true;
    const rows = Object.fromEntries(describeTraining(scene));
    expect(rows).toMatchObject({
      Loss: 'CrossEntropyLoss',
      'Batch size': '32, last partial batch dropped, same order every epoch',
      Evaluation: 'every 5 epochs',
      'Early stopping':
        'after 4 evaluations without the validation loss falling by more than 0.01; then ' +
        'restore the best',
      Augmentation: 'input jitter σ 0.05, mixup α 0.2',
      Ensemble: '4 networks, outputs averaged, each on a bootstrap resample',
      Data: 'spirals (3 classes), 500 points, noise 0.1',
      Inputs: 'x1, x2, sin(x1), standardised',
      Split: '50 % train, 20 % validation, 30 % test',
    });
    expect(describeData({ name: 'supplied', trainFraction: 0.5 })).toBe('supplied rows');
  });

  it('says what the output means for each task', () => {
    expect(describeOutput(defaultScene())).toBe(
      "The output is the network's estimate that a point belongs to class 1.",
    );
    expect(describeOutput(datasetScene({ name: 'blobs', classes: 4 }))).toMatch(
      /^The 4 outputs score the 4 classes/,
    );
    expect(describeOutput(datasetScene({ name: 'sine' }))).toMatch(/prediction of the target/);
  });
});
