import { describe, expect, it } from 'vitest';
import { SCENE_FORMAT } from '../src/scene/index.ts';
import { hashSeed, importTfpHash, isTfpHash } from '../src/state/tfp-import.ts';
import { checkScene } from '../src/engine/scene-rules.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

/** The link TF Playground writes (anchors.md §A.7). */
const CANONICAL =
  '#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03' +
  '&regularizationRate=0&noise=0&networkShape=4,2&seed=0.59704&showTestData=false' +
  '&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false' +
  '&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false' +
  '&problem=classification&initZero=false&hideText=false';

/** The canonical link with `key` set to `value` (added at the end when absent). */
function withValue(key: string, value: string): string {
  const pattern = new RegExp(`([#&])${key}=[^&]*`);
  return pattern.test(CANONICAL)
    ? CANONICAL.replace(pattern, `$1${key}=${value}`)
    : `${CANONICAL}&${key}=${value}`;
}

describe('TensorFlow Playground import', () => {
  it('hashes the seed string with 32-bit FNV-1a', () => {
    expect(hashSeed('')).toBe(0x811c9dc5);
    expect(hashSeed('a')).toBe(0xe40c292c);
    expect(hashSeed('0.59704')).not.toBe(hashSeed('0.59705'));
  });

  it('recognises its hashes', () => {
    expect(isTfpHash(CANONICAL)).toBe(true);
    expect(isTfpHash('#noise_hide=true')).toBe(true);
    expect(isTfpHash('#scene=abc')).toBe(false);
    expect(isTfpHash('')).toBe(false);
  });

  it('opens the canonical link as a circle with 4, 2 Tanh hidden layers', () => {
    const result = importTfpHash(CANONICAL);
    expect(result.scene).toEqual({
      format: SCENE_FORMAT,
      seed: hashSeed('0.59704'),
      data: { name: 'circle', samples: 500, noise: 0, trainFraction: 0.5, signedLabels: true },
      model: {
        inputs: 2,
        layers: [
          { units: 4, activation: 'Tanh' },
          { units: 2, activation: 'Tanh' },
          { units: 1, activation: 'Tanh' },
        ],
      },
      loss: { name: 'MSELoss' },
      optimizer: { name: 'SGD', lr: 0.015 },
      init: { weight: 'uniform', a: -0.5, b: 0.5, bias: 0.1 },
      training: { batchSize: 10, shuffle: false },
    });
    expect(checkScene(result.scene)).toEqual(result.scene);
    expect(result.hide).toEqual([]);
    expect(result.ignored).toEqual([]);
    expect(result.view).toEqual({ showTestData: false, discretize: false });
    const note = result.differences.join(' ');
    expect(note).not.toContain('Labels'); // TF's −1/+1 labels: data.signedLabels
    expect(note).toContain("not TF's ½·mean");
    expect(note).toContain('learning rate is halved (0.03 → 0.015)');
    expect(note).not.toContain('xavier_uniform'); // TF's own U(−0.5, 0.5) init: no difference
    expect(note).toContain('"0.59704"');
    expect(note).toContain('not TF');
  });

  it('takes TF defaults for absent keys', () => {
    const result = importTfpHash('#seed=x');
    expect(result.scene.model.layers.map((l) => l.units)).toEqual([4, 2, 1]);
    expect(result.scene.optimizer.lr).toBe(0.015);
    expect(result.scene.data).toEqual({
      name: 'circle',
      samples: 500,
      noise: 0,
      trainFraction: 0.5,
      signedLabels: true,
    });
  });

  it('maps L2 to weight decay on the weights, L1 to l1, both doubled for the halved lr', () => {
    const l2 = importTfpHash(
      CANONICAL.replace('activation=tanh', 'activation=tanh&regularization=L2').replace(
        'regularizationRate=0',
        'regularizationRate=0.03',
      ),
    );
    expect(l2.scene.optimizer).toEqual({
      name: 'SGD',
      lr: 0.015,
      weight_decay: 0.06,
      no_decay_bias: true,
    });
    expect(l2.scene.l1).toBeUndefined();
    expect(l2.differences.join(' ')).toContain('decoupled');
    expect(checkScene(l2.scene)).toEqual(l2.scene);

    const l1 = importTfpHash(
      withValue('regularizationRate', '0.001').replace('&noise', '&regularization=L1&noise'),
    );
    expect(l1.scene.l1).toBe(0.002);
    expect(l1.scene.optimizer.weight_decay).toBeUndefined();
    expect(l1.differences.join(' ')).toContain('dead');

    const big = importTfpHash(withValue('regularizationRate', '3') + '&regularization=L2');
    expect(big.scene.optimizer.weight_decay).toBe(1);
    expect(big.ignored.join(' ')).toContain('regularizationRate=3');
  });

  it('opens a regression link: Identity output, 1200 points, the TF dataset mapped', () => {
    const result = importTfpHash(
      withValue('problem', 'regression')
        .replace('regDataset=reg-plane', 'regDataset=reg-gauss')
        .replace('activation=tanh', 'activation=relu')
        .replace('noise=0', 'noise=15')
        .replace('percTrainData=50', 'percTrainData=70')
        .replace('learningRate=0.03', 'learningRate=0.01'),
    );
    expect(result.scene.data).toEqual({
      name: 'multigauss',
      samples: 1200,
      noise: 0.15,
      trainFraction: 0.7,
    });
    expect(result.scene.model.layers).toEqual([
      { units: 4, activation: 'ReLU' },
      { units: 2, activation: 'ReLU' },
      { units: 1, activation: 'Identity' },
    ]);
    expect(result.scene.loss).toEqual({ name: 'MSELoss' });
    expect(result.scene.optimizer.lr).toBe(0.005);
    expect(result.differences.join(' ')).not.toContain('Labels are 0 and 1');
    expect(checkScene(result.scene)).toEqual(result.scene);
    expect(importTfpHash('#problem=regression').scene.data.name).toBe('plane');
  });

  it('reads an empty networkShape as no hidden layers', () => {
    const result = importTfpHash(withValue('networkShape', ''));
    expect(result.scene.model.layers).toEqual([{ units: 1, activation: 'Tanh' }]);
    expect(result.ignored).toEqual([]);
    expect(checkScene(result.scene)).toEqual(result.scene);
  });

  it('takes the input features in TF’s INPUTS order', () => {
    const result = importTfpHash(
      withValue('sinY', 'true')
        .replace('xTimesY=false', 'xTimesY=true')
        .replace('x=true', 'x=false'),
    );
    expect(result.scene.data.features).toEqual(['x2', 'x1*x2', 'sin(x2)']);
    expect(result.scene.model.inputs).toBe(3);
    expect(checkScene(result.scene)).toEqual(result.scene);
  });

  it('maps initZero to zeros', () => {
    const result = importTfpHash(withValue('initZero', 'true'));
    expect(result.scene.init).toEqual({ weight: 'zeros', bias: 0 });
    expect(result.differences.join(' ')).not.toMatch(/starts at|xavier|U\(/); // as TF: no difference
  });

  it('collects the _hide keys (only the literal true), and hideText as "text"', () => {
    const result = importTfpHash(
      `${CANONICAL}&noise_hide=true&xSquared_hide=true&numNodes1_hide=true&dataset_hide=false` +
        '&batchSize_hide=yes&bogus_hide=true',
    );
    expect(result.hide).toEqual(['noise', 'xSquared', 'numNodes1']);
    expect(result.ignored).toEqual([
      'bogus_hide=true: "bogus" is not a control TF Playground can hide',
    ]);
    expect(importTfpHash(withValue('hideText', 'true')).hide).toEqual(['text']);
    expect(result.differences.join(' ')).not.toContain('Hidden'); // they are hidden: no difference
  });

  it('keeps the defaults for garbage values and lists them', () => {
    const result = importTfpHash(
      '#activation=softmax&regularization=L3&batchSize=abc&dataset=moons&learningRate=0' +
        '&networkShape=4,x&percTrainData=99&problem=ranking&noise=90&x=false&y=false' +
        '&cosX=true&tutorial=intro&color=red&seed',
    );
    const ignored = result.ignored.join('\n');
    for (const text of [
      'activation=softmax',
      'regularization=L3',
      'batchSize=abc',
      'dataset=moons',
      'learningRate=0',
      'networkShape=4,x',
      'percTrainData=99',
      'problem=ranking',
      'noise=90',
      'no input feature',
      'cosX=true',
      'tutorial=intro',
      'unknown key "color"',
      '"seed" has no value',
    ]) {
      expect(ignored).toContain(text);
    }
    expect(result.scene).toEqual({
      ...importTfpHash('#noise=50').scene,
      seed: 1,
    });
    expect(checkScene(result.scene)).toEqual(result.scene);
  });
});
