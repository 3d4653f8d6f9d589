// The ranges a scene's numbers may take — the engine catalogue's limits and the ranges of its
// classes' keyword arguments, by name — and how a range reads in a message.
import type { ActivationSpec, LossSpec, OptimizerSpec, SchedulerSpec } from '../wasm/core.mjs';
import type { Args } from './catalogue.ts';
import {
  CATALOGUE,
  entryOf,
  type CatalogueLimits as Limits,
  type Range,
} from './engine-catalogue.ts';

export type { Range } from './engine-catalogue.ts';

export function int(min: number, max: number): Range {
  return { min, max, integer: true };
}

export function describeRange(range: Range): string {
  const kind = range.integer ? 'an integer' : 'a number';
  return `${kind} in ${range.minOpen ? '(' : '['}${range.min}, ${range.max}${range.maxOpen ? ')' : ']'}`;
}

/** The keyword arguments of S that take a number from a range. */
type NumberArgs<S> = { [K in Args<S>]-?: NonNullable<S[K]> extends number ? K : never }[Args<S>];
type ArgLimits = Record<
  | NumberArgs<ActivationSpec>
  | NumberArgs<LossSpec>
  | NumberArgs<OptimizerSpec>
  | NumberArgs<SchedulerSpec>
  | 'rmspropAlpha'
  | 'beta1'
  | 'beta2',
  Range
>;

/** Every keyword argument's range by its name; a name two classes share has one range (the drift
 *  test checks), except alpha: ELU's here, RMSprop's as rmspropAlpha. */
function argLimits(): ArgLimits {
  const { activations, losses, optimizers, schedulers } = CATALOGUE;
  const ranges: Record<string, Range> = {};
  for (const list of [activations, losses, optimizers, schedulers]) {
    for (const { args } of list) {
      for (const arg of args)
        if (arg.type === 'number' && arg.range) ranges[arg.name] ??= arg.range;
    }
  }
  const betas = entryOf(entryOf(optimizers, 'Adam').args, 'betas').range!;
  ranges.rmspropAlpha = entryOf(entryOf(optimizers, 'RMSprop').args, 'alpha').range!;
  ranges.beta1 = betas;
  ranges.beta2 = betas;
  return ranges as ArgLimits;
}

/** Limits a scene may take: the playground's ranges (sometimes narrower than torch's), which the
 *  engine's catalogue gives and its validation applies. */
export const LIMITS: Readonly<Limits & ArgLimits> = { ...CATALOGUE.limits, ...argLimits() };
