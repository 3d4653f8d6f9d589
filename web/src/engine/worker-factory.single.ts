// The single file's worker (vite.single.config.ts swaps it in for worker-factory.ts): its code is
// inlined in the page and started from a blob: URL — from file:// only a classic worker starts
// from blob: (worker.format 'iife'); a module worker fails there without a word. Its first
// message is the engine's bytes, which the page holds (wasm.single.ts).
import EngineWorker from './worker.ts?worker&inline';
import { coreBytes } from './wasm.single.ts';
import type { CoreBytesMessage } from './wasm.single-worker.ts';
import type { WorkerFactory } from './worker-factory.ts';

export const createEngineWorker: WorkerFactory = () => {
  const worker = new EngineWorker();
  // A copy: the page keeps its bytes for the workers that replace a crashed one.
  void coreBytes().then((bytes) => {
    const message: CoreBytesMessage = { coreBytes: bytes.slice(0) };
    worker.postMessage(message, [message.coreBytes]);
  });
  return worker;
};
