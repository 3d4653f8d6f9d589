// The single file's worker (vite.single.config.ts swaps it in for worker-factory.ts): its code is
// inlined in the page and started from a blob: URL — from file:// only a classic worker starts
// from blob: (worker.format 'iife'); a module worker fails there without a word. Its first
// message is the engine the page compiled (engine-handoff.ts).
import EngineWorker from './worker.ts?worker&inline';
import { withEngine } from './engine-handoff.ts';
import type { WorkerFactory } from './worker-factory.ts';

export const createEngineWorker: WorkerFactory = () => withEngine(new EngineWorker());
