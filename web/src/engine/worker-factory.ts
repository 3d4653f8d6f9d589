// How the page starts its training worker: from its own chunk beside the page (the hosted build),
// its first message the engine the page compiled (engine-handoff.ts). The single-file build
// (vite.single.config.ts) swaps in worker-factory.single.ts.
import { withEngine } from './engine-handoff.ts';

export type WorkerFactory = () => Worker;

/** Vite bundles the worker from this exact `new Worker(new URL(…), …)` pattern. */
export const createEngineWorker: WorkerFactory = () =>
  withEngine(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
