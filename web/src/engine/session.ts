// The only module that touches Embind objects: one training run (a Trainer) built from a scene.
import type {
  ClassPredictions,
  CoreModule,
  DataShape,
  DatasetName,
  Progress,
  SuppliedData,
  Trainer,
} from '../wasm/core.mjs';
import { plotKind } from './plot-kind.ts';
import { withHyperparameters, type Hyperparameters } from './hyperparameters.ts';
import {
  datasetScene,
  rowsShape,
  rowsToSupplied,
  sceneShape,
  sceneToEngineConfig,
  SUPPLIED,
  type Scene,
} from '../scene/index.ts';
import { imageSample } from './image-sample.ts';
import { applyModel, modelOf, type ParameterRecord, type SavedModel } from '../model.ts';
import { stepsPerEpoch } from './pace.ts';
import { checkSceneWith } from './scene-check.ts';
import {
  CURVE_SAMPLES,
  curveX,
  GRID_RESOLUTION,
  IMAGE_SAMPLE,
  NETWORK_MAP_RESOLUTION,
  VIEW,
  type NetworkSnapshot,
  type PointsMessage,
  type ShippedFiles,
  type SnapshotMessage,
  type TestPredictions,
  type ThumbnailPoints,
  type Unstamped,
  type ViewRequest,
} from './protocol.ts';

/** The inputs the curve of 1-D data is sampled at. */
const CURVE_INPUTS = Float32Array.from({ length: CURVE_SAMPLES }, (_, i) => curveX(i));

/** A Float32Array that owns its whole buffer, so transferring it detaches nothing else
 *  (least of all the wasm heap, should a binding ever return a view). */
function owned(array: Float32Array): Float32Array {
  return array.byteOffset === 0 && array.byteLength === array.buffer.byteLength
    ? array
    : array.slice();
}

/** owned() for each array of a record (parameters or gradients by name). */
function ownedRecord(record: Record<string, Float32Array>): Record<string, Float32Array> {
  return Object.fromEntries(Object.entries(record).map(([name, a]) => [name, owned(a)]));
}

export class TrainingSession {
  private constructor(
    private readonly trainer: Trainer,
    private currentScene: Scene,
    /** Optimiser steps in one epoch of this run (the pace control counts in epochs). */
    readonly stepsPerEpoch: number,
    /** A shipped dataset's files (kept for a reset), or null for generated data. */
    readonly files: ShippedFiles | null = null,
    private readonly classNames: string[] = [],
    /** Image data's size (datasetInfo), else null. */
    private readonly image: { width: number; height: number } | null = null,
  ) {}

  /** History records already sent: each snapshot carries only the newer ones. */
  private historySent = 0;
  /** The engine's recordEvery() when they were sent: when it changes, the engine has thinned its
   *  history, and the next snapshot sends all of it again (the page replaces what it holds). */
  private recordEvery = 1;
  /** The raw test inputs, read once (they never change during a run) for image samples. */
  private testInputs: Float32Array | null = null;

  /** The validated scene this run was built from (with any later learning-rate change);
   *  a reset rebuilds it. */
  get scene(): Scene {
    return this.currentScene;
  }

  /** Validates `scene` and builds its Trainer. Throws Error naming the bad field. */
  static create(
    core: CoreModule,
    scene: unknown,
    files: ShippedFiles | null = null,
  ): TrainingSession {
    const valid = checkSceneWith(core, scene);
    const epoch = (shape: DataShape | null) => epochSteps(core, valid, shape);
    if (valid.data.name !== SUPPLIED) {
      const trainer = new core.Trainer(sceneToEngineConfig(valid));
      return new TrainingSession(trainer, valid, epoch(sceneShape(valid.data)));
    }
    if (valid.data.rows) {
      const trainer = new core.Trainer(sceneToEngineConfig(valid), rowsToSupplied(valid.data.rows));
      const classNames = valid.data.rows.classNames ?? [];
      return new TrainingSession(
        trainer,
        valid,
        epoch(rowsShape(valid.data.rows)),
        null,
        classNames,
      );
    }
    if (!files) throw new Error('scene.data.name: "supplied" needs the dataset\u2019s files');
    const data: SuppliedData = { nnpd: files.data.nnpd, name: files.data.name };
    if (files.test) data.test = { nnpd: files.test.nnpd, name: files.test.name };
    const info = core.datasetInfo(files.data.nnpd, files.data.name);
    const trainer = new core.Trainer(sceneToEngineConfig(valid), data);
    const image = info.width > 0 ? { width: info.width, height: info.height } : null;
    const { rows, features, classes } = info;
    const shape = { rows, features, classes, separateTest: files.test !== undefined };
    return new TrainingSession(trainer, valid, epoch(shape), files, info.classNames, image);
  }

