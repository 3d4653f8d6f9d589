// Messages between the page (engine/client.ts) and the training worker (engine/worker.ts).
// Each request's doc comment says which replies it produces. Float32Arrays are transferred.
//
// Runs: every request carries the page's current run id (ToWorker). The worker stamps its
// replies — and the snapshots its training loop sends after — with the run of the last request
// it handled, so a message already under way when the page moved to another run (a snapshot
// sent before the worker saw the new `load`) arrives with the old id and the page drops it.
// A run's id changes only when the page starts a run; `reset`, `step` etc. stay in it.
import type { DatasetName, Evaluation, HistoryRecord, Progress } from '../wasm/core.mjs';
import type { Scene } from '../scene/index.ts';
import type { LoadedModel, SavedModel } from '../model.ts';
import type { Hyperparameters } from './hyperparameters.ts';
import type { Pace } from './pace.ts';

/** The bytes of a shipped dataset's .nnpd file(s) (web/public/data), sent with a scene whose
 *  data.name is "supplied"; the buffers are transferred. */
export interface ShippedFiles {
  data: { nnpd: ArrayBuffer; name: string };
  test?: { nnpd: ArrayBuffer; name: string };
}

/** Requests the page sends to the worker (stamped with a run: ToWorker). */
export type Request =
  /** Builds a new run from `scene` (replacing any current one) and pauses.
   *  → `points` + `snapshot`, or `error` (the previous run, if any, stays, answering as this
   *  request's run). */
  | { type: 'load'; scene: Scene; files?: ShippedFiles }
  /** Starts the training loop. → a `snapshot` at most ~30 times a second while playing. */
  | { type: 'play' }
  /** Stops the training loop. → one `snapshot` with `playing: false`. */
  | { type: 'pause' }
  /** Pauses, then takes `steps` optimiser steps. → one `snapshot`. */
  | { type: 'step'; steps: number }
  /** Rebuilds the current scene from its seed and pauses. → `points` + `snapshot`. */
  | { type: 'reset' }
  /** Changes the running network's lr, l1, weight_decay or every layer's dropout, keeping its
   *  weights (Trainer.setHyperparameters; only the fields given). → `snapshot` or `error`. */
  | ({ type: 'setHyperparameters' } & Hyperparameters)
  /** Pauses, then trains to the end of the current epoch and `epochs − 1` more (runEpochs).
   *  → one `snapshot`. */
  | { type: 'stepEpochs'; epochs: number }
  /** Paces the training loop (epochs or steps per second of the run, or as fast as the engine
   *  goes; ./pace.ts). Nothing is sent back; the next snapshots show the pace. */
  | { type: 'setPace'; pace: Pace }
  /** At most `perSecond` snapshots a second while playing (SNAPSHOTS_PER_SECOND until set):
   *  several playgrounds on one page share its main thread (app/snapshot-share.ts). */
  | { type: 'setSnapshotRate'; perSecond: number }
  /** Noise-free points of every generator, for the dataset thumbnails (the run is untouched).
   *  → `thumbnails`. */
  | { type: 'thumbnails'; samples: number }
  /** Sets one value of member 0's parameter `name` (torch name, flat index in [out, in]
   *  row-major order) in the running network. → `snapshot`, or `error`. */
  | { type: 'setParameter'; name: string; index: number; value: number }
  /** Which of the optional views the page shows: the worker computes their data (the network
   *  diagram's maps and parameters, the confusion matrix, the test-image sample) only while they
   *  are shown, the last two at most EXTRAS_PER_SECOND times a second while playing. Kept across
   *  loads. → one `snapshot` (with that data). */
  | { type: 'setViews'; views: ViewRequest }
  /** The running network as a saved model (model.ts: its scene and every member's parameters,
   *  paused or not). → `model` with the same `id`. */
  | { type: 'saveModel'; id: number }
  /** The test set's rows with the network's outputs on them (for the predictions CSV).
   *  → `testPredictions` with the same `id`. */
  | { type: 'testPredictions'; id: number }
  /** Builds a run from a checked model's scene (as `load`) and sets every member's parameters
   *  (model.ts loadModel checked them against the scene). → `points` + `snapshot`, or `error`. */
  | { type: 'loadModel'; model: LoadedModel; files?: ShippedFiles };

