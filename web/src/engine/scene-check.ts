// The engine's scene rules applied to a parsed scene, with a given engine: the page's
// (scene-rules.ts) or the worker's own (session.ts). No loader here, so the worker's bundle
// carries none of the page's.
import type { CoreModule, DataShape, Problem } from '../wasm/core.mjs';
import { SUPPLIED, sceneShape, validateScene, type Scene } from '../scene/index.ts';

/** The part of the engine the rules need. */
export type Rules = Pick<CoreModule, 'validateScene' | 'splitSizes'>;

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
