// What the page keeps of one variant's run: the worker's updates accumulated (the history in
// order, the latest evaluation and progress, the range test's steps so far).
import type { Evaluation, HistoryRecord, Progress } from '../../wasm/core.mjs';
import type { VariantUpdate } from './protocol.ts';

export class VariantTrack {
  readonly history: HistoryRecord[] = [];
  evaluation: Evaluation | null = null;
  progress: Progress | null = null;
  bestEpoch = -1;
  stepsPerEpoch = 0;
  trainRows = 0;
  grid: Float32Array = new Float32Array(0);
  resolution = 0;
  trainPoints: Float32Array = new Float32Array(0);
  readonly rates: number[] = [];
  readonly losses: number[] = [];
  done = false;
  error: string | null = null;

  take(update: VariantUpdate): void {
    this.history.length = update.historyStart;
    this.history.push(...update.history);
    this.evaluation = update.evaluation;
    this.progress = update.progress;
    this.bestEpoch = update.bestEpoch;
    this.stepsPerEpoch = update.stepsPerEpoch;
    this.trainRows = update.trainRows;
    if (update.resolution > 0) {
      this.grid = update.grid;
      this.resolution = update.resolution;
    }
    if (update.trainPoints.length > 0) this.trainPoints = update.trainPoints;
    this.rates.push(...update.rates);
    this.losses.push(...update.losses);
    this.done = update.done;
    this.error = update.error ?? null;
  }

  /** history's values of `pick`, in order. */
  column(pick: (record: HistoryRecord) => number): number[] {
    return this.history.map(pick);
  }
}

/** Tracks by job id, filled from updates. */
export class Tracks {
  private readonly byId = new Map<string, VariantTrack>();

  constructor(ids: readonly string[]) {
    for (const id of ids) this.byId.set(id, new VariantTrack());
  }

  get(id: string): VariantTrack {
    const track = this.byId.get(id);
    if (!track) throw new Error(`no variant "${id}"`);
    return track;
  }

  take(updates: readonly VariantUpdate[]): void {
    for (const update of updates) this.byId.get(update.id)?.take(update);
  }
}
