// The variants worker's messages (variants-worker.ts): the labs that train many variants of a
// scene at once send it a list of jobs and get every job's progress back a few times a second.
import type { Evaluation, HistoryRecord, Progress } from '../../wasm/core.mjs';
import type { Scene } from '../../scene/index.ts';

/** One variant to train: `epochs` whole epochs (or until early stopping ends it), or, for a
 *  learning-rate range test, `rangeSteps` single steps with the rate and loss of each. */
export interface VariantJob {
  id: string;
  scene: Scene;
  /** Epochs to train ('epochs' jobs). */
  epochs: number;
  /** 'range': one step at a time, recording the rate each step used and its batch loss. */
  mode: 'epochs' | 'range';
  /** Steps of a range test (at most; it ends early once the loss has blown up). */
  rangeSteps?: number;
  /** The decision boundary's resolution (0: none). */
  grid: number;
}

/** Trains `jobs`, replacing whatever ran (the page ends the worker to stop it). */
export interface ToVariantsWorker {
  type: 'start';
  run: number;
  jobs: VariantJob[];
}

/** What changed in one job since its last update. */
export interface VariantUpdate {
  id: string;
  /** The history records since the last update (history[historyStart …]). */
  history: HistoryRecord[];
  historyStart: number;
  progress: Progress;
  evaluation: Evaluation;
  /** The epoch with the lowest monitored loss so far (early stopping's best); −1 before any. */
  bestEpoch: number;
  /** Optimiser steps in one epoch of this job (the engine's split and batch size). */
  stepsPerEpoch: number;
  /** Rows of the training set (the engine's split): the samples one epoch sees. */
  trainRows: number;
  /** P(class 1) on a grid × grid raster of the view, row 0 at the top (empty: none). */
  grid: Float32Array;
  resolution: number;
  /** The training points as [x1, x2, label] triples, in the first update only (then empty). */
  trainPoints: Float32Array;
  /** Range test: the rate and the batch loss of each step since the last update. */
  rates: number[];
  losses: number[];
  /** The job has ended: its epochs done, stopped early, or failed (error). */
  done: boolean;
  /** The engine's message when the job failed (a diverged run). */
  error?: string;
}

export type FromVariantsWorker =
  | { type: 'update'; run: number; updates: VariantUpdate[]; finished: boolean }
  /** A job's scene was refused (nothing runs): the message names the field. */
  | { type: 'error'; run: number; message: string }
  /** The worker is lost (a trap, or no engine): the page makes a new one. */
  | { type: 'fatal'; message: string };

/** Updates per second the worker posts, at most: enough to watch, few enough to stay smooth. */
export const UPDATES_PER_SECOND = 4;

/** A range test ends once a step's loss exceeds this multiple of its first step's loss: the rate
 *  is past any use. (The first loss, not the lowest: one lucky mini-batch's low loss would stop
 *  the test at the next ordinary one.) */
export const RANGE_BLOWUP = 4;
