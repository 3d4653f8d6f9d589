// The race's seven racers: which torch.optim class each is, its colour, the options a student can
// change (with the engine catalogue's ranges, scene/limits.ts) and their starting values.
import type { RaceOptimizer } from '../../wasm/core-labs.mjs';
import { LIMITS, type Range } from '../../scene/limits.ts';

/** An option a racer shows, by the torch keyword argument it sets. */
export interface RacerOption {
  readonly key: 'lr' | 'momentum' | 'alpha' | 'beta1' | 'beta2' | 'weight_decay';
  readonly label: string;
  readonly range: Range;
  readonly step: number;
}

export interface RacerKind {
  /** Short id for the link (`r.<id>=…`). */
  readonly id: string;
  readonly title: string;
  readonly optimizer: RaceOptimizer['name'];
  readonly nesterov: boolean;
  /** Okabe–Ito colours: told apart with the common colour-vision deficiencies. */
  readonly colour: string;
  readonly options: readonly RacerOption[];
  /** Starting values: ones that move visibly and stay finite on Rosenbrock from its start. */
  readonly defaults: Readonly<Record<string, number>>;
}

const LR: RacerOption = { key: 'lr', label: 'lr', range: LIMITS.lr, step: 0.0001 };
const MOMENTUM: RacerOption = {
  key: 'momentum',
  label: 'momentum',
  range: LIMITS.momentum,
  step: 0.01,
};
const ALPHA: RacerOption = { key: 'alpha', label: 'alpha', range: LIMITS.rmspropAlpha, step: 0.01 };
const BETA1: RacerOption = { key: 'beta1', label: 'β₁', range: LIMITS.beta1, step: 0.01 };
const BETA2: RacerOption = { key: 'beta2', label: 'β₂', range: LIMITS.beta2, step: 0.001 };
const DECAY: RacerOption = {
  key: 'weight_decay',
  label: 'weight decay',
  range: LIMITS.weight_decay,
  step: 0.01,
};

export const RACER_KINDS: readonly RacerKind[] = [
  {
    id: 'sgd',
    title: 'SGD',
    optimizer: 'SGD',
    nesterov: false,
    colour: '#000000',
    options: [LR],
    defaults: { lr: 0.0005 },
  },
  {
    id: 'momentum',
    title: 'SGD + momentum',
    optimizer: 'SGD',
    nesterov: false,
    colour: '#e69f00',
    options: [LR, MOMENTUM],
    defaults: { lr: 0.0002, momentum: 0.9 },
  },
  {
    id: 'nesterov',
    title: 'Nesterov',
    optimizer: 'SGD',
    nesterov: true,
    colour: '#56b4e9',
    options: [LR, MOMENTUM],
    defaults: { lr: 0.0002, momentum: 0.9 },
  },
  {
    id: 'adagrad',
    title: 'Adagrad',
    optimizer: 'Adagrad',
    nesterov: false,
    colour: '#009e73',
    options: [LR],
    defaults: { lr: 0.5 },
  },
  {
    id: 'rmsprop',
    title: 'RMSprop',
    optimizer: 'RMSprop',
    nesterov: false,
    colour: '#0072b2',
    options: [LR, ALPHA],
    defaults: { lr: 0.01, alpha: 0.99 },
  },
  {
    id: 'adam',
    title: 'Adam',
    optimizer: 'Adam',
    nesterov: false,
    colour: '#d55e00',
    options: [LR, BETA1, BETA2],
    defaults: { lr: 0.05, beta1: 0.9, beta2: 0.999 },
  },
  {
    id: 'adamw',
    title: 'AdamW',
    optimizer: 'AdamW',
    nesterov: false,
    colour: '#cc79a7',
    options: [LR, BETA1, BETA2, DECAY],
    defaults: { lr: 0.05, beta1: 0.9, beta2: 0.999, weight_decay: 0.1 },
  },
];

/** One racer's settings: on or off, and its option values by key. */
export interface RacerSettings {
  on: boolean;
  values: Record<string, number>;
}

export function defaultRacer(kind: RacerKind): RacerSettings {
  return { on: true, values: { ...kind.defaults } };
}

/** The racer as the engine (and torch) take it: class name and keyword arguments. */
export function racerOptimizer(kind: RacerKind, racer: RacerSettings): RaceOptimizer {
  const v = racer.values;
  const o: RaceOptimizer = { name: kind.optimizer, lr: v.lr ?? kind.defaults.lr ?? 0.01 };
  if (v.momentum !== undefined) o.momentum = v.momentum;
  if (kind.nesterov) o.nesterov = true;
  if (v.alpha !== undefined) o.alpha = v.alpha;
  if (v.beta1 !== undefined && v.beta2 !== undefined) o.betas = [v.beta1, v.beta2];
  if (v.weight_decay !== undefined) o.weight_decay = v.weight_decay;
  return o;
}
