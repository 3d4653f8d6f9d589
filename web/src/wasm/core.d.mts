// Types for the Embind module built from wasm/bindings.cpp (emcc 3.1.6 has no --emit-tsd).
// Keep in step with wasm/bindings.cpp: web/test/engine.test.ts exercises every binding.

/** Activation names are torch.nn class names. */
export type ActivationName = 'Identity' | 'Sigmoid' | 'Tanh' | 'ReLU';
/** Loss names are torch.nn class names. */
export type LossName = 'MSELoss' | 'BCELoss';
export type OptimizerName = 'SGD';
export type DatasetName = 'circle';

export interface LayerSpec {
  /** Output units of nn.Linear(previous, units). */
  units: number;
  /** Applied after the Linear layer. */
  activation: ActivationName;
}

/** Everything the engine needs to build a run; the page's scene is translated into this. */
export interface EngineConfig {
  /** Seeds data generation, initialisation and the per-epoch shuffle (PCG32). */
  seed: number;
  data: {
    name: DatasetName;
    /** Points generated in total, before the split. */
    samples: number;
    /** 0 … 0.5 as TensorFlow Playground's slider/100. */
    noise: number;
    /** Fraction of points used for training; the rest is the test set. */
    trainFraction: number;
  };
  network: {
    inputs: number;
    /** Hidden layers then the output layer. */
    layers: LayerSpec[];
  };
  loss: { name: LossName };
  optimizer: { name: OptimizerName; lr: number };
  batchSize: number;
}

export interface Progress {
  /** Optimiser steps taken so far. */
  step: number;
  /** Completed passes over the training set. */
  epoch: number;
  /** Training examples consumed so far. */
  samples: number;
  /** Mean mini-batch loss over the steps of the last run() call (NaN if none). */
  batchLoss: number;
}

export interface Evaluation {
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
}

export interface Trainer {
  /** Takes `steps` optimiser steps inside wasm; throws Error("diverged at step N …") on NaN/Inf loss. */
  run(steps: number): Progress;
  progress(): Progress;
  /** Loss and accuracy on the full train and test sets (no dropout, no gradient). */
  evaluate(): Evaluation;
  /** Network output on a resolution×resolution grid, row 0 at yMax, row-major; a copy. */
  predictGrid(resolution: number, xMin: number, xMax: number, yMin: number, yMax: number): Float32Array;
  /** [x, y, label] per training point; a copy. */
  trainPoints(): Float32Array;
  /** [x, y, label] per test point; a copy. */
  testPoints(): Float32Array;
  /** Changes the learning rate without a reset. */
  setLearningRate(lr: number): void;
  /** Frees the C++ object; the handle is unusable afterwards. */
  delete(): void;
}

export interface CoreModule {
  /** xsimd architecture the kernels were compiled for, e.g. "wasm/4". */
  simdArch(): string;
  /** Throws Error with a message naming the bad field when the config is invalid. */
  Trainer: new (config: EngineConfig) => Trainer;
  /** C = A·B for row-major A[m×k], B[k×n], repeated `reps` times; returns seconds taken. For benchmarks. */
  benchMatmul(m: number, n: number, k: number, reps: number): number;
}

export interface CoreOptions {
  locateFile?: (path: string, prefix: string) => string;
  wasmBinary?: ArrayBuffer | Uint8Array;
}

export default function createCore(options?: CoreOptions): Promise<CoreModule>;
