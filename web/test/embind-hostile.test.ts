// Property-based fuzzing of the Embind API itself (issue 17, "the Embind API called with wrong
// types, sizes, NaN, Infinity and huge values"): every entry point of core.wasm, and of
// core-tools.wasm's own bindings, called with valid arguments of which some are replaced by hostile
// ones (test/hostile.ts' hostileArgument), with one argument too few or too many, on a deleted
// object, or with `this` an object of another class. Each call returns a sane value or throws an
// Error whose message names the argument replaced (its name as core.d.mts spells it, or the field
// inside it) or, for a wrong count, object or `this`, the method or its class — never a wasm trap
// (a RuntimeError is not an Error of the binding's), never another throw, never HANG_MS; and after
// every case a witness Trainer and Learner, which no case touches, still give their first results
// (the module's memory is intact). `npm test` runs 200 cases per entry point; scripts/fuzz.sh runs
// 100,000 (NNP_FUZZ_RUNS). The labs' module (core-labs.wasm) is not covered yet (docs/reliability.md).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScene, sceneToEngineConfig } from '../src/scene/index.ts';
import createToolsCore from '../src/wasm/core-tools.mjs';
import type {
  CoreModule,
  EngineConfig,
  Learner,
  LearnerSpec,
  ToolsCoreModule,
  Trainer,
} from '../src/wasm/core.mjs';
import { hostileArgument, property } from './hostile.ts';
import { loadTestCore } from './scene-rules.ts';

let core: CoreModule;
let tools: ToolsCoreModule;
let toolsStack = 0;
/** Objects no case touches: after every case they must still give what they gave first. */
let witness: {
  trainer: Trainer;
  learner: Learner;
  evaluation: unknown;
  weight: unknown;
  stack: number;
};
/** The glue's view of the wasm stack pointer (core.mjs exports it). */
const stackOf = (module: unknown): number => (module as { stackSave(): number }).stackSave();

/** A valid .nnpd file: the iris dataset the page ships. */
const iris = new Uint8Array(readFileSync(new URL('../public/data/iris.nnpd', import.meta.url)));

const config = (): EngineConfig => sceneToEngineConfig(defaultScene());
const spec = (): LearnerSpec => {
  const { model, loss, optimizer } = config();
  return { model, loss, optimizer };
};

beforeAll(async () => {
  core = await loadTestCore();
  const wasmBinary = readFileSync(new URL('../src/wasm/core-tools.wasm', import.meta.url));
  tools = await createToolsCore({ wasmBinary });
  toolsStack = stackOf(tools);
  const trainer = new core.Trainer(config());
  trainer.run(20);
  const learner = new core.Learner(spec(), 3);
  witness = {
    trainer,
    learner,
    evaluation: trainer.evaluate(),
    weight: learner.parameter('0.weight'),
    stack: stackOf(core),
  };
});

afterAll(() => {
  witness.trainer.delete();
  witness.learner.delete();
});

/** The module still works: the witnesses give their first results, and the wasm stack pointer is
 *  where it was (a refusal once left 16–64 bytes of it behind: wasm/embind_stack.js). */
function stillWorks(): void {
  expect(stackOf(core)).toBe(witness.stack);
  expect(stackOf(tools)).toBe(toolsStack);
  expect(witness.trainer.evaluate()).toEqual(witness.evaluation);
  expect(witness.learner.parameter('0.weight')).toEqual(witness.weight);
}

/** One argument of an entry point: a valid value, and what a message refusing it must name (a
 *  function: given the case's arguments). */
/** A binding called with whatever arguments a case makes (its types say what a good call is). */
type AnyFunction = (...args: unknown[]) => unknown;

interface Argument {
  valid: () => unknown;
  names: RegExp | ((args: unknown[]) => RegExp);
  /** Numbers in [from, to] are valid but ask for long work (steps, a large grid): skipped, as a
   *  caller asking for 10⁹ steps is not hostile input. */
  slow?: [number, number];
}

