// The page's side of worker-engine.ts: every worker it starts gets the engine the page compiled
// (wasm.ts: once per page, also for its scene rules) as its first message; a compile that failed
// is passed on as its message, which the worker reports as its fatal error.
import { engineModule } from './wasm.ts';
import type { EngineMessage } from './worker-engine.ts';

/** `worker`, once it has been sent the page's compiled engine. */
export function withEngine(worker: Worker): Worker {
  engineModule().then(
    (engine) => worker.postMessage({ engine } satisfies EngineMessage),
    (error: unknown) =>
      worker.postMessage({
        engineError: error instanceof Error ? error.message : String(error),
      } satisfies EngineMessage),
  );
  return worker;
}
