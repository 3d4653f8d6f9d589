// A scene as the page takes it: parsed by scene/ (JSON shape, names, ranges from the catalogue),
// then checked by the engine's own rules (core.validateScene: loss vs task, output units, the
// split, …; core/src/spec/scene_rules.cpp), so those rules are written once, in C++. The page
// loads the engine on the main thread for this stateless call only; the worker trains.
import type { CoreModule, DataShape, Problem, SplitSizes } from '../wasm/core.mjs';
import {
  SUPPLIED,
  sceneShape,
  validateScene,
  type Scene,
  type SceneSplit,
} from '../scene/index.ts';
import { loadCore } from './wasm.ts';

type Rules = Pick<CoreModule, 'validateScene' | 'splitSizes'>;

let engine: Rules | null = null;
let loading: Promise<void> | null = null;

/** Loads the engine's rules once (the page awaits it before it reads a link); `load` is for tests
 *  under node. A failed load can be tried again. */
export function loadSceneRules(load: () => Promise<Rules> = loadCore): Promise<void> {
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

/** The engine's problem as the page words every refusal, "scene.<path>: …": its messages start
 *  with the path ("loss.name BCELoss takes …"), which the prefix replaces. */
function worded({ path, message }: Problem): string {
  const own = path !== '' && message.startsWith(path);
  return `${path ? `scene.${path}` : 'scene'}: ${own ? message.slice(path.length).replace(/^:? /, '') : message}`;
}

/** checkScene with a given engine (the worker's own module). */
export function checkSceneWith(rules: Rules, input: unknown, supplied?: DataShape | null): Scene {
  const scene = validateScene(input);
  const shape = scene.data.name === SUPPLIED ? (supplied ?? sceneShape(scene.data)) : null;
  const first = rules.validateScene(scene, shape)[0];
  if (first) throw new Error(worded(first));
  return scene;
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
