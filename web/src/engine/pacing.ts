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

/** Paces training at `stepsPerSecond` (null: unlimited; ./pace.ts turns a pace into it). A step is due every 1/rate seconds; a
 *  backlog (the engine slower than asked, or the worker busy) is dropped, not caught up in a
 *  burst. */
export class StepPacer {
  private next = -Infinity;

  constructor(private rate: number | null = null) {}

  get stepsPerSecond(): number | null {
    return this.rate;
  }

  /** Changes the rate; the next step is due at once. */
  setRate(stepsPerSecond: number | null): void {
    if (stepsPerSecond !== null && !(stepsPerSecond > 0 && Number.isFinite(stepsPerSecond))) {
      throw new Error(
        `StepPacer: stepsPerSecond must be a positive number or null (unlimited), got ${stepsPerSecond}`,
      );
    }
    this.rate = stepsPerSecond;
    this.next = -Infinity;
  }

  /** Restarts the schedule (after a pause): the next step is due at once. */
  restart(): void {
    this.next = -Infinity;
  }

  /** How many steps to take at `now` (ms), at most `max`: 0 when the next is not due yet. */
  take(now: number, max: number): number {
    if (this.rate === null) return max;
    if (now < this.next) return 0;
    const interval = 1000 / this.rate;
    const late = this.next === -Infinity ? 0 : now - this.next;
    const steps = Math.min(max, 1 + Math.floor(late / interval));
    this.next = this.next === -Infinity ? now + interval : this.next + steps * interval;
    if (this.next < now) this.next = now + interval; // Behind: drop the backlog.
    return steps;
  }

  /** Milliseconds until the next step is due (0 when it is, or when unlimited). */
  wait(now: number): number {
    return this.rate === null ? 0 : Math.max(0, this.next - now);
  }
}
