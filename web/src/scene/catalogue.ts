// The names a scene accepts (activations, losses, optimisers, schedulers, inits, datasets, input
// features) and the keyword arguments each one takes, in the engine's order (core.d.mts).
import type {
  ActivationName,
  ActivationSpec,
  DatasetName,
  FeatureName,
  InitName,
  LossName,
  LossSpec,
  OptimizerName,
  OptimizerSpec,
  SchedulerName,
  SchedulerSpec,
} from '../wasm/core.mjs';

/** A checked list of every member of the union T: a missing or unknown name is a type error. */
export function allOf<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> }),
  ): readonly T[] => list;
}

// The accepted names, in core.d.mts's (and the engine's) order.
export const ACTIVATIONS = allOf<ActivationName>()([
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
]);
export const LOSSES = allOf<LossName>()([
  'MSELoss',
  'L1Loss',
  'HuberLoss',
  'BCELoss',
  'BCEWithLogitsLoss',
  'CrossEntropyLoss',
  'NLLLoss',
  'MultiMarginLoss',
]);
export const OPTIMIZERS = allOf<OptimizerName>()(['SGD', 'Adagrad', 'RMSprop', 'Adam', 'AdamW']);
export const SCHEDULERS = allOf<SchedulerName>()([
  'StepLR',
  'ExponentialLR',
  'CosineAnnealingLR',
  'LinearLR',
]);
export const INITS = allOf<InitName>()([
  'default',
  'zeros',
  'constant',
  'uniform',
  'xavier_uniform',
  'xavier_normal',
  'kaiming_uniform',
  'kaiming_normal',
]);
export const DATASETS = allOf<DatasetName>()([
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
]);

export const FEATURES = allOf<FeatureName>()([
  'x1',
  'x2',
  'x1^2',
  'x2^2',
  'x1*x2',
  'sin(x1)',
  'sin(x2)',
]);
export const REDUCTIONS = allOf<NonNullable<LossSpec['reduction']>>()(['mean', 'sum']);
export const GELU_APPROXIMATIONS = allOf<NonNullable<ActivationSpec['approximate']>>()([
  'none',
  'tanh',
]);

export type Args<S> = Exclude<keyof S, 'name'>;

/** The keyword arguments each activation takes (a bare name means torch's defaults). */
export const ACTIVATION_ARGS: Record<ActivationName, readonly Args<ActivationSpec>[]> = {
  Identity: [],
  Sigmoid: [],
  Tanh: [],
  ReLU: [],
  LeakyReLU: ['negative_slope'],
  ELU: ['alpha'],
  GELU: ['approximate'],
  SiLU: [],
  Softplus: ['beta', 'threshold'],
  Softmax: ['dim'],
  LogSoftmax: ['dim'],
};

/** The keyword arguments each loss takes. */
export const LOSS_ARGS: Record<LossName, readonly Args<LossSpec>[]> = {
  MSELoss: ['reduction'],
  L1Loss: ['reduction'],
  HuberLoss: ['reduction', 'delta'],
  BCELoss: ['reduction'],
  BCEWithLogitsLoss: ['reduction'],
  CrossEntropyLoss: ['reduction', 'label_smoothing'],
  NLLLoss: ['reduction'],
  MultiMarginLoss: ['reduction', 'margin'],
};

/** The keyword arguments each optimiser takes (lr first: a scene always sets it). */
export const OPTIMIZER_ARGS: Record<OptimizerName, readonly Args<OptimizerSpec>[]> = {
  SGD: ['lr', 'momentum', 'dampening', 'nesterov', 'weight_decay', 'no_decay_bias'],
  Adagrad: ['lr', 'lr_decay', 'weight_decay', 'initial_accumulator_value', 'eps', 'no_decay_bias'],
  RMSprop: ['lr', 'alpha', 'eps', 'weight_decay', 'momentum', 'centered', 'no_decay_bias'],
  Adam: ['lr', 'betas', 'eps', 'weight_decay', 'amsgrad', 'no_decay_bias'],
  AdamW: ['lr', 'betas', 'eps', 'weight_decay', 'amsgrad', 'no_decay_bias'],
};

/** The keyword arguments each scheduler takes; `required` ones have no torch default. */
export const SCHEDULER_ARGS: Record<
  SchedulerName,
  { required: readonly Args<SchedulerSpec>[]; optional: readonly Args<SchedulerSpec>[] }
> = {
  StepLR: { required: ['step_size'], optional: ['gamma'] },
  ExponentialLR: { required: ['gamma'], optional: [] },
  CosineAnnealingLR: { required: ['T_max'], optional: ['eta_min'] },
  LinearLR: { required: [], optional: ['start_factor', 'end_factor', 'total_iters'] },
};

/** Losses whose target is a class index: the network needs one output per class. */
export const CLASS_LOSSES: readonly LossName[] = ['CrossEntropyLoss', 'NLLLoss', 'MultiMarginLoss'];
/** Losses that take a class index only, so mixup's blended targets cannot reach them. */
export const MIXUP_REJECTS: readonly LossName[] = ['NLLLoss', 'MultiMarginLoss'];
/** The losses a regression (a number as the target) accepts. */
export const REGRESSION_LOSSES: readonly LossName[] = ['MSELoss', 'L1Loss', 'HuberLoss'];
