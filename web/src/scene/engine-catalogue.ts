// The engine's catalogue (core/include/nnp/catalogue.h): every name a scene accepts, each one's
// keyword arguments with torch's defaults and the playground's ranges, the generators, the input
// features and the limits. It is written once, in C++; engine-catalogue.json is generated from it
// (scripts/catalogue.mjs, run by scripts/build-wasm.sh) so the page reads it synchronously, and
// web/test/catalogue.test.ts proves the committed file equals what the built engine returns.
import type { CatalogueArg, EngineCatalogue } from '../wasm/core.mjs';
import json from './engine-catalogue.json' with { type: 'json' };

export type {
  CatalogueArg,
  CatalogueLimits,
  EngineCatalogue,
  Problem,
  Range,
} from '../wasm/core.mjs';

/** One entry of a catalogue list: a class with its keyword arguments, or a generator. */
export type ActivationEntry = EngineCatalogue['activations'][number];
export type LossEntry = EngineCatalogue['losses'][number];
export type OptimizerEntry = EngineCatalogue['optimizers'][number];
export type SchedulerEntry = EngineCatalogue['schedulers'][number];
export type InitEntry = EngineCatalogue['inits'][number];
export type DatasetEntry = EngineCatalogue['datasets'][number];
export type Task = DatasetEntry['task'];

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

/** The argument `name` of a class, or undefined when it takes no such argument. */
export function argOf(
  entry: { args: readonly CatalogueArg[] },
  name: string,
): CatalogueArg | undefined {
  return entry.args.find((a) => a.name === name);
}
