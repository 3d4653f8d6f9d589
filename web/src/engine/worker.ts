// The training worker: owns the wasm module, the current run and the training loop, so the
// page's main thread never trains. Protocol in ./protocol.ts.
import type { CoreModule } from '../wasm/core.mjs';
import { checkPace, CLASSROOM_PACE, stepsPerSecond, type Pace } from './pace.ts';
import { ChunkSizer, StepPacer, Throttle } from './pacing.ts';
import {
  EXTRAS_PER_SECOND,
  type FromWorker,
  type SnapshotMessage,
  type ToWorker,
  type Unstamped,
  type ViewRequest,
} from './protocol.ts';
import { DATASETS } from '../scene/index.ts';
import { generatorPoints, isFatal, messageOf, TrainingSession } from './session.ts';
import { loadCore } from './worker-engine.ts';
import { ENGINE_MEMORY, engineMemory } from './engine-memory.ts';

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
/** Most epochs one `stepEpochs` request may ask for. */
const MAX_EPOCHS = 10_000;
/** Snapshots per second while playing, at most. */
const SNAPSHOTS_PER_SECOND = 30;

let session: TrainingSession | null = null;
/** The run of the last request handled: every reply and snapshot carries it (protocol.ts). */
let run = 0;
let playing = false;
/** Set after a fatal error: the module is in an unknown state and nothing more may run. */
let dead = false;
const sizer = new ChunkSizer(CHUNK_MS);
let snapshotThrottle = new Throttle(1000 / SNAPSHOTS_PER_SECOND);
/** The pace control's setting; the pacer turns it into the current run's steps per second
 *  (unlimited: chunks sized by time alone). */
let pace: Pace = CLASSROOM_PACE;
const pacer = new StepPacer(null);
/** The timer that wakes a paced loop when its next step is due. */
let pacedWake: ReturnType<typeof setTimeout> | null = null;
const extrasThrottle = new Throttle(1000 / EXTRAS_PER_SECOND);
/** The optional views the page shows (setViews): their data rides on snapshots. */
let views: ViewRequest = { network: false, confusion: false, images: false };

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function sendSnapshot(): void {
  if (!session) return;
  const now = performance.now();
  // Paused, every snapshot answers a request and carries the views' data; playing, at most
  // EXTRAS_PER_SECOND of them carry the confusion matrix and images (each predicts the whole
  // test set); the network diagram's data rides on every snapshot while it is shown.
  const extras = !playing || extrasThrottle.take(now);
  const snapshot = session.snapshot(playing, {
    network: views.network,
    confusion: extras && views.confusion,
    images: extras && views.images,
  });
  snapshotThrottle.mark(now);
  post({ ...snapshot, run }, transferables(snapshot));
}

function transferables(snapshot: Unstamped<SnapshotMessage>): Transferable[] {
  const buffers: Transferable[] = [snapshot.grid.buffer, snapshot.curve.buffer];
  const network = snapshot.network;
  if (network) {
    buffers.push(network.maps.buffer);
    for (const a of [...Object.values(network.parameters), ...Object.values(network.gradients)]) {
      buffers.push(a.buffer);
    }
  }
  if (snapshot.confusion) buffers.push(snapshot.confusion.counts.buffer);
  const images = snapshot.images;
  if (images) buffers.push(images.rows.buffer, images.predicted.buffer, images.actual.buffer);
  if (images) buffers.push(images.pixels.buffer);
  return buffers;
}

function sendPoints(): void {
  if (!session) return;
  const points = session.points();
  post({ ...points, run }, [points.train.buffer, points.validation.buffer, points.test.buffer]);
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
  post({ type: 'error', run, message: messageOf(error) });
  try {
    sendSnapshot();
  } catch (snapshotError) {
    if (isFatal(snapshotError)) report(snapshotError);
  }
}

/** Paces the loop at `pace` for the current run (an epoch's steps depend on its data and batch). */
function applyPace(): void {
  pacer.setRate(session ? stepsPerSecond(pace, session.stepsPerEpoch) : null);
  cancelWake();
}

/** Installs `next` as the current run (deleting the old one) and pauses. */
function replace(next: TrainingSession): void {
  playing = false;
  session?.dispose();
  session = next;
  applyPace();
  sendPoints();
  sendSnapshot();
}

/** Posts the answer to a request with an id (saveModel, testPredictions): `reply()`, or if it
 *  throws a plain Error, `refusal(its message)`; a fatal error propagates (the worker is lost). */
