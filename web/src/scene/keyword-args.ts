// A class's keyword arguments (an activation's, a loss's, an optimiser's, a scheduler's, an init
// scheme's) checked as the engine's catalogue describes them: which it takes, their kinds and
// ranges, and which it needs.
import type { CatalogueArg as Arg } from './engine-catalogue.ts';
import { boolean, fail, type Fields, number, oneOf } from './fields.ts';
import { describeRange, type Range } from './limits.ts';

function pair(value: unknown, path: string, range: Range): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    fail(path, `a pair [beta1, beta2], each ${describeRange(range).replace(/^a /, '')}`, value);
  }
  return [number(value[0], `${path}[0]`, range), number(value[1], `${path}[1]`, range)];
}

function argValue(arg: Arg, value: unknown, path: string): unknown {
  switch (arg.type) {
    case 'number':
      return number(value, path, arg.range!);
    case 'boolean':
      return boolean(value, path);
    case 'choice':
      return oneOf(value, path, arg.choices!);
    case 'pair':
      return pair(value, path, arg.range!);
  }
}

/**
 * The keyword arguments `args` present in `fields`, checked, added to `spec` (absent ones stay
 * absent, so a round trip adds no defaults). A required one that is absent throws, naming `owner`
 * ("StepLR", "weight \"constant\"") as what needs it.
 */
export function keywordArgs<S extends object>(
  fields: Fields,
  path: string,
  owner: string,
  args: readonly Arg[],
  spec: S,
): S {
  for (const arg of args) {
    const value = fields[arg.name];
    const at = `${path}.${arg.name}`;
    if (value !== undefined) {
      (spec as Record<string, unknown>)[arg.name] = argValue(arg, value, at);
    } else if (arg.required) {
      const expected = arg.range ? describeRange(arg.range) : 'a value';
      fail(at, `${expected} (${owner} needs it)`, undefined);
    }
  }
  return spec;
}
