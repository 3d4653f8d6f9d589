// The scene document: everything needed to reproduce a run, as versioned JSON. Pure modules (no
// DOM, no wasm). The learner part (model, loss, optimizer, scheduler, clipping, l1, init) is the
// engine's LearnerSpec vocabulary from ../wasm/core.d.mts — torch's class names and keyword
// arguments — so a scene reads like a parity fixture; data and training are the engine's
// EngineConfig vocabulary too. This barrel re-exports the public names of the files beside it:
//   types.ts          the Scene and its parts
//   engine-catalogue.ts  the engine's catalogue (generated from C++): names, arguments, ranges
//   catalogue.ts      the accepted names and each one's keyword arguments, read from it
//   datasets.ts       the generators' and the shipped datasets' shapes
//   limits.ts         the ranges a scene's numbers may take
//   presets.ts        the default scene and the page's scenes for a dataset
//   shapes.ts         the rows a scene trains on and how the split cuts them
//   engine-config.ts  a scene as the engine's constructor argument
//   validate.ts       untrusted JSON → Scene, field by field (fields.ts, keyword-args.ts,
//                     parse-learner.ts, parse-data.ts do the parts); the rules that tie the
//                     fields together are the engine's (engine/scene-rules.ts checkScene)
export {
  SCENE_FORMAT,
  SUPPLIED,
  type SceneOptimizer,
  type SceneSplit,
  type GeneratedData,
  type SuppliedSceneData,
  type SceneRows,
  type ShippedScene,
  type SceneData,
  type SceneTraining,
  type EarlyStopping,
  type Augmentation,
  type Ensemble,
  type Scene,
  type GeneratedScene,
  type DataShape,
  activationName,
} from './types.ts';
export {
  ACTIVATIONS,
  LOSSES,
  OPTIMIZERS,
  SCHEDULERS,
  INITS,
  DATASETS,
  FEATURES,
  REDUCTIONS,
  GELU_APPROXIMATIONS,
  ACTIVATION_ARGS,
  LOSS_ARGS,
  OPTIMIZER_ARGS,
  SCHEDULER_ARGS,
  CLASS_LOSSES,
  REGRESSION_LOSSES,
} from './catalogue.ts';
export {
  type Task,
  type CatalogueEntry,
  DATASET_CATALOGUE,
  defaultClasses,
  takesClasses,
  SHIPPED_DATASETS,
  type ShippedDataset,
  type ShippedEntry,
  SHIPPED_CATALOGUE,
} from './datasets.ts';
export { type Range, describeRange, LIMITS } from './limits.ts';
export {
  shippedScene,
  defaultScene,
  type DatasetChoice,
  DEFAULT_PICKED_CLASSES,
  datasetScene,
} from './presets.ts';
export { rowsShape, sceneShape, suppliedShape, generatedShape } from './shapes.ts';
export { sceneToEngineConfig, rowsToSupplied } from './engine-config.ts';
export {
  DATA_FIELDS,
  TRAINING_FIELDS,
  EARLY_STOPPING_FIELDS,
  AUGMENTATION_FIELDS,
  ENSEMBLE_FIELDS,
} from './parse-data.ts';
export { TOP_FIELDS, validateScene } from './validate.ts';
