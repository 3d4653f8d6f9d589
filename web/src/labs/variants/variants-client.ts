// The page's side of the variants worker: starts it (with the page's compiled engine, as the
// playground's worker gets it), sends a list of jobs, and hands the current run's updates on.
// A new start supersedes the last: updates of an older run are dropped.
import { startVariantsWorker } from './variants-worker-factory.ts';
import type {
  FromVariantsWorker,
  ToVariantsWorker,
  VariantJob,
  VariantUpdate,
} from './protocol.ts';

export interface VariantsListener {
  /** What changed in the current run; `finished`: every job has ended. */
  update(updates: VariantUpdate[], finished: boolean): void;
  /** The engine refused a job, or the worker was lost (a new start makes a new one). */
  problem(message: string): void;
}

export class VariantsClient {
  private worker: Worker | null = null;
  private run = 0;

  constructor(private readonly listener: VariantsListener) {}

  /** Trains `jobs` (replacing whatever ran). */
  start(jobs: VariantJob[]): void {
    this.run += 1;
    this.send({ type: 'start', run: this.run, jobs });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private send(message: ToVariantsWorker): void {
    this.workerNow().postMessage(message);
  }

  private workerNow(): Worker {
    if (this.worker) return this.worker;
    const worker = startVariantsWorker();
    worker.onmessage = (event: MessageEvent<FromVariantsWorker>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.lost(event.message || 'the training worker stopped');
    };
    this.worker = worker;
    return worker;
  }

  private receive(message: FromVariantsWorker): void {
    if (message.type === 'fatal') this.lost(message.message);
    else if (message.run !== this.run) return;
    else if (message.type === 'error') this.listener.problem(message.message);
    else this.listener.update(message.updates, message.finished);
  }

  private lost(message: string): void {
    this.dispose();
    this.listener.problem(`The training stopped: ${message}. Press Restart to try again.`);
  }
}
