// One variant in training (the variants worker's unit of work): a TrainingSession built from the
// job's scene, advanced a slice at a time, and what changed since its last update.
import type { CoreModule } from '../../wasm/core.mjs';
import { isFatal, messageOf, TrainingSession } from '../../engine/session.ts';
import { sceneShape } from '../../scene/index.ts';
import { RANGE_BLOWUP, type VariantJob, type VariantUpdate } from './protocol.ts';

export class RunningJob {
  private readonly session: TrainingSession;
  /** Steps this job takes in all (a range test's steps, or epochs × steps per epoch). */
  private readonly target: number;
  private readonly trainRows: number;
  private done = false;
  private error: string | undefined;
  private rates: number[] = [];
  private losses: number[] = [];
  private first = NaN;
  /** Whether anything happened since the last update. */
  private changed = true;
  private pointsSent = false;

  constructor(
    core: CoreModule,
    readonly job: VariantJob,
  ) {
    this.session = TrainingSession.create(core, job.scene);
    const shape = sceneShape(this.session.scene.data);
    this.trainRows = shape ? core.splitSizes(this.session.scene.data, shape).train : 0;
    this.target =
      job.mode === 'range' ? (job.rangeSteps ?? 0) : job.epochs * this.session.stepsPerEpoch;
  }

  get finished(): boolean {
    return this.done;
  }

  /** Takes up to one epoch's steps (a range test: up to `rangeSlice` single steps). A plain
   *  Error (a diverged run) ends this job only; a fatal one propagates. */
  advance(rangeSlice = 10): void {
    if (this.done) return;
    this.changed = true;
    try {
      const taken = this.session.progress().step;
      const left = this.target - taken;
      if (this.job.mode === 'range') this.rangeSteps(Math.min(left, rangeSlice));
      else if (this.session.run(Math.min(left, this.session.stepsPerEpoch)).stopped)
        this.done = true;
      if (this.session.progress().step >= this.target) this.done = true;
    } catch (error) {
      if (isFatal(error)) throw error;
      this.error = messageOf(error);
      this.done = true;
    }
  }

  private rangeSteps(steps: number): void {
    for (let i = 0; i < steps && !this.done; i++) {
      const lr = this.session.learningRate();
      const loss = this.session.run(1).batchLoss;
      this.rates.push(lr);
      this.losses.push(loss);
      if (Number.isNaN(this.first)) this.first = loss;
      if (!Number.isFinite(loss) || loss > RANGE_BLOWUP * this.first) this.done = true;
    }
  }

  /** What changed since the last call, or null when nothing did. */
  update(): VariantUpdate | null {
    if (!this.changed) return null;
    this.changed = false;
    const resolution = this.job.grid;
    // snapshot() computes a boundary at `resolution` for 2-D data: 1 costs one prediction.
    const snapshot = this.session.snapshot(false, undefined, Math.max(resolution, 1));
    const grid = resolution > 0 ? classOne(snapshot.grid, snapshot.channels) : new Float32Array(0);
    const update: VariantUpdate = {
      id: this.job.id,
      history: snapshot.history ?? [],
      historyStart: snapshot.historyStart ?? 0,
      progress: snapshot.progress,
      evaluation: snapshot.evaluation,
      bestEpoch: snapshot.bestEpoch ?? -1,
      stepsPerEpoch: this.session.stepsPerEpoch,
      trainRows: this.trainRows,
      grid,
      trainPoints: this.pointsSent ? new Float32Array(0) : this.session.points().train,
      resolution: resolution > 0 ? resolution : 0,
      rates: this.rates,
      losses: this.losses,
      done: this.done,
      ...(this.error === undefined ? {} : { error: this.error }),
    };
    this.rates = [];
    this.losses = [];
    this.pointsSent = true;
    return update;
  }

  dispose(): void {
    this.session.dispose();
  }
}

/** P(class 1) from predictGridClasses' resolution² × channels values (one channel: itself). */
function classOne(grid: Float32Array, channels: number): Float32Array {
  if (channels <= 1) return grid;
  const out = new Float32Array(grid.length / channels);
  for (let i = 0; i < out.length; i++) out[i] = grid[i * channels + 1]!;
  return out;
}