/** An entry point: `call(target, args)` on an object of `owner` (made by `make`) or a function. */
interface EntryPoint {
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

const finiteArray = (r: unknown): void => {
  expect(r).toBeInstanceOf(Float32Array);
};

/** How a case differs from a valid call. */
type Edit =
  | { how: 'replace'; at: number; value: unknown }
  | { how: 'fewer' }
  | { how: 'more'; value: unknown }
  | { how: 'deleted' }
  | { how: 'foreign this' };

interface Case {
  args: unknown[];
  edits: Edit[];
}

function cases(entry: EntryPoint): fc.Arbitrary<Case> {
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
function named(entry: EntryPoint, c: Case, args: unknown[]): RegExp {
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

/** An object of another class than `owner`'s, for a method called with a foreign `this`. */
const foreign = (owner: string): { delete(): void } =>
  owner === 'Learner' ? new core.Trainer(config()) : new core.Learner(spec(), 1);

/** Runs one case; returns what the call returned. */
function run(entry: EntryPoint, c: Case, shared: { delete(): void } | undefined): unknown {
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
    } else if (e.how === 'foreign this') target = made = foreign(entry.owner!.name);
  }
  try {
    const result = entry.call(target, args);
    // A constructor's new object: freed at once (its use is the other entry points').
    if (entry.name.startsWith('new ')) (result as { delete(): void }).delete();
    else entry.sane?.(result, args);
    return result;
  } finally {
    if (made && c.edits.some((e) => e.how === 'foreign this')) made.delete();
    stillWorks();
  }
}

/** {x, y, features, classes} of a few 2-D points. */
const rows = () => ({
  x: new Float32Array([0, 0, 1, 1, 0, 1, 1, 0]),
  y: [0, 1, 1, 0],
  features: 2,
  classes: 2,
});

const same = (v: unknown) => () => v;
const arg = (
  names: Argument['names'],
  valid: () => unknown,
  slow?: [number, number],
): Argument => ({
  names,
  valid,
  ...(slow ? { slow } : {}),
});
const box = [
  arg(/resolution/, same(8), [65, 1e4]),
  arg(/xMin/, same(-1)),
  arg(/xMax/, same(1)),
  arg(/yMin/, same(-1)),
  arg(/yMax/, same(1)),
];
/** A config's messages: its field's path, or the config as a whole. */
const CONFIG =
  /config|JSON|^(seed|data|model|loss|optimizer|scheduler|init|training|clip_grad|l1)\b/;
/** A config with one field of a type JSON cannot carry or the engine cannot read. */
const oddConfig = (): unknown => ({ ...config(), seed: 1n });

describe('the Embind API under hostile arguments', () => {
  const trainerOwner = { name: 'Trainer', make: () => new core.Trainer(config()) };
  const learnerOwner = { name: 'Learner', make: () => new core.Learner(spec(), 1) };
  const perceptronOwner = {
    name: 'Perceptron',
    make: () => new tools.Perceptron('gauss', 20, 0, 1, 1),
  };
  /** The class's own method, called on `target` (which a case may make another class's object). */
  const methodOf =
    (owner: () => unknown) =>
    (name: string) =>
    (target: unknown, args: unknown[]): unknown =>
      (owner() as { prototype: Record<string, (...a: unknown[]) => unknown> }).prototype[
        name
      ]!.apply(target, args);
  const method = methodOf(() => tools.Perceptron);
  const trainerMethod = (
    name: string,
    args: Argument[],
    sane?: EntryPoint['sane'],
    also?: RegExp,
  ): EntryPoint => ({
    name: `Trainer.${name}`,
    args,
    call: methodOf(() => core.Trainer)(name),
    owner: trainerOwner,
    ...(sane ? { sane } : {}),
    ...(also ? { also } : {}),
  });
  const learnerMethod = (name: string, args: Argument[], also?: RegExp): EntryPoint => ({
    name: `Learner.${name}`,
    args,
    call: methodOf(() => core.Learner)(name),
    owner: learnerOwner,
    ...(also ? { also } : {}),
  });
  const DIVERGED = /diverged/;
  const batch = [
    arg(/\bx\b/, () => new Float32Array([0, 0, 1, 1, 0, 1, 1, 0])),
    arg(/\bn\b/, same(4)),
    arg(/\by\b/, () => new Float32Array([0, 1, 1, 0])),
    arg(/yCols/, same(1)),
  ];
  const trainerParameters = () => {
    const t = new core.Trainer(config());
    const p = t.parameters(0);
    t.delete();
    return p;
  };

  const entries: EntryPoint[] = [
    {
      name: 'new Trainer',
      args: [arg(CONFIG, config)],
      call: (_, a) => new (core.Trainer as unknown as new (...x: unknown[]) => unknown)(...a),
      more: /data/,
    },
    {
      name: 'new Trainer(config, data)',
      args: [
        arg(CONFIG, () => ({ ...config(), data: { name: 'supplied', trainFraction: 0.5 } })),
        arg(/data/, rows),
      ],
      call: (_, a) => new (core.Trainer as unknown as new (...x: unknown[]) => unknown)(...a),
    },
    {
      name: 'new Trainer(data fields)',
      args: [
        arg(/data\.x|data: x/, () => rows().x),
        // The rows are y's: an empty or short y is named through them ("x holds 8 values, which is
        // not rows × features = 0 × 2", the core's wording).
        arg(/data\.y|data: y|data: x holds/, () => rows().y),
        // A valid but other shape reads as a mismatch with the config: named by its field.
        arg(/data\.features|data: x holds|model\.inputs/, same(2)),
        arg(/data\.classes|data\.y|loss/, same(2)),
      ],
      call: (_, [x, y, features, classes]) =>
        new core.Trainer({ ...config(), data: { name: 'supplied', trainFraction: 0.5 } }, {
          x,
          y,
          features,
          classes,
        } as never),
      fields: true,
    },
    {
      name: 'new Trainer(nnpd)',
      args: [arg(/hostile\.nnpd|data\.nnpd|data\.x/, () => iris)],
      call: (_, [nnpd]) =>
        new core.Trainer({ ...config(), data: { name: 'supplied', trainFraction: 0.5 } }, {
          nnpd,
          name: 'hostile.nnpd',
        } as never),
      fields: true,
    },
    {
      name: 'new Trainer(odd config)',
      args: [arg(CONFIG, oddConfig)],
      call: (_, a) => new (core.Trainer as unknown as new (...x: unknown[]) => unknown)(...a),
      more: /data/,
    },
    trainerMethod('run', [arg(/steps/, same(3), [1000, 1e9])], undefined, DIVERGED),
    trainerMethod('runEpochs', [arg(/epochs/, same(1), [10, 1e6])], undefined, DIVERGED),
    trainerMethod('historyFrom', [arg(/first/, same(0))]),
    trainerMethod('evaluateMember', [arg(/member/, same(0))]),
    trainerMethod('parameters', [arg(/member/, same(0))]),
    trainerMethod('gradients', [arg(/member/, same(0))]),
    trainerMethod('setParameters', [arg(/member/, same(0)), arg(/param/, trainerParameters)]),
    trainerMethod('predictGrid', box, finiteArray),
    trainerMethod('predictGridClasses', box, finiteArray),
    trainerMethod(
      'neuronMaps',
      [arg(/resolution/, same(4), [33, 1e4]), ...box.slice(1)],
      finiteArray,
    ),
    trainerMethod(
      'predict',
      [arg(/\bx\b/, () => new Float32Array([0, 1, 1, 0])), arg(/\bn\b/, same(2))],
      finiteArray,
    ),
    trainerMethod(
      'predictProbabilities',
      [arg(/\bx\b/, () => [0, 1, 1, 0]), arg(/\bn\b/, same(2))],
      finiteArray,
    ),
    trainerMethod('confusion', [arg(/split/, same('test'))]),
    trainerMethod('setHyperparameters', [
      arg(/setHyperparameters|lr|l1|weight_decay|dropout/, () => ({
        lr: 0.03,
        l1: 0,
        dropout: [0, 0],
      })),
    ]),
    ...[
      'progress',
      'evaluate',
      'history',
      'bestEpoch',
      'members',
      'trainPoints',
      'validationPoints',
      'testPoints',
      'testInputs',
      'testTargets',
      'testPredictions',
      'learningRate',
    ].map((name) => trainerMethod(name, [])),
    {
      name: 'new Learner',
      args: [arg(/spec|config|JSON|^(model|loss|optimizer)\b|learner/, spec), arg(/seed/, same(1))],
      call: (_, a) => new (core.Learner as unknown as new (...x: unknown[]) => unknown)(...a),
    },
    learnerMethod('setParameter', [
      arg(/name|parameter/, same('0.bias')),
      arg(/data|0\.bias/, () => new Float32Array(8)),
    ]),
    learnerMethod('parameter', [arg(/name|parameter/, same('0.weight'))]),
    learnerMethod('gradient', [arg(/name|parameter|gradient/, same('0.weight'))]),
    learnerMethod('computeGradients', batch, /target|class|label|diverged/),
    learnerMethod('step', batch, /target|class|label|diverged|gradient/),
    learnerMethod(
      'trainOnBatch',
      [...batch, arg(/steps/, same(2), [1000, 1e9])],
      /target|class|label|diverged|gradient/,
    ),
    learnerMethod('setTapeFree', [arg(/on/, same(true))]),
    ...['parameterNames', 'applyUpdate', 'lr', 'steps', 'tapeFree'].map((name) =>
      learnerMethod(name, [], /gradient|diverged/),
    ),
    {
      name: 'validateScene',
      args: [arg(/scene|config|JSON/, () => ({ ...config(), format: 'nn-playground/scene@1' }))],
      call: (_, a) => (core.validateScene as AnyFunction)(...a),
      sane: (r) => expect(Array.isArray(r)).toBe(true),
      more: /shape/,
    },
    {
      name: 'validateScene(scene, shape)',
      args: [
        arg(/scene|config|JSON/, () => ({ ...config(), data: { name: 'supplied' } })),
        arg(/shape/, () => ({ rows: 100, features: 2, classes: 2 })),
      ],
      call: (_, a) => (core.validateScene as AnyFunction)(...a),
      sane: (r) => expect(Array.isArray(r)).toBe(true),
    },
    {
      name: 'splitSizes',
      args: [
        arg(/split|trainFraction|validationFraction/, () => ({ trainFraction: 0.5 })),
        arg(/shape|rows/, () => ({ rows: 100, features: 2, classes: 2 })),
      ],
      call: (_, a) => (core.splitSizes as AnyFunction)(...a),
    },
    {
      name: 'datasetInfo',
      args: [
        // A refused file is named as the caller named it ("the dataset" when that is "").
        arg(
          ([, name]: unknown[]) =>
            typeof name === 'string' && name !== ''
              ? new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              : /the dataset|name/,
          () => iris,
        ),
        arg(/name/, same('iris.nnpd')),
      ],
      call: (_, a) => (core.datasetInfo as AnyFunction)(...a),
    },
    {
      name: 'simdArch',
      args: [],
      call: (_, a) => (core.simdArch as AnyFunction)(...a),
    },
    {
      name: 'benchMatmul',
      args: [
        arg(/\bm\b/, same(8), [65, 1e9]),
        arg(/\bn\b/, same(8), [65, 1e9]),
        arg(/\bk\b/, same(8), [65, 1e9]),
        arg(/reps/, same(2), [5, 1e9]),
        arg(/form/, same(0)),
      ],
      call: (_, a) => (tools.benchMatmul as AnyFunction)(...a),
    },
    {
      name: 'benchPeak',
      args: [arg(/count/, same(100), [1e5, 1e9])],
      call: (_, a) => (tools.benchPeak as AnyFunction)(...a),
    },
    {
      name: 'benchGemmKernel',
      args: [arg(/count/, same(10), [1e3, 1e9])],
      call: (_, a) => (tools.benchGemmKernel as AnyFunction)(...a),
    },
    {
      name: 'catalogue',
      args: [],
      call: (_, a) => (tools.catalogue as AnyFunction)(...a),
    },
    {
      name: 'new Perceptron',
      args: [
        arg(/dataset/, same('gauss')),
        arg(/samples/, same(20), [1000, 1e6]),
        arg(/noise/, same(0)),
        arg(/seed/, same(1)),
        arg(/\blr\b/, same(1)),
      ],
      call: (_, a) => new (tools.Perceptron as unknown as new (...x: unknown[]) => unknown)(...a),
    },
    {
      name: 'Perceptron.run',
      args: [arg(/epochs/, same(5), [200, 1e4])],
      call: method('run'),
      owner: perceptronOwner,
    },
    { name: 'Perceptron.points', args: [], call: method('points'), owner: perceptronOwner },
  ];

  for (const entry of entries) {
    it(entry.name, () => {
      const shared = entry.owner?.make();
      const start = performance.now();
      try {
        property(
          `embind ${entry.name}`,
          cases(entry),
          (c) => run(entry, c, shared),
          (c) => named(entry, c, c.args),
        );
      } finally {
        shared?.delete();
      }
      // scripts/fuzz.sh's table: each entry point's time as it finishes, and the module's heap
      // and live JS handles then (refusals still leak some of both: docs/reliability.md).
      const module = core as unknown as { HEAP8: Int8Array; count_emval_handles(): number };
      console.log(
        `fuzz-embind ${entry.name}: ${((performance.now() - start) / 1000).toFixed(0)} s, ` +
          `heap ${module.HEAP8.length / 2 ** 20} MB, ${module.count_emval_handles()} handles`,
      );
    });
  }
});
