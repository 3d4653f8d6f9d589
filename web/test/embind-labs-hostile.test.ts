// Property-based fuzzing of the labs' Embind module (core-labs.wasm, issue 17): every constructor,
// method and function the autograd explorer, the optimiser race, the gradient-flow and perceptron
// labs call, driven by the harness of embind-hostile.test.ts (embind-fuzz.ts): each case returns
// a sane value or throws an Error naming the argument replaced, leaves no JS handle behind, and a
// witness race and network give what they gave first. `npm test` runs 200 cases per entry point;
// scripts/fuzz.sh 100,000 (NNP_FUZZ_RUNS).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { LearnerSpec } from '../src/wasm/core.mjs';
import createLabsCore, {
  type LabsCoreModule,
  type Network,
  type OptimiserRace,
  type RaceSettings,
} from '../src/wasm/core-labs.mjs';
import { arg, type EntryPoint, fuzzEntryPoints, methodOf, same } from './embind-fuzz.ts';

let labs: LabsCoreModule;
let witness: {
  race: OptimiserRace;
  network: Network;
  racer: unknown;
  outputs: unknown;
  stack: number;
};
const stackOf = (module: unknown): number => (module as { stackSave(): number }).stackSave();
const points = new Float32Array([0, 0, 1, 1, 0, 1, 1, 0]);

const spec = (): LearnerSpec => ({
  model: {
    inputs: 2,
    layers: [
      { units: 4, activation: 'Tanh' },
      { units: 1, activation: 'Sigmoid' },
    ],
  },
  loss: { name: 'BCELoss' },
  optimizer: { name: 'Adam', lr: 0.05 },
});
const settings = (): RaceSettings => ({
  expression: '(1 - x)^2 + 100*(y - x^2)^2',
  start: [-1, 1],
  racers: [
    { name: 'SGD', lr: 0.001 },
    { name: 'Adam', lr: 0.01 },
  ],
});
const leaves = () => [
  { name: 'x', value: 2, requiresGrad: true },
  { name: 'w', value: -1, requiresGrad: true },
];

beforeAll(async () => {
  const wasmBinary = readFileSync(new URL('../src/wasm/core-labs.wasm', import.meta.url));
  labs = await createLabsCore({ wasmBinary });
  const race = new labs.OptimiserRace(settings());
  race.run(5);
  const network = new labs.Network(spec(), points, new Float32Array([0, 1, 1, 0]), 1);
  network.train(5);
  witness = {
    race,
    network,
    racer: race.racer(1),
    outputs: network.predict(points),
    stack: stackOf(labs),
  };
});

afterAll(() => {
  witness.race.delete();
  witness.network.delete();
});

function stillWorks(): void {
  expect(stackOf(labs)).toBe(witness.stack);
  expect(witness.race.racer(1)).toEqual(witness.racer);
  expect(witness.network.predict(points)).toEqual(witness.outputs);
}

/** An object of another class than `owner`'s, for a method called with a foreign `this`. */
const foreign = (owner: string): { delete(): void } =>
  owner === 'OptimiserRace'
    ? new labs.Network(spec(), points, new Float32Array([0, 1, 1, 0]), 1)
    : new labs.OptimiserRace(settings());

/** A learner spec's messages: its field's path, or the spec as a whole. */
const SPEC = /config|JSON|spec|^(model|loss|optimizer|scheduler|init|clip_grad|l1)\b/;

