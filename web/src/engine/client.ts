// The page's typed handle on the training worker. It stamps every request with the page's
// current run and drops the worker's messages about any other run (protocol.ts), and it replaces
// the worker after a fatal error, asking the page to load its scene into the new one (paused).
import type { Hyperparameters } from './hyperparameters.ts';
import { CLASSROOM_PACE, type Pace } from './pace.ts';
import type { FromWorker, Request, ShippedFiles, ToWorker, ViewRequest } from './protocol.ts';
import type { Scene } from '../scene/index.ts';
import type { LoadedModel, SavedModel } from '../model.ts';
import { createEngineWorker, type WorkerFactory } from './worker-factory.ts';

export type { WorkerFactory } from './worker-factory.ts';

/**
 * A factory whose first worker is started now, before the page needs it, so that the worker
 * loads the engine while the page loads its own copy for the scene rules (the two compile in
 * parallel); later calls start new ones. What the early worker says before the client listens
 * (its `ready`, a start-up error) is kept and handed over in order.
 */
export function startedWorker(factory: WorkerFactory = createEngineWorker): WorkerFactory {
  let first: Worker | null = factory();
  const early: (['message', MessageEvent] | ['error', ErrorEvent])[] = [];
  first.onmessage = (event) => early.push(['message', event]);
  first.onerror = (event) => {
    event.preventDefault(); // The client reports it, as it does a later worker's.
    early.push(['error', event]);
  };
  return () => {
    const worker = first ?? factory();
    if (worker === first) {
      first = null;
      // The client sets its handlers right after this returns; replay before any later event.
      queueMicrotask(() => {
        for (const [kind, event] of early) {
          if (kind === 'message') worker.onmessage?.(event);
          else worker.onerror?.(event);
        }
      });
    }
    return worker;
  };
}

/** What the client tells the page: the worker's messages about the current run (and those about
 *  no run), and `stopped` when it gives up on a worker that keeps crashing. */
export type EngineEvent = FromWorker | { type: 'stopped'; message: string };

export class EngineClient {
  private worker: Worker;
  /** The page's current run: requests carry it, messages about another run are dropped. */
  private run = 0;
  /** Restarts since the worker last produced a snapshot; stops a crash loop. */
  private restarts = 0;
  /** The last fatal error's message: what the page says when it gives up. */
  private lastFailure = '';
  /** The optional views shown (sent again to a replacement worker). */
  private views: ViewRequest = { network: false, confusion: false, images: false };
  private stopping = false;
  /** The pace last set (sent again to a replacement worker); the worker starts at the same. */
  private pace: Pace = CLASSROOM_PACE;
  /** The snapshot rate last set (sent again to a replacement worker). */
  private snapshotRate: number | null = null;
  /** saveModel requests awaiting their `model` answer, by id. */
  private readonly savings = new Map<
    number,
    { resolve: (model: SavedModel) => void; reject: (error: Error) => void }
  >();
  private nextSaving = 0;

  /**
   * `listener` hears every message kept; `reload` loads the page's scene again (load()) into a
   * replacement worker — the page's store holds the scene, not the client.
   */
  constructor(
    private readonly listener: (event: EngineEvent) => void,
    private readonly reload: () => void,
    private readonly factory: WorkerFactory = createEngineWorker,
    private readonly maxRestarts = 3,
  ) {
    this.worker = this.spawn();
  }

  /** From now on requests belong to run `run`, and messages about earlier runs are dropped
   *  (even before the run's `load` is sent, e.g. while its dataset's files are fetched). */
  startRun(run: number): void {
    this.run = run;
  }

  /** Loads `scene` as the current run, paused; a shipped dataset's `files` are transferred. */
  load(scene: Scene, files?: ShippedFiles): void {
    if (!files) {
      this.send({ type: 'load', scene });
      return;
    }
    const transfer = [files.data.nnpd, ...(files.test ? [files.test.nnpd] : [])];
    this.send({ type: 'load', scene, files }, transfer);
  }

