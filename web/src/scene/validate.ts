// validateScene: untrusted JSON (a file, a link, a message) → a well-typed Scene, field by field.
// The rules that tie the fields together and to the data are the engine's (core.validateScene,
// which engine/scene-rules.ts checkScene adds).
import type { LearnerSpec } from '../wasm/core.mjs';
import { CATALOGUE } from './engine-catalogue.ts';
import { fail, number, object } from './fields.ts';
import { LIMITS } from './limits.ts';
import { parseData, parseTraining } from './parse-data.ts';
import {
  parseClip,
  parseInit,
  parseLoss,
  parseModel,
  parseOptimizer,
  parseScheduler,
} from './parse-learner.ts';
import { SCENE_FORMAT, type Scene, type SceneOptimizer } from './types.ts';

/** The fields of a scene, from the engine's catalogue. */
export const TOP_FIELDS = CATALOGUE.fields.scene as readonly (keyof Scene)[];

/**
 * Checks an untrusted value (parsed JSON, a message, a URL) and returns a fresh, well-typed copy
 * holding the same fields (absent optional fields stay absent). Throws an Error whose message
 * starts with the path of the first bad field and says what is accepted, e.g.
 * "scene.model.layers[1].activation: expected one of Identity, Sigmoid, …, got "Tanhh"".
 * Structural only: whether the fields fit together (a loss for the task, the output units, the
 * split's sets) is the engine's to say (checkScene).
 */
export function validateScene(input: unknown): Scene {
  const top = object(input, '', TOP_FIELDS);
  if (top.format !== SCENE_FORMAT) fail('format', `"${SCENE_FORMAT}"`, top.format);
  const seed = number(top.seed, 'seed', LIMITS.seed);
  const sceneData = parseData(top.data);

  const learner: LearnerSpec = {
    model: parseModel(top.model),
    loss: parseLoss(top.loss),
    optimizer: parseOptimizer(top.optimizer),
  };
  if (top.scheduler !== undefined) learner.scheduler = parseScheduler(top.scheduler);
  if (top.clip_grad_norm !== undefined) learner.clip_grad_norm = parseClip(top, 'clip_grad_norm');
  if (top.clip_grad_value !== undefined)
    learner.clip_grad_value = parseClip(top, 'clip_grad_value');
  if (top.l1 !== undefined) learner.l1 = number(top.l1, 'l1', LIMITS.l1);
  if (top.init !== undefined) learner.init = parseInit(top.init);

  return {
    format: SCENE_FORMAT,
    seed,
    data: sceneData,
    ...(learner as LearnerSpec & { optimizer: SceneOptimizer }),
    training: parseTraining(top.training),
  };
}
