// The worker session's run controls against the real wasm module: live hyper-parameter changes
// keep the weights and survive a reset; runEpochs trains whole epochs.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrainingSession } from '../src/engine/session.ts';
import { defaultScene } from '../src/scene/index.ts';
import createCore, { type CoreModule } from '../src/wasm/core.mjs';

let core: CoreModule;

beforeAll(async () => {
  const wasmBinary = readFileSync(new URL('../src/wasm/core.wasm', import.meta.url));
  core = await createCore({ wasmBinary });
});

function lossAfter(session: TrainingSession, steps: number): number {
  session.run(steps);
  return session.snapshot(false, undefined, 1).evaluation.train.loss;
}

describe('TrainingSession run controls', () => {
  it('runEpochs trains to the end of the epoch, then whole epochs', () => {
    const session = TrainingSession.create(core, defaultScene());
    expect(session.runEpochs(1)).toMatchObject({ epoch: 1, step: 25, samples: 250 });
    session.run(3);
    expect(session.runEpochs(2)).toMatchObject({ epoch: 3, step: 75 });
    session.dispose();
  });

  it('setHyperparameters changes the running network and the scene a reset rebuilds', () => {
    const changed = TrainingSession.create(core, defaultScene());
    const same = TrainingSession.create(core, defaultScene());
    expect(lossAfter(changed, 20)).toBe(lossAfter(same, 20));
    changed.setHyperparameters({ lr: 0.5, l1: 0.01, weight_decay: 0.001 });
    expect(changed.snapshot(false, undefined, 1).progress.step).toBe(20); // the weights carried on
    expect(lossAfter(changed, 20)).not.toBe(lossAfter(same, 20));
    expect(changed.scene.optimizer).toEqual({ name: 'SGD', lr: 0.5, weight_decay: 0.001 });
    expect(changed.scene.l1).toBe(0.01);

    // A run built from the recorded scene matches one built with those settings from the start.
    const rebuilt = TrainingSession.create(core, changed.scene);
    const direct = TrainingSession.create(core, {
      ...defaultScene(),
      l1: 0.01,
      optimizer: { name: 'SGD', lr: 0.5, weight_decay: 0.001 },
    });
    expect(lossAfter(rebuilt, 10)).toBe(lossAfter(direct, 10));
    for (const s of [changed, same, rebuilt, direct]) s.dispose();
  });

  it('refuses a bad value with the engine’s message, keeping the old one', () => {
    const session = TrainingSession.create(core, defaultScene());
    // The engine checks each value (the page checked them against the fields' ranges first).
    expect(() => session.setHyperparameters({ lr: -1 })).toThrow(
      'optimizer.lr must be a number in [1e-06, 10], got -1',
    );
    expect(() => session.setHyperparameters({ dropout: [0, 0, 0.5] })).toThrow(
      /^model\.layers\[2\]\.dropout: /,
    );
    expect(session.scene.optimizer.lr).toBe(0.1);
    session.dispose();
  });
});
