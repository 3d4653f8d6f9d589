// A refused call gives back everything it took (issue 17, docs/reliability.md "The Embind API
// itself"): the allocator's bytes in use and Embind's live handles are the same after 100 refusals
// of each kind as before them. A refusal used to leak its arguments' JS handles and 0.1–7 KB of the
// heap (a JS Error thrown through C++ frames, and the core's frames built without exception
// handling), so that a page sent bad scenes in a loop ran the module out of memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultScene, sceneToEngineConfig } from '../src/scene/index.ts';
import { engineMemory } from '../src/engine/engine-memory.ts';
import type { CoreModule, EngineConfig, LearnerSpec, Trainer } from '../src/wasm/core.mjs';
import { loadTestCore } from './scene-rules.ts';

let core: CoreModule;
let trainer: Trainer;
const config = (): EngineConfig => sceneToEngineConfig(defaultScene());
/** A config the engine must refuse (its types do not allow it). */
const refused = (changes: Record<string, unknown>): EngineConfig => ({ ...config(), ...changes });
const spec = (): LearnerSpec => {
  const { model, loss, optimizer } = config();
  return { model, loss, optimizer };
};
/** 1,000 rows of class 0 and one of class 1: too few of it for three sets. */
const rareClass = (): Float32Array => {
  const y = new Float32Array(1001 - 1);
  y[0] = 1;
  return y;
};
const scene = () => ({ format: 'nn-playground/scene@1', ...config() });
const layers = (units: number, output: string) => ({
  ...config().model,
  layers: [
    { units, activation: 'Tanh' },
    { units: 1, activation: output },
  ],
});

beforeAll(async () => {
  core = await loadTestCore();
  trainer = new core.Trainer(config());
});

/** Each refusal: a call and the field its message names. */
const refusals: [string, () => unknown, RegExp][] = [
  ['config that is not JSON', () => new core.Trainer('{"model": [1,'), /not valid JSON/],
  ['negative seed', () => new core.Trainer(refused({ seed: -1 })), /seed/],
  [
    'unknown loss argument',
    () => new core.Trainer(refused({ loss: { name: 'BCELoss', kind: 1 } })),
    /loss\.kind/,
  ],
  ['unknown key beside 1 KB', () => new core.Trainer(refused({ zzz: 'x'.repeat(1000) })), /zzz/],
  ['layer of 0 units', () => new core.Trainer(refused({ model: layers(0, 'Sigmoid') })), /units/],
  ['BCELoss on Tanh', () => new core.Trainer(refused({ model: layers(4, 'Tanh') })), /BCELoss/],
  [
    'Adam betas out of range',
    () => new core.Trainer(refused({ optimizer: { name: 'Adam', lr: 0.1, betas: [2, 0.9] } })),
    /betas/,
  ],
  [
    'supplied data with a class too rare to split',
    () =>
      new core.Trainer(
        { ...config(), data: { name: 'supplied', trainFraction: 0.6, validationFraction: 0.2 } },
        { x: new Float32Array(2000), y: rareClass(), features: 2, classes: 2 },
      ),
    /class/,
  ],
  [
    'Learner with an unknown loss',
    () => new core.Learner({ ...spec(), loss: { name: 'Nope' } } as unknown as LearnerSpec, 1),
    /loss\.name/,
  ],
  ['run(NaN)', () => trainer.run(NaN), /steps/],
  ['setParameters(0, null)', () => trainer.setParameters(0, null as never), /params/],
];

/** Each scene validateScene reports problems of (a list, not a throw). */
const badScenes: [string, unknown][] = [
  ['a layer of 0 units', { ...scene(), model: layers(0, 'Sigmoid') }],
  ['lr 1e9', { ...scene(), optimizer: { name: 'SGD', lr: 1e9 } }],
  [
    'Adam betas out of range',
    { ...scene(), optimizer: { name: 'Adam', lr: 0.1, betas: [2, 0.9] } },
  ],
  ['an unknown loss argument', { ...scene(), loss: { name: 'BCELoss', kind: 1 } }],
  ['not JSON', '{"seed": 1,'],
];

function unchangedAfter(call: () => void): void {
  for (let i = 0; i < 10; i++) call(); // whatever the first calls set up once is not counted
  const before = engineMemory(core);
  for (let i = 0; i < 100; i++) call();
  const after = engineMemory(core);
  expect({ heapInUse: after.heapInUse, handles: after.emvalHandles }).toEqual({
    heapInUse: before.heapInUse,
    handles: before.emvalHandles,
  });
}

describe('a refused call', () => {
  for (const [name, call, names] of refusals) {
    it(`gives back all it took: ${name}`, () => {
      expect(call).toThrow(names);
      unchangedAfter(() => {
        try {
          call();
        } catch {
          // refused, as checked above
        }
      });
    });
  }

  for (const [name, bad] of badScenes) {
    it(`validateScene gives back all it took: ${name}`, () => {
      expect(core.validateScene(bad as never).length).toBeGreaterThan(0);
      unchangedAfter(() => core.validateScene(bad as never));
    });
  }
});