function entryPoints(): EntryPoint[] {
  const construct =
    (of: () => unknown) =>
    (_: unknown, a: unknown[]): unknown =>
      new (of() as new (...x: unknown[]) => unknown)(...a);
  const call =
    (name: keyof LabsCoreModule) =>
    (_: unknown, a: unknown[]): unknown =>
      (labs[name] as unknown as (...x: unknown[]) => unknown)(...a);
  const owned = (
    cls: string,
    make: () => { delete(): void },
    methods: [string, EntryPoint['args']][],
    also?: RegExp,
  ): EntryPoint[] =>
    methods.map(([name, args]) => ({
      name: `${cls}.${name}`,
      args,
      call: methodOf(() => (labs as unknown as Record<string, unknown>)[cls])(name),
      owner: { name: cls, make },
      ...(also ? { also } : {}),
    }));
  const explorer = () => new labs.AutogradExplorer('x * w + 1', leaves());
  const flow = () =>
    new labs.GradientFlow(spec(), { name: 'circle', samples: 40, noise: 0 }, 10, 1);
  const perceptron = () => {
    const p = labs.labPoints('blobs', 20, 0, 1, 0.25);
    return new labs.Perceptron(p.x, p.y, 1);
  };
  const network = () => new labs.Network(spec(), points, new Float32Array([0, 1, 1, 0]), 1);
  const race = () => new labs.OptimiserRace(settings());
  const index = [arg(/index/, same(0))];
  const none: EntryPoint['args'] = [];
  return [
    {
      name: 'new AutogradExplorer',
      args: [arg(/source|column/, same('x * w + 1')), arg(/leaves/, leaves)],
      call: construct(() => labs.AutogradExplorer),
    },
    ...owned('AutogradExplorer', explorer, [
      ['leaves', none],
      ['nodes', none],
      ['output', none],
      ['value', none],
      ['backward', none],
      ['step', none],
      ['nextNode', none],
      ['zeroGrad', none],
      ['leafGrads', none],
      ['finiteDifferences', none],
    ]),
    {
      name: 'checkExpression',
      args: [arg(/source/, same('x * w + 1')), arg(/leaves/, leaves)],
      call: call('checkExpression'),
    },
    { name: 'expressionFunctions', args: [], call: call('expressionFunctions') },
    {
      name: 'labPoints',
      args: [
        arg(/name|data\.name/, same('blobs')),
        arg(/samples/, same(20), [1000, 1e6]),
        arg(/noise/, same(0)),
        arg(/seed/, same(1)),
        arg(/grid/, same(0.25)),
      ],
      call: call('labPoints'),
    },
    {
      name: 'new GradientFlow',
      args: [
        arg(SPEC, spec),
        arg(/data/, () => ({ name: 'circle', samples: 40, noise: 0 })),
        arg(/batch/, same(10), [1000, 1e9]),
        arg(/seed/, same(1)),
      ],
      call: construct(() => labs.GradientFlow),
    },
    ...owned(
      'GradientFlow',
      flow,
      [
        ['run', [arg(/steps/, same(2), [200, 1e4])]],
        ['layers', none],
        ['distinctUnits', [arg(/layer/, same(0))]],
        ['parameter', [arg(/name/, same('0.weight'))]],
        ['steps', none],
      ],
      /diverged/,
    ),
    {
      name: 'new Perceptron',
      args: [
        arg(/\bx\b/, () => points),
        arg(/\by\b/, () => new Float32Array([0, 1, 1, 0])),
        arg(/\blr\b/, same(1)),
      ],
      call: construct(() => labs.Perceptron),
    },
    ...owned('Perceptron', perceptron, [
      ['step', none],
      ['epoch', none],
      ['weights', none],
      ['bias', none],
      ['mistakesPerEpoch', none],
      ['converged', none],
      ['cycling', none],
      ['cycleLength', none],
      ['epochs', none],
      ['position', none],
      ['accuracy', none],
    ]),
    {
      name: 'new Network',
      args: [
        arg(SPEC, spec),
        arg(/\bx\b/, () => points),
        arg(/\by\b/, () => new Float32Array([0, 1, 1, 0])),
        arg(/seed/, same(1)),
      ],
      call: construct(() => labs.Network),
    },
    ...owned(
      'Network',
      network,
      [
        ['train', [arg(/steps/, same(2), [200, 1e4])]],
        ['predict', [arg(/\bx\b/, () => points)]],
        ['steps', none],
      ],
      /diverged/,
    ),
    {
      name: 'new OptimiserRace',
      args: [arg(/settings|expression|start|racers|scheduler|gradient_noise|seed/, settings)],
      call: construct(() => labs.OptimiserRace),
    },
    ...owned('OptimiserRace', race, [
      ['run', [arg(/steps/, same(2), [1000, 1e5])]],
      ['racers', none],
      ['racer', index],
      ['trajectory', index],
      ['losses', index],
    ]),
    { name: 'lossSurfaces', args: [], call: call('lossSurfaces') },
    {
      name: 'surfaceExpression',
      args: [arg(/\bid\b|surface/, same('bowl')), arg(/\bk\b|surface\./, same(10))],
      call: call('surfaceExpression'),
    },
    {
      name: 'surfaceGrid',
      args: [
        arg(/expression|column/, same('x^2 + y^2')),
        arg(/res/, same(8), [65, 512]),
        arg(/xMin|view box/, same(-1)),
        arg(/xMax|view box/, same(1)),
        arg(/yMin|view box/, same(-1)),
        arg(/yMax|view box/, same(1)),
      ],
      call: call('surfaceGrid'),
    },
  ];
}

fuzzEntryPoints(
  "the labs' Embind API under hostile arguments",
  {
    foreign,
    stillWorks,
    handles: () => (labs as unknown as { count_emval_handles(): number }).count_emval_handles(),
  },
  entryPoints(),
  () => (labs as unknown as { HEAP8: Int8Array }).HEAP8.length,
);