  play(): void {
    this.send({ type: 'play' });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  /** Loads a checked saved model (model.ts loadModel) as the current run, paused: its scene,
   *  then its parameters; a shipped dataset's `files` are transferred. */
  loadModel(model: LoadedModel, files?: ShippedFiles): void {
    const transfer = files ? [files.data.nnpd, ...(files.test ? [files.test.nnpd] : [])] : [];
    this.send({ type: 'loadModel', model, ...(files ? { files } : {}) }, transfer);
  }

  /** The running network as a saved model (scene + every member's parameters, model.ts).
   *  Rejects with the engine's reason, or when the worker is replaced before it answers. */
  saveModel(): Promise<SavedModel> {
    const id = ++this.nextSaving;
    return new Promise<SavedModel>((resolve, reject) => {
      this.savings.set(id, { resolve, reject });
      this.send({ type: 'saveModel', id });
    });
  }

  /** Pauses and takes `steps` optimiser steps (one step = one mini-batch). */
  step(steps = 1): void {
    this.send({ type: 'step', steps });
  }

  /** Rebuilds the current scene from its seed, paused. */
  reset(): void {
    this.send({ type: 'reset' });
  }

  /** Changes the running network's lr, l1, weight_decay or dropout, keeping its weights. */
  setHyperparameters(changes: Hyperparameters): void {
    this.send({ type: 'setHyperparameters', ...changes });
  }

  /** Pauses and trains whole epochs (from mid-epoch: to the end of the current one first). */
  stepEpochs(epochs = 1): void {
    this.send({ type: 'stepEpochs', epochs });
  }

  /** How fast Play trains (./pace.ts). */
  setPace(pace: Pace): void {
    this.pace = pace;
    this.send({ type: 'setPace', pace });
  }

  /** At most `perSecond` snapshots a second while playing (the worker's own cap still holds). */
  setSnapshotRate(perSecond: number): void {
    this.snapshotRate = perSecond;
    this.send({ type: 'setSnapshotRate', perSecond });
  }

  /** Asks for every generator's noise-free points (the dataset thumbnails). */
  thumbnails(samples: number): void {
    this.send({ type: 'thumbnails', samples });
  }

  /** Sets one weight or bias of the running network (member 0). */
  setParameter(name: string, index: number, value: number): void {
    this.send({ type: 'setParameter', name, index, value });
  }

  /** Tells the worker which optional views are shown (a partial request changes only the
   *  views it names), so it computes only their data. */
  setViews(views: Partial<ViewRequest>): void {
    this.views = { ...this.views, ...views };
    this.send({ type: 'setViews', views: this.views });
  }

  dispose(): void {
    this.stopping = true;
    this.worker.terminate();
    this.abandonSavings('the playground was closed');
  }

  private abandonSavings(why: string): void {
    for (const { reject } of this.savings.values()) reject(new Error(`Not saved: ${why}`));
    this.savings.clear();
  }

  private send(request: Request, transfer: Transferable[] = []): void {
    const stamped: ToWorker = { ...request, run: this.run };
    if (!this.stopping) this.worker.postMessage(stamped, transfer);
  }

  private spawn(): Worker {
    const worker = this.factory();
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      const message = event.message || 'the training worker failed to start';
      this.receive(worker, { type: 'fatal', message });
    };
    return worker;
  }

  private receive(from: Worker, message: FromWorker): void {
    if (from !== this.worker || this.stopping) return; // A replaced worker's last words.
    if (message.type === 'model') {
      // An answer to saveModel, whichever run the page has moved to since it asked.
      const saving = this.savings.get(message.id);
      this.savings.delete(message.id);
      if ('model' in message) saving?.resolve(message.model);
      else saving?.reject(new Error(message.error));
      return;
    }
    if ('run' in message && message.run !== this.run) return; // About a run the page has left.
    if (message.type === 'snapshot') this.restarts = 0;
    if (message.type === 'fatal') this.lastFailure = message.message;
    this.listener(message);
    if (message.type === 'fatal') this.restart();
  }

  private restart(): void {
    this.worker.terminate();
    this.abandonSavings(`the engine failed (${this.lastFailure})`);
    if (this.restarts >= this.maxRestarts) {
      this.stopping = true;
      this.listener({
        type: 'stopped',
        message:
          `The engine failed ${this.restarts + 1} times in a row (${this.lastFailure}); ` +
          'reload the page to retry.',
      });
      return;
    }
    this.restarts += 1;
    this.worker = this.spawn();
    if (this.pace !== CLASSROOM_PACE) this.send({ type: 'setPace', pace: this.pace });
    if (this.snapshotRate !== null) {
      this.send({ type: 'setSnapshotRate', perSecond: this.snapshotRate });
    }
    this.send({ type: 'setViews', views: this.views });
    this.reload();
  }
}
