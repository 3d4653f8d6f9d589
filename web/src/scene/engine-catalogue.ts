// The engine's catalogue (core/include/nnp/catalogue.h): every name a scene accepts, each one's
// keyword arguments with torch's defaults and the playground's ranges, the generators, the input
// features and the limits. It is written once, in C++; engine-catalogue.json is generated from it
// (scripts/catalogue.mjs, run by scripts/build-wasm.sh) so the page reads it synchronously, and
// web/test/catalogue.test.ts proves the committed file equals what the built engine returns.
import type {
  ActivationName,
  DatasetName,
  FeatureName,
  InitName,
  LossName,
  OptimizerName,
  SchedulerName,
} from '../wasm/core.mjs';
import json from './engine-catalogue.json' with { type: 'json' };

/** A closed, half-open or open interval of numbers, or of integers. */
export interface Range {
  min: number;
  max: number;
  /** The bounds themselves are excluded. */
  minOpen?: boolean;
  maxOpen?: boolean;
  integer?: boolean;
}

/** One keyword argument of a class (torch's name), e.g. SGD's momentum. */
export interface Arg {
  name: string;
  /** number: in `range` (an integer when range.integer); choice: one of `choices`; pair: [a, b],
   *  each in `range` (Adam's betas). */
  type: 'number' | 'boolean' | 'choice' | 'pair';
  /** torch's default; absent when the argument is `required` (torch has none). */
  default?: number | boolean | string | [number, number];
  /** torch has no default (StepLR's step_size): a scene must give it. */
  required?: boolean;
  range?: Range;
  choices?: (string | number)[];
}

export interface ActivationEntry {
  name: ActivationName;
  args: Arg[];
}

export interface LossEntry {
  name: LossName;
  args: Arg[];
  /** What the loss compares the outputs with: a number (a regression), a 0/1 label on one output
   *  (two classes), or a class index with one output per class. */
  target: 'value' | 'binary' | 'index';
  /** Takes mixup's blended targets (class probabilities or numbers). */
  mixup: boolean;
}

export interface OptimizerEntry {
  name: OptimizerName;
  args: Arg[];
}

export interface SchedulerEntry {
  name: SchedulerName;
  args: Arg[];
}

export interface InitEntry {
  name: InitName;
  /** init.constant / init.a, init.b, used by this weight scheme only. */
  args: Arg[];
  /** Takes init.bias (every scheme but nn.Linear's default one). */
  bias: boolean;
}

export type Task = 'classification' | 'regression';

export interface DatasetEntry {
  name: DatasetName;
  /** Display name. */
  title: string;
  task: Task;
  /** Raw features per point: 2 (a point of the plane) or 1 (x of a curve). */
  features: 1 | 2;
  /** How many classes it can have (fixed when min = max; 0 … 0 for a regression) and the count
   *  it has when data.classes is absent. */
  classes: { min: number; max: number; default: number };
  /** One line for the page. */
  description: string;
}

/** The ranges of the scene's fields that are not a class's keyword argument. */
export interface Limits {
  seed: Range;
  samples: Range;
  noise: Range;
  trainFraction: Range;
  validationFraction: Range;
  /** model.inputs, and the features of a scene's own rows. */
  inputs: Range;
  /** The length of model.layers. */
  layers: Range;
  units: Range;
  dropout: Range;
  /** The classes of a scene's own rows (0: a regression). */
  classes: Range;
  clip_grad_norm: Range;
  clip_grad_value: Range;
  l1: Range;
  /** init.constant, init.a, init.b and init.bias. */
  initValue: Range;
  batchSize: Range;
  evaluateEvery: Range;
  patience: Range;
  minDelta: Range;
  jitter: Range;
  mixup: Range;
  members: Range;
}

export interface EngineCatalogue {
  /** The scene format the engine reads. */
  format: string;
  activations: ActivationEntry[];
  losses: LossEntry[];
  /** loss.reduction values a training run accepts. */
  reductions: string[];
  optimizers: OptimizerEntry[];
  schedulers: SchedulerEntry[];
  inits: InitEntry[];
  /** The generators, in the order the page lists them. */
  datasets: DatasetEntry[];
  /** TensorFlow Playground's input features for 2-D data (data.features). */
  features: FeatureName[];
  limits: Limits;
}

/** The catalogue of the engine this page was built with. */
export const CATALOGUE = json as EngineCatalogue;

/** The names of a catalogue list, in the engine's order. */
export function namesOf<N extends string>(list: readonly { name: N }[]): N[] {
  return list.map((entry) => entry.name);
}

/** The entry called `name` of a catalogue list; throws for a name the engine does not have. */
export function entryOf<E extends { name: string }>(list: readonly E[], name: string): E {
  const entry = list.find((e) => e.name === name);
  if (!entry) throw new Error(`the engine's catalogue has no '${name}'`);
  return entry;
}
