// The browser's .wasm and the native build compute the same training run: same seed, same data,
// same initial weights, same losses (within 1e-5). The native side is build/native's
// native_losses, built by `npm test` before Vitest runs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultScene, sceneToEngineConfig } from '../src/scene/index.ts';
import createCore, { type CoreModule } from '../src/wasm/core.mjs';

const nativeBinary = fileURLToPath(
  new URL('../../build/native/tests/native_losses', import.meta.url),
);

interface NativeRun {
  losses: number[];
  trainLoss: number;
  testLoss: number;
  testAccuracy: number;
}

let core: CoreModule;

beforeAll(async () => {
  core = await createCore({
    wasmBinary: readFileSync(new URL('../src/wasm/core.wasm', import.meta.url)),
  });
});

describe('wasm and native builds', () => {
  for (const seed of [1, 7]) {
    it(`give the same losses for seed ${seed}`, () => {
      expect(
        existsSync(nativeBinary),
        `${nativeBinary} missing: run bash scripts/build-native.sh`,
      ).toBe(true);
      const calls = 40;
      const steps = 25; // one epoch of 250 training points per call
      const native = JSON.parse(
        execFileSync(nativeBinary, [String(seed), String(calls), String(steps)], {
          encoding: 'utf8',
        }),
      ) as NativeRun;
      // native_losses trains tests/test_config.h's skeleton config, which is the default scene.
      const trainer = new core.Trainer(sceneToEngineConfig({ ...defaultScene(), seed }));
      try {
        const losses = Array.from({ length: calls }, () => trainer.run(steps).batchLoss);
        expect(native.losses).toHaveLength(calls);
        losses.forEach((loss, i) =>
          expect(Math.abs(loss - native.losses[i]!), `call ${i}`).toBeLessThan(1e-5),
        );
        const e = trainer.evaluate();
        expect(Math.abs(e.trainLoss - native.trainLoss)).toBeLessThan(1e-5);
        expect(Math.abs(e.testLoss - native.testLoss)).toBeLessThan(1e-5);
        expect(e.testAccuracy).toBe(native.testAccuracy);
        // The run really trained: the loss fell by more than half.
        expect(losses[calls - 1]!).toBeLessThan(losses[0]! / 2);
      } finally {
        trainer.delete();
      }
    });
  }
});
