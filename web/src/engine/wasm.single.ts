// The single file's engine module (vite.single.config.ts swaps it in for wasm.ts). The file
// carries one module, core.wasm, inlined once: core-fma.wasm would add as much again
// (docs/benchmarks.md, "Single file") for a speed-up that only large networks feel, and core.wasm
// runs in every browser with SIMD128, relaxed SIMD or not. The page compiles it once, for its
// scene rules and every worker it starts (engine-handoff.ts), so the worker's inlined code
// carries no copy of its own.
import wasmUrl from '../wasm/core.wasm?url'; // a data: URL in this build

let module: Promise<WebAssembly.Module> | null = null;

/** The engine's compiled module (decoded and compiled on the first call). */
export function engineModule(): Promise<WebAssembly.Module> {
  module ??= fetch(wasmUrl)
    .then((response) => response.arrayBuffer())
    .then((bytes) => WebAssembly.compile(bytes));
  return module;
}
