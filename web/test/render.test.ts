import { describe, expect, it } from 'vitest';
import {
  BLUE,
  heatmapColor,
  heatmapTable,
  INVALID,
  labelColor,
  NEUTRAL,
  ORANGE,
  outputColor,
} from '../src/render/colors.ts';
import { describeLayers, describeTraining, formatActivation } from '../src/render/describe.ts';
import { formatCount, formatLoss, formatPercent } from '../src/render/format.ts';
import { defaultScene, type Scene } from '../src/scene.ts';

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
