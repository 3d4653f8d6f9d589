// A (validated) scene as the engine's constructor argument, and a scene's own rows as the
// engine's SuppliedData.
import type { EngineConfig, LearnerSpec, SuppliedData } from '../wasm/core.mjs';
import {
  SUPPLIED,
  type Scene,
  type SceneData,
  type SceneRows,
  type SceneTraining,
} from './types.ts';

/** A deep copy of the learner part of `spec` (only the fields it has). */
function copyLearner(spec: LearnerSpec): LearnerSpec {
  const copy: LearnerSpec = {
    model: {
      inputs: spec.model.inputs,
      layers: spec.model.layers.map((layer) => ({
        ...layer,
        activation:
          typeof layer.activation === 'string' ? layer.activation : { ...layer.activation },
      })),
    },
    loss: { ...spec.loss },
    optimizer: { ...spec.optimizer },
  };
  if (spec.optimizer.betas) copy.optimizer.betas = [...spec.optimizer.betas];
  if (spec.scheduler !== undefined) copy.scheduler = spec.scheduler && { ...spec.scheduler };
  if (spec.clip_grad_norm !== undefined) copy.clip_grad_norm = spec.clip_grad_norm;
  if (spec.clip_grad_value !== undefined) copy.clip_grad_value = spec.clip_grad_value;
  if (spec.l1 !== undefined) copy.l1 = spec.l1;
  if (spec.init !== undefined) copy.init = { ...spec.init };
  return copy;
}

function copyTraining(training: SceneTraining): SceneTraining {
  const copy: SceneTraining = { ...training };
  if (training.earlyStopping) copy.earlyStopping = { ...training.earlyStopping };
  if (training.augmentation) copy.augmentation = { ...training.augmentation };
  if (training.ensemble) copy.ensemble = { ...training.ensemble };
  return copy;
}

function copyData(data: SceneData): SceneData {
  const copy: SceneData = { ...data };
  if (copy.name === SUPPLIED && copy.rows) copy.rows = { ...copy.rows };
  if (data.features) copy.features = [...data.features];
  return copy;
}

/** Translates a (validated) scene into the engine's constructor argument. */
export function sceneToEngineConfig(scene: Scene): EngineConfig {
  const data = copyData(scene.data);
  if (data.name === SUPPLIED) {
    // The page's, not the engine's (the rows go to the Trainer as SuppliedData).
    delete data.dataset;
    delete data.rows;
  }
  return {
    seed: scene.seed,
    data,
    ...copyLearner(scene),
    training: copyTraining(scene.training),
  };
}

/** A scene's own rows as the engine's SuppliedData. */
export function rowsToSupplied(rows: SceneRows): SuppliedData {
  const set = (x: number[], y: number[]) => ({
    x: Float32Array.from(x),
    y: Float32Array.from(y),
    features: rows.features,
    classes: rows.classes,
  });
  const data: SuppliedData = set(rows.x, rows.y);
  if (rows.test) data.test = set(rows.test.x, rows.test.y);
  return data;
}
