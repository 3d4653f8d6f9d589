// How a variant lab starts its training worker: from its own chunk beside the page (the hosted
// build), its first message the engine the page compiled (engine-handoff.ts), as the
// playground's worker. The single-file build (vite.single.config.ts) swaps in
// variants-worker-factory.single.ts.
import { withEngine } from '../../engine/engine-handoff.ts';

/** Vite bundles the worker from this exact `new Worker(new URL(…), …)` pattern. */
export function startVariantsWorker(): Worker {
  return withEngine(
    new Worker(new URL('./variants-worker.ts', import.meta.url), { type: 'module' }),
  );
}