function answer<M extends FromWorker>(
  reply: () => M,
  refusal: (error: string) => M,
  transfer: (message: M) => Transferable[] = () => [],
): void {
  let message: M;
  try {
    message = reply();
  } catch (error) {
    if (isFatal(error)) throw error;
    message = refusal(messageOf(error));
  }
  post(message, transfer(message));
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

/** Wakes the loop when the pacer's next step is due (a slow pace). */
function wakeLater(ms: number): void {
  if (pacedWake !== null) return;
  pacedWake = setTimeout(() => {
    pacedWake = null;
    queueChunk();
  }, ms);
}

function cancelWake(): void {
  if (pacedWake === null) return;
  clearTimeout(pacedWake);
  pacedWake = null;
}

function runChunk(): void {
  chunkQueued = false;
  if (!playing || !session || dead) return;
  try {
    const start = performance.now();
    const steps = pacer.take(start, sizer.steps);
    if (steps === 0) {
      wakeLater(pacer.wait(start));
      return;
    }
    const progress = session.run(steps);
    if (progress.stopped) {
      // Early stopping ended the run: no more steps will come, so the loop stops too.
      playing = false;
      sendSnapshot();
      return;
    }
    const end = performance.now();
    // Only a full chunk measures how many steps fit in CHUNK_MS.
    if (steps === sizer.steps) sizer.record(end - start);
    // A paced step is shown at once (at most SNAPSHOTS_PER_SECOND of them still).
    if (snapshotThrottle.take(end)) sendSnapshot();
  } catch (error) {
    report(error);
    return;
  }
  queueChunk();
}
loopChannel.port1.onmessage = runChunk;

// ---- requests --------------------------------------------------------------------------------

/** `value` if it is an integer in [1, max]; else an Error naming `what`. */
function count(value: number, what: string, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${what} must be an integer in [1, ${max}], got ${value}`);
  }
  return value;
}

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
      pacer.restart();
      sendSnapshot();
      queueChunk();
      return;
    case 'pause':
      playing = false;
      cancelWake();
      sendSnapshot();
      return;
    case 'step':
      playing = false;
      requireSession().run(count(request.steps, 'step: steps', MAX_STEPS));
      sendSnapshot();
      return;
    case 'setHyperparameters': {
      const { type: _type, ...changes } = request;
      requireSession().setHyperparameters(changes);
      sendSnapshot();
      return;
    }
    case 'stepEpochs':
      playing = false;
      cancelWake();
      requireSession().runEpochs(count(request.epochs, 'stepEpochs: epochs', MAX_EPOCHS));
      sendSnapshot();
      return;
    case 'setPace':
      pace = checkPace(request.pace);
      applyPace();
      if (playing) queueChunk();
      return;
    case 'setSnapshotRate':
      snapshotThrottle = new Throttle(
        1000 / Math.min(Math.max(request.perSecond, 1), SNAPSHOTS_PER_SECOND),
      );
      return;
    case 'thumbnails': {
      const sets = DATASETS.map((name) => generatorPoints(core, name, request.samples));
      post(
        { type: 'thumbnails', sets },
        sets.map((set) => set.points.buffer),
      );
      return;
    }
    case 'setParameter':
      requireSession().setParameter(request.name, request.index, request.value);
      sendSnapshot();
      return;
    case 'saveModel':
      answer<Extract<FromWorker, { type: 'model' }>>(
        () => ({ type: 'model', run, id: request.id, model: requireSession().saved() }),
        (error) => ({ type: 'model', run, id: request.id, error }),
      );
      return;
    case 'testPredictions':
      answer<Extract<FromWorker, { type: 'testPredictions' }>>(
        () => {
          const predictions = requireSession().testPredictions();
          return { type: 'testPredictions', run, id: request.id, predictions };
        },
        (error) => ({ type: 'testPredictions', run, id: request.id, error }),
        (reply) =>
          'predictions' in reply
            ? [
                reply.predictions.inputs,
                reply.predictions.labels,
                reply.predictions.predicted,
                reply.predictions.outputs,
              ].map((a) => a.buffer)
            : [],
      );
      return;
    case 'loadModel': {
      const next = TrainingSession.create(core, request.model.scene, request.files ?? null);
      try {
        next.applyParameters(request.model.parameters);
      } catch (error) {
        next.dispose();
        throw error;
      }
      replace(next);
      return;
    }
    case 'setViews':
      views = {
        network: request.views.network,
        confusion: request.views.confusion,
        images: request.views.images,
      };
      if (session && !playing) sendSnapshot();
      else extrasThrottle.mark(-Infinity); // the next snapshot while playing carries them
      return;
  }
}

const core: Promise<CoreModule | null> = loadCore().then(
  (module) => {
    // For the soak measurements, through the devtools protocol (engine-memory.ts).
    (self as unknown as Record<string, unknown>)[ENGINE_MEMORY] = () => engineMemory(module);
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
    run = request.run;
    try {
      handle(module, request);
    } catch (error) {
      report(error);
    }
  });
};
