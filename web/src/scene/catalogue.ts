// The names a scene accepts (activations, losses, optimisers, schedulers, inits, datasets, input
// features) and the keyword arguments each one takes: read from the engine's catalogue
// (engine-catalogue.ts), in the engine's order. web/test/scene-drift.test.ts proves core.d.mts's
// union types name the same.
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
import { type CatalogueArg as Arg, CATALOGUE, entryOf, namesOf } from './engine-catalogue.ts';

const { activations, losses, optimizers, schedulers, inits, datasets } = CATALOGUE;

export const ACTIVATIONS: readonly ActivationName[] = namesOf(activations);
export const LOSSES: readonly LossName[] = namesOf(losses);
export const OPTIMIZERS: readonly OptimizerName[] = namesOf(optimizers);
export const SCHEDULERS: readonly SchedulerName[] = namesOf(schedulers);
export const INITS: readonly InitName[] = namesOf(inits);
export const DATASETS: readonly DatasetName[] = namesOf(datasets);
export const FEATURES: readonly FeatureName[] = CATALOGUE.features;
export const REDUCTIONS = CATALOGUE.reductions as readonly NonNullable<LossSpec['reduction']>[];
export const GELU_APPROXIMATIONS = entryOf(entryOf(activations, 'GELU').args, 'approximate')
  .choices as readonly NonNullable<ActivationSpec['approximate']>[];

export type Args<S> = Exclude<keyof S, 'name'>;

/** The names of each entry's keyword arguments, by entry. */
function argNames<N extends string, K>(
  list: readonly { name: N; args: Arg[] }[],
  which: (arg: Arg) => boolean = () => true,
): Record<N, readonly K[]> {
  const names = list.map((e) => [e.name, e.args.filter(which).map((a) => a.name as K)]);
  return Object.fromEntries(names) as Record<N, readonly K[]>;
}

/** The keyword arguments each activation takes (a bare name means torch's defaults). */
export const ACTIVATION_ARGS = argNames<ActivationName, Args<ActivationSpec>>(activations);

/** The keyword arguments each loss takes. */
export const LOSS_ARGS = argNames<LossName, Args<LossSpec>>(losses);

/** The keyword arguments each optimiser takes (lr first: a scene always sets it). */
export const OPTIMIZER_ARGS = argNames<OptimizerName, Args<OptimizerSpec>>(optimizers);

const required = argNames<SchedulerName, Args<SchedulerSpec>>(schedulers, (a) => !!a.required);
const optional = argNames<SchedulerName, Args<SchedulerSpec>>(schedulers, (a) => !a.required);
/** The keyword arguments each scheduler takes; `required` ones have no torch default. */
export const SCHEDULER_ARGS = Object.fromEntries(
  SCHEDULERS.map((name) => [name, { required: required[name], optional: optional[name] }]),
) as Record<
  SchedulerName,
  { required: readonly Args<SchedulerSpec>[]; optional: readonly Args<SchedulerSpec>[] }
>;

const lossesWhere = (which: (loss: (typeof losses)[number]) => boolean): readonly LossName[] =>
  namesOf(losses.filter(which));
/** Losses whose target is a class index: the network needs one output per class. */
export const CLASS_LOSSES = lossesWhere((l) => l.target === 'index');
/** The losses a regression (a number as the target) accepts. */
export const REGRESSION_LOSSES = lossesWhere((l) => l.target === 'value');
