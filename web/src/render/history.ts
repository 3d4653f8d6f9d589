// A run's training history as chart columns, grown by the worker's incremental updates, and
// the earlier runs kept for comparison. Pure (no DOM, no uPlot): web/test/history.test.ts.
import type { HistoryRecord } from '../wasm/core.mjs';

export const SPLITS = ['train', 'validation', 'test'] as const;
export type SplitName = (typeof SPLITS)[number];
export type Metric = 'loss' | 'accuracy';
export type XAxis = 'epoch' | 'step';

/** One run's history, column by column (NaN, e.g. a missing validation set, becomes null). */
export class RunHistory {
  readonly epoch: number[] = [];
  readonly step: number[] = [];
  readonly lr: number[] = [];
  readonly gradNorm: number[] = [];
  readonly loss: Record<SplitName, (number | null)[]> = { train: [], validation: [], test: [] };
  readonly accuracy: Record<SplitName, (number | null)[]> = { train: [], validation: [], test: [] };

  constructor(
    /** Names the run in the legend ("run 3"). */
    readonly label: string,
  ) {}

  get length(): number {
    return this.epoch.length;
  }

  /**
   * Adds `records`, the history from index `start` on. An overlap (records already held) is
   * replaced; a gap (start beyond what is held) cannot be filled and is refused: returns false,
   * and the caller should start a new RunHistory.
   */
  append(records: readonly HistoryRecord[], start: number): boolean {
    if (start > this.length) return false;
    this.truncate(start);
    for (const r of records) {
      this.epoch.push(r.epoch);
      this.step.push(r.step);
      this.lr.push(r.lr);
      this.gradNorm.push(r.gradNorm);
      for (const split of SPLITS) {
        this.push('loss', split, r[split].loss);
        this.push('accuracy', split, r[split].accuracy);
      }
    }
    return true;
  }

  /** Whether any record has a value for this split and metric (e.g. no validation set: none). */
  has(metric: Metric, split: SplitName): boolean {
    return this.present.has(`${metric}/${split}`);
  }

  /** The x of `epoch` on `axis`, or null past the last record. An epoch without a record of its
   *  own (a long run's history is thinned by the engine: docs/exports.md) lies on the line between
   *  its neighbours (an epoch is the same number of steps throughout a run; epoch 0 is step 0). */
  xOfEpoch(epoch: number, axis: XAxis): number | null {
    const i = this.epoch.findIndex((e) => e >= epoch);
    if (i < 0) return null;
    const [e1, x1] = [this.epoch[i]!, this[axis][i]!];
    if (e1 === epoch) return x1;
    const [e0, x0] = i > 0 ? [this.epoch[i - 1]!, this[axis][i - 1]!] : [0, 0];
    return x0 + ((x1 - x0) * (epoch - e0)) / (e1 - e0);
  }

  /** The metric/split pairs with a value in some record (kept, so has() costs nothing). */
  private readonly present = new Set<string>();

  private push(metric: Metric, split: SplitName, value: number): void {
    const v = finite(value);
    this[metric][split].push(v);
    if (v !== null) this.present.add(`${metric}/${split}`);
  }

  private truncate(length: number): void {
    for (const column of this.columns()) column.length = length;
  }

  private columns(): unknown[][] {
    return [
      this.epoch,
      this.step,
      this.lr,
      this.gradNorm,
      ...SPLITS.map((s) => this.loss[s]),
      ...SPLITS.map((s) => this.accuracy[s]),
    ];
  }
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** The current run and up to `keep` earlier ones, newest first. */
export class RunArchive {
  current: RunHistory;
  readonly earlier: RunHistory[] = [];
  private runs = 1;

  constructor(readonly keep = 3) {
    this.current = new RunHistory('run 1');
  }

  /** A new run begins: the current one (if it has any record) joins the earlier ones. */
  startRun(): void {
    if (this.current.length === 0) return; // nothing to keep: the run keeps its name
    this.earlier.unshift(this.current);
    this.earlier.length = Math.min(this.earlier.length, this.keep);
    this.current = new RunHistory(`run ${++this.runs}`);
  }

  /** Adds a snapshot's records; a gap starts the run afresh from what is given, if it starts
   *  at 0 (else the records wait for a full history, which never comes: they are dropped). */
  append(records: readonly HistoryRecord[], start: number): void {
    if (this.current.append(records, start)) return;
    this.current = new RunHistory(this.current.label);
    this.current.append(records, 0);
  }

  clearEarlier(): void {
    this.earlier.length = 0;
  }
}

/** A column per series over one shared x: uPlot's AlignedData shape. */
export type Columns = [number[], ...(number | null)[][]];

/**
 * Joins tables [x, ...series] whose x columns each ascend into one table over the union of
 * their x values, null where a table has no value at that x (what uPlot.join does, kept pure
 * here). A k-way merge: linear in the total length.
 */
export function joinTables(
  tables: readonly (readonly [readonly number[], ...(readonly (number | null)[])[]])[],
): Columns {
  const width = tables.reduce((n, t) => n + t.length - 1, 0);
  const xs: number[] = [];
  const columns = Array.from({ length: width }, () => [] as (number | null)[]);
  const cursor = tables.map(() => 0);
  for (;;) {
    let x = Infinity;
    tables.forEach((t, i) => {
      if (cursor[i]! < t[0].length) x = Math.min(x, t[0][cursor[i]!]!);
    });
    if (x === Infinity) return [xs, ...columns];
    xs.push(x);
    let column = 0;
    tables.forEach((t, i) => {
      const at = cursor[i]!;
      const here = at < t[0].length && t[0][at] === x;
      for (let s = 1; s < t.length; s++) columns[column++]!.push(here ? (t[s]![at] ?? null) : null);
      if (here) cursor[i] = at + 1;
    });
  }
}

/** On a log axis a value ≤ 0 cannot be drawn: it becomes a gap. */
export function forLogAxis(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v !== null && v > 0 ? v : null));
}

/**
 * At most about `max` evenly spaced indices of `length` records, always the first and the
 * last: a long run (thousands of epochs) is drawn from a sample, so a frame's work stays small
 * however long training goes.
 */
export function sampleIndices(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const stride = Math.ceil(length / max);
  const indices: number[] = [];
  for (let i = 0; i < length - 1; i += stride) indices.push(i);
  indices.push(length - 1);
  return indices;
}

/** `values` at `indices`. */
export function pick<T>(values: readonly T[], indices: readonly number[]): T[] {
  return indices.map((i) => values[i]!);
}
