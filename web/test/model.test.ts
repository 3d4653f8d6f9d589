// web/src/model.ts: the saved-model document (scene + every member's parameters), its checks, its
// versions and migrations, and the exact round trip through JSON with the wasm engine.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  applyModel,
  loadModel,
  loadScene,
  memberCount,
  MIGRATIONS,
  MODEL_FORMAT,
  parameterShapes,
  readableFormats,
  saveModel,
  stringifyModel,
  type Migration,
  type SavedModel,
} from '../src/model.ts';
import {
  datasetScene,
  defaultScene,
  SCENE_FORMAT,
  sceneToEngineConfig,
  type Scene,
} from '../src/scene/index.ts';
import createCore, { type CoreModule, type Trainer } from '../src/wasm/core.mjs';
import { checkScene } from '../src/engine/scene-rules.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

let core: CoreModule;
const trainers: Trainer[] = [];

beforeAll(async () => {
  const wasmBinary = readFileSync(new URL('../src/wasm/core.wasm', import.meta.url));
  core = await createCore({ wasmBinary });
});

afterEach(() => {
  for (const t of trainers.splice(0)) t.delete();
});

function trainer(scene: Scene): Trainer {
  const t = new core.Trainer(sceneToEngineConfig(scene));
  trainers.push(t);
  return t;
}

function docScene(file: string): Scene {
  const url = new URL(`../../docs/scenes/${file}`, import.meta.url);
  return checkScene(JSON.parse(readFileSync(url, 'utf8')));
}

type Json = Record<string, unknown>;
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** 2 inputs → 8 → 4 → 1: "2.weight" is [4, 8], 32 numbers. */
function wideScene(): Scene {
  const scene = defaultScene();
  scene.model.layers = [
    { units: 8, activation: 'Tanh' },
    { units: 4, activation: 'Tanh' },
    { units: 1, activation: 'Sigmoid' },
  ];
  return scene;
}

/** A saved model of the wide scene with made-up parameters (no engine needed). */
function wideModel(): Json {
  const scene = wideScene();
  const parameters = parameterShapes(scene.model).map((p) => [
    p.name,
    Array.from({ length: p.size }, (_, i) => i / 8 - 1),
  ]);
  return { format: MODEL_FORMAT, scene, parameters: [Object.fromEntries(parameters)] };
}

/** The bits of a float32 array, so that −0, 0 and NaNs compare exactly. */
const bits = (f: Float32Array) => Array.from(new Uint32Array(f.slice().buffer));

/** Everything a trained model shows: metrics of the whole and each member, and predictions. */
function observe(t: Trainer, inputs: number) {
  const rows = 200;
  const x = Array.from({ length: rows * inputs }, (_, i) => Math.sin(i * 1.7) * 6);
  const grid = inputs === 2;
  return {
    evaluation: t.evaluate(),
    members: Array.from({ length: t.members() }, (_, m) => t.evaluateMember(m)),
    predict: bits(t.predict(x, rows)),
    grid: grid ? bits(t.predictGrid(40, -6, 6, -6, 6)) : [],
    classes: grid ? bits(t.predictGridClasses(20, -6, 6, -6, 6)) : [],
    confusion: t.confusion('test'),
  };
}

describe('parameterShapes', () => {
  it("names the default scene's parameters as the engine does", () => {
    const scene = defaultScene();
    expect(parameterShapes(scene.model)).toEqual([
      { name: '0.weight', shape: [4, 2], size: 8 },
      { name: '0.bias', shape: [4], size: 4 },
      { name: '2.weight', shape: [4, 4], size: 16 },
      { name: '2.bias', shape: [4], size: 4 },
      { name: '4.weight', shape: [1, 4], size: 4 },
      { name: '4.bias', shape: [1], size: 1 },
    ]);
    const t = trainer(scene);
    const engine = t.parameters(0);
    expect(Object.keys(engine)).toEqual(parameterShapes(scene.model).map((p) => p.name));
    for (const p of parameterShapes(scene.model)) expect(engine[p.name]!.length).toBe(p.size);
  });

  it('numbers layers with dropout as torch does (each Linear at 2i)', () => {
    const scene = docScene('blobs-5-ensemble.json');
    scene.model.layers[0]!.dropout = 0.5;
    const t = trainer(scene);
    expect(t.members()).toBe(3);
    expect(memberCount(scene)).toBe(3);
    for (let m = 0; m < 3; m++) {
      const own = t.parameters(m);
      expect(Object.keys(own)).toEqual(parameterShapes(scene.model).map((p) => p.name));
    }
  });
});