/** A request as posted: `run` is the page's current run, which the replies echo. */
export type ToWorker = Request & { run: number };

/** A reply as the worker's session builds it, before the worker stamps it with its run. */
export type Unstamped<M extends { run: number }> = Omit<M, 'run'>;

/** What the network diagram draws, sent only while it is shown (request `views`). */
export interface NetworkSnapshot {
  /** Side of each neuron map; 0 without maps (data without a 2-D plane). */
  resolution: number;
  /** Trainer.neuronMaps over VIEW: map u at [u·r², (u+1)·r²), row 0 at the top, u over the
   *  network inputs, then each layer's units (the output layer last). */
  maps: Float32Array;
  /** Member 0's parameters by torch name ("0.weight" [out, in] row-major, "0.bias", …). */
  parameters: Record<string, Float32Array>;
  /** Their gradients from the last step (zeros before the first). */
  gradients: Record<string, Float32Array>;
}

/** The test set's rows as the network sees them: raw inputs, targets and outputs. */
export interface TestPredictions {
  rows: number;
  /** rows × features raw inputs (the data's own columns, before the scene's features). */
  inputs: Float32Array;
  /** Per row: the class (0 … classes−1), or a regression's target value. */
  labels: Float32Array;
  /** Per row: the class predicted (member 0's, as the confusion matrix counts it); empty for a
   *  regression. */
  predicted: Int32Array;
  /** rows × outputs: every class's probability as the plot shows them (an ensemble: the
   *  members' mean; one output: P(class 1)), or a regression's output. */
  outputs: Float32Array;
  /** 0 for a regression. */
  classes: number;
}

/** One generator's points for its thumbnail. */
export interface ThumbnailPoints {
  name: DatasetName;
  plot: PlotKind;
  /** [x, y, target] per point (1-D data: [x, target, target]). */
  points: Float32Array;
}

export interface ViewRequest {
  /** The network diagram: each snapshot carries `network`. */
  network: boolean;
  confusion: boolean;
  images: boolean;
}

/** Test images with their classes, mistakes first (then the rest in test-set order), at most
 *  IMAGE_SAMPLE of them. */
export interface ImageSample {
  width: number;
  height: number;
  /** Index of each shown image in the test set. */
  rows: Int32Array;
  predicted: Int32Array;
  actual: Int32Array;
  /** width·height raw pixel values per shown image, row-major. */
  pixels: Float32Array;
  /** Mistakes on the whole test set, and its size. */
  mistakes: number;
  total: number;
}

export interface SnapshotMessage {
  type: 'snapshot';
  /** The run it shows (see the top of this file). */
  run: number;
  progress: Progress;
  evaluation: Evaluation;
  /** Network outputs on a resolution×resolution grid over VIEW, row 0 at the top (y = max),
   *  `channels` floats per cell: every class's probability for a model with one output per
   *  class, else P(class 1) or, for a regression, the raw output. Empty (resolution 0) for 1-D
   *  data. */
  grid: Float32Array;
  resolution: number;
  /** Floats per grid cell: the model's outputs (0 without a grid). */
  channels: number;
  /** 1-D data: the network's output at each of the CURVE_SAMPLES inputs curveX(0 … n−1), so
   *  the page can draw its fitted curve. Empty otherwise. */
  curve: Float32Array;
  /** Whether the training loop is running after this snapshot. */
  playing: boolean;
  /** Present while the page shows the network diagram (request `views`). */
  network?: NetworkSnapshot;
  /** The run's history records new since its previous snapshot: records historyStart … on
   *  (0 in a new run's first snapshot). */
  history?: HistoryRecord[];
  historyStart?: number;
  /** Trainer.bestEpoch(): the evaluation with the lowest monitored loss (−1 before any). */
  bestEpoch?: number;
  /** counts[actual·classes + predicted] on the test set, while the confusion view is shown
   *  (classification only). */
  confusion?: { classes: number; counts: Int32Array };
  /** While the image view is shown, for image data. */
  images?: ImageSample;
}

