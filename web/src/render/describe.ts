// Plain-language descriptions of a scene, for the page's "The network" panel.
import type { Scene } from '../scene.ts';
import type { LayerSpec, LossSpec, OptimizerSpec, SchedulerSpec } from '../wasm/core.mjs';

function value(v: unknown): string {
  if (Array.isArray(v)) return `(${v.map(value).join(', ')})`;
  return String(v);
}

/** An activation as torch would write the module, shortened for a chip: "Tanh",
 *  "LeakyReLU(0.1)" (one argument), "Softplus(beta=2, threshold=10)". `dim` (always 1) is left out. */
export function formatActivation(activation: LayerSpec['activation']): string {
  if (typeof activation === 'string') return activation;
  const { name, ...rest } = activation;
  const args = Object.entries(rest).filter(([key, v]) => v !== undefined && key !== 'dim');
  if (args.length === 0) return name;
  if (args.length === 1) return `${name}(${value(args[0]![1])})`;
  return `${name}(${args.map(([key, v]) => `${key}=${value(v)}`).join(', ')})`;
}

/** One layer after the inputs: "4 Tanh", "8 LeakyReLU(0.1), dropout 0.2". */
export function describeLayer(layer: LayerSpec): string {
  const text = `${layer.units} ${formatActivation(layer.activation)}`;
  return layer.dropout ? `${text}, dropout ${layer.dropout}` : text;
}

/** The layer chain, e.g. "2 → 4 Tanh → 4 Tanh → 1 Sigmoid". */
export function describeLayers(scene: Scene): string {
  return [String(scene.model.inputs), ...scene.model.layers.map(describeLayer)].join(' → ');
}

/** "name, key value, key value": the class first, then each argument given (true booleans by
 *  name alone, false ones — the defaults — left out). */
function withArguments(spec: LossSpec | OptimizerSpec | SchedulerSpec): string {
  const { name, ...rest } = spec;
  const args = Object.entries(rest).flatMap(([key, v]): string[] => {
    if (v === undefined || v === false) return [];
    return [v === true ? key : `${key} ${value(v)}`];
  });
  return [name, ...args].join(', ');
}

/** Label/value rows describing how the network is trained; optional settings only when set. */
export function describeTraining(scene: Scene): [label: string, value: string][] {
  const { data } = scene;
  const trainPercent = Math.round(data.trainFraction * 100);
  const testPercent = 100 - trainPercent;
  const rows: [string, string][] = [
    ['Loss', withArguments(scene.loss)],
    ['Optimizer', withArguments(scene.optimizer)],
  ];
  if (scene.scheduler) rows.push(['LR schedule', withArguments(scene.scheduler)]);
  const clipping = [
    scene.clip_grad_norm != null && `norm ≤ ${scene.clip_grad_norm}`,
    scene.clip_grad_value != null && `each value within ±${scene.clip_grad_value}`,
  ].filter((text) => text !== false);
  if (clipping.length) rows.push(['Gradient clipping', clipping.join(', ')]);
  if (scene.l1) rows.push(['L1 penalty', String(scene.l1)]);
  const init = scene.init;
  if (init && (init.weight ?? 'default') !== 'default') {
    const weight = init.weight === 'constant' ? `constant ${init.constant ?? 0}` : init.weight;
    rows.push(['Initialisation', `${weight}, bias ${init.bias ?? 0}`]);
  }
  rows.push(
    ['Batch size', String(scene.training.batchSize)],
    ['Data', `${data.name}, ${data.samples} points, noise ${data.noise}`],
    ['Split', `${trainPercent} % train, ${testPercent} % test`],
    ['Seed', String(scene.seed)],
  );
  return rows;
}
