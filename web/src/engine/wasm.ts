// The single loader of the wasm engine in the browser (the worker calls it once).
// The .wasm is imported through Vite (`?url`) so it gets a hashed asset URL that resolves from
// inside the worker chunk under any base path.
import createCore, { type CoreModule } from '../wasm/core.mjs';
import wasmUrl from '../wasm/core.wasm?url';

export function loadCore(): Promise<CoreModule> {
  return createCore({
    locateFile: (path, prefix) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  });
}
