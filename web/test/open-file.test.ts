// Opening a saved model or scene file (state/open-file.ts): a model becomes a `model` change (a
// new run from its parameters, exact to the bit), a scene a `scene` change; a damaged, foreign or
// not-JSON file is refused naming the file, the field and the reason, and the scene and the run
// stay; an older version opens through the migration table (a made-up version 0, as
// model.test.ts does: this build's table is empty).
import { describe, expect, it } from 'vitest';
import { checkScene } from '../src/engine/scene-rules.ts';
import {
  memberCount,
  MODEL_FORMAT,
  parameterShapes,
  stringifyModel,
  type Migration,
  type SavedModel,
} from '../src/model.ts';
import { defaultScene, shippedScene, type Scene } from '../src/scene/index.ts';
import { openDocument, readDocument } from '../src/state/open-file.ts';
import { initialState, Store } from '../src/state/store.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

/** A saved model of `scene` whose numbers are all different float32 values, −0 among them. */
function savedModel(scene: Scene = checkScene(defaultScene())): SavedModel {
  const record = Object.fromEntries(
    parameterShapes(scene.model).map((p, i) => [
      p.name,
      Array.from({ length: p.size }, (_, k) => (k === 0 ? -0 : Math.fround((k - i) / 7))),
    ]),
  );
  const parameters = Array.from({ length: memberCount(scene) }, () => record);
  return { format: MODEL_FORMAT, scene, parameters };
}

function page(): Store {
  return new Store(initialState({ scene: checkScene({ ...defaultScene(), seed: 5 }) }));
}

const bits = (values: ArrayLike<number>) =>
  Array.from(new Uint32Array(Float32Array.from(values).buffer));

describe('openDocument', () => {
  it('opens a saved model as a new run from its parameters, exact to the bit', () => {
    const store = page();
    const model = savedModel();
    expect(openDocument(store, stringifyModel(model), 'circle.model.json')).toBe(true);
    const state = store.state;
    expect(state).toMatchObject({ run: 2, error: null });
    expect(state.scene).toEqual(model.scene);
    const opened = state.parameters?.[0];
    for (const [name, values] of Object.entries(model.parameters[0]!)) {
      expect(bits(opened![name]!), name).toEqual(bits(values));
    }
    expect(Object.is(opened!['0.weight']![0], -0)).toBe(true);
  });

  it('opens a scene alone as a new run from its seed', () => {
    const store = page();
    const scene = checkScene({ ...defaultScene(), seed: 11 });
    expect(openDocument(store, JSON.stringify(scene, null, 2), 'circle.scene.json')).toBe(true);
    expect(store.state).toMatchObject({ run: 2, parameters: null, scene });
  });

  it('opens a shipped dataset’s model', () => {
    const store = page();
    const model = savedModel(checkScene(shippedScene('iris')));
    expect(openDocument(store, stringifyModel(model), 'iris.model.json')).toBe(true);
    expect(store.state.scene).toEqual(model.scene);
    expect(store.state.scene.data).toMatchObject({ name: 'supplied', dataset: 'iris' });
    expect(store.state.engine).toBe('fetching');
  });

  /** The file's text, made when the test runs (after the scene rules load). */
  const damaged = (edit: (model: SavedModel) => void) => (): string => {
    const model = savedModel();
    edit(model);
    return stringifyModel(model);
  };
  it.each<[string, () => string, string]>([
    [
      'a parameter one number short',
      damaged((m) => m.parameters[0]!['0.weight']!.pop()),
      'Could not open f.json: model.parameters[0]["0.weight"]: expected',
    ],
    [
      'a scene with a bad setting',
      damaged((m) => ((m.scene.optimizer as { lr: number }).lr = -1)),
      'Could not open f.json: model.scene.optimizer.lr: ',
    ],
    [
      'a text cut short',
      () => stringifyModel(savedModel()).slice(0, 200),
      'Could not open f.json: not a saved model or scene: the file is not JSON (',
    ],
    [
      'another program’s JSON',
      () => '{"name": "my-package", "version": "1.0.0"}',
      `Could not open f.json: format: missing; expected "${MODEL_FORMAT}" (a saved model) or ` +
        '"nn-playground/scene@1" (a scene); not an nn-playground file',
    ],
    [
      'a JSON array',
      () => '[1, 2, 3]',
      'Could not open f.json: file: expected a saved model or a scene (a JSON object), got [1,2,3]',
    ],
    [
      'a newer version',
      damaged((m) => ((m as { format: string }).format = 'nn-playground/model@2')),
      'Could not open f.json: model.format: "nn-playground/model@2" is a newer version than',
    ],
    [
      'a data file’s scene without its rows',
      () => JSON.stringify({ ...defaultScene(), data: { name: 'supplied', trainFraction: 0.5 } }),
      "Could not open f.json: scene.data.rows: missing; the scene names a data file's rows",
    ],
  ])('refuses %s with the field and the reason; the scene and the run stay', (_, text, why) => {
    const store = page();
    const before = store.state;
    expect(openDocument(store, text(), 'f.json')).toBe(false);
    expect(store.state.error).toContain(why);
    expect(store.state.scene).toBe(before.scene);
    expect(store.state.run).toBe(before.run);
    expect(store.state.parameters).toBeNull();
  });

  it('opens an older saved model through the migration table', () => {
    /** A made-up version 0 kept the records under "weights". */
    const modelV0: Migration = ({ weights, ...rest }) => ({
      ...rest,
      format: MODEL_FORMAT,
      parameters: weights,
    });
    const model = savedModel();
    const old = stringifyModel(model)
      .replace(`"format": "${MODEL_FORMAT}"`, '"format": "nn-playground/model@0"')
      .replace('"parameters":', '"weights":');
    const refused = page();
    expect(openDocument(refused, old, 'old.json')).toBe(false);
    expect(refused.state.error).toMatch(/model\.format: .* a version this build no longer reads/);
    const store = page();
    const migrations = { 'nn-playground/model@0': modelV0 };
    expect(openDocument(store, old, 'old.json', { migrations })).toBe(true);
    expect(store.state.scene).toEqual(model.scene);
    const opened = store.state.parameters![0]!;
    expect(bits(opened['0.weight']!)).toEqual(bits(model.parameters[0]!['0.weight']!));
    expect(readDocument(old, { migrations }).kind).toBe('model');
  });
});
