// The labs' training worker (issue 16): trains many variants of a scene at once with the page's
// engine (the module the page compiled, handed over as for the playground's worker), round-robin
// one epoch (a range test: a few steps) per variant per round, in slices of about SLICE_MS, so a
// new `start` is handled at once; it posts what changed at most UPDATES_PER_SECOND
// times a second. Each variant is a TrainingSession: the playground's scene → engine path.
import type { CoreModule } from '../../wasm/core.mjs';
import { isFatal, messageOf } from '../../engine/session.ts';
import { loadCore } from '../../engine/worker-engine.ts';
import { UPDATES_PER_SECOND, type FromVariantsWorker, type ToVariantsWorker } from './protocol.ts';
import { RunningJob } from './variant-job.ts';

interface WorkerScope {
  postMessage(message: FromVariantsWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToVariantsWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

/** Each slice of rounds takes about this long before the worker yields to its messages. */
const SLICE_MS = 12;

let jobs: RunningJob[] = [];
let run = 0;
let dead = false;
let lastPost = -Infinity;

function post(message: FromVariantsWorker): void {
  const transfer =
    message.type === 'update'
      ? message.updates.flatMap((update) => [update.grid.buffer, update.trainPoints.buffer])
      : [];
  scope.postMessage(message, transfer);
}

function postUpdates(): void {
  const updates = jobs.flatMap((job) => job.update() ?? []);
  lastPost = performance.now();
  post({ type: 'update', run, updates, finished: jobs.every((job) => job.finished) });
}

function stop(): void {
  for (const job of jobs) job.dispose();
  jobs = [];
}

function fail(error: unknown): void {
  dead = true;
  jobs = []; // not disposed: after a trap the heap may be corrupt; the page ends this worker
  post({ type: 'fatal', message: messageOf(error) });
}

// ---- the loop: one slice per task, yielding through a MessageChannel (as engine/worker.ts) ----
const loop = new MessageChannel();
let queued = false;

function queueSlice(): void {
  if (queued) return;
  queued = true;
  loop.port2.postMessage(null);
}

function slice(): void {
  queued = false;
  if (dead || jobs.length === 0) return;
  try {
    const start = performance.now();
    let active = jobs.filter((job) => !job.finished);
    while (active.length > 0 && performance.now() - start < SLICE_MS) {
      for (const job of active) job.advance();
      active = active.filter((job) => !job.finished);
    }
    const now = performance.now();
    if (active.length === 0 || now - lastPost >= 1000 / UPDATES_PER_SECOND) postUpdates();
    if (active.length > 0) queueSlice();
  } catch (error) {
    if (isFatal(error)) fail(error);
  }
}
loop.port1.onmessage = slice;

function handle(core: CoreModule, request: ToVariantsWorker): void {
  stop();
  run = request.run;
  try {
    jobs = request.jobs.map((job) => new RunningJob(core, job));
  } catch (error) {
    stop();
    if (isFatal(error)) throw error;
    post({ type: 'error', run, message: messageOf(error) });
    return;
  }
  lastPost = -Infinity;
  postUpdates();
  queueSlice();
}

const core: Promise<CoreModule | null> = loadCore().catch((error: unknown) => {
  fail(new Error(`could not load the engine: ${messageOf(error)}`));
  return null;
});

scope.onmessage = (event) => {
  void core.then((module) => {
    if (!module || dead) return;
    try {
      handle(module, event.data);
    } catch (error) {
      fail(error);
    }
  });
};
