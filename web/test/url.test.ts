import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DATASET_CATALOGUE,
  DATASETS,
  datasetScene,
  defaultScene,
  SHIPPED_DATASETS,
  shippedScene,
  type Scene,
} from '../src/scene/index.ts';
import {
  decodeHash,
  encodeHash,
  LINK_NUMBERS,
  linkedScene,
  restoreState,
  rowNumbers,
  STORAGE_KEY,
  storeState,
} from '../src/state/url.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

/** A Storage backed by a Map. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

function roundTrip(scene: Scene, hide: string[] = []) {
  const hash = encodeHash({ scene, hide });
  expect(hash).toMatch(/^scene=[A-Za-z0-9_-]+(&hide=[A-Za-z0-9,]+)?$/);
  return decodeHash(`#${hash}`);
}

function sceneHash(value: unknown): string {
  const json = JSON.stringify(value);
  return `#scene=${Buffer.from(json).toString('base64url')}`;
}

describe('URL hash', () => {
  afterEach(() => vi.restoreAllMocks());

  it('round-trips the default scene exactly', () => {
    expect(roundTrip(defaultScene())).toEqual({ kind: 'scene', scene: defaultScene(), hide: [] });
  });

  it.each(DATASETS)('round-trips the %s scene exactly', (name) => {
    const choices = DATASET_CATALOGUE[name].classes.max > 2 ? [2, 3, 4] : [undefined];
    for (const classes of choices) {
      const scene = datasetScene({
        name,
        ...(classes ? { classes } : {}),
        noise: 0.15,
        validationFraction: 0.2,
        seed: 7,
      });
      expect(roundTrip(scene)).toEqual({ kind: 'scene', scene, hide: [] });
    }
  });

  it('round-trips every optional part and the hidden controls', () => {
    const scene: Scene = {
      ...defaultScene(),
      seed: 2 ** 32 - 1,
      l1: 0.001,
      clip_grad_norm: 1.5,
      clip_grad_value: null,
      scheduler: { name: 'StepLR', step_size: 10, gamma: 0.5 },
      init: { weight: 'xavier_uniform', bias: 0.1 },
      optimizer: { name: 'Adam', lr: 0.001, betas: [0.9, 0.999], weight_decay: 1e-4 },
      training: { batchSize: 7, shuffle: false, earlyStopping: { patience: 5, minDelta: 1e-3 } },
    };
    scene.data = { ...scene.data, features: ['x1', 'x2', 'sin(x1)'] };
    scene.model = { ...scene.model, inputs: 3 };
    expect(roundTrip(scene, ['noise', 'numNodes1'])).toEqual({
      kind: 'scene',
      scene,
      hide: ['noise', 'numNodes1'],
    });
  });

  it('reads an empty hash as nothing', () => {
    expect(decodeHash('')).toEqual({ kind: 'none' });
    expect(decodeHash('#')).toEqual({ kind: 'none' });
  });

  it('rejects an invalid scene with the validation message', () => {
    const scene = { ...defaultScene(), optimizer: { name: 'SGD', lr: 0 } };
    expect(() => decodeHash(sceneHash(scene))).toThrow(
      'scene.optimizer.lr: expected a number in [0.000001, 10], got 0',
    );
    const tanhh = defaultScene() as unknown as { model: { layers: { activation: string }[] } };
    tanhh.model.layers[0]!.activation = 'Tanhh';
    expect(() => decodeHash(sceneHash(tanhh))).toThrow(/^scene\.model\.layers\[0\]\.activation/);
    expect(() => decodeHash(sceneHash({ ...defaultScene(), format: 'x' }))).toThrow(
      /^scene\.format/,
    );
  });

  it('carries a supplied scene that names a shipped dataset', () => {
    for (const name of SHIPPED_DATASETS) {
      const scene = shippedScene(name, 7);
      expect(roundTrip(scene)).toEqual({ kind: 'scene', scene, hide: [] });
    }
    const storage = memoryStorage();
    storeState(storage, { scene: shippedScene('iris'), hide: [] });
    expect(restoreState(storage)?.scene).toEqual(shippedScene('iris'));
  });

  it('carries small rows in the link and leaves large ones out', () => {
    const base = defaultScene();
    const withRows = (rows: number): Scene => ({
      ...base,
      data: {
        name: 'supplied',
        trainFraction: 0.5,
        rows: {
          features: 2,
          classes: 2,
          x: Array.from({ length: rows * 2 }, (_, i) => i / 8),
          y: Array.from({ length: rows }, (_, i) => i % 2),
          source: 'points.csv',
        },
      },
    });
    const small = withRows(100);
    expect(rowNumbers(small)).toBe(300);
    expect(roundTrip(small)).toEqual({ kind: 'scene', scene: small, hide: [] });
    const large = withRows(LINK_NUMBERS); // 3 numbers a row: over the limit
    expect(rowNumbers(large)).toBeGreaterThan(LINK_NUMBERS);
    const linked = linkedScene(large);
    expect(linked.data.name === 'supplied' && linked.data.rows).toBe(undefined);
    expect(() => decodeHash(encodeHash({ scene: large, hide: [] }))).toThrow(
      /upload the file again/,
    );
  });

  it('refuses supplied data, damaged encodings and unknown hashes', () => {
    const supplied = { ...defaultScene(), data: { name: 'supplied', trainFraction: 0.5 } };
    expect(() => decodeHash(sceneHash(supplied))).toThrow(
      /scene\.data\.rows: missing; .*upload the file again/,
    );
    expect(() => decodeHash('#scene=%%%')).toThrow(/not base64url-encoded JSON/);
    expect(() => decodeHash('#scene=bm90IGpzb24')).toThrow(/not base64url-encoded JSON/);
    expect(() => decodeHash('#foo=bar')).toThrow(/holds no scene/);
  });

  it('hands a TensorFlow Playground hash to the importer', () => {
    const contents = decodeHash('#activation=relu&networkShape=3&seed=0.1');
    expect(contents.kind).toBe('tfp');
    if (contents.kind === 'tfp') expect(contents.scene.model.layers[0]!.activation).toBe('ReLU');
  });
});

describe('embedding parameters', () => {
  const scene = defaultScene();
  const base = encodeHash({ scene, hide: [] });

  it('round-trips lock, embed and origins, and leaves them out when unset', () => {
    const state = {
      scene,
      hide: ['noise'],
      lock: ['playButton', 'learningRate'],
      embed: true,
      origins: ['https://moodle.example.edu', 'http://localhost:8080'],
    };
    const hash = encodeHash(state);
    expect(hash).toBe(
      `${base}&hide=noise&lock=playButton,learningRate&embed=1` +
        '&origins=https://moodle.example.edu,http://localhost:8080',
    );
    expect(decodeHash(hash)).toEqual({ kind: 'scene', ...state });
    expect(encodeHash({ scene, hide: [], lock: [], embed: false, origins: [] })).toBe(base);
  });

  it('reads %-escaped values and forgives an origin\u2019s trailing slash', () => {
    const contents = decodeHash(
      `${base}&origins=https%3A%2F%2Fa.example%2F,https://b.example:8443`,
    );
    expect(contents).toMatchObject({ origins: ['https://a.example', 'https://b.example:8443'] });
    expect(contents).not.toHaveProperty('ignored');
  });

  it('ignores bad values with a note each, keeping the scene and the good values', () => {
    const contents = decodeHash(
      `${base}&hide=noise,no-such&lock=seed,<b>&embed=yes` +
        '&origins=*,ftp://x.example,https://a.example/path,https://ok.example&locked=seed',
    );
    expect(contents).toMatchObject({
      kind: 'scene',
      scene,
      hide: ['noise'],
      lock: ['seed'],
      origins: ['https://ok.example'],
    });
    expect(contents).not.toHaveProperty('embed');
    expect(contents.kind === 'scene' && contents.ignored).toEqual([
      'hide: "no-such" is not a control id (letters and digits only)',
      'lock: "<b>" is not a control id (letters and digits only)',
      'embed: expected 1 (the compact view) or 0, not "yes"',
      'origins: "*" would let any site drive the page; name each host page\u2019s origin',
      'origins: "ftp://x.example" is not an origin (expected e.g. https://moodle.example.edu)',
      'origins: "https://a.example/path" is not an origin (expected e.g. https://moodle.example.edu)',
      '"locked" is not a link parameter (scene, hide, lock, embed, origins)',
    ]);
  });

  it('keeps neither locks nor embedding in local storage', () => {
    const storage = memoryStorage();
    storeState(storage, { scene, hide: ['noise'], lock: ['seed'], embed: true, origins: [] });
    expect(restoreState(storage)).toEqual({ scene, hide: ['noise'] });
  });
});

describe('local storage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps and restores the last scene', () => {
    const storage = memoryStorage();
    expect(restoreState(storage)).toBeNull();
    const scene = datasetScene({ name: 'spirals', classes: 4 });
    storeState(storage, { scene, hide: ['noise'] });
    expect(restoreState(storage)).toEqual({ scene, hide: ['noise'] });
  });

  it('ignores a corrupt value with a console warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, '{not json');
    expect(restoreState(storage)).toBeNull();
    storage.setItem(STORAGE_KEY, JSON.stringify({ scene: { ...defaultScene(), seed: -1 } }));
    expect(restoreState(storage)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[1]![0])).toContain('scene.seed');
  });

  it('survives a storage that throws', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => storeState(storage, { scene: defaultScene(), hide: [] })).not.toThrow();
    expect(restoreState(undefined)).toBeNull();
  });
});