  run(steps: number): Progress {
    return this.trainer.run(steps);
  }

  /** Steps, epochs and samples so far. */
  progress(): Progress {
    return this.trainer.progress();
  }

  /** The rate the next step will use (the scheduler's, after its last step). */
  learningRate(): number {
    return this.trainer.learningRate();
  }

  /** The input plane can be drawn: the data is 2-D (predictGridClasses needs that). */
  get planar(): boolean {
    return sceneShape(this.currentScene.data)?.features === 2;
  }

  /** The data is 1-D: the page draws the network's curve y = f(x). */
  get curved(): boolean {
    return sceneShape(this.currentScene.data)?.features === 1;
  }

  /** `extras`: the optional views' data to compute for this snapshot. */
  snapshot(
    playing: boolean,
    extras: ViewRequest = { network: false, confusion: false, images: false },
    resolution = GRID_RESOLUTION,
  ): Unstamped<SnapshotMessage> {
    const { min, max } = VIEW;
    const planar = this.planar;
    const grid = planar
      ? owned(this.trainer.predictGridClasses(resolution, min, max, min, max))
      : new Float32Array(0);
    return {
      type: 'snapshot',
      progress: this.trainer.progress(),
      evaluation: this.trainer.evaluate(),
      grid,
      resolution: planar ? resolution : 0,
      channels: planar ? grid.length / resolution ** 2 : 0,
      curve: this.curved
        ? owned(this.trainer.predict(CURVE_INPUTS, CURVE_SAMPLES))
        : new Float32Array(0),
      playing,
      ...(extras.network ? { network: this.network() } : {}),
      ...this.historyUpdate(),
      ...this.views(extras),
    };
  }

  /** The network diagram's data: neuron maps (2-D data only), parameters and gradients. */
  network(resolution = NETWORK_MAP_RESOLUTION): NetworkSnapshot {
    const { min, max } = VIEW;
    const planar = this.planar;
    return {
      resolution: planar ? resolution : 0,
      maps: planar
        ? owned(this.trainer.neuronMaps(resolution, min, max, min, max))
        : new Float32Array(0),
      parameters: ownedRecord(this.trainer.parameters(0)),
      gradients: ownedRecord(this.trainer.gradients(0)),
    };
  }

  /** The running network as a saved model (its checked scene and every member's parameters). */
  saved(): SavedModel {
    return modelOf(this.currentScene, this.trainer);
  }

  /** The test set's raw inputs, labels and the network's outputs on them, as the plot shows
   *  them (Trainer.predictProbabilities: an ensemble's mean). */
  testPredictions(): TestPredictions {
    const classes = this.trainer.testPredictions();
    const targets = this.trainer.testTargets();
    const labels = classes.classes > 0 ? Float32Array.from(classes.actual) : owned(targets);
    const rows = labels.length;
    const inputs = owned(this.trainer.testInputs());
    const outputs =
      rows > 0 ? owned(this.trainer.predictProbabilities(inputs, rows)) : new Float32Array(0);
    return {
      rows,
      inputs,
      labels,
      predicted: classes.predicted,
      outputs,
      classes: classes.classes,
    };
  }

  /** Sets every member's parameters (a model loadModel checked against this run's scene). */
  applyParameters(parameters: readonly ParameterRecord<Float32Array | number[]>[]): void {
    applyModel(this.trainer, parameters);
  }

  /** Sets value `index` of parameter `name` (member 0) in the running network. */
  setParameter(name: string, index: number, value: number): void {
    if (!Number.isFinite(value)) {
      throw new Error(`${name}[${index}]: the new value must be a finite number, got ${value}`);
    }
    const params = this.trainer.parameters(0);
    const target = params[name];
    if (!target) throw new Error(`no parameter named '${name}'`);
    if (!Number.isInteger(index) || index < 0 || index >= target.length) {
      throw new Error(
        `${name}: index must be an integer from 0 to ${target.length - 1}, got ${index}`,
      );
    }
    target[index] = value;
    this.trainer.setParameters(0, params);
  }

