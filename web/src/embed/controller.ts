// What a host page may do to the playground and hear from it, over the page's store: the
// message API (embed/host-bridge.ts) calls it, and the <nn-playground> element can expose the
// same methods. Nothing here trains or checks a scene itself: commands and scenes are store
// changes (the worker follows: engine/run-sync.ts), a scene is checked by the page's one check
// (checkScene, through linkScene and validated), and the numbers are the latest snapshot's.
import {
  defaultWeightDecay,
  liveChanges,
  withHyperparameters,
  type Hyperparameters,
} from '../engine/hyperparameters.ts';
import type { Scene } from '../scene/index.ts';
import { validated } from '../state/scene-change.ts';
import { statusOf, type Change, type Command, type PageState, type Store } from '../state/store.ts';
import { linkScene } from '../state/url.ts';
import type { Metrics, PageEvent, SplitMetrics } from './protocol.ts';

/** The live fields as the scene holds them after a change. */
export interface LiveValues {
  lr: number;
  l1: number;
  weight_decay: number;
  dropout: number[];
}

/** Runs `callback` before the next paint (requestAnimationFrame; tests pass their own). */
export type FrameScheduler = (callback: () => void) => void;

const nullIfNaN = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** The numbers the page shows for `state` (before any snapshot: zeros and nulls). */
export function metricsOf(state: PageState): Metrics {
  const snapshot = state.snapshot;
  const progress = snapshot?.progress;
  const evaluation = snapshot?.evaluation;
  const split = (m: { loss: number; accuracy: number } | undefined): SplitMetrics => ({
    loss: nullIfNaN(m?.loss ?? NaN),
    accuracy: nullIfNaN(m?.accuracy ?? NaN),
  });
  const validation = split(evaluation?.validation);
  return {
    run: state.run,
    status: statusOf(state),
    epoch: progress?.epoch ?? 0,
    step: progress?.step ?? 0,
    samples: progress?.samples ?? 0,
    train: split(evaluation?.train),
    validation: validation.loss === null ? null : validation,
    test: split(evaluation?.test),
  };
}

/** The step a divergence message names ("diverged at step 12: …"), if it does. */
export function divergedAt(message: string): number | null | undefined {
  const match = /diverged at step (\d+)/.exec(message);
  if (!match) return message.includes('diverged') ? null : undefined;
  return Number(match[1]);
}

export class EmbedController {
  constructor(
    private readonly store: Store,
    private readonly frame: FrameScheduler = (callback) => requestAnimationFrame(callback),
  ) {}

  /** Shows `scene` as a new paused run; throws an Error saying what to change in it. */
  loadScene(scene: unknown): void {
    this.store.apply({ type: 'scene', scene: linkScene(scene), how: 'restart' });
  }

  play(): void {
    this.command('play');
  }

  pause(): void {
    this.command('pause');
  }

  step(): void {
    this.command('step');
  }

  reset(): void {
    this.command('reset');
  }

  /** Changes the running network's live settings (others throw: they need a new run, so
   *  loadScene); the scene check's message if a value is out of range. Returns the values. */
  setHyperparameters(values: Hyperparameters): LiveValues {
    const scene = this.store.state.scene;
    const layers = scene.model.layers.length;
    if (values.dropout && values.dropout.length !== layers) {
      throw new Error(
        `dropout: expected ${layers} numbers, one per layer (the output layer\u2019s 0), got ${values.dropout.length}`,
      );
    }
    const result = validated(withHyperparameters(scene, values));
    if ('message' in result) throw new Error(result.message);
    if (liveChanges(scene, result.scene) === null) {
      throw new Error('these values need a new run: send loadScene with the changed scene');
    }
    this.store.apply({ type: 'scene', scene: result.scene, how: 'live' });
    return liveValues(this.store.state.scene);
  }

  metrics(): Metrics {
    return metricsOf(this.store.state);
  }

  scene(): Scene {
    return this.store.state.scene;
  }

  /**
   * Calls `listener` with each event from now on: `ready` once the engine answers,
   * `epochEnd` at most once per animation frame while epochs end, `earlyStopped` and
   * `diverged` when they happen. Returns the unsubscribe.
   */
  watch(listener: (event: PageEvent) => void): () => void {
    let ready = false;
    /** The epoch last reported (a new run or a reset starts from its own first epoch). */
    let reported = {
      run: this.store.state.run,
      epoch: this.store.state.snapshot?.progress.epoch ?? 0,
    };
    let scheduled = false;
    let live = true;
    const epochEnd = () => {
      scheduled = false;
      if (!live) return;
      const metrics = this.metrics();
      if (metrics.run !== reported.run || metrics.epoch < reported.epoch) {
        reported = { run: metrics.run, epoch: metrics.epoch };
      } else if (metrics.epoch > reported.epoch) {
        reported = { run: metrics.run, epoch: metrics.epoch };
        listener({ type: 'epochEnd', metrics });
      }
    };
    const readyYet = (state: PageState) => {
      if (ready || state.engine !== 'ready') return;
      ready = true;
      listener({ type: 'ready', metrics: metricsOf(state) });
    };
    const hear = (state: PageState, change: Change, previous: PageState) => {
      readyYet(state);
      if (change.type === 'snapshot') {
        if (!scheduled) {
          scheduled = true;
          this.frame(epochEnd);
        }
        const stopped = change.snapshot.progress.stopped;
        const was = previous.snapshot?.progress.stopped === true && previous.run === state.run;
        if (stopped && !was) {
          const bestEpoch = change.snapshot.bestEpoch ?? -1;
          listener({ type: 'earlyStopped', metrics: metricsOf(state), bestEpoch });
        }
      } else if (change.type === 'error') {
        const step = divergedAt(change.message);
        if (step !== undefined) {
          listener({ type: 'diverged', message: change.message, step, metrics: metricsOf(state) });
        }
      }
    };
    readyYet(this.store.state);
    const unsubscribe = this.store.subscribe(hear);
    return () => {
      live = false;
      unsubscribe();
    };
  }

  /** A run command, as the run buttons give it: only while the engine answers. */
  private command(command: Command): void {
    const state = this.store.state;
    if (state.engine !== 'ready') {
      throw new Error(`the engine is not ready (${statusOf(state)}): wait for the ready event`);
    }
    this.store.apply({ type: 'command', command });
  }
}

function liveValues(scene: Scene): LiveValues {
  return {
    lr: scene.optimizer.lr,
    l1: scene.l1 ?? 0,
    weight_decay: scene.optimizer.weight_decay ?? defaultWeightDecay(scene.optimizer.name),
    dropout: scene.model.layers.map((layer) => layer.dropout ?? 0),
  };
}
