// The engine's catalogue (web/src/scene/engine-catalogue.json, which web/test/catalogue.test.ts
// checks against the built engine) against the TypeScript types of core.d.mts: every union of names
// and every spec's keyword arguments name what the catalogue lists, and every keyword argument's
// range is the one LIMITS gives under its name. docs/scene.schema.json is checked against the
// same lists in schema.test.ts.
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_ARGS,
  ACTIVATIONS,
  DATASETS,
  FEATURES,
  GELU_APPROXIMATIONS,
  INITS,
  LIMITS,
  LOSS_ARGS,
  LOSSES,
  OPTIMIZER_ARGS,
  OPTIMIZERS,
  REDUCTIONS,
  SCENE_FORMAT,
  SCHEDULER_ARGS,
  SCHEDULERS,
} from '../src/scene/index.ts';
import { allOf } from '../src/scene/fields.ts';
import { CATALOGUE, type Range } from '../src/scene/engine-catalogue.ts';
import type {
  ActivationName,
  ActivationSpec,
  DatasetName,
  FeatureName,
  InitName,
  InitSpec,
  LossName,
  LossSpec,
  OptimizerName,
  OptimizerSpec,
  SchedulerName,
  SchedulerSpec,
} from '../src/wasm/core.mjs';

type Args<S> = Exclude<keyof S, 'name'>;

const sorted = (list: readonly unknown[]) => [...list].map(String).sort();
const allArgs = (table: Record<string, readonly string[]>) =>
  [...new Set(Object.values(table).flat())].sort();

// Each list below is every member of a core.d.mts union: a missing or extra one is a type error.
describe('core.d.mts names what the engine catalogue lists', () => {
  it.each([
    [
      'ActivationName',
      allOf<ActivationName>()([
        'Identity',
        'Sigmoid',
        'Tanh',
        'ReLU',
        'LeakyReLU',
        'ELU',
        'GELU',
        'SiLU',
        'Softplus',
        'Softmax',
        'LogSoftmax',
      ]),
      ACTIVATIONS,
    ],
    [
      'LossName',
      allOf<LossName>()([
        'MSELoss',
        'L1Loss',
        'HuberLoss',
        'BCELoss',
        'BCEWithLogitsLoss',
        'CrossEntropyLoss',
        'NLLLoss',
        'MultiMarginLoss',
      ]),
      LOSSES,
    ],
    [
      'OptimizerName',
      allOf<OptimizerName>()(['SGD', 'Adagrad', 'RMSprop', 'Adam', 'AdamW']),
      OPTIMIZERS,
    ],
    [
      'SchedulerName',
      allOf<SchedulerName>()(['StepLR', 'ExponentialLR', 'CosineAnnealingLR', 'LinearLR']),
      SCHEDULERS,
    ],
    [
      'InitName',
      allOf<InitName>()([
        'default',
        'zeros',
        'constant',
        'uniform',
        'xavier_uniform',
        'xavier_normal',
        'kaiming_uniform',
        'kaiming_normal',
      ]),
      INITS,
    ],
    [
      'DatasetName',
      allOf<DatasetName>()([
        'circle',
        'xor',
        'gauss',
        'spiral',
        'moons',
        'blobs',
        'spirals',
        'checkerboard',
        'plane',
        'multigauss',
        'sine',
        'polynomial',
      ]),
      DATASETS,
    ],
    [
      'FeatureName',
      allOf<FeatureName>()(['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)']),
      FEATURES,
    ],
    [
      'LossSpec.reduction',
      allOf<NonNullable<LossSpec['reduction']>>()(['mean', 'sum']),
      REDUCTIONS,
    ],
    [
      'ActivationSpec.approximate',
      allOf<NonNullable<ActivationSpec['approximate']>>()(['none', 'tanh']),
      GELU_APPROXIMATIONS,
    ],
  ] as const)('%s', (_, typed, catalogue) => {
    expect(sorted(catalogue)).toEqual(sorted(typed));
  });

  it('the format', () => {
    expect(CATALOGUE.format).toBe(SCENE_FORMAT);
  });
});

describe("core.d.mts's specs take the keyword arguments the engine catalogue lists", () => {
  it.each([
    [
      'ActivationSpec',
      allOf<Args<ActivationSpec>>()([
        'negative_slope',
        'alpha',
        'approximate',
        'beta',
        'threshold',
        'dim',
      ]),
      ACTIVATION_ARGS,
    ],
    [
      'LossSpec',
      allOf<Args<LossSpec>>()(['reduction', 'delta', 'label_smoothing', 'margin']),
      LOSS_ARGS,
    ],
    [
      'OptimizerSpec',
      allOf<Args<OptimizerSpec>>()([
        'lr',
        'momentum',
        'dampening',
        'nesterov',
        'weight_decay',
        'lr_decay',
        'initial_accumulator_value',
        'eps',
        'alpha',
        'centered',
        'betas',
        'amsgrad',
        'no_decay_bias',
      ]),
      OPTIMIZER_ARGS,
    ],
  ] as const)('%s', (_, typed, table) => {
    expect(allArgs(table)).toEqual(sorted(typed));
  });

  it('SchedulerSpec', () => {
    const typed = allOf<Args<SchedulerSpec>>()([
      'step_size',
      'gamma',
      'T_max',
      'eta_min',
      'start_factor',
      'end_factor',
      'total_iters',
    ]);
    const table = Object.fromEntries(
      Object.entries(SCHEDULER_ARGS).map(([name, a]) => [name, [...a.required, ...a.optional]]),
    );
    expect(allArgs(table)).toEqual(sorted(typed));
  });

  it('InitSpec: weight, bias, and the schemes’ own arguments', () => {
    const typed = allOf<keyof InitSpec>()(['weight', 'constant', 'a', 'b', 'bias']);
    const own = CATALOGUE.inits.flatMap((init) => init.args.map((a) => a.name));
    expect([...new Set(['weight', 'bias', ...own])].sort()).toEqual(sorted(typed));
  });
});

describe('LIMITS', () => {
  it('are the catalogue’s limits', () => {
    for (const [name, range] of Object.entries(CATALOGUE.limits)) {
      expect(LIMITS[name as keyof typeof LIMITS], name).toStrictEqual(range);
    }
  });

  it('give every keyword argument its catalogue range, under its name', () => {
    const { activations, losses, optimizers, schedulers } = CATALOGUE;
    const key = (owner: string, arg: string): keyof typeof LIMITS =>
      owner === 'RMSprop' && arg === 'alpha' ? 'rmspropAlpha' : (arg as keyof typeof LIMITS);
    let checked = 0;
    for (const list of [activations, losses, optimizers, schedulers]) {
      for (const entry of list) {
        for (const arg of entry.args) {
          if (arg.type === 'pair') {
            expect(LIMITS.beta1, `${entry.name}.${arg.name}`).toStrictEqual(arg.range);
            expect(LIMITS.beta2, `${entry.name}.${arg.name}`).toStrictEqual(arg.range);
          } else if (arg.type === 'number') {
            const range: Range = LIMITS[key(entry.name, arg.name)];
            expect(range, `${entry.name}.${arg.name}`).toStrictEqual(arg.range);
          } else continue;
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
