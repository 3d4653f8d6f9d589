// The harness of the Embind fuzzing (issue 17): an entry point's arguments and how a case departs
// from a valid call (replaced arguments, one too few or many, a deleted object, a foreign `this`),
// what a refusal must name, and the checks after every case. embind-hostile.test.ts drives it over
// core.wasm and core-tools.wasm, embind-labs-hostile.test.ts over core-labs.wasm.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileArgument, property } from './hostile.ts';

/** One argument of an entry point: a valid value, and what a message refusing it must name (a
 *  function: given the case's arguments). */
/** A binding called with whatever arguments a case makes (its types say what a good call is). */
export type AnyFunction = (...args: unknown[]) => unknown;

export interface Argument {
  valid: () => unknown;
  names: RegExp | ((args: unknown[]) => RegExp);
  /** Numbers in [from, to] are valid but ask for long work (steps, a large grid): skipped, as a
   *  caller asking for 10⁹ steps is not hostile input. */
  slow?: [number, number];
}

/** An entry point: `call(target, args)` on an object of `owner` (made by `make`) or a function. */
export interface EntryPoint {
  name: string;
  args: Argument[];
  call: (target: unknown, args: unknown[]) => unknown;
  /** The class whose object the call needs (then deleted objects and wrong `this` are tried). */
  owner?: { name: string; make: () => { delete(): void } };
  /** What a returned value must satisfy. */
  sane?: (result: unknown, args: unknown[]) => void;
  /** Messages any case may give: a training call that diverges on its hostile settings. */
  also?: RegExp;
  /** What a message about one argument too many may name (an overload taking one more). */
  more?: RegExp;
  /** The arguments are fields the call puts into an object: only replaced, never dropped or added. */
  fields?: boolean;
}

/** How a case differs from a valid call. */
export type Edit =
  | { how: 'replace'; at: number; value: unknown }
  | { how: 'fewer' }
  | { how: 'more'; value: unknown }
  | { how: 'deleted' }
  | { how: 'foreign this' };

export interface Case {
  args: unknown[];
  edits: Edit[];
}

export function cases(entry: EntryPoint): fc.Arbitrary<Case> {
  const n = entry.args.length;
  const replace = fc.record({
    how: fc.constant('replace' as const),
    at: fc.nat({ max: Math.max(n - 1, 0) }),
    value: hostileArgument,
  });
  const other: fc.Arbitrary<Edit>[] = [
    fc.constant({ how: 'fewer' } as const),
    fc.record({ how: fc.constant('more' as const), value: hostileArgument }),
  ];
  if (entry.owner) other.push(fc.constantFrom<Edit>({ how: 'deleted' }, { how: 'foreign this' }));
  const edits = entry.fields
    ? fc.array(replace, { minLength: 1, maxLength: Math.min(n, 3) })
    : n > 0
      ? fc.oneof(
          { weight: 8, arbitrary: fc.array(replace, { minLength: 1, maxLength: Math.min(n, 3) }) },
          { weight: 2, arbitrary: fc.oneof(...other).map((e) => [e]) },
        )
      : fc.oneof(...other).map((e) => [e]);
  return edits.map((list) => {
    const args = entry.args.map((a) => a.valid());
    for (const e of list) {
      if (e.how === 'replace') args[e.at] = e.value;
      else if (e.how === 'fewer') args.pop();
      else if (e.how === 'more') args.push(e.value);
    }
    return { args, edits: list };
  });
}

/** What the message of a refused case must name: a replaced argument, else the method's name. */
export function named(entry: EntryPoint, c: Case, args: unknown[]): RegExp {
  const [owner, method] = entry.name.replace(/^new /, '').replace(/\(.*$/, '').split('.');
  const parts = [owner!, ...(method ? [method] : [])];
  const source = (a: Argument): string =>
    (typeof a.names === 'function' ? a.names(args) : a.names).source;
  for (const e of c.edits) {
    if (e.how === 'replace') parts.push(source(entry.args[e.at]!));
    // An argument missing or one more (an overload's) changes how the others read: any may be named.
    if (e.how === 'fewer' || e.how === 'more') parts.push(...entry.args.map(source));
    if (e.how === 'more' && entry.more) parts.push(entry.more.source);
  }
  if (entry.also) parts.push(entry.also.source);
  return new RegExp(parts.join('|'));
}

export const same = (v: unknown) => () => v;
export const arg = (
  names: Argument['names'],
  valid: () => unknown,
  slow?: [number, number],
): Argument => ({
  names,
  valid,
  ...(slow ? { slow } : {}),
});

/** A module under test: the objects of another class for a foreign `this`, the checks that it
 *  still works after a case, and its live JS handles (a refusal must leave none behind). */
export interface FuzzedModule {
  foreign(owner: string): { delete(): void };
  stillWorks(): void;
  handles(): number;
}

/** Runs one case; returns what the call returned. A refusal comes back as a thrown Error with
 *  every JS handle the call took released (wasm/refusals.h: the binding returns, the glue throws). */
export function runCase(
  module: FuzzedModule,
  entry: EntryPoint,
  c: Case,
  shared: { delete(): void } | undefined,
): unknown {
  const { args } = c;
  let target: unknown = shared;
  let made: { delete(): void } | undefined;
  for (const e of c.edits) {
    if (e.how === 'replace') {
      const slow = entry.args[e.at]!.slow;
      fc.pre(!(slow && typeof e.value === 'number' && e.value >= slow[0] && e.value <= slow[1]));
    } else if (e.how === 'deleted') {
      made = entry.owner!.make();
      made.delete();
      target = made;
    } else if (e.how === 'foreign this') target = made = module.foreign(entry.owner!.name);
  }
  const handles = module.handles();
  try {
    const result = entry.call(target, args);
    // A constructor's new object: freed at once (its use is the other entry points').
    if (entry.name.startsWith('new ')) (result as { delete(): void }).delete();
    else entry.sane?.(result, args);
    return result;
  } finally {
    expect(module.handles(), 'JS handles left behind by the call').toBe(handles);
    if (made && c.edits.some((e) => e.how === 'foreign this')) made.delete();
    module.stillWorks();
  }
}

/** One vitest test per entry point: the property over its cases (NNP_FUZZ_RUNS of them), then a
 *  line for scripts/fuzz.sh's table (the time, the module's heap and its live handles). */
export function fuzzEntryPoints(
  title: string,
  module: FuzzedModule,
  entries: EntryPoint[],
  heapBytes: () => number,
): void {
  describe(title, () => {
    for (const entry of entries) {
      it(entry.name, () => {
        const shared = entry.owner?.make();
        const start = performance.now();
        try {
          property(
            `embind ${entry.name}`,
            cases(entry),
            (c) => runCase(module, entry, c, shared),
            (c) => named(entry, c, c.args),
          );
        } finally {
          shared?.delete();
        }
        console.log(
          `fuzz-embind ${entry.name}: ${((performance.now() - start) / 1000).toFixed(0)} s, ` +
            `heap ${heapBytes() / 2 ** 20} MB, ${module.handles()} handles`,
        );
      });
    }
  });
}

/** The class's own method, called on `target` (which a case may make another class's object). */
export const methodOf =
  (owner: () => unknown) =>
  (name: string) =>
  (target: unknown, args: unknown[]): unknown =>
    (owner() as { prototype: Record<string, (...a: unknown[]) => unknown> }).prototype[name]!.apply(
      target,
      args,
    );
