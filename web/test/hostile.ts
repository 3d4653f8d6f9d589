// Hostile inputs for the property tests of the page's parsers (hostile-input.test.ts, issue 17):
// fast-check arbitraries of valid documents with a few fields replaced, removed or added, and of
// values no parser should trust; and how many cases each property runs.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';

/** Cases per property: 200 in `npm test`; scripts/fuzz.sh sets NNP_FUZZ_RUNS (100,000). */
export const RUNS = Number(process.env.NNP_FUZZ_RUNS) || 200;

/** A call slower than this is a hang (a call takes well under a millisecond; the margin is for a
 *  loaded machine, where a test worker can wait seconds for a core). */
const HANG_MS = 10_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** The scenes shipped as files: docs/scenes/*.json. */
export function docScenes(): unknown[] {
  const folder = new URL('../../docs/scenes/', import.meta.url);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as unknown);
}

/** Numbers at the edges: non-finite, −0, negative, fractional, huge, past int32 and past 2⁵³. */
const EDGE_NUMBERS = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  0,
  0.5,
  1e308,
  2 ** 31,
  Number.MAX_SAFE_INTEGER + 2,
];

/** Numbers and strings at the edges: non-finite, huge, negative, and keys a naive parser trips on. */
const edges = fc.constantFrom<unknown>(
  ...EDGE_NUMBERS,
  '',
  '__proto__',
  'constructor',
  'toString',
  'https://evil.example/x.js',
  '<img src=x onerror=alert(1)>',
);

/** Any value a message, a parsed file or a link can hold. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  edges,
  fc.jsonValue({ maxDepth: 3 }),
  fc.string(),
  fc.anything({ maxDepth: 2 }),
);

/** A Float32Array whose buffer has been transferred away (detached: length 0, no view may be made). */
function detached(): Float32Array {
  const array = new Float32Array(4);
  structuredClone(array.buffer, { transfer: [array.buffer] });
  // fast-check's report reads a typed array's values, which a detached one throws on.
  return Object.assign(array, { [fc.toStringMethod]: () => 'a detached Float32Array' });
}

/** An object that holds itself (JSON.stringify throws on it). */
function cyclic(): Record<string, unknown> {
  const o: Record<string, unknown> = { a: 1 };
  o.self = o;
  return o;
}

/** Any argument a JS caller can hand a wasm binding: every JS type (BigInt, Symbol, functions,
 *  null-prototype and cyclic objects included), NaN, ±Infinity, −0, huge and negative numbers,
 *  numbers at int32's edges, typed arrays of the wrong type, length or a detached buffer, array-likes
 *  claiming huge lengths, and arrays holding what Number() cannot convert. */
export const hostileArgument: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    ...EDGE_NUMBERS,
    ...[1e300, -1e300, -(2 ** 31) - 1],
    ...[
      2 ** 32 + 1,
      1e9 + 1,
      '',
      'abc',
      '5',
      'train',
      null,
      undefined,
      true,
      false,
      10n,
      -(2n ** 70n),
    ],
    Symbol('hostile'),
    () => 1,
    {},
    [],
    Object.create(null) as unknown,
    { length: 1e12 },
    { length: -1 },
    { length: 3 },
    [Symbol('element')],
    [1n, 2n],
    ['a', 'b'],
    [NaN, Infinity, -Infinity],
  ),
  fc
    .constantFrom<() => unknown>(
      detached,
      cyclic,
      () => new Float64Array([1e300, -1e300, NaN, 0.5]),
      () => new Float32Array(0),
      () => new Int32Array([1, 2, 3]),
      () => new BigInt64Array(2),
      () => new Uint8Array(33),
      () => new DataView(new ArrayBuffer(8)),
      () => new ArrayBuffer(8),
    )
    .map((make) => make()),
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.string({ maxLength: 8 }),
  fc.anything({
    maxDepth: 2,
    withBigInt: true,
    withBoxedValues: true,
    withNullPrototype: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
);

/** A value JSON can carry (what a file, a link or a message holds), edges included. */
const jsonish: fc.Arbitrary<unknown> = fc.oneof(edges, fc.jsonValue({ maxDepth: 3 }), fc.string());

/** A plain object, not an array: where a field can be added. */
function isPlain(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

/** Every path into a JSON value, the root ([]) first. */
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (isPlain(value) || Array.isArray(value)) {
    for (const key of Object.keys(value))
      pathsOf((value as Record<string, unknown>)[key], [...at, key], out);
  }
  return out;
}

/** `root` with the value at `path` set (as an own property, as JSON.parse makes "__proto__"),
 *  or removed. */
function edited(root: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return remove ? root : value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && Array.isArray(node)) node.splice(Number(last), 1);
  else if (remove) delete node[last];
  else
    Object.defineProperty(node, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

/** One of `documents` with up to `edits` fields replaced by hostile values, removed, or added
 *  (a new key beside an existing one). */
export function mutated(documents: readonly unknown[], edits = 4): fc.Arbitrary<unknown> {
  const edit = fc.record({
    at: fc.nat(),
    value: jsonish,
    how: fc.constantFrom('replace', 'remove', 'add'),
    key: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('__proto__', 'constructor', 'rows', 'dataset'),
    ),
  });
  return fc
    .tuple(fc.constantFrom(...documents), fc.array(edit, { maxLength: edits }))
    .map(([document, list]) => {
      let out = structuredClone(document as Json) as unknown;
      for (const { at, value, how, key } of list) {
        const paths = pathsOf(out);
        const path = paths[at % paths.length]!;
        const parent = path.length === 0 ? path : path.slice(0, -1);
        const parentNode = parent.reduce<unknown>(
          (node, k) => (node as Record<string, unknown>)[k],
          out,
        );
        if (how === 'add' && isPlain(parentNode)) {
          out = edited(out, [...parent, key], value, false);
        } else {
          out = edited(out, path, value, how === 'remove');
        }
      }
      return out;
    });
}

const counts = new Map<string, number>();
afterAll(() => {
  // scripts/fuzz.sh reads these lines for its counts.
  for (const [name, n] of counts) console.log(`fuzz-ts ${name}: ${n} cases`);
});

/**
 * Runs `parse` on every case of `input`: it must return (then `valid` checks what it returned) or
 * throw an Error whose message `names` accepts (`names(value)`: the case's own) — never anything else, and never take HANG_MS.
 */
export function property<T, R>(
  name: string,
  input: fc.Arbitrary<T>,
  parse: (value: T) => R,
  names: RegExp | ((value: T) => RegExp),
  valid: (result: R, value: T) => void = () => {},
  runs = RUNS,
): void {
  fc.assert(
    fc.property(input, (value) => {
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const start = performance.now();
      let result: R;
      try {
        result = parse(value);
      } catch (error) {
        if (fc.PreconditionFailure.isFailure(error)) throw error; // fc.pre: a case skipped
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(
          typeof names === 'function' ? names(value) : names,
        );
        return;
      } finally {
        expect(performance.now() - start).toBeLessThan(HANG_MS);
      }
      valid(result, value);
    }),
    { numRuns: runs },
  );
}
