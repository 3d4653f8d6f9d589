// The variant labs' second path: the same scenes trained headless, under Node, by the engine the
// page runs — for the comparisons in regularisation-lab.spec.ts and sweeps-lab.spec.ts. The page
// is made to run core.wasm (its relaxed-SIMD probe refused, as in a browser without relaxed
// SIMD), the module read here from disk: the same instructions on the same inputs, and wasm's SIMD128 and scalar
// float arithmetic are deterministic IEEE 754 (no fused multiply-add, which core-fma.wasm's
// relaxed SIMD leaves to the machine), so the numbers must agree to the last bit.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkSceneWith } from '../web/src/engine/scene-check.ts';
import { sceneToEngineConfig, type Scene } from '../web/src/scene/index.ts';
import createCore, {
  type CoreModule,
  type Evaluation,
  type Progress,
  type Trainer,
} from '../web/src/wasm/core.mjs';

let core: Promise<CoreModule> | null = null;

/** core.wasm under Node. */
export function headlessCore(): Promise<CoreModule> {
  core ??= createCore({
    wasmBinary: readFileSync(new URL('../web/src/wasm/core.wasm', import.meta.url)),
  });
  return core;
}

/** Makes `page` run core.wasm: the engine's relaxed-SIMD probe (engine/relaxed-simd.mjs, the
 *  only module holding f32x4.relaxed_madd, opcode 0xfd 0x85 0x02) is refused. Returns the wasm
 *  files the page fetches, to check which one it ran. */
export async function useCoreWasm(page: Page): Promise<string[]> {
  await page.addInitScript(() => {
    const validate = WebAssembly.validate.bind(WebAssembly);
    WebAssembly.validate = (source) => {
      const bytes = ArrayBuffer.isView(source)
        ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
        : new Uint8Array(source);
      if (bytes.length < 200) {
        for (let i = 0; i + 2 < bytes.length; i++)
          if (bytes[i] === 0xfd && bytes[i + 1] === 0x85 && bytes[i + 2] === 0x02) return false;
      }
      return validate(source);
    };
  });
  const fetched: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (name.endsWith('.wasm')) fetched.push(name);
  });
  return fetched;
}

/** Whether the wasm files fetched are core.wasm's alone (its hashed name: core-<hash>.wasm). */
export function ranCoreWasm(fetched: readonly string[]): boolean {
  return (
    fetched.length > 0 &&
    fetched.every((name) => /^core-[\w-]+\.wasm$/.test(name) && !name.startsWith('core-fma'))
  );
}

/** A Trainer of `scene`, built as the page builds it (the scene checked, then converted), given
 *  to `use` and deleted after. */
async function withTrainer<T>(scene: Scene, use: (trainer: Trainer) => T): Promise<T> {
  const core = await headlessCore();
  const trainer = new core.Trainer(sceneToEngineConfig(checkSceneWith(core, scene)));
  try {
    return use(trainer);
  } finally {
    trainer.delete();
  }
}

/** `scene` trained headless for `epochs` epochs in one call (or until early stopping): its
 *  evaluation and its epochs. */
export function trainHeadless(
  scene: Scene,
  epochs: number,
): Promise<{ evaluation: Evaluation; epoch: number }> {
  return withTrainer(scene, (trainer) => {
    const { epoch } = trainer.runEpochs(epochs);
    return { evaluation: trainer.evaluate(), epoch };
  });
}

/** The steps of one epoch of `scene`, and its progress after `epochs` epochs. */
export function epochsHeadless(
  scene: Scene,
  epochs: number,
): Promise<{ steps: number; progress: Progress }> {
  return withTrainer(scene, (trainer) => {
    const steps = trainer.runEpochs(1).step;
    return { steps, progress: trainer.runEpochs(epochs - 1) };
  });
}

/** Each step's rate (before the step) and batch loss, one step at a time, as a range test. */
export function rangeHeadless(
  scene: Scene,
  steps: number,
): Promise<{ rates: number[]; losses: number[] }> {
  return withTrainer(scene, (trainer) => {
    const rates: number[] = [];
    const losses: number[] = [];
    for (let i = 0; i < steps; i++) {
      rates.push(trainer.learningRate());
      losses.push(trainer.run(1).batchLoss);
    }
    return { rates, losses };
  });
}

/** The data-value of every cell of the table's body, row by row (keyed by `key`'s data attribute). */
export async function tableValues(
  page: Page,
  selector: string,
  key: string,
): Promise<Record<string, number[]>> {
  return page
    .locator(`${selector} tbody tr`)
    .evaluateAll(
      (rows, attribute) =>
        Object.fromEntries(
          rows.map((row) => [
            (row as HTMLElement).dataset[attribute] ?? '',
            Array.from(row.querySelectorAll('td'), (td) => Number(td.dataset.value)),
          ]),
        ),
      key,
    );
}
