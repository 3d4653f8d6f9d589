// The worker's engine: the page compiles the wasm module once (wasm.ts, or wasm.single.ts in the
// single file) and hands the compiled WebAssembly.Module to every worker it starts in its first
// message (engine-handoff.ts), so no worker fetches or compiles a copy of its own, and the page's
// scene rules run the same module (issue 13's ready budget, docs/benchmarks.md). That message is
// taken here, before worker.ts's handler, which never sees it.
import type { CoreModule } from '../wasm/core.mjs';
import { instantiateCore } from './core-instance.ts';

/** The page's first message to a worker: the compiled engine, or why there is none. */
export type EngineMessage = { engine: WebAssembly.Module } | { engineError: string };

function isEngineMessage(data: unknown): data is EngineMessage {
  return typeof data === 'object' && data !== null && ('engine' in data || 'engineError' in data);
}

const fromPage = new Promise<WebAssembly.Module>((resolve, reject) => {
  const take = (event: MessageEvent) => {
    if (!isEngineMessage(event.data)) return;
    event.stopImmediatePropagation();
    self.removeEventListener('message', take);
    if ('engine' in event.data) resolve(event.data.engine);
    else reject(new Error(event.data.engineError));
  };
  // Listeners run in the order they were added; this module runs before worker.ts's body.
  self.addEventListener('message', take);
});

export async function loadCore(): Promise<CoreModule> {
  return instantiateCore(await fromPage);
}
