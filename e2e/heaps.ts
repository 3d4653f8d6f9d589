// The page's and its training worker's memory after a garbage collection, read through Chromium's
// devtools protocol: each JS heap (Runtime.getHeapUsage after HeapProfiler.collectGarbage) and the
// engine's (engine/engine-memory.ts, the worker's global ENGINE_MEMORY). The worker is reached
// through the page's session (Target.setAutoAttach, messages wrapped in sendMessageToTarget):
// Playwright gives no devtools session of a worker's own. For the soak benchmark and its test.
import type { CDPSession, Page } from '@playwright/test';
import { ENGINE_MEMORY, type EngineMemory } from '../web/src/engine/engine-memory.ts';

/** One JS heap (a page's or a worker's), in bytes. */
export interface JsHeap {
  /** Live JS objects. */
  js: number;
  /** The embedder's objects (the DOM, for the page). */
  embedder: number;
  /** ArrayBuffers' contents (typed arrays, the wasm memory itself in the worker). */
  buffers: number;
}

export interface Heaps {
  page: JsHeap;
  worker: JsHeap;
  engine: EngineMemory;
}

interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

const heap = (usage: HeapUsage): JsHeap => ({
  js: usage.usedSize,
  embedder: usage.embedderHeapUsedSize ?? 0,
  buffers: usage.backingStorageSize ?? 0,
});

export class HeapProbe {
  private worker: string | null = null;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    (reply: { result?: unknown; error?: unknown }) => void
  >();

  private constructor(private readonly session: CDPSession) {
    session.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') this.worker = event.sessionId;
    });
    session.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId === this.worker) this.worker = null;
    });
    session.on('Target.receivedMessageFromTarget', (event) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
      if (reply.id !== undefined) this.waiting.get(reply.id)?.(reply);
    });
  }

  /** A probe of `page` and of the training worker it starts (the latest, after a restart). */
  static async attach(page: Page): Promise<HeapProbe> {
    const probe = new HeapProbe(await page.context().newCDPSession(page));
    await probe.session.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    return probe;
  }

  /** Both heaps and the engine's memory, each after a full garbage collection. */
  async measure(): Promise<Heaps> {
    for (let i = 0; i < 2; i++) {
      await this.session.send('HeapProfiler.collectGarbage');
      await this.inWorker('HeapProfiler.collectGarbage');
    }
    const page = heap(await this.session.send('Runtime.getHeapUsage'));
    const worker = heap((await this.inWorker('Runtime.getHeapUsage')) as HeapUsage);
    const { result } = (await this.inWorker('Runtime.evaluate', {
      expression: `${ENGINE_MEMORY}()`,
      returnByValue: true,
    })) as { result: { value?: EngineMemory; description?: string } };
    if (!result.value) throw new Error(`${ENGINE_MEMORY}() in the worker: ${result.description}`);
    return { page, worker, engine: result.value };
  }

  /** Snapshots the worker has posted since the first call (which starts counting them). */
  async snapshots(): Promise<number> {
    const { result } = (await this.inWorker('Runtime.evaluate', {
      expression: `(() => {
        if (self.nnpSnapshots === undefined) {
          self.nnpSnapshots = 0;
          const post = self.postMessage.bind(self);
          self.postMessage = (message, transfer) => {
            if (message?.type === 'snapshot') self.nnpSnapshots += 1;
            post(message, transfer);
          };
        }
        return self.nnpSnapshots;
      })()`,
      returnByValue: true,
    })) as { result: { value: number } };
    return result.value;
  }

  async detach(): Promise<void> {
    await this.session.detach();
  }

  /** Sends `method` to the worker's session; its result. */
  private async inWorker(method: string, params: object = {}): Promise<unknown> {
    const deadline = Date.now() + 30_000;
    while (!this.worker) {
      if (Date.now() > deadline) throw new Error('HeapProbe: the page has no training worker');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const id = this.nextId++;
    const reply = new Promise<{ result?: unknown; error?: unknown }>((resolve) =>
      this.waiting.set(id, resolve),
    );
    await this.session.send('Target.sendMessageToTarget', {
      sessionId: this.worker,
      message: JSON.stringify({ id, method, params }),
    });
    const { result, error } = await reply;
    this.waiting.delete(id);
    if (error) throw new Error(`${method} in the worker: ${JSON.stringify(error)}`);
    return result;
  }
}

/** after − before, field by field. */
export function growth(before: Heaps, after: Heaps): Heaps {
  const minus = <T extends object>(a: T, b: T): T =>
    Object.fromEntries(
      Object.entries(a).map(([key, value]) => [
        key,
        (value as number) - (b[key as keyof T] as number),
      ]),
    ) as T;
  return {
    page: minus(after.page, before.page),
    worker: minus(after.worker, before.worker),
    engine: minus(after.engine, before.engine),
  };
}
