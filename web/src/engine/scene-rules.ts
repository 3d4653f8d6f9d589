// A scene as the page takes it: parsed by scene/ (JSON shape, names, ranges from the catalogue),
// then checked by the engine's own rules (core.validateScene: loss vs task, output units, the
// split, …; core/src/spec/scene_rules.cpp), so those rules are written once, in C++. The page
// runs them on the main thread for this stateless call only, in an instance of the module it
// compiled once for its workers too (wasm.ts, core-instance.ts); the worker trains.
import type { DataShape, SplitSizes } from '../wasm/core.mjs';
import type { Scene, SceneSplit } from '../scene/index.ts';
import { instantiateCore } from './core-instance.ts';
import { checkSceneWith, type Rules } from './scene-check.ts';
import { engineModule } from './wasm.ts';

let engine: Rules | null = null;
let loading: Promise<void> | null = null;

/** The page's engine for the rules: an instance of the module its workers get too. */
const pageRules = async (): Promise<Rules> => instantiateCore(await engineModule());

/** Loads the engine's rules once (the page awaits it before it reads a link); `load` is for
 *  tests and scripts under node. A failed load can be tried again. */
export function loadSceneRules(load: () => Promise<Rules> = pageRules): Promise<void> {
  loading ??= load().then(
    (core) => {
      engine = core;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * Checks an untrusted value (parsed JSON, a message, a link) and returns a fresh, well-typed
 * Scene; throws an Error starting with the first bad field's path ("scene.optimizer.lr: …").
 * For data.name "supplied" without rows of its own, pass the data's shape (suppliedShape) to
 * check the model, loss and split against it; a shipped dataset's shape is known.
 */
export function checkScene(input: unknown, supplied?: DataShape | null): Scene {
  if (!engine) throw new Error('The engine\u2019s scene rules are not loaded (loadSceneRules)');
  return checkSceneWith(engine, input, supplied);
}

/** The rows of the train, validation and test sets (test null with a separate test set), as the
 *  engine will cut them (core/src/data/datasets.cpp split_sizes): for showing the sizes. */
export function splitSizes(split: SceneSplit, shape: DataShape): SplitSizes {
  if (!engine) throw new Error('The engine\u2019s scene rules are not loaded (loadSceneRules)');
  return engine.splitSizes(split, shape);
}
