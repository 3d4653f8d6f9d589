// Plain-language descriptions of a scene, for the page's "The network" panel.
import type { Scene } from '../scene.ts';

/** The layer chain, e.g. "2 → 4 Tanh → 4 Tanh → 1 Sigmoid". */
export function describeLayers(scene: Scene): string {
  const layers = scene.network.layers.map((layer) => `${layer.units} ${layer.activation}`);
  return [String(scene.network.inputs), ...layers].join(' → ');
}

/** Label/value rows describing how the network is trained. */
export function describeTraining(scene: Scene): [label: string, value: string][] {
  const { data } = scene;
  const trainPercent = Math.round(data.trainFraction * 100);
  const testPercent = 100 - trainPercent;
  return [
    ['Loss', scene.loss.name],
    ['Optimizer', `${scene.optimizer.name}, lr ${scene.optimizer.lr}`],
    ['Batch size', String(scene.training.batchSize)],
    ['Data', `${data.name}, ${data.samples} points, noise ${data.noise}`],
    ['Split', `${trainPercent} % train, ${testPercent} % test`],
    ['Seed', String(scene.seed)],
  ];
}
