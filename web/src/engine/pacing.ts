// Timing helpers for the worker's training loop. Pure: the caller passes the clock readings.

/** Sizes training chunks so each takes about `targetMs`, whatever the network and machine. */
export class ChunkSizer {
  /** Steps to run in the next chunk. */
  steps: number;

  constructor(
    readonly targetMs = 8,
    readonly maxSteps = 1_000_000,
    initialSteps = 1,
  ) {
    this.steps = initialSteps;
  }

  /** Records that the last chunk of `this.steps` steps took `elapsedMs`; returns the next size.
   *  Moves towards the target by at most a factor of 2 per chunk, so one slow or fast
   *  measurement (a GC pause, a coarse clock) cannot swing it wildly. */
  record(elapsedMs: number): number {
    const ideal = elapsedMs > 0 ? (this.steps * this.targetMs) / elapsedMs : this.steps * 2;
    const bounded = Math.min(Math.max(ideal, this.steps / 2), this.steps * 2);
    this.steps = Math.min(Math.max(Math.round(bounded), 1), this.maxSteps);
    return this.steps;
  }
}

/** Lets something happen at most once per `intervalMs`. */
export class Throttle {
  private last = -Infinity;

  constructor(readonly intervalMs: number) {}

  /** True (and restarts the interval) if at least `intervalMs` passed since the last time. */
  take(now: number): boolean {
    if (now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }

  /** Restarts the interval, e.g. after sending a snapshot for another reason. */
  mark(now: number): void {
    this.last = now;
  }
}
