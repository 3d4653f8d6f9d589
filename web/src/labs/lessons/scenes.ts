// The lessons' scenes are small variations of one: circle data, one hidden tanh layer, a sigmoid
// output trained with BCE by SGD in mini-batches. Each lesson states only what it changes.
import { SCENE_FORMAT } from '../../scene/types.ts';

const BASE = {
  format: SCENE_FORMAT,
  seed: 1,
  data: { name: 'circle', samples: 400, noise: 0.05, trainFraction: 0.5 },
  model: {
    inputs: 2,
    layers: [
      { units: 8, activation: 'Tanh' },
      { units: 1, activation: 'Sigmoid' },
    ],
  },
  loss: { name: 'BCELoss' },
  optimizer: { name: 'SGD', lr: 0.1 },
  training: { batchSize: 10 },
};

/** The base scene with these top-level parts replaced (a fresh object each call). */
export function scene(parts: Record<string, unknown> = {}): unknown {
  return structuredClone({ ...BASE, ...parts });
}

/** A model of `hidden` layers of `units` with `activation`, and `outputs` units of `output`. */
export function model(
  hidden: readonly [number, string][],
  outputs: number,
  output: string,
  inputs = 2,
): unknown {
  return {
    inputs,
    layers: [
      ...hidden.map(([units, activation]) => ({ units, activation })),
      { units: outputs, activation: output },
    ],
  };
}
