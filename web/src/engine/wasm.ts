// The single loader of the wasm engine in the browser (the worker calls it once).
// The .wasm files are imported through Vite (`?url`) so they get hashed asset URLs that resolve
// from inside the worker chunk under any base path. Both modules share one glue (core.mjs);
// core-fma.wasm, with relaxed SIMD's fused multiply-add in the products, where the browser has it.
import createCore, { type CoreModule } from '../wasm/core.mjs';
import wasmUrl from '../wasm/core.wasm?url';
import fmaWasmUrl from '../wasm/core-fma.wasm?url';
import { hasRelaxedSimd } from './relaxed-simd.mjs';

export function loadCore(): Promise<CoreModule> {
  const url = hasRelaxedSimd() ? fmaWasmUrl : wasmUrl;
  return createCore({
    locateFile: (path, prefix) => (path.endsWith('.wasm') ? url : prefix + path),
  });
}
