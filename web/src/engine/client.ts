// The page's typed handle on the training worker. It replaces the worker after a fatal error
// and reloads the last scene into the new one (paused).
import type { Scene } from '../scene/index.ts';
import { withHyperparameters, type Hyperparameters } from './hyperparameters.ts';
import type { FromWorker, ShippedFiles, ToWorker, ViewRequest } from './protocol.ts';

export type WorkerFactory = () => Worker;

/** Vite bundles the worker from this exact `new Worker(new URL(…), …)` pattern. */
export const createEngineWorker: WorkerFactory = () =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

export class EngineClient {
  private worker: Worker;
  /** The last scene sent, with any learning-rate change: reloaded after a restart. */
  private scene: Scene | null = null;
  /** Makes fresh copies of the last scene's dataset files (each send transfers its copy). */
  private files: (() => ShippedFiles) | null = null;
  /** Restarts since the worker last produced a snapshot; stops a crash loop. */
  private restarts = 0;
  /** The optional views shown (sent again to a replacement worker). */
  private views: ViewRequest = { network: false, confusion: false, images: false };
  private stopping = false;
  /** The speed last set (sent again to a replacement worker). */
  private speed: number | null = null;

  constructor(
    private readonly listener: (message: FromWorker) => void,
    private readonly factory: WorkerFactory = createEngineWorker,
    private readonly maxRestarts = 3,
  ) {
    this.worker = this.spawn();
  }

  /** True once disposed, or after giving up on a worker that keeps crashing. */
  get stopped(): boolean {
    return this.stopping;
  }

  /** Loads `scene`; for a shipped dataset, `files` returns a fresh copy of its bytes, whose
   *  buffers are transferred to the worker (called again after a restart). */
  load(scene: Scene, files: (() => ShippedFiles) | null = null): void {
    this.scene = scene;
    this.files = files;
    this.sendLoad();
  }

  private sendLoad(): void {
    if (!this.scene) return;
    if (!this.files) {
      this.send({ type: 'load', scene: this.scene });
      return;
    }
    const files = this.files();
    const transfer = [files.data.nnpd, ...(files.test ? [files.test.nnpd] : [])];
    this.send({ type: 'load', scene: this.scene, files }, transfer);
  }

  play(): void {
    this.send({ type: 'play' });
  }

  pause(): void {
    this.send({ type: 'pause' });
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
    if (this.scene) this.scene = withHyperparameters(this.scene, changes);
    this.send({ type: 'setHyperparameters', ...changes });
  }

  /** Pauses and trains whole epochs (from mid-epoch: to the end of the current one first). */
  stepEpochs(epochs = 1): void {
    this.send({ type: 'stepEpochs', epochs });
  }

  /** Optimiser steps per second while playing; null: as fast as the engine goes. */
  setSpeed(stepsPerSecond: number | null): void {
    this.speed = stepsPerSecond;
    this.send({ type: 'setSpeed', stepsPerSecond });
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
  }

  private send(request: ToWorker, transfer: Transferable[] = []): void {
    if (!this.stopping) this.worker.postMessage(request, transfer);
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
    if (message.type === 'snapshot') this.restarts = 0;
    this.listener(message);
    if (message.type === 'fatal') this.restart();
  }

  private restart(): void {
    this.worker.terminate();
    if (this.restarts >= this.maxRestarts) {
      this.stopping = true;
      this.listener({
        type: 'error',
        message: `The engine failed ${this.restarts + 1} times in a row; reload the page to retry.`,
      });
      return;
    }
    this.restarts += 1;
    this.worker = this.spawn();
    if (this.speed !== null) this.send({ type: 'setSpeed', stepsPerSecond: this.speed });
    this.send({ type: 'setViews', views: this.views });
    this.sendLoad();
  }
}
