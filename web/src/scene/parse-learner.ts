// Validation of the learner part of a scene: model, loss, optimizer, scheduler, init, clipping.
import type {
  ActivationName,
  ActivationSpec,
  InitSpec,
  LayerSpec,
  LossSpec,
  ModelSpec,
  OptimizerName,
  OptimizerSpec,
  SchedulerSpec,
} from '../wasm/core.mjs';
import {
  ACTIVATIONS,
  ACTIVATION_ARGS,
  type Args,
  GELU_APPROXIMATIONS,
  INITS,
  LOSSES,
  LOSS_ARGS,
  OPTIMIZERS,
  OPTIMIZER_ARGS,
  REDUCTIONS,
  SCHEDULERS,
  SCHEDULER_ARGS,
} from './catalogue.ts';
import {
  type Check,
  type Fields,
  args,
  boolean,
  fail,
  isObject,
  number,
  object,
  oneOf,
  reject,
} from './fields.ts';
import { LIMITS, describeRange } from './limits.ts';
import type { SceneOptimizer } from './types.ts';

const activationChecks: { [K in Args<ActivationSpec>]-?: Check<NonNullable<ActivationSpec[K]>> } = {
  negative_slope: (v, p) => number(v, p, LIMITS.negative_slope),
  alpha: (v, p) => number(v, p, LIMITS.alpha),
  approximate: (v, p) => oneOf(v, p, GELU_APPROXIMATIONS),
  beta: (v, p) => number(v, p, LIMITS.beta),
  threshold: (v, p) => number(v, p, LIMITS.threshold),
  dim: (v, p) => (v === 1 ? 1 : fail(p, '1 (the feature axis; the only one supported)', v)),
};

function activation(value: unknown, path: string): LayerSpec['activation'] {
  if (typeof value === 'string' && (ACTIVATIONS as readonly string[]).includes(value)) {
    return value as ActivationName;
  }
  if (!isObject(value)) {
    fail(path, `one of ${ACTIVATIONS.join(', ')}, or an object {name, ...arguments}`, value);
  }
  const name = oneOf(value.name, `${path}.name`, ACTIVATIONS);
  const keys = ACTIVATION_ARGS[name];
  const fields = object(value, path, ['name', ...keys], name);
  return args<ActivationSpec>(fields, path, { name }, keys, activationChecks);
}

export function parseModel(value: unknown): ModelSpec {
  const m = object(value, 'model', ['inputs', 'layers']);
  const inputs = number(m.inputs, 'model.inputs', LIMITS.inputs);
  if (
    !Array.isArray(m.layers) ||
    m.layers.length < LIMITS.layers.min ||
    m.layers.length > LIMITS.layers.max
  ) {
    fail(
      'model.layers',
      `an array of ${LIMITS.layers.min} to ${LIMITS.layers.max} layers`,
      m.layers,
    );
  }
  const layers = (m.layers as unknown[]).map((raw, i): LayerSpec => {
    const path = `model.layers[${i}]`;
    const fields = object(raw, path, ['units', 'activation', 'dropout']);
    const layer: LayerSpec = {
      units: number(fields.units, `${path}.units`, LIMITS.units),
      activation: activation(fields.activation, `${path}.activation`),
    };
    if (fields.dropout !== undefined) {
      layer.dropout = number(fields.dropout, `${path}.dropout`, LIMITS.dropout);
    }
    return layer;
  });
  return { inputs, layers };
}

const lossChecks: { [K in Args<LossSpec>]-?: Check<NonNullable<LossSpec[K]>> } = {
  reduction: (v, p) => oneOf(v, p, REDUCTIONS),
  delta: (v, p) => number(v, p, LIMITS.delta),
  label_smoothing: (v, p) => number(v, p, LIMITS.label_smoothing),
  margin: (v, p) => number(v, p, LIMITS.margin),
};

export function parseLoss(value: unknown): LossSpec {
  if (!isObject(value)) fail('loss', 'an object {name, ...arguments}', value);
  const name = oneOf(value.name, 'loss.name', LOSSES);
  const fields = object(value, 'loss', ['name', ...LOSS_ARGS[name]], name);
  return args<LossSpec>(fields, 'loss', { name }, LOSS_ARGS[name], lossChecks);
}

function betas(value: unknown, path: string): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    fail(
      path,
      `a pair [beta1, beta2], each ${describeRange(LIMITS.beta1).replace(/^a /, '')}`,
      value,
    );
  }
  return [
    number(value[0], `${path}[0]`, LIMITS.beta1),
    number(value[1], `${path}[1]`, LIMITS.beta2),
  ];
}

