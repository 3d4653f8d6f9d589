// The single loader of the wasm engine in the browser (the worker calls it once).
// The .wasm files are imported through Vite (`?url`) so they get hashed asset URLs that resolve
// from inside the worker chunk under any base path. Both modules share one glue (core.mjs):
// core-fma.wasm, with relaxed SIMD's fused multiply-add in the products, where the browser has it,
// and core.wasm (SIMD128) elsewhere — and wherever core-fma.wasm fails to load (a host that lacks
// the file, an engine whose relaxed SIMD misbehaves), so the page still runs.
import createCore, { type CoreModule } from '../wasm/core.mjs';
import wasmUrl from '../wasm/core.wasm?url';
import fmaWasmUrl from '../wasm/core-fma.wasm?url';
import { engineWasm } from './relaxed-simd.mjs';

function load(url: string, quiet = false): Promise<CoreModule> {
  return createCore({
    locateFile: (path, prefix) => (path.endsWith('.wasm') ? url : prefix + path),
    // A failed attempt at core-fma.wasm is not an error the page should show.
    ...(quiet ? { printErr: () => {} } : {}),
  });
}

export async function loadCore(): Promise<CoreModule> {
  if (engineWasm() === 'core.wasm') return load(wasmUrl);
  try {
    return await load(fmaWasmUrl, true);
  } catch {
    return load(wasmUrl);
  }
}
