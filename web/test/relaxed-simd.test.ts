// The relaxed-SIMD build (core-fma.wasm): the opcode rewrite that makes it, and the module itself
// against core.wasm. Node 20 runs relaxed SIMD behind a V8 flag, set here for this worker.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { patchRelaxedMadd } from '../../scripts/wasm-relaxed.mjs';
import { hasRelaxedSimd } from '../src/engine/relaxed-simd.mjs';
import { defaultScene, sceneToEngineConfig } from '../src/scene/index.ts';
import createCore, { type CoreModule } from '../src/wasm/core.mjs';

const wasm = (name: string) => readFileSync(new URL(`../src/wasm/${name}`, import.meta.url));
const V128_ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];

/** A module of one () → () function with the given body (locals, instructions, end). */
function moduleWith(body: number[]): Uint8Array {
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...[0x01, 0x04, 0x01, 0x60, 0x00, 0x00], // type () → ()
    ...[0x03, 0x02, 0x01, 0x00],
    ...[0x0a, body.length + 2, 0x01, body.length, ...body],
  ]);
}

describe('scripts/wasm-relaxed.mjs', () => {
  // i32.const 22525 is encoded fd af 01, the very bytes of the prototype f32x4.fma.
  const body = [
    0x00,
    ...[0x41, 0xfd, 0xaf, 0x01, 0x1a], // i32.const 22525; drop
    ...V128_ZERO,
    ...V128_ZERO,
    ...V128_ZERO,
    ...[0xfd, 0xaf, 0x01, 0x1a], // f32x4.fma (LLVM 14); drop
    0x0b,
  ];

  it('rewrites the prototype f32x4.fma into f32x4.relaxed_madd and leaves look-alike immediates', () => {
    const { bytes, patched } = patchRelaxedMadd(moduleWith(body));
    expect(patched).toBe(1);
    const code = Array.from(bytes.slice(bytes.length - body.length));
    expect(code.slice(1, 5)).toEqual([0x41, 0xfd, 0xaf, 0x01]);
    expect(code.slice(6 + 3 * 18, 6 + 3 * 18 + 3)).toEqual([0xfd, 0x85, 0x02]);
  });

  it('refuses a function body whose instructions overrun its size', () => {
    const broken = [...body.slice(0, -1), 0x41]; // i32.const without its immediate, no end
    expect(() => patchRelaxedMadd(moduleWith(broken))).toThrow(/wasm-relaxed/);
  });
});

describe('core-fma.wasm', () => {
  let base: CoreModule;
  let fma: CoreModule;
  beforeAll(async () => {
    setFlagsFromString('--experimental-wasm-relaxed-simd');
    base = await createCore({ wasmBinary: wasm('core.wasm') });
    fma = await createCore({ wasmBinary: wasm('core-fma.wasm') });
  });

  it('validates where relaxed SIMD runs, and exports what core.wasm exports', () => {
    expect(hasRelaxedSimd()).toBe(true);
    const names = (bytes: Buffer) =>
      WebAssembly.Module.exports(new WebAssembly.Module(new Uint8Array(bytes))).map(
        (e) => `${e.kind} ${e.name}`,
      );
    expect(names(wasm('core-fma.wasm'))).toEqual(names(wasm('core.wasm')));
    expect(fma.simdArch()).toBe('wasm/4+madd');
    expect(base.simdArch()).toBe('wasm/4');
  });

  it('trains the default scene to the same losses within float rounding, not the same bits', () => {
    const config = sceneToEngineConfig(defaultScene());
    const run = (core: CoreModule) => {
      const t = new core.Trainer(config);
      t.runEpochs(20);
      const e = t.evaluate();
      const w = t.parameters(0)['0.weight']!;
      t.delete();
      return { loss: e.train.loss, w: Array.from(w) };
    };
    const a = run(base);
    const b = run(fma);
    expect(Math.abs(a.loss - b.loss)).toBeLessThan(1e-4 * Math.abs(a.loss) + 1e-6);
    a.w.forEach((v, i) => expect(Math.abs(v - b.w[i]!)).toBeLessThan(1e-4 * Math.abs(v) + 1e-5));
    expect(b.w).not.toEqual(a.w); // the fused products did run
  });
});