function optimizerChecks(name: OptimizerName): {
  [K in Args<OptimizerSpec>]-?: Check<NonNullable<OptimizerSpec[K]>>;
} {
  return {
    lr: (v, p) => number(v, p, LIMITS.lr),
    momentum: (v, p) => number(v, p, LIMITS.momentum),
    dampening: (v, p) => number(v, p, LIMITS.dampening),
    nesterov: boolean,
    weight_decay: (v, p) => number(v, p, LIMITS.weight_decay),
    lr_decay: (v, p) => number(v, p, LIMITS.lr_decay),
    initial_accumulator_value: (v, p) => number(v, p, LIMITS.initial_accumulator_value),
    eps: (v, p) => number(v, p, LIMITS.eps),
    alpha: (v, p) => number(v, p, name === 'RMSprop' ? LIMITS.rmspropAlpha : LIMITS.alpha),
    centered: boolean,
    betas,
    amsgrad: boolean,
    no_decay_bias: boolean,
  };
}

export function parseOptimizer(value: unknown): SceneOptimizer {
  if (!isObject(value)) fail('optimizer', 'an object {name, lr, ...arguments}', value);
  const name = oneOf(value.name, 'optimizer.name', OPTIMIZERS);
  const keys = OPTIMIZER_ARGS[name];
  const fields = object(value, 'optimizer', ['name', ...keys], name);
  const lr = number(fields.lr, 'optimizer.lr', LIMITS.lr);
  const spec = args<OptimizerSpec>(fields, 'optimizer', { name }, keys, optimizerChecks(name));
  if (spec.nesterov && !((spec.momentum ?? 0) > 0 && (spec.dampening ?? 0) === 0)) {
    reject(
      'optimizer.nesterov',
      `true needs momentum > 0 and dampening 0 (as torch.optim.SGD), ` +
        `got momentum ${spec.momentum ?? 0} and dampening ${spec.dampening ?? 0}`,
    );
  }
  return { ...spec, lr };
}

const schedulerChecks: { [K in Args<SchedulerSpec>]-?: Check<NonNullable<SchedulerSpec[K]>> } = {
  step_size: (v, p) => number(v, p, LIMITS.step_size),
  gamma: (v, p) => number(v, p, LIMITS.gamma),
  T_max: (v, p) => number(v, p, LIMITS.T_max),
  eta_min: (v, p) => number(v, p, LIMITS.eta_min),
  start_factor: (v, p) => number(v, p, LIMITS.start_factor),
  end_factor: (v, p) => number(v, p, LIMITS.end_factor),
  total_iters: (v, p) => number(v, p, LIMITS.total_iters),
};

export function parseScheduler(value: unknown): SchedulerSpec | null {
  if (value === null) return null;
  if (!isObject(value)) fail('scheduler', 'an object {name, ...arguments} or null', value);
  const name = oneOf(value.name, 'scheduler.name', SCHEDULERS);
  const { required, optional } = SCHEDULER_ARGS[name];
  const keys = [...required, ...optional];
  const fields = object(value, 'scheduler', ['name', ...keys], name);
  for (const key of required) {
    if (fields[key] === undefined) {
      fail(`scheduler.${key}`, `${describeRange(LIMITS[key])} (${name} needs it)`, undefined);
    }
  }
  return args<SchedulerSpec>(fields, 'scheduler', { name }, keys, schedulerChecks);
}

export function parseInit(value: unknown): InitSpec {
  const fields = object(value, 'init', ['weight', 'constant', 'a', 'b', 'bias']);
  const spec: InitSpec = {};
  if (fields.weight !== undefined) spec.weight = oneOf(fields.weight, 'init.weight', INITS);
  const weight = spec.weight ?? 'default';
  if (weight === 'constant') {
    if (fields.constant === undefined) {
      fail(
        'init.constant',
        `${describeRange(LIMITS.initValue)} (weight "constant" needs it)`,
        undefined,
      );
    }
    spec.constant = number(fields.constant, 'init.constant', LIMITS.initValue);
  } else if (fields.constant !== undefined) {
    reject('init.constant', `only used with init.weight "constant" (weight is "${weight}")`);
  }
  for (const key of ['a', 'b'] as const) {
    if (fields[key] === undefined) continue;
    if (weight !== 'uniform') {
      reject(`init.${key}`, `only used with init.weight "uniform" (weight is "${weight}")`);
    }
    spec[key] = number(fields[key], `init.${key}`, LIMITS.initValue);
  }
  if ((spec.a ?? 0) > (spec.b ?? 1)) {
    reject('init.b', `must be at least init.a (U(a, b) needs a ≤ b; a is ${spec.a ?? 0})`);
  }
  if (fields.bias !== undefined) {
    if (weight === 'default') {
      reject(
        'init.bias',
        `not used with init.weight "default" (nn.Linear's biases are U(±1/√fan_in)); ` +
          `set init.weight to one of ${INITS.filter((n) => n !== 'default').join(', ')}`,
      );
    }
    spec.bias = number(fields.bias, 'init.bias', LIMITS.initValue);
  }
  return spec;
}

/** A number or null ("off"), when present. */
export function parseClip(
  fields: Fields,
  key: 'clip_grad_norm' | 'clip_grad_value',
): number | null {
  const value = fields[key];
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(key, `${describeRange(LIMITS[key])}, or null for no clipping`, value);
  }
  return number(value, key, LIMITS[key]);
}
