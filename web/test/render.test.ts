import { describe, expect, it } from 'vitest';
import {
  BLUE,
  CLASS_COLORS,
  classColor,
  classShade,
  confidence,
  cssColor,
  faded,
  heatmapColor,
  heatmapTable,
  INVALID,
  labelColor,
  NEUTRAL,
  ORANGE,
  outputColor,
  type Rgb,
} from '../src/render/colors.ts';
import {
  argmax,
  classTables,
  fillClassPixels,
  fillValuePixels,
  LEVELS,
} from '../src/render/heatmap.ts';
import { CLASS_SHAPES, classShape, markerCorners } from '../src/render/markers.ts';
import {
  describeData,
  describeLayers,
  describeOutput,
  describeTraining,
  formatActivation,
} from '../src/render/describe-scene.ts';
import { formatCount, formatLoss, formatPercent } from '../src/render/format.ts';
import { byClass, describePlot, scaleGradients } from '../src/render/legend.ts';
import { niceCeil, plotKind } from '../src/engine/plot-kind.ts';
import { tickLabel, ticks } from '../src/render/ticks.ts';
import { datasetScene, defaultScene, type Scene } from '../src/scene/index.ts';

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
    expect(plotKind(defaultScene(), [])).toEqual({ kind: 'classes', classes: 2, outputs: 1 });
    expect(plotKind(datasetScene({ name: 'blobs', classes: 5 }), [])).toEqual({
      kind: 'classes',
      classes: 5,
      outputs: 5,
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
    const binary = describePlot({ kind: 'classes', classes: 2, outputs: 1 }, true);
    expect(binary).toMatchObject({
      title: 'Decision boundary',
      scale: { min: '0', max: '1', caption: 'network output (background)' },
      note: '',
    });
    expect(binary.label).toContain('validation (squares)');
    const three = describePlot({ kind: 'classes', classes: 3, outputs: 3 }, true);
    expect(three.scale).toEqual({
      min: '½',
      max: '1',
      caption: 'probability of the most likely class (background)',
    });
    expect(three.label).toContain('most likely class');
    expect(three.label).toContain('validation (hollow)');
    expect(three.label).toContain('3 classes');
    expect(three.note).toContain('grey where no class reaches ½');
    expect(three.note).toContain('own shape');
    const softmax = describePlot({ kind: 'classes', classes: 2, outputs: 2 }, false);
    expect(softmax.scale).toEqual(three.scale);
    expect(softmax.note).not.toContain('shape');
    expect(describePlot({ kind: 'values', min: -1.5, max: 1.5 }, false).scale).toEqual({
      min: '−1.5',
      max: '1.5',
      caption: 'network output (background) and target (points)',
    });
    const curve = describePlot({ kind: 'curve', min: -1.2, max: 1.2 }, false);
    expect(curve.title).toBe('Curve to fit');
    expect(curve.scale).toBeNull();
    expect(curve.note).not.toContain('not drawn');
    expect(curve.note).toContain("orange line is the network's prediction");
    expect(curve.note).toMatch(/under-fits.*over-fits/);
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
    expect(describeData({ name: 'supplied', dataset: 'digits', trainFraction: 0.7 })).toBe(
      'digits (shipped)',
    );
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

// ---- colour-vision deficiencies ----------------------------------------------------------------
// Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB; distances in CIEDE2000.

type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';
const MACHADO: Record<Vision, readonly (readonly number[])[]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** CIELAB (D65) of `color` as seen with `vision`. */
type Lab = readonly [number, number, number];

function seen(color: Rgb, vision: Vision): Lab {
  const linear = color.map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = MACHADO[vision].map((row) =>
    Math.min(Math.max(row[0]! * linear[0]! + row[1]! * linear[1]! + row[2]! * linear[2]!, 0), 1),
  ) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIEDE2000 colour difference (about 2.3 is just noticeable; 10 or more is clearly different). */
function deltaE2000([l1, a1, b1]: Lab, [l2, a2, b2]: Lab): number {
  const rad = Math.PI / 180;
  const c7 = ((Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2) ** 7;
  const g = 0.5 * (1 - Math.sqrt(c7 / (c7 + 25 ** 7)));
  const [ap1, ap2] = [a1 * (1 + g), a2 * (1 + g)];
  const [cp1, cp2] = [Math.hypot(ap1, b1), Math.hypot(ap2, b2)];
  const hue = (a: number, b: number) =>
    a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360;
  const [h1, h2] = [hue(ap1, b1), hue(ap2, b2)];
  let dh = cp1 * cp2 === 0 ? 0 : h2 - h1;
  if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin((dh * rad) / 2);
  const lMean = (l1 + l2) / 2;
  const cMean = (cp1 + cp2) / 2;
  let hMean = h1 + h2;
  if (cp1 * cp2 !== 0) {
    hMean = Math.abs(h1 - h2) > 180 ? (h1 + h2 + (h1 + h2 < 360 ? 360 : -360)) / 2 : (h1 + h2) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos((hMean - 30) * rad) +
    0.24 * Math.cos(2 * hMean * rad) +
    0.32 * Math.cos((3 * hMean + 6) * rad) -
    0.2 * Math.cos((4 * hMean - 63) * rad);
  const sL = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
  const sC = 1 + 0.045 * cMean;
  const sH = 1 + 0.015 * cMean * t;
  const cMean7 = cMean ** 7;
  const rT =
    -2 *
    Math.sqrt(cMean7 / (cMean7 + 25 ** 7)) *
    Math.sin(2 * 30 * Math.exp(-(((hMean - 275) / 25) ** 2)) * rad);
  const [dl, dc, dhh] = [(l2 - l1) / sL, (cp2 - cp1) / sC, dH / sH];
  return Math.sqrt(dl ** 2 + dc ** 2 + dhh ** 2 + rT * dc * dhh);
}

/** The closest two of `colors` as seen with `vision`. */
function closestPair(colors: readonly Rgb[], vision: Vision): number {
  let closest = Number.POSITIVE_INFINITY;
  colors.forEach((a, i) =>
    colors.slice(i + 1).forEach((b) => {
      closest = Math.min(closest, deltaE2000(seen(a, vision), seen(b, vision)));
    }),
  );
  return closest;
}

describe('the class palette', () => {
  it('measures colour differences as CIEDE2000 does (Sharma, Wu & Dalal 2005, pairs 1, 7, 17)', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE2000([22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619])).toBeCloseTo(
      2.0373,
      4,
    );
  });

  it('keeps its classes apart with common colour-vision deficiencies', () => {
    // Points in full colour; background regions as the heatmap fades them.
    for (const vision of ['normal', 'protanopia', 'deuteranopia'] as const) {
      expect(closestPair(CLASS_COLORS, vision), vision).toBeGreaterThan(15);
      expect(closestPair(CLASS_COLORS.map(faded), vision), vision).toBeGreaterThan(10);
    }
    // Tritanopia is rare; the shapes of the points carry the rest.
    expect(closestPair(CLASS_COLORS, 'tritanopia')).toBeGreaterThan(9);
    expect(closestPair(CLASS_COLORS.map(faded), 'tritanopia')).toBeGreaterThan(6);
    // The first three (the default spirals and blobs) are far apart for everyone.
    for (const vision of ['normal', 'protanopia', 'deuteranopia'] as const) {
      expect(closestPair(CLASS_COLORS.slice(0, 3), vision), vision).toBeGreaterThan(15);
    }
  });

  it('replaced a green that protanopes could hardly tell from the orange', () => {
    const green: Rgb = [0x2c, 0xa0, 0x2c];
    expect(deltaE2000(seen(ORANGE, 'protanopia'), seen(green, 'protanopia'))).toBeLessThan(6);
  });
});

/** The RGB of pixel (x, y) of an RGBA image `size` pixels wide. */
function pixelAt(image: Uint8ClampedArray, size: number, x: number, y: number): Rgb {
  const i = (y * size + x) * 4;
  return [image[i]!, image[i + 1]!, image[i + 2]!];
}

describe('the likeliest-class heatmap', () => {
  it('measures confidence from a bare majority (1/2) to certainty', () => {
    expect(confidence(1 / 3)).toBe(0);
    expect(confidence(0.5)).toBe(0);
    expect(confidence(0.75)).toBe(0.5);
    expect(confidence(1)).toBe(1);
    expect(confidence(1.5)).toBe(1);
    expect(confidence(Number.NaN)).toBeNaN();
  });

  it('picks the most likely class, the first of a tie, and none where a value is NaN', () => {
    const grid = new Float32Array([0.2, 0.5, 0.3, 0.4, 0.4, 0.2, 0.1, Number.NaN, 0.9]);
    expect(argmax(grid, 0, 3)).toEqual({ index: 1, probability: 0.5 });
    expect(argmax(grid, 3, 3)).toEqual({ index: 0, probability: expect.closeTo(0.4) as unknown });
    expect(argmax(grid, 6, 3)).toEqual({ index: -1, probability: Number.NaN });
  });

  it('shades a class from pale grey (unsure) to its faded colour (sure)', () => {
    expect(classShade(2, 1 / 3, 3)).toEqual(faded(NEUTRAL));
    expect(classShade(2, 0.5, 3)).toEqual(faded(NEUTRAL));
    expect(classShade(2, 1, 3)).toEqual(faded(CLASS_COLORS[2]!));
    expect(classShade(-1, 0.9, 3)).toEqual(faded(INVALID));
    // The surer, the further from the pale grey.
    const distance = (c: Rgb) => Math.hypot(...c.map((v, i) => v - faded(NEUTRAL)[i]!));
    expect(distance(classShade(3, 0.9, 4))).toBeGreaterThan(distance(classShade(3, 0.5, 4)));
  });

  it('changes colour smoothly across a boundary, where two classes tie', () => {
    // Either side of the boundary between classes 0 and 2 the winner changes, the colour not.
    const [left, right] = [classShade(0, 0.45, 3), classShade(2, 0.45, 3)];
    expect(left).toEqual(right);
    const near = classShade(2, 0.52, 3);
    near.forEach((v, i) => expect(Math.abs(v - left[i]!)).toBeLessThan(6));
  });

  it('draws a two-output softmax model exactly as the one-output P(class 1) map', () => {
    for (const p1 of [0, 0.1, 0.37, 0.5, 0.62, 0.95, 1]) {
      const winner = p1 > 0.5 ? 1 : 0;
      const shade = classShade(winner, Math.max(p1, 1 - p1), 2);
      heatmapColor(p1).forEach((v, i) => expect(shade[i]).toBeCloseTo(v, 9));
    }
  });

  it('fills each cell in its likeliest class’s colour at its confidence', () => {
    const grid = new Float32Array([
      ...[0, 0, 1], // sure of class 2
      ...[1 / 3, 1 / 3, 1 / 3], // no idea
      ...[0.1, 0.7, 0.2], // leaning to class 1
      ...[Number.NaN, 0.5, 0.5], // diverged
    ]);
    const out = new Uint8ClampedArray(4 * 4);
    fillClassPixels(grid, 2, 3, classTables(3), out);
    const pixel = (i: number) => Array.from(out.subarray(i * 4, i * 4 + 4));
    const rgba = (c: Rgb) => [...c.map(Math.round), 255];
    expect(pixel(0)).toEqual(rgba(faded(CLASS_COLORS[2]!)));
    expect(pixel(1)).toEqual(rgba(faded(NEUTRAL)));
    const leaning = classShade(1, 0.7, 3);
    pixel(2)
      .slice(0, 3)
      .forEach((v, i) => expect(Math.abs(v - leaning[i]!)).toBeLessThanOrEqual(1));
    expect(pixel(3)).toEqual([...INVALID, 255]);
  });

  it('interpolates the probabilities on a finer image, so a boundary runs between cells', () => {
    // Two cells side by side, sure of class 0 and of class 1: at 8 × 8 pixels the left half is
    // class 0, the right half class 1, and grey (no majority) only where they meet.
    const grid = new Float32Array([...[1, 0], ...[0, 1], ...[1, 0], ...[0, 1]]);
    const tables = classTables(2);
    const out = new Uint8ClampedArray(8 * 8 * 4);
    fillClassPixels(grid, 2, 2, tables, out, 8);
    const row = Array.from({ length: 8 }, (_, x) => cssColor(pixelAt(out, 8, x, 3)));
    const [sure0, sure1] = [faded(ORANGE), faded(BLUE)].map((c) =>
      cssColor(c.map(Math.round) as unknown as Rgb),
    );
    expect(row.slice(0, 2)).toEqual([sure0, sure0]);
    expect(row.slice(6)).toEqual([sure1, sure1]);
    // The middle pixels sit near the tie: pale, from orange through grey to blue.
    const middle = [3, 4].map((x) => pixelAt(out, 8, x, 3));
    expect(middle[0]![0]).toBeGreaterThan(middle[0]![2]); // orange side
    expect(middle[1]![2]).toBeGreaterThan(middle[1]![0]); // blue side
    // Each row is the same: the boundary is a straight vertical line.
    for (let y = 0; y < 8; y++) {
      expect(Array.from({ length: 8 }, (_, x) => cssColor(pixelAt(out, 8, x, y)))).toEqual(row);
    }
  });

  it('fills one value per cell through a colour table, clamped, grey where NaN', () => {
    const table = heatmapTable(LEVELS);
    const out = new Uint8ClampedArray(4 * 4);
    fillValuePixels(new Float32Array([-1, 0, 1, Number.NaN]), table, -1, 1, out);
    const pixel = (i: number) => Array.from(out.subarray(i * 4, i * 4 + 4));
    expect(pixel(0)).toEqual([...heatmapColor(0).map(Math.round), 255]);
    expect(pixel(2)).toEqual([...heatmapColor(1).map(Math.round), 255]);
    expect(pixel(1)).toEqual(Array.from(table.subarray(128 * 4, 128 * 4 + 4)));
    expect(pixel(3)).toEqual([...INVALID, 255]);
  });

  it('keys the colour scale with one bar per class for a model with an output per class', () => {
    expect(byClass({ kind: 'classes', classes: 2, outputs: 1 })).toBe(false);
    expect(byClass({ kind: 'classes', classes: 2, outputs: 2 })).toBe(true);
    expect(scaleGradients({ kind: 'classes', classes: 2, outputs: 1 })).toEqual([]);
    expect(scaleGradients({ kind: 'values', min: -1, max: 1 })).toEqual([]);
    const bars = scaleGradients({ kind: 'classes', classes: 3, outputs: 3 });
    expect(bars).toHaveLength(3);
    expect(bars[2]).toBe(
      `linear-gradient(to right, ${cssColor(faded(NEUTRAL))}, ${cssColor(faded(CLASS_COLORS[2]!))})`,
    );
  });
});

describe('point markers', () => {
  it('gives each of up to six classes its own shape, and two classes circles', () => {
    expect(classShape(0, 2)).toBe('circle');
    expect(classShape(1, 2)).toBe('circle');
    const six = [0, 1, 2, 3, 4, 5].map((c) => classShape(c, 6));
    expect(new Set(six).size).toBe(6);
    expect(six).toEqual([...CLASS_SHAPES]);
    expect(classShape(2, 3)).toBe(CLASS_SHAPES[2]);
    expect(classShape(7, 9)).toBe('circle');
  });

  it('draws every shape centred, about as big as the circle of its radius', () => {
    for (const shape of CLASS_SHAPES) {
      const corners = markerCorners(shape, 2);
      if (shape === 'circle') {
        expect(corners).toBeNull();
        continue;
      }
      expect(corners).not.toBeNull();
      const points = corners!;
      // Shoelace area and centroid of the polygon.
      let area = 0;
      let cx = 0;
      let cy = 0;
      points.forEach(([x0, y0], i) => {
        const [x1, y1] = points[(i + 1) % points.length]!;
        const cross = x0 * y1 - x1 * y0;
        area += cross / 2;
        cx += ((x0 + x1) * cross) / 6;
        cy += ((y0 + y1) * cross) / 6;
      });
      expect(Math.abs(area) / (Math.PI * 4), shape).toBeGreaterThan(0.95);
      expect(Math.abs(area) / (Math.PI * 4), shape).toBeLessThan(1.1);
      expect(Math.abs(cx / area), shape).toBeLessThan(1e-9);
      expect(Math.abs(cy / area), shape).toBeLessThan(1e-9);
    }
  });
});
