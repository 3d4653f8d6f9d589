// The wasm engine's module, compiled once per page (main.ts starts it first thing): the page's
// scene rules and every worker instantiate it (core-instance.ts, engine-handoff.ts), so nothing
// fetches or compiles a second copy. The .wasm files are imported through Vite (`?url`) so they
// get hashed asset URLs that resolve from the page's chunks under any base path. Both modules
// share one glue (core.mjs): core-fma.wasm, with relaxed SIMD's fused multiply-add in the
// products, where the browser has it, and core.wasm (SIMD128) elsewhere — and wherever
// core-fma.wasm fails to load (a host that lacks the file), so the page still runs.
// The single file swaps in wasm.single.ts.
import wasmUrl from '../wasm/core.wasm?url';
import fmaWasmUrl from '../wasm/core-fma.wasm?url';
import { engineWasm } from './relaxed-simd.mjs';

async function compile(url: string): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  // Streamed compilation needs the wasm type; a host that sends another gets the whole file first.
  return response.headers.get('content-type')?.startsWith('application/wasm')
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
}

async function chosen(): Promise<WebAssembly.Module> {
  if (engineWasm() === 'core.wasm') return compile(wasmUrl);
  try {
    return await compile(fmaWasmUrl);
  } catch {
    return compile(wasmUrl);
  }
}

let module: Promise<WebAssembly.Module> | null = null;

/** The engine's compiled module (compiled on the first call; a failure is tried again). */
export function engineModule(): Promise<WebAssembly.Module> {
  module ??= chosen().catch((error: unknown) => {
    module = null;
    throw error;
  });
  return module;
}
