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
import { describeLayers, describeTraining } from '../src/render/describe.ts';
import { formatCount, formatLoss, formatPercent } from '../src/render/format.ts';
import { defaultScene } from '../src/scene.ts';

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
});
