// Validation of the learner part of a scene: model, loss, optimizer, scheduler, init, clipping.
// Names, keyword arguments and their ranges come from the engine's catalogue.
import type {
  ActivationName,
  ActivationSpec,
  InitSpec,
  LayerSpec,
  LossSpec,
  ModelSpec,
  OptimizerSpec,
  SchedulerSpec,
} from '../wasm/core.mjs';
import { ACTIVATIONS, INITS, LOSSES, OPTIMIZERS, SCHEDULERS } from './catalogue.ts';
import { CATALOGUE, entryOf, namesOf } from './engine-catalogue.ts';
import { type Fields, fail, isObject, number, object, oneOf, reject } from './fields.ts';
import { keywordArgs } from './keyword-args.ts';
import { LIMITS, describeRange } from './limits.ts';
import type { SceneOptimizer } from './types.ts';

function activation(value: unknown, path: string): LayerSpec['activation'] {
  if (typeof value === 'string' && (ACTIVATIONS as readonly string[]).includes(value)) {
    return value as ActivationName;
  }
  if (!isObject(value)) {
    fail(path, `one of ${ACTIVATIONS.join(', ')}, or an object {name, ...arguments}`, value);
  }
  const name = oneOf(value.name, `${path}.name`, ACTIVATIONS);
  const { args } = entryOf(CATALOGUE.activations, name);
  const fields = object(value, path, ['name', ...namesOf(args)], name);
  return keywordArgs<ActivationSpec>(fields, path, name, args, { name });
}

export function parseModel(value: unknown): ModelSpec {
  const m = object(value, 'model', CATALOGUE.fields.model);
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
    const fields = object(raw, path, CATALOGUE.fields.layer);
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

export function parseLoss(value: unknown): LossSpec {
  if (!isObject(value)) fail('loss', 'an object {name, ...arguments}', value);
  const name = oneOf(value.name, 'loss.name', LOSSES);
  const { args } = entryOf(CATALOGUE.losses, name);
  const fields = object(value, 'loss', ['name', ...namesOf(args)], name);
  return keywordArgs<LossSpec>(fields, 'loss', name, args, { name });
}

export function parseOptimizer(value: unknown): SceneOptimizer {
  if (!isObject(value)) fail('optimizer', 'an object {name, lr, ...arguments}', value);
  const name = oneOf(value.name, 'optimizer.name', OPTIMIZERS);
  const { args } = entryOf(CATALOGUE.optimizers, name);
  const fields = object(value, 'optimizer', ['name', ...namesOf(args)], name);
  // lr is required (the catalogue's `required`: the page shows and edits it). nesterov against
  // momentum and dampening is the engine's rule (checkScene).
  const spec = keywordArgs<OptimizerSpec>(fields, 'optimizer', name, args, { name });
  return spec as SceneOptimizer;
}

export function parseScheduler(value: unknown): SchedulerSpec | null {
  if (value === null) return null;
  if (!isObject(value)) fail('scheduler', 'an object {name, ...arguments} or null', value);
  const name = oneOf(value.name, 'scheduler.name', SCHEDULERS);
  const { args } = entryOf(CATALOGUE.schedulers, name);
  const fields = object(value, 'scheduler', ['name', ...namesOf(args)], name);
  return keywordArgs<SchedulerSpec>(fields, 'scheduler', name, args, { name });
}

export function parseInit(value: unknown): InitSpec {
  const fields = object(value, 'init', CATALOGUE.fields.init);
  const spec: InitSpec = {};
  if (fields.weight !== undefined) spec.weight = oneOf(fields.weight, 'init.weight', INITS);
  const weight = spec.weight ?? 'default';
  const scheme = entryOf(CATALOGUE.inits, weight);
  for (const other of CATALOGUE.inits) {
    for (const { name } of other.args) {
      if (fields[name] !== undefined && !scheme.args.some((a) => a.name === name)) {
        reject(
          `init.${name}`,
          `only used with init.weight "${other.name}" (weight is "${weight}")`,
        );
      }
    }
  }
  // U(a, b)'s a ≤ b is the engine's rule (checkScene).
  keywordArgs(fields, 'init', `weight "${weight}"`, scheme.args, spec);
  if (fields.bias !== undefined) {
    if (!scheme.bias) {
      reject(
        'init.bias',
        `not used with init.weight "${weight}" (nn.Linear's biases are U(±1/√fan_in)); ` +
          `set init.weight to one of ${namesOf(CATALOGUE.inits.filter((i) => i.bias)).join(', ')}`,
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
