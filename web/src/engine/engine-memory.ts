// The engine's memory in the training worker, for the soak benchmark (bench/bench-soak.mjs) and
// its short test (e2e/soak.spec.ts): docs/reliability.md, "Soak". They read it through the worker's
// global ENGINE_MEMORY (worker.ts installs it) with the browser's devtools protocol, which is the
// only reach into a worker's globals (neither the page nor a host page has one), so the worker
// protocol carries nothing for it.
import type { CoreModule } from '../wasm/core.mjs';

export interface EngineMemory {
  /** The wasm memory's size (it grows, never shrinks). */
  wasmBytes: number;
  /** The allocator's bytes in use (CoreModule.heapInUse). */
  heapInUse: number;
  /** Embind's live handles on JS values (CoreModule.count_emval_handles). */
  emvalHandles: number;
}

/** The name of the worker's global function that returns EngineMemory. */
export const ENGINE_MEMORY = 'nnpEngineMemory';

export function engineMemory(core: CoreModule): EngineMemory {
  return {
    wasmBytes: core.HEAP8.buffer.byteLength,
    heapInUse: core.heapInUse(),
    emvalHandles: core.count_emval_handles(),
  };
}