/** How the page draws a run: chosen by the worker from the run's scene and data. */
export type PlotKind =
  /** 2-D classification; points coloured by class (0 … classes−1). One output: the grid is
   *  P(class 1); one output per class (outputs = classes): every class's probability. */
  | { kind: 'classes'; classes: number; outputs: number }
  /** 2-D regression: the grid is the raw output; colours span [min, max] (the targets' range). */
  | { kind: 'values'; min: number; max: number }
  /** 1-D regression: the points (x, target) and the network's curve over a y axis spanning
   *  [min, max]; no grid. */
  | { kind: 'curve'; min: number; max: number };

export interface PointsMessage {
  type: 'points';
  run: number;
  plot: PlotKind;
  /** [x, y, target] per training point (1-D data: [x, target, target]). */
  train: Float32Array;
  /** The same per validation point; empty without a validation set. */
  validation: Float32Array;
  /** The same per test point. */
  test: Float32Array;
  /** A shipped dataset's class names (empty for generated data). */
  classNames: string[];
  /** Image data: each row is a width × height image (datasetInfo). */
  image?: { width: number; height: number };
}

/** Replies and notifications the worker sends to the page. Those about a run carry its id;
 *  `ready`, `thumbnails` and `fatal` concern the worker, whatever run it has. */
export type FromWorker =
  /** The wasm module loaded; `arch` is its SIMD architecture, e.g. "wasm/4". Sent once. */
  | { type: 'ready'; arch: string }
  | SnapshotMessage
  | PointsMessage
  | { type: 'thumbnails'; sets: ThumbnailPoints[] }
  /** The answer to `saveModel` `id`: the model, or why it could not be saved. */
  | ({ type: 'model'; run: number; id: number } & ({ model: SavedModel } | { error: string }))
  /** The answer to `testPredictions` `id`. */
  | ({ type: 'testPredictions'; run: number; id: number } & (
      { predictions: TestPredictions } | { error: string }
    ))
  /** A request failed (bad scene, engine Error such as divergence). Training is paused;
   *  the worker keeps working. */
  | { type: 'error'; run: number; message: string }
  /** The wasm module trapped or failed to load; the worker is unusable and must be replaced. */
  | { type: 'fatal'; message: string };

/** The square of the input plane the page shows and the grid samples: [-6, 6]². */
export const VIEW = { min: -6, max: 6 } as const;

/** Side of the prediction grid sent with each snapshot. */
export const GRID_RESOLUTION = 64;

/** Side of each neuron map in the network diagram's snapshots (thumbnails: cheap to compute). */
export const NETWORK_MAP_RESOLUTION = 20;

/** Inputs at which the network's curve is sampled for 1-D data, evenly spaced over VIEW. */
export const CURVE_SAMPLES = 201;

/** The `i`th of `n` evenly spaced inputs from VIEW.min to VIEW.max. */
export function curveX(i: number, n = CURVE_SAMPLES): number {
  return n > 1 ? VIEW.min + ((VIEW.max - VIEW.min) * i) / (n - 1) : (VIEW.min + VIEW.max) / 2;
}

/** Most test images in a snapshot's ImageSample. */
export const IMAGE_SAMPLE = 48;

/** Confusion matrices and image samples per second while playing, at most (each one predicts
 *  the whole test set). */
export const EXTRAS_PER_SECOND = 4;
