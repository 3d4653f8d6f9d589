// Plain-language descriptions of a scene, for the page's "The network" panel.
import {
  generatedShape,
  SUPPLIED,
  takesClasses,
  type Scene,
  type SceneData,
} from '../scene/index.ts';
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
  const args = Object.entries(rest).filter(([key]) => key !== 'dim');
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

/** What the output layer means, in a sentence, for the page's network panel. */
export function describeOutput(scene: Scene): string {
  const output = scene.model.layers.at(-1);
  const shape = generatedShape(scene.data);
  if (shape?.classes === 0) {
    return "The output is the network's prediction of the target: a number, not a class.";
  }
  if (!output || output.units === 1) {
    return scene.loss.name === 'BCEWithLogitsLoss'
      ? "The output is a score; its sigmoid is the network's estimate that a point belongs to class 1."
      : "The output is the network's estimate that a point belongs to class 1.";
  }
  return (
    `The ${output.units} outputs score the ${output.units} classes; softmax turns the scores into ` +
    'probabilities and a point goes to the class with the highest.'
  );
}

/** The data row: "circle, 500 points, noise 0", "spirals (3 classes), 500 points, noise 0.1",
 *  "digits (shipped)", "blobs.csv, 180 rows", "supplied rows". */
export function describeData(data: SceneData): string {
  if (data.name === SUPPLIED && data.rows) {
    return `${data.rows.source ?? 'supplied rows'}, ${data.rows.y.length} rows`;
  }
  if (data.name === SUPPLIED) return data.dataset ? `${data.dataset} (shipped)` : 'supplied rows';
  const classes = data.classes !== undefined && takesClasses(data.name);
  const name = classes ? `${data.name} (${data.classes} classes)` : data.name;
  return `${name}, ${data.samples} points, noise ${data.noise}`;
}

/** "50 % train, 50 % test" or "50 % train, 20 % validation, 30 % test" (rounded percentages
 *  of the fractions; the engine rounds each set's size down). */
export function describeSplit(data: SceneData): string {
  const train = Math.round(data.trainFraction * 100);
  const validation = Math.round((data.validationFraction ?? 0) * 100);
  const parts = [`${train} % train`];
  if (validation > 0) parts.push(`${validation} % validation`);
  parts.push(`${100 - train - validation} % test`);
  return parts.join(', ');
}

/** Label/value rows describing how the network is trained; optional settings only when set. */
export function describeTraining(scene: Scene): [label: string, value: string][] {
  const { data, training } = scene;
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
    const weight =
      init.weight === 'constant'
        ? `constant ${init.constant ?? 0}`
        : init.weight === 'uniform'
          ? `uniform U(${init.a ?? 0}, ${init.b ?? 1})`
          : init.weight;
    rows.push(['Initialisation', `${weight}, bias ${init.bias ?? 0}`]);
  }
  const batch = [String(training.batchSize)];
  if (training.dropLast) batch.push('last partial batch dropped');
  if (training.shuffle === false) batch.push('same order every epoch');
  rows.push(['Batch size', batch.join(', ')]);
  if ((training.evaluateEvery ?? 1) !== 1) {
    rows.push(['Evaluation', `every ${training.evaluateEvery} epochs`]);
  }
  const stopping = training.earlyStopping;
  if (stopping && stopping.patience > 0) {
    const monitored = data.validationFraction ? 'validation' : 'training';
    const by = stopping.minDelta ? ` by more than ${stopping.minDelta}` : '';
    const then = stopping.restoreBest === false ? 'keep the last weights' : 'restore the best';
    rows.push([
      'Early stopping',
      `after ${stopping.patience} evaluations without the ${monitored} loss falling${by}; ` +
        `then ${then}`,
    ]);
  }
  const { augmentation, ensemble } = training;
  const augmented = [
    augmentation?.jitter && `input jitter σ ${augmentation.jitter}`,
    augmentation?.mixup && `mixup α ${augmentation.mixup}`,
  ].filter((text) => typeof text === 'string');
  if (augmented.length) rows.push(['Augmentation', augmented.join(', ')]);
  if (ensemble && ensemble.members > 1) {
    const each = ensemble.bootstrap ? ', each on a bootstrap resample' : '';
    rows.push(['Ensemble', `${ensemble.members} networks, outputs averaged${each}`]);
  }
  rows.push(['Data', describeData(data)]);
  if (data.features || data.standardize) {
    const inputs = data.features ? data.features.join(', ') : 'raw';
    rows.push(['Inputs', data.standardize ? `${inputs}, standardised` : inputs]);
  }
  rows.push(['Split', describeSplit(data)], ['Seed', String(scene.seed)]);
  return rows;
}
