// The single file's engine loader on the page (vite.single.config.ts swaps it in for wasm.ts).
// The file carries one module, core.wasm, inlined once: core-fma.wasm would add as much again
// (docs/benchmarks.md, "Single file") for a speed-up that only large networks feel, and core.wasm
// runs in every browser with SIMD128, relaxed SIMD or not. The page decodes the bytes once, for its
// scene rules, and hands a copy to each worker it starts (worker-factory.single.ts), so the worker's
// code does not carry a second copy (wasm.single-worker.ts).
import createCore, { type CoreModule } from '../wasm/core.mjs';
import wasmUrl from '../wasm/core.wasm?url'; // a data: URL in this build

let bytes: Promise<ArrayBuffer> | null = null;

/** core.wasm's bytes, decoded once from the page. */
export function coreBytes(): Promise<ArrayBuffer> {
  bytes ??= fetch(wasmUrl).then((response) => response.arrayBuffer());
  return bytes;
}

export async function loadCore(): Promise<CoreModule> {
  return createCore({ wasmBinary: await coreBytes() });
}