describe('float32 values in JSON', () => {
  /** A float32 from its bits, as the double JavaScript holds it. */
  function float32(pattern: number): number {
    return new Float32Array(new Uint32Array([pattern]).buffer)[0]!;
  }

  it('survive JSON.stringify → JSON.parse exactly, as doubles and as float32 bits', () => {
    const special = [
      0x00000001, // the smallest subnormal
      0x007fffff, // the largest subnormal
      0x00800000, // the smallest normal
      0x7f7fffff, // the largest finite
      0x3f800000, // 1
      0x3f800001, // 1 + 2^-23
      0x3dcccccd, // 0.1f
      0x3eaaaaab, // 1/3f
      0x4b7fffff, // 2^24 − 1
    ];
    const patterns = [...special, ...special.map((p) => (p | 0x80000000) >>> 0)];
    let state = 12345;
    for (let i = 0; i < 200_000; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      if ((state & 0x7f800000) !== 0x7f800000) patterns.push(state); // not Inf/NaN
    }
    const values = patterns.map(float32);
    const back = JSON.parse(JSON.stringify(values)) as number[];
    let mismatches = 0;
    values.forEach((v, i) => {
      if (!Object.is(back[i], v)) mismatches++;
    });
    expect(mismatches).toBe(0);
    expect(bits(Float32Array.from(back))).toEqual(patterns);
  });

  it('need enough digits: 7 significant digits are not enough, 9 are', () => {
    const v = float32(0x3f800001); // 1.00000011920928955078125
    expect(Math.fround(Number(v.toPrecision(7)))).not.toBe(v);
    expect(Math.fround(Number(v.toPrecision(9)))).toBe(v);
    expect(JSON.stringify(v)).toBe('1.0000001192092896');
  });

  it('lose only the sign of −0 through JSON.stringify; stringifyModel keeps it', () => {
    expect(JSON.stringify(-0)).toBe('0');
    expect(Object.is(JSON.parse('-0'), -0)).toBe(true);
    const model = wideModel() as unknown as SavedModel;
    model.parameters[0]!['0.bias']![3] = -0;
    const text = stringifyModel(model);
    const loaded = loadModel(JSON.parse(text));
    expect(Object.is(loaded.parameters[0]!['0.bias']![3], -0)).toBe(true);
    expect(bits(loaded.parameters[0]!['0.bias']!)[3]).toBe(0x80000000);
  });
});

