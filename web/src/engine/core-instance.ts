// The engine from a module compiled once: the page compiles the wasm (wasm.ts) and instantiates
// the compiled WebAssembly.Module for its scene rules (scene-rules.ts) and in every worker
// (worker-engine.ts), so nothing fetches or compiles a second copy (issue 13's ready budget,
// docs/benchmarks.md).
import createCore, { type CoreModule, type CoreOptions } from '../wasm/core.mjs';

/** The glue around an instance of `module` (compiled from core.wasm or core-fma.wasm). */
export function instantiateCore(
  module: WebAssembly.Module,
  options: Omit<CoreOptions, 'instantiateWasm'> = {},
): Promise<CoreModule> {
  return new Promise((resolve, reject) => {
    createCore({
      ...options,
      instantiateWasm(imports, receive) {
        // Asynchronous: the main thread may not instantiate a large module synchronously.
        WebAssembly.instantiate(module, imports)
          .then((instance) => receive(instance, module))
          .catch(reject); // a module that is not the engine fails in the glue's receive
        return {};
      },
    }).then(resolve, reject);
  });
}
