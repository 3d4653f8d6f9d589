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
import { afterAll, beforeAll, expect } from 'vitest';
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
import {
  type AnyFunction,
  arg,
  type Argument,
  type EntryPoint,
  fuzzEntryPoints,
  methodOf,
  same,
} from './embind-fuzz.ts';
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
/** The glue's live JS handles (count_emval_handles: Embind's own count). */
const handlesOf = (module: unknown): number =>
  (module as { count_emval_handles(): number }).count_emval_handles();
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
 *  where it was (a refusal once left 16–64 bytes of it behind: wasm/embind_refusals.js). */
function stillWorks(): void {
  expect(stackOf(core)).toBe(witness.stack);
  expect(stackOf(tools)).toBe(toolsStack);
  expect(witness.trainer.evaluate()).toEqual(witness.evaluation);
  expect(witness.learner.parameter('0.weight')).toEqual(witness.weight);
}

const finiteArray = (r: unknown): void => {
  expect(r).toBeInstanceOf(Float32Array);
};

/** An object of another class than `owner`'s, for a method called with a foreign `this`. */
const foreign = (owner: string): { delete(): void } =>
  owner === 'Learner' ? new core.Trainer(config()) : new core.Learner(spec(), 1);

/** {x, y, features, classes} of a few 2-D points. */
const rows = () => ({
  x: new Float32Array([0, 0, 1, 1, 0, 1, 1, 0]),
  y: [0, 1, 1, 0],
  features: 2,
  classes: 2,
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

/** Every entry point of core.wasm, and of core-tools.wasm's own bindings. */
function entryPoints(): EntryPoint[] {
  const trainerOwner = { name: 'Trainer', make: () => new core.Trainer(config()) };
  const learnerOwner = { name: 'Learner', make: () => new core.Learner(spec(), 1) };
  const perceptronOwner = {
    name: 'Perceptron',
    make: () => new tools.Perceptron('gauss', 20, 0, 1, 1),
  };
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

  return entries;
}

fuzzEntryPoints(
  'the Embind API under hostile arguments',
  {
    foreign,
    stillWorks,
    handles: () => handlesOf(core) + handlesOf(tools),
  },
  entryPoints(),
  () => (core as unknown as { HEAP8: Int8Array }).HEAP8.length,
);
