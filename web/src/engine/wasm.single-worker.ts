// The single file's engine loader in the worker (vite.single.config.ts swaps it in for wasm.ts in
// the worker's bundle): the module's bytes come from the page, in the first message it sends
// (worker-factory.single.ts), so the worker's inlined code carries no copy of its own. That
// message is taken here, before worker.ts's handler, which never sees it.
import createCore, { type CoreModule } from '../wasm/core.mjs';

/** The page's first message to a single-file worker. */
export interface CoreBytesMessage {
  coreBytes: ArrayBuffer;
}

function isCoreBytes(data: unknown): data is CoreBytesMessage {
  return typeof data === 'object' && data !== null && 'coreBytes' in data;
}

const fromPage = new Promise<ArrayBuffer>((resolve) => {
  const take = (event: MessageEvent) => {
    if (!isCoreBytes(event.data)) return;
    event.stopImmediatePropagation();
    self.removeEventListener('message', take);
    resolve(event.data.coreBytes);
  };
  // Listeners run in the order they were added; this module runs before worker.ts's body.
  self.addEventListener('message', take);
});

export async function loadCore(): Promise<CoreModule> {
  return createCore({ wasmBinary: await fromPage });
}
