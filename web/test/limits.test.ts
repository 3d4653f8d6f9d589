// Limits before allocation (issue 17, docs/reliability.md): the Embind API of the page's module
// (core.wasm under node), called with huge sizes, refuses each with a message giving the estimate
// or naming the input — never an out-of-memory abort — and the module keeps training afterwards.
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, defaultScene, sceneToEngineConfig, type Scene } from '../src/scene/index.ts';
import type { CoreModule, EngineConfig, LearnerSpec } from '../src/wasm/core.mjs';
import { loadTestCore } from './scene-rules.ts';

let core: CoreModule;

beforeAll(async () => {
  core = await loadTestCore();
});

/** The message of the Error `f` throws (fails the test when it returns or throws anything else). */
function refusal(f: () => unknown): string {
  let thrown: unknown;
  try {
    const made = f() as { delete?: () => void } | undefined;
    made?.delete?.();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Error);
  return (thrown as Error).message;
}

/** `units` in each of `layers` layers (the last is the output). */
function wide(layers: number, units: number): LearnerSpec['model']['layers'] {
  return Array.from({ length: layers }, (_, i) => ({
    units: i === layers - 1 ? 1 : units,
    activation: i === layers - 1 ? ('Sigmoid' as const) : ('ReLU' as const),
  }));
}

function config(change: (c: EngineConfig) => void): EngineConfig {
  const c = structuredClone(sceneToEngineConfig(defaultScene()));
  change(c);
  return c;
}

/** The module still works: the default scene trains a few steps to a finite loss. */
function stillTrains(): void {
  const t = new core.Trainer(sceneToEngineConfig(defaultScene()));
  try {
    expect(Number.isFinite(t.run(20).batchLoss)).toBe(true);
  } finally {
    t.delete();
  }
}

/** A plain object claiming `length` values: what a JS caller may hand any array argument. */
const claims = (length: number) => ({ length }) as unknown as Float32Array;

describe('the Embind API refuses sizes past the budget before allocating', () => {
  it('a Trainer past the memory budget (within the engine guards) names the estimate', () => {
    const message = refusal(
      () => new core.Trainer(config((c) => (c.model.layers = wide(64, 4096)))),
    );
    expect(message).toMatch(
      /^model\.layers: the scene needs about [\d,]+ parameters and [\d.]+ GB/,
    );
    expect(message).toContain('budget of 1.0 GB');
    expect(message).toContain('fewer or narrower layers');
    stillTrains();
  });

  it('the largest batch, ensemble and data each field allows are refused together', () => {
    const message = refusal(
      () =>
        new core.Trainer(
          config((c) => {
            c.model.layers = wide(LIMITS.layers.max, LIMITS.units.max);
            c.training.batchSize = 1_000_000;
            c.training.ensemble = { members: LIMITS.members.max };
            c.data.samples = 1_000_000;
          }),
        ),
    );
    expect(message).toMatch(/^training\.batchSize: the scene needs about/);
    stillTrains();
  });

  it('a Learner too big, or a batch too big for it, is refused', () => {
    const spec: LearnerSpec = {
      model: { inputs: 2, layers: wide(64, 4096) },
      loss: { name: 'BCELoss' },
      optimizer: { name: 'SGD', lr: 0.1 },
    };
    expect(refusal(() => new core.Learner(spec, 1))).toMatch(/^model\.layers: .*parameters/);
    const l = new core.Learner({ ...spec, model: { inputs: 2, layers: wide(4, 1024) } }, 1);
    try {
      const n = 2_000_000;
      const message = refusal(() =>
        l.trainOnBatch(new Float32Array(n * 2), n, new Float32Array(n), 1, 1),
      );
      // The batch's activations weigh most: the message names the batch.
      expect(message).toMatch(
        /^training\.batchSize: the scene needs about .* activations [\d.]+ GB/,
      );
      // A batch that fits still trains.
      expect(Number.isFinite(l.step(new Float32Array(8), 4, new Float32Array(4), 1))).toBe(true);
    } finally {
      l.delete();
    }
  });

  it('arrays claiming more values than the budget are refused by name before they are copied', () => {
    const message = refusal(
      () =>
        new core.Trainer(
          config((c) => (c.data.name = 'supplied')),
          {
            x: claims(1e12),
            y: claims(5e11),
            features: 2,
            classes: 2,
          },
        ),
    );
    expect(message).toMatch(/^data\.x holds 1,000,000,000,000 values \(3\.6 TB\)/);
    const t = new core.Trainer(sceneToEngineConfig(defaultScene()));
    try {
      expect(refusal(() => t.predict(claims(2 ** 40), 1))).toMatch(/^predict's x holds/);
      expect(
        refusal(() =>
          t.setParameters(0, { ...t.parameters(0), '0.weight': claims(1e15) as never }),
        ),
      ).toMatch(/^parameters\.0\.weight holds/);
      expect(
        refusal(() => t.setHyperparameters({ dropout: claims(Number.NaN) as never })),
      ).toContain('dropout must be a Float32Array');
    } finally {
      t.delete();
    }
    expect(refusal(() => core.datasetInfo(claims(1e12) as never, 'huge.nnpd'))).toBeTruthy();
    stillTrains();
  });

  it('JSON past what the engine reads is refused, as a Trainer config and as a scene', () => {
    const padding = 'x'.repeat(33 * 1024 * 1024);
    const text = JSON.stringify({ ...sceneToEngineConfig(defaultScene()), pad: padding });
    expect(refusal(() => new core.Trainer(text))).toMatch(
      /^the JSON is 33 MB, more than the 32 MB/,
    );
    const scene = { ...defaultScene(), pad: padding } as unknown as Scene;
    expect(refusal(() => core.validateScene(scene))).toMatch(/^the JSON is 33 MB/);
    stillTrains();
  });

  it('validateScene refuses a scene within every field limit but past the budget', () => {
    const scene = defaultScene();
    scene.model.layers = wide(LIMITS.layers.max, LIMITS.units.max);
    scene.training = {
      ...scene.training,
      batchSize: LIMITS.batchSize.max,
      ensemble: { members: LIMITS.members.max },
    };
    scene.data = { ...scene.data, samples: LIMITS.samples.max };
    const problems = core.validateScene(scene);
    expect(problems.map((p) => p.path)).toEqual(['training.batchSize']);
    expect(problems[0]!.message).toContain('parameters');
    // The same scene with a batch of 64 fits.
    scene.training.batchSize = 64;
    expect(core.validateScene(scene)).toEqual([]);
    // Supplied rows past the catalogue's limit.
    const rows = core.validateScene(
      { ...defaultScene(), data: { name: 'supplied', dataset: 'fashion', trainFraction: 0.5 } },
      { rows: LIMITS.rows.max + 1, features: 2, classes: 2 },
    );
    expect(rows[0]?.path).toBe('data');
    expect(rows[0]?.message).toContain(`${LIMITS.rows.max + 1} rows`);
  });
});
