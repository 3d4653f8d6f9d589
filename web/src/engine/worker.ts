// The training worker: owns the wasm module, the current run and the training loop, so the
// page's main thread never trains. Protocol in ./protocol.ts.
import type { CoreModule } from '../wasm/core.mjs';
import { ChunkSizer, Throttle } from './pacing.ts';
import {
  EXTRAS_PER_SECOND,
  type FromWorker,
  type SnapshotMessage,
  type ToWorker,
  type ViewRequest,
} from './protocol.ts';
import { isFatal, messageOf, TrainingSession } from './session.ts';
import { loadCore } from './wasm.ts';

/** The parts of DedicatedWorkerGlobalScope used here (the DOM and WebWorker libs conflict). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

/** Each chunk of steps takes about this long, so a pause waits at most this much. */
const CHUNK_MS = 8;
/** Most steps one `step` request may ask for (a chunk while playing is sized by time instead). */
const MAX_STEPS = 1_000_000;
/** Snapshots per second while playing, at most. */
const SNAPSHOTS_PER_SECOND = 30;

let session: TrainingSession | null = null;
let playing = false;
/** Set after a fatal error: the module is in an unknown state and nothing more may run. */
let dead = false;
const sizer = new ChunkSizer(CHUNK_MS);
const snapshotThrottle = new Throttle(1000 / SNAPSHOTS_PER_SECOND);
const extrasThrottle = new Throttle(1000 / EXTRAS_PER_SECOND);
/** The optional views the page shows (setViews): their data rides on snapshots. */
let views: ViewRequest = { confusion: false, images: false };

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function sendSnapshot(): void {
  if (!session) return;
  const now = performance.now();
  // Paused, every snapshot answers a request and carries the views' data; playing, at most
  // EXTRAS_PER_SECOND of them do (each predicts the whole test set).
  const extras = !playing || extrasThrottle.take(now);
  const snapshot = session.snapshot(playing, {
    confusion: extras && views.confusion,
    images: extras && views.images,
  });
  snapshotThrottle.mark(now);
  post(snapshot, transferables(snapshot));
}

function transferables(snapshot: SnapshotMessage): Transferable[] {
  const buffers: Transferable[] = [snapshot.grid.buffer, snapshot.curve.buffer];
  if (snapshot.confusion) buffers.push(snapshot.confusion.counts.buffer);
  const images = snapshot.images;
  if (images) buffers.push(images.rows.buffer, images.predicted.buffer, images.actual.buffer);
  if (images) buffers.push(images.pixels.buffer);
  return buffers;
}

function sendPoints(): void {
  if (!session) return;
  const points = session.points();
  post(points, [points.train.buffer, points.validation.buffer, points.test.buffer]);
}

/** Reports `error`: a fatal one kills this worker, any other pauses training. */
function report(error: unknown): void {
  playing = false;
  if (isFatal(error)) {
    dead = true;
    session = null; // Not deleted: the heap may be corrupt. The page terminates this worker.
    post({ type: 'fatal', message: messageOf(error) });
    return;
  }
  post({ type: 'error', message: messageOf(error) });
  try {
    sendSnapshot();
  } catch (snapshotError) {
    if (isFatal(snapshotError)) report(snapshotError);
  }
}

/** Installs `next` as the current run (deleting the old one) and pauses. */
function replace(next: TrainingSession): void {
  playing = false;
  session?.dispose();
  session = next;
  sendPoints();
  sendSnapshot();
}

function requireSession(): TrainingSession {
  if (!session) throw new Error('no scene is loaded yet');
  return session;
}

// ---- the training loop ---------------------------------------------------------------------
// One chunk per task; between chunks the worker yields through a MessageChannel (setTimeout(0)
// is clamped to 4 ms when nested), so a `pause` message is handled within about CHUNK_MS.

const loopChannel = new MessageChannel();
let chunkQueued = false;

function queueChunk(): void {
  if (chunkQueued) return;
  chunkQueued = true;
  loopChannel.port2.postMessage(null);
}

function runChunk(): void {
  chunkQueued = false;
  if (!playing || !session || dead) return;
  try {
    const start = performance.now();
    session.run(sizer.steps);
    const end = performance.now();
    sizer.record(end - start);
    if (snapshotThrottle.take(end)) sendSnapshot();
  } catch (error) {
    report(error);
    return;
  }
  queueChunk();
}
loopChannel.port1.onmessage = runChunk;

// ---- requests --------------------------------------------------------------------------------

function handle(core: CoreModule, request: ToWorker): void {
  switch (request.type) {
    case 'load':
      replace(TrainingSession.create(core, request.scene, request.files ?? null));
      return;
    case 'reset': {
      const current = requireSession();
      replace(TrainingSession.create(core, current.scene, current.files));
      return;
    }
    case 'play':
      requireSession();
      playing = true;
      sendSnapshot();
      queueChunk();
      return;
    case 'pause':
      playing = false;
      sendSnapshot();
      return;
    case 'step':
      playing = false;
      if (!Number.isInteger(request.steps) || request.steps < 1 || request.steps > MAX_STEPS) {
        throw new Error(
          `step: steps must be an integer in [1, ${MAX_STEPS}], got ${request.steps}`,
        );
      }
      requireSession().run(request.steps);
      sendSnapshot();
      return;
    case 'setLearningRate':
      requireSession().setLearningRate(request.lr);
      sendSnapshot();
      return;
    case 'setViews':
      views = { confusion: request.views.confusion, images: request.views.images };
      if (session && !playing) sendSnapshot();
      else extrasThrottle.mark(-Infinity); // the next snapshot while playing carries them
      return;
  }
}

const core: Promise<CoreModule | null> = loadCore().then(
  (module) => {
    post({ type: 'ready', arch: module.simdArch() });
    return module;
  },
  (error: unknown) => {
    dead = true;
    post({ type: 'fatal', message: `could not load the engine: ${messageOf(error)}` });
    return null;
  },
);

scope.onmessage = (event) => {
  const request = event.data;
  // Requests that arrive while the module loads wait for it, in order.
  void core.then((module) => {
    if (!module || dead) return;
    try {
      handle(module, request);
    } catch (error) {
      report(error);
    }
  });
};
