// The labs' engine (wasm/lab_bindings.cpp → core-labs.wasm): loaded once per page, on the first
// lab that asks, on the main thread — the labs' computations are small (a 2-D surface, one
// expression's graph). Labs that train networks use workers running the page's engine instead.
import createLabsCore, { type LabsCoreModule } from '../wasm/core-labs.mjs';
import wasmUrl from '../wasm/core-labs.wasm?url';

let engine: Promise<LabsCoreModule> | null = null;

/** The labs' engine (instantiated on the first call; a failure is tried again on the next). */
export function labEngine(): Promise<LabsCoreModule> {
  engine ??= createLabsCore({ locateFile: () => wasmUrl }).catch((error: unknown) => {
    engine = null;
    throw error;
  });
  return engine;
}
