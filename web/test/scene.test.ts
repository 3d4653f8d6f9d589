import { describe, expect, it } from 'vitest';
import { defaultScene, SCENE_FORMAT, sceneToEngineConfig, validateScene } from '../src/scene.ts';

const REMOVE = Symbol('remove the field');

/** A JSON copy of the default scene with the field at `path` ("network.layers[1].units") set to
 *  `value`, or removed. */
function edited(path: string, value: unknown): unknown {
  const scene = JSON.parse(JSON.stringify(defaultScene())) as Record<string, unknown>;
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const last = keys.pop() ?? '';
  let node = scene;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return scene;
}

describe('defaultScene', () => {
  it('is the walking-skeleton setup', () => {
    const scene = defaultScene();
    expect(scene.format).toBe(SCENE_FORMAT);
    expect(scene.seed).toBe(1);
    expect(scene.data).toEqual({ name: 'circle', samples: 500, noise: 0, trainFraction: 0.5 });
    expect(scene.network.inputs).toBe(2);
    expect(scene.network.layers.map((l) => `${l.units} ${l.activation}`)).toEqual([
      '4 Tanh',
      '4 Tanh',
      '1 Sigmoid',
    ]);
    expect(scene.loss.name).toBe('BCELoss');
    expect(scene.optimizer).toEqual({ name: 'SGD', lr: 0.1 });
    expect(scene.training.batchSize).toBe(10);
  });

  it('is valid and survives a JSON round trip unchanged', () => {
    const scene = defaultScene();
    expect(validateScene(scene)).toEqual(scene);
    expect(validateScene(JSON.parse(JSON.stringify(scene)))).toEqual(scene);
  });

  it('returns a fresh object each time', () => {
    const a = defaultScene();
    a.network.layers[0]!.units = 8;
    expect(defaultScene().network.layers[0]!.units).toBe(4);
  });
});

describe('validateScene', () => {
  it('returns a copy that shares nothing with its input', () => {
    const input = defaultScene();
    const output = validateScene(input);
    output.network.layers[0]!.units = 7;
    output.data.samples = 100;
    expect(input.network.layers[0]!.units).toBe(4);
    expect(input.data.samples).toBe(500);
  });

  it.each<[string, unknown]>([
    ['scene', null],
    ['scene', 'circle'],
    ['scene', []],
  ])('rejects a non-object naming "%s"', (field, value) => {
    expect(() => validateScene(value)).toThrow(new RegExp(`^${field}:`));
  });

  it.each<[string, unknown]>([
    ['format', 'nn-playground/scene@2'],
    ['format', REMOVE],
    ['seed', 1.5],
    ['seed', -1],
    ['data', null],
    ['data.name', 'spiral-ish'],
    ['data.samples', '500'],
    ['data.samples', 0],
    ['data.noise', 0.9],
    ['data.noise', Number.NaN],
    ['data.trainFraction', 1],
    ['network.inputs', 0],
    ['network.layers', []],
    ['network.layers', 'Tanh'],
    ['network.layers[1]', 4],
    ['network.layers[1].units', 0],
    ['network.layers[2].units', 2.5],
    ['network.layers[0].activation', 'Tanhh'],
    ['network.layers[0].bias', false],
    ['loss.name', 'CrossEntropy'],
    ['optimizer.name', 'Adam'],
    ['optimizer.lr', -1],
    ['optimizer.lr', 0],
    ['optimizer.lr', Number.POSITIVE_INFINITY],
    ['training', REMOVE],
    ['training.batchSize', 0],
    ['optimiser', { lr: 1 }],
  ])('rejects a bad %s (%s), naming it', (path, value) => {
    const escaped = `scene.${path}`.replace(/[.[\]]/g, (c) => `\\${c}`);
    expect(() => validateScene(edited(path, value))).toThrow(new RegExp(`^${escaped}: `));
  });
});

describe('sceneToEngineConfig', () => {
  it('maps every field of the default scene', () => {
    const scene = defaultScene();
    expect(sceneToEngineConfig(scene)).toEqual({
      seed: 1,
      data: { name: 'circle', samples: 500, noise: 0, trainFraction: 0.5 },
      network: {
        inputs: 2,
        layers: [
          { units: 4, activation: 'Tanh' },
          { units: 4, activation: 'Tanh' },
          { units: 1, activation: 'Sigmoid' },
        ],
      },
      loss: { name: 'BCELoss' },
      optimizer: { name: 'SGD', lr: 0.1 },
      batchSize: 10,
    });
  });

  it('copies, so editing the config leaves the scene alone', () => {
    const scene = defaultScene();
    const config = sceneToEngineConfig(scene);
    config.network.layers[0]!.units = 9;
    config.data.samples = 9;
    expect(scene.network.layers[0]!.units).toBe(4);
    expect(scene.data.samples).toBe(500);
  });
});