describe('saveModel → JSON → loadModel → applyModel', () => {
  const cases: Array<[string, () => Scene, number]> = [
    ['the default scene', defaultScene, 20],
    ['xor with an x1*x2 feature, standardised', () => docScene('xor-features.json'), 10],
    ['an ensemble of 3 with bootstrap', () => docScene('blobs-5-ensemble.json'), 5],
    ['a sine with early stopping', () => docScene('sine-early-stopping.json'), 30],
    [
      'spirals with dropout, AdamW, a scheduler and L1',
      () => {
        const scene = datasetScene({ name: 'spirals', classes: 4, noise: 0.2 });
        scene.model.layers[0]!.dropout = 0.2;
        scene.optimizer = { name: 'AdamW', lr: 0.01, weight_decay: 0.01 };
        scene.scheduler = { name: 'StepLR', step_size: 50, gamma: 0.5 };
        scene.l1 = 0.0001;
        return scene;
      },
      5,
    ],
  ];

  it.each(cases)('gives identical predictions for %s', (_, make, epochs) => {
    const scene = make();
    const inputs = scene.model.inputs === 1 ? 1 : 2;
    const trained = trainer(scene);
    trained.runEpochs(epochs);
    const saved = saveModel(scene, trained);
    expect(saved.format).toBe(MODEL_FORMAT);
    expect(saved.parameters).toHaveLength(trained.members());

    for (const text of [stringifyModel(saved), JSON.stringify(saved)]) {
      const loaded = loadModel(JSON.parse(text));
      expect(loaded.scene).toEqual(scene);
      for (let m = 0; m < trained.members(); m++) {
        const own = trained.parameters(m);
        const back = loaded.parameters[m]!;
        expect(Object.keys(back)).toEqual(Object.keys(own));
        for (const name of Object.keys(own)) expect(bits(back[name]!)).toEqual(bits(own[name]!));
      }
      const fresh = trainer(loaded.scene);
      expect(observe(fresh, inputs)).not.toEqual(observe(trained, inputs));
      applyModel(fresh, loaded.parameters);
      expect(observe(fresh, inputs)).toEqual(observe(trained, inputs));
    }
  });

  it('applies a SavedModel as it is, too', () => {
    const scene = defaultScene();
    const trained = trainer(scene);
    trained.runEpochs(3);
    const fresh = trainer(scene);
    applyModel(fresh, saveModel(scene, trained).parameters);
    expect(observe(fresh, 2)).toEqual(observe(trained, 2));
  });

  it('writes the scene indented and each parameter on one line', () => {
    const text = stringifyModel(wideModel() as unknown as SavedModel);
    const lines = text.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe(`  "format": "${MODEL_FORMAT}",`);
    expect(lines[2]).toBe('  "scene": {');
    expect(lines[3]).toBe(`    "format": "${SCENE_FORMAT}",`);
    expect(lines.filter((l) => l.startsWith('      "2.weight": ['))).toHaveLength(1);
    expect(text.endsWith('  ]\n}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(wideModel());
  });

  it('refuses a trainer that was not built from the scene', () => {
    const t = trainer(defaultScene());
    expect(() => saveModel(docScene('blobs-5-ensemble.json'), t)).toThrow(
      /^saveModel: the trainer has 1 member, the scene 3 members/,
    );
    expect(() => saveModel(wideScene(), t)).toThrow(
      /^saveModel: member 0's "0\.weight" has 8 numbers; the scene's model has 16 numbers \(\[8, 2\]\)/,
    );
    expect(() => saveModel({ ...defaultScene(), seed: -1 }, t)).toThrow(/^scene\.seed: /);
  });

  it('refuses to apply a model to a trainer of another size', () => {
    const t = trainer(docScene('blobs-5-ensemble.json'));
    const { parameters } = loadModel(wideModel());
    expect(() => applyModel(t, parameters)).toThrow(
      /^applyModel: the model has 1 member, the trainer 3/,
    );
    const other = trainer(defaultScene());
    expect(() => applyModel(other, parameters)).toThrow(/0\.weight/);
  });
});

describe('loadModel names the bad field', () => {
  const set = (path: (m: Json) => void) => {
    const model = copy(wideModel());
    path(model);
    return model;
  };
  const record = (m: Json) => (m.parameters as Json[])[0]!;
  const cases: Array<[string, unknown, string | RegExp]> = [
    ['not an object', [1], 'model: expected a saved model (a JSON object), got [1]'],
    ['text', 'model', 'model: expected a saved model (a JSON object), got "model"'],
    ['no format', set((m) => delete m.format), `model.format: missing; expected "${MODEL_FORMAT}"`],
    [
      'a numeric format',
      set((m) => (m.format = 1)),
      `model.format: expected "${MODEL_FORMAT}", got 1`,
    ],
    [
      'a newer version',
      set((m) => (m.format = 'nn-playground/model@2')),
      `model.format: "nn-playground/model@2" is a newer version than this build reads; this ` +
        `build reads a saved model as ${MODEL_FORMAT}`,
    ],
    [
      'an older version without a migration',
      set((m) => (m.format = 'nn-playground/model@0')),
      `model.format: "nn-playground/model@0" is a version this build no longer reads; this ` +
        `build reads a saved model as ${MODEL_FORMAT}`,
    ],
    [
      'a foreign format',
      set((m) => (m.format = 'keras/model')),
      `model.format: "keras/model" is not an nn-playground format; this build reads a saved ` +
        `model as ${MODEL_FORMAT}`,
    ],
    [
      'a scene',
      defaultScene(),
      `model.format: "${SCENE_FORMAT}" is a scene, not a saved model (this build reads a saved ` +
        `model as ${MODEL_FORMAT})`,
    ],
    [
      'an unknown field',
      set((m) => (m.optimizerState = {})),
      'model.optimizerState: unknown field; accepted: format, scene, parameters',
    ],
    [
      'no scene',
      set((m) => delete m.scene),
      'model.scene: missing; expected a scene (a JSON object)',
    ],
    [
      'a bad scene',
      set((m) => ((m.scene as Json).seed = -1)),
      'model.scene.seed: expected an integer in [0, 4294967295], got -1',
    ],
    [
      'a scene of a newer version',
      set((m) => ((m.scene as Json).format = 'nn-playground/scene@2')),
      `model.scene.format: "nn-playground/scene@2" is a newer version than this build reads; ` +
        `this build reads a scene as ${SCENE_FORMAT}`,
    ],
    [
      'no parameters',
      set((m) => delete m.parameters),
      'model.parameters: missing; expected an array of 1 parameter record (one per ensemble member)',
    ],
    [
      'a record per member too many',
      set((m) => (m.parameters = [record(m), record(m)])),
      'model.parameters: expected an array of 1 parameter record (one per ensemble member), got 2',
    ],
    [
      'a record that is not an object',
      set((m) => (m.parameters = [[1, 2]])),
      'model.parameters[0]: expected an object of the parameters by name (0.weight, 0.bias, ' +
        '2.weight, 2.bias, 4.weight, 4.bias), got [1,2]',
    ],
    [
      'a weight one number short',
      set((m) => (record(m)['2.weight'] as number[]).pop()),
      'model.parameters[0]["2.weight"]: expected 32 numbers ([4, 8]), got 31',
    ],
    [
      'a bias too long',
      set((m) => (record(m)['4.bias'] as number[]).push(0)),
      'model.parameters[0]["4.bias"]: expected 1 number ([1]), got 2',
    ],
    [
      'a missing parameter',
      set((m) => delete record(m)['0.bias']),
      'model.parameters[0]["0.bias"]: missing; expected 8 numbers ([8])',
    ],
    [
      'a parameter as an object',
      set((m) => (record(m)['0.bias'] = { 0: 1 })),
      'model.parameters[0]["0.bias"]: expected 8 numbers ([8]), got {"0":1}',
    ],
    [
      'an unknown parameter',
      set((m) => (record(m)['6.weight'] = [1])),
      'model.parameters[0]["6.weight"]: unknown parameter; the scene\'s model has 0.weight, ' +
        '0.bias, 2.weight, 2.bias, 4.weight, 4.bias',
    ],
    [
      'a null',
      set((m) => ((record(m)['2.weight'] as unknown[])[5] = null)),
      /^model\.parameters\[0\]\["2\.weight"\]\[5\]: expected a finite number in float32's range \(about ±3\.4e38\), got null$/,
    ],
    [
      'a number as text',
      set((m) => ((record(m)['0.weight'] as unknown[])[0] = '0.5')),
      /^model\.parameters\[0\]\["0\.weight"\]\[0\]: expected a finite number .*, got "0\.5"$/,
    ],
    [
      'a number past float32',
      set((m) => ((record(m)['0.weight'] as unknown[])[1] = 1e39)),
      /^model\.parameters\[0\]\["0\.weight"\]\[1\]: expected a finite number .*, got 1e\+39$/,
    ],
    [
      'NaN (from JavaScript, not JSON)',
      set((m) => ((record(m)['0.weight'] as unknown[])[2] = NaN)),
      /^model\.parameters\[0\]\["0\.weight"\]\[2\]: expected a finite number .*, got null$/,
    ],
  ];

  it.each(cases)('rejects %s', (_, input, message) => {
    if (typeof message === 'string') {
      expect(() => loadModel(input)).toThrow(
        new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
    } else {
      expect(() => loadModel(input)).toThrow(message);
    }
  });

  it('wants one record per ensemble member, saying where the count comes from', () => {
    const model = copy(wideModel());
    (model.scene as Json).training = { batchSize: 10, ensemble: { members: 2 } };
    expect(() => loadModel(model)).toThrow(
      'model.parameters: expected an array of 2 parameter records (one per ensemble member, ' +
        'scene.training.ensemble.members), got 1',
    );
    model.parameters = [...(model.parameters as Json[]), ...(model.parameters as Json[])];
    expect(loadModel(model).parameters).toHaveLength(2);
  });

  it('accepts the made-up model and returns float32 copies', () => {
    const loaded = loadModel(wideModel());
    expect(loaded.scene).toEqual(wideScene());
    expect(loaded.parameters[0]!['2.weight']).toBeInstanceOf(Float32Array);
    expect(Array.from(loaded.parameters[0]!['0.bias']!)).toEqual(
      Array.from({ length: 8 }, (_, i) => i / 8 - 1),
    );
  });

  it('takes any number a float32 holds, rounded as Float32Array rounds it', () => {
    const model = copy(wideModel());
    const bias = (model.parameters as Array<Record<string, number[]>>)[0]!['0.bias']!;
    bias[0] = 3.4028235e38; // float32's largest, as usually printed: just above it as a double
    bias[1] = 0.1;
    bias[2] = 1e-46; // below the smallest subnormal: 0
    const loaded = loadModel(model).parameters[0]!['0.bias']!;
    expect(Array.from(loaded.slice(0, 3))).toEqual([
      Math.fround(3.4028235e38),
      Math.fround(0.1),
      0,
    ]);
    bias[0] = 3.5e38;
    expect(() => loadModel(model)).toThrow(
      /^model\.parameters\[0\]\["0\.bias"\]\[0\]: expected a finite number in float32's range .*, got 3\.5e\+38$/,
    );
  });

  it('checks a supplied scene against the rows when given their shape', () => {
    const model = copy(wideModel());
    (model.scene as Json).data = { name: 'supplied', trainFraction: 0.5 };
    expect(loadModel(model).scene.data.name).toBe('supplied');
    expect(() => loadModel(model, { supplied: { rows: 100, features: 3, classes: 2 } })).toThrow(
      /^model\.scene\.model\.inputs: must be 3 .*: the supplied data has 3 features per row$/,
    );
  });
});

describe('versions and migrations', () => {
  it('reads scene@1 and model@1, and no older version yet', () => {
    expect(SCENE_FORMAT).toBe('nn-playground/scene@1');
    expect(MODEL_FORMAT).toBe('nn-playground/model@1');
    expect(MIGRATIONS).toEqual({});
    expect(readableFormats()).toEqual([SCENE_FORMAT, MODEL_FORMAT]);
  });

  it.each<[string, unknown, string]>([
    [
      'an older scene',
      { ...defaultScene(), format: 'nn-playground/scene@0' },
      `scene.format: "nn-playground/scene@0" is a version this build no longer reads; this ` +
        `build reads a scene as ${SCENE_FORMAT}`,
    ],
    [
      'a newer scene',
      { ...defaultScene(), format: 'nn-playground/scene@2' },
      `scene.format: "nn-playground/scene@2" is a newer version than this build reads; this ` +
        `build reads a scene as ${SCENE_FORMAT}`,
    ],
    [
      'a saved model',
      { format: MODEL_FORMAT },
      `scene.format: "${MODEL_FORMAT}" is a saved model, not a scene (this build reads a scene ` +
        `as ${SCENE_FORMAT})`,
    ],
    [
      'no format',
      { ...defaultScene(), format: undefined },
      `scene.format: missing; expected "${SCENE_FORMAT}"`,
    ],
  ])('loadScene refuses %s, naming the versions it reads', (_, input, message) => {
    expect(() => loadScene(input)).toThrow(message);
  });

  it('loadScene validates the current version as checkScene does', () => {
    expect(loadScene(copy(defaultScene()))).toEqual(defaultScene());
    expect(() => loadScene({ ...defaultScene(), seed: 'one' })).toThrow(/^scene\.seed: /);
  });

  /** A made-up version 0: the network under "network", the learning rate at the top level. */
  const sceneV0: Migration = (old) => {
    const { network, lr, optimizer, ...rest } = old;
    return {
      ...rest,
      format: SCENE_FORMAT,
      model: network,
      optimizer: { ...(optimizer as Json), lr },
    };
  };
  /** … and its saved models kept the records under "weights". */
  const modelV0: Migration = (old) => {
    const { weights, ...rest } = old;
    return { ...rest, format: MODEL_FORMAT, parameters: weights };
  };
  const migrations = {
    'nn-playground/scene@0': sceneV0,
    'nn-playground/model@0': modelV0,
  };
  function oldScene(): Json {
    const { model, optimizer, ...rest } = copy(defaultScene()) as unknown as Json;
    const { lr, ...kind } = optimizer as Json;
    return { ...rest, format: 'nn-playground/scene@0', network: model, optimizer: kind, lr };
  }

  it('migrates a (made-up) version 0 scene through the migration table', () => {
    expect(() => loadScene(oldScene())).toThrow(/no longer reads/);
    expect(loadScene(oldScene(), { migrations })).toEqual(defaultScene());
    expect(readableFormats(migrations)).toEqual([
      SCENE_FORMAT,
      MODEL_FORMAT,
      'nn-playground/scene@0',
      'nn-playground/model@0',
    ]);
    expect(() =>
      loadScene({ ...defaultScene(), format: 'nn-playground/scene@2' }, { migrations }),
    ).toThrow(
      'scene.format: "nn-playground/scene@2" is a newer version than this build reads; this ' +
        `build reads a scene as ${SCENE_FORMAT}, nn-playground/scene@0`,
    );
  });

  it('migrates a version 0 saved model, and the version 0 scene inside it', () => {
    const { parameters, ...rest } = copy(wideModel());
    const scene = oldScene();
    scene.network = wideScene().model;
    const old = { ...rest, format: 'nn-playground/model@0', scene, weights: parameters };
    expect(() => loadModel(old)).toThrow(/^model\.format: .*no longer reads/);
    const loaded = loadModel(old, { migrations });
    expect(loaded.scene).toEqual(wideScene());
    expect(loaded.parameters).toEqual(loadModel(wideModel()).parameters);
    // A current model with an old scene inside.
    expect(loadModel({ ...wideModel(), scene }, { migrations }).scene).toEqual(wideScene());
  });

  it('applies migrations one after another up to the current version', () => {
    const steps: string[] = [];
    const chain: Record<string, Migration> = {
      'nn-playground/scene@0': (d) => (steps.push('0→1'), { ...d, format: SCENE_FORMAT }),
      'nn-playground/scene@7': (d) => (
        steps.push('7→0'),
        { ...d, format: 'nn-playground/scene@0' }
      ),
    };
    const scene = loadScene(
      { ...defaultScene(), format: 'nn-playground/scene@7' },
      { migrations: chain },
    );
    expect(scene).toEqual(defaultScene());
    expect(steps).toEqual(['7→0', '0→1']);
  });

  it('reports a migration that fails or goes round in a loop', () => {
    const broken = {
      'nn-playground/scene@0': () => {
        throw new Error('no lr');
      },
    };
    expect(() => loadScene(oldScene(), { migrations: broken })).toThrow(
      'scene.format: migrating from "nn-playground/scene@0" failed: no lr',
    );
    const loop = { 'nn-playground/scene@0': (d: Json) => ({ ...d }) };
    expect(() => loadScene(oldScene(), { migrations: loop })).toThrow(
      'scene.format: the migrations loop at "nn-playground/scene@0"',
    );
    const wrongKind = { 'nn-playground/model@0': modelV0 };
    expect(() =>
      loadScene({ ...defaultScene(), format: 'nn-playground/model@0' }, { migrations: wrongKind }),
    ).toThrow(/is a saved model, not a scene/);
  });
});