  /** The optional views' data. With both, one pass over the test set serves both: the
   *  confusion matrix is the tally of the image grid's predictions (the same member, the same
   *  threshold: engine.test.ts checks they agree). */
  private views(extras: ViewRequest): Pick<SnapshotMessage, 'confusion' | 'images'> {
    const predictions = extras.images && this.image ? this.trainer.testPredictions() : null;
    const images = predictions ? this.images(predictions) : {};
    if (!extras.confusion) return images;
    if (!predictions) return this.confusion();
    return { ...images, confusion: tally(predictions) };
  }

  private historyUpdate(): Pick<SnapshotMessage, 'history' | 'historyStart' | 'bestEpoch'> {
    const recordEvery = this.trainer.recordEvery();
    if (recordEvery !== this.recordEvery) {
      this.recordEvery = recordEvery;
      this.historySent = 0;
    }
    const historyStart = this.historySent;
    const history = this.trainer.historyFrom(historyStart);
    this.historySent += history.length;
    return { history, historyStart, bestEpoch: this.trainer.bestEpoch() };
  }

  private confusion(): Pick<SnapshotMessage, 'confusion'> {
    const confusion = this.trainer.confusion('test');
    return confusion.classes > 0 ? { confusion } : {};
  }

  private images(predictions: ClassPredictions): Pick<SnapshotMessage, 'images'> {
    const { predicted, actual, classes } = predictions;
    if (!this.image || classes === 0) return {};
    this.testInputs ??= this.trainer.testInputs();
    const { width, height } = this.image;
    return { images: imageSample(this.testInputs, width, height, predicted, actual, IMAGE_SAMPLE) };
  }

  points(): Unstamped<PointsMessage> {
    const train = owned(this.trainer.trainPoints());
    const validation = owned(this.trainer.validationPoints());
    const test = owned(this.trainer.testPoints());
    const plot = plotKind(this.currentScene, [train, validation, test]);
    return {
      type: 'points',
      plot,
      train,
      validation,
      test,
      classNames: this.classNames,
      ...(this.image ? { image: this.image } : {}),
    };
  }

  /** Whole epochs (from mid-epoch: to its end first). */
  runEpochs(epochs: number): Progress {
    return this.trainer.runEpochs(epochs);
  }

  /** Changes lr, l1, weight_decay or dropout in place; the scene records them so a reset keeps
   *  them. The page validated the values (the fields' ranges) and the engine checks them again:
   *  a refused one throws its Error and leaves the scene as it was. */
  setHyperparameters(changes: Hyperparameters): void {
    this.trainer.setHyperparameters(changes);
    this.currentScene = withHyperparameters(this.currentScene, changes);
  }

  dispose(): void {
    this.trainer.delete();
  }
}

/** The steps of one epoch: the engine's count of the training rows (splitSizes), then batches. */
function epochSteps(core: CoreModule, scene: Scene, shape: DataShape | null): number {
  if (!shape) return 1;
  const rows = core.splitSizes(scene.data, shape).train;
  return Math.max(stepsPerEpoch(rows, scene.training.batchSize, scene.training.dropLast), 1);
}

/** Noise-free points of a generator for its thumbnail: `samples` points of
 *  datasetScene({ name }), all of them (train and test sets together), as [x, y, target]. */
export function generatorPoints(
  core: CoreModule,
  name: DatasetName,
  samples: number,
): ThumbnailPoints {
  const scene = datasetScene({ name, samples, trainFraction: 0.95 });
  const trainer = new core.Trainer(sceneToEngineConfig(checkSceneWith(core, scene)));
  try {
    const train = trainer.trainPoints();
    const test = trainer.testPoints();
    const points = new Float32Array(train.length + test.length);
    points.set(train);
    points.set(test, train.length);
    return { name, plot: plotKind(scene, [points]), points };
  } finally {
    trainer.delete();
  }
}

/** counts[actual·classes + predicted] of per-row predictions, as Trainer.confusion gives. */
export function tally({ classes, predicted, actual }: ClassPredictions): {
  classes: number;
  counts: Int32Array;
} {
  const counts = new Int32Array(classes * classes);
  for (let i = 0; i < predicted.length; i++) counts[actual[i]! * classes + predicted[i]!]! += 1;
  return { classes, counts };
}

/** A wasm trap or abort (or a C++ exception that escaped as a bare number) leaves the module in
 *  an unknown state: the worker must be replaced. A plain Error (bad config, divergence) is not. */
export function isFatal(error: unknown): boolean {
  return error instanceof WebAssembly.RuntimeError || !(error instanceof Error);
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'number') return `uncaught C++ exception (${error})`;
  return String(error);
}
