// The page's state, held in one place and changed in one way: store.apply(change). reduce() is
// pure (the unit tests pin down what each change does); subscribers — the views, the engine's
// run, the URL — hear every change after it is applied and act on it. Embedding and the labs
// drive the page the same way: apply a change, and everything follows.
import { liveChanges } from '../engine/hyperparameters.ts';
import type { PointsMessage, SnapshotMessage } from '../engine/protocol.ts';
import type { LoadedModel } from '../model.ts';
import { SUPPLIED, type Scene } from '../scene/index.ts';

/** The engine as the page sees it: loading a run (or a replacement worker), fetching a shipped
 *  dataset's files, answering, or given up on after repeated crashes. */
export type Engine = 'loading' | 'fetching' | 'ready' | 'stopped';

/** What the status line says (and <body data-engine>). */
export type EngineStatus =
  | 'loading'
  | 'fetching'
  | 'paused'
  | 'training'
  /** Early stopping ended the run (Reset or a change starts another). */
  | 'finished'
  | 'stopped';

/** A note beside the page (what a TensorFlow Playground link changed): a title and its lines. */
export interface Note {
  title: string;
  lines: readonly string[];
}

export interface PageState {
  /** The scene shown and run; always a validated one. */
  readonly scene: Scene;
  /** Counts the runs the page started: each scene the running network cannot take in place,
   *  and each link, starts one (the worker's messages carry it: engine/protocol.ts). */
  readonly run: number;
  /** The parameters the run starts from: an opened saved model's (engine/run-sync.ts loads them
   *  with the scene, into a replacement worker too); null: the run starts from its seed. */
  readonly parameters: LoadedModel['parameters'] | null;
  /** The data-control ids a link hides (ui/hide.ts). */
  readonly hidden: readonly string[];
  /** The data-control ids a link locks: shown but not changeable (ui/lock.ts). */
  readonly locked: readonly string[];
  /** What the user asked for: the Play button shows it at once, the snapshots confirm it. */
  readonly playing: boolean;
  readonly engine: Engine;
  /** The run's latest snapshot (only this one is ever drawn) and points. */
  readonly snapshot: SnapshotMessage | null;
  readonly points: PointsMessage | null;
  /** The error shown, until the user acts or dismisses it. */
  readonly error: string | null;
  readonly note: Note | null;
}

/** The run commands of the controls and the keyboard. */
export type Command = 'play' | 'pause' | 'step' | 'epoch' | 'reset';

export type Change =
  /** A validated scene from a control. 'live': the running network takes what differs if only
   *  lr, l1, weight_decay or dropout do (liveChanges); otherwise, or 'restart', a new paused run. */
  | { type: 'scene'; scene: Scene; how: 'live' | 'restart' }
  /** A link's validated scene, hidden and locked controls (a new paused run); `note` says what
   *  a TensorFlow Playground link changed or what of a link was ignored (null: none). */
  | {
      type: 'link';
      scene: Scene;
      hidden: readonly string[];
      locked: readonly string[];
      note: Note | null;
    }
  /** A saved model (model.ts loadModel checked it): its scene as a new paused run, starting
   *  from its parameters. */
  | { type: 'model'; model: LoadedModel }
  /** A scene or a link was refused: its message is shown and nothing else changes. */
  | { type: 'refused'; message: string }
  /** A run command (the engine's subscriber tells the worker). Clears the error. */
  | { type: 'command'; command: Command }
  /** The current run's points, or a snapshot, from the worker. */
  | { type: 'points'; points: PointsMessage }
  | { type: 'snapshot'; snapshot: SnapshotMessage }
  /** The engine refused a request (divergence, a bad value): training paused, the run kept. */
  | { type: 'error'; message: string }
  /** A shipped dataset's files did not arrive: the worker's run stays and answers again. */
  | { type: 'fetchFailed'; message: string }
  /** The worker crashed: a new one loads the scene again. */
  | { type: 'fatal'; message: string }
  /** The engine crashed too often and was given up. */
  | { type: 'stopped'; message: string }
  /** The user closed a banner. */
  | { type: 'dismiss'; banner: 'error' | 'note' };

/** The page's first state: its scene loading as run 1. */
export function initialState({
  scene,
  ...extras
}: Pick<PageState, 'scene'> &
  Partial<Pick<PageState, 'hidden' | 'locked' | 'error' | 'note'>>): PageState {
  return {
    scene,
    run: 1,
    parameters: null,
    hidden: [],
    locked: [],
    playing: false,
    engine: fetches(scene) ? 'fetching' : 'loading',
    snapshot: null,
    points: null,
    error: null,
    note: null,
    ...extras,
  };
}

/** A shipped dataset's scene: its run waits for the files (./data/…). */
function fetches(scene: Scene): boolean {
  return scene.data.name === SUPPLIED && scene.data.dataset !== undefined;
}

/** `scene` as a new paused run from its seed (or from `parameters`); a shipped dataset's drops
 *  the old run's data while it fetches. */
function newRun(
  state: PageState,
  scene: Scene,
  parameters: PageState['parameters'] = null,
): PageState {
  const next = { ...state, scene, parameters, run: state.run + 1, playing: false };
  if (state.engine === 'stopped') return next;
  if (fetches(scene)) return { ...next, engine: 'fetching', snapshot: null, points: null };
  return state.engine === 'fetching' ? { ...next, engine: 'loading' } : next;
}

export function reduce(state: PageState, change: Change): PageState {
  switch (change.type) {
    case 'scene': {
      const live = change.how === 'live' && liveChanges(state.scene, change.scene) !== null;
      const next = { ...state, error: null };
      return live ? { ...next, scene: change.scene } : newRun(next, change.scene);
    }
    case 'link':
      return newRun(
        { ...state, hidden: change.hidden, locked: change.locked, note: change.note, error: null },
        change.scene,
      );
    case 'model':
      return newRun({ ...state, error: null }, change.model.scene, change.model.parameters);
    case 'refused':
      return { ...state, error: change.message };
    case 'command': {
      const next = { ...state, playing: change.command === 'play', error: null };
      // Reset rebuilds the run from its seed: a replacement worker must do the same.
      return change.command === 'reset' ? { ...next, parameters: null } : next;
    }
    case 'points':
      return { ...state, points: change.points };
    case 'snapshot': {
      const { snapshot } = change;
      // Early stopping ends a run: nothing more to play.
      const playing = state.playing && !snapshot.progress.stopped;
      return { ...state, snapshot, playing, engine: 'ready' };
    }
    case 'error':
      return { ...state, playing: false, error: change.message };
    case 'fetchFailed':
      return { ...state, engine: 'loading', error: change.message };
    case 'fatal':
      return {
        ...state,
        playing: false,
        engine: 'loading',
        error: `The engine crashed (${change.message}). Restarting it with the same scene.`,
      };
    case 'stopped':
      return { ...state, playing: false, engine: 'stopped', error: change.message };
    case 'dismiss':
      return change.banner === 'error' ? { ...state, error: null } : { ...state, note: null };
  }
}

/** What the status line says for `state`: confirmed by the worker, not what was asked for. */
export function statusOf(state: PageState): EngineStatus {
  if (state.engine === 'stopped') return 'stopped';
  if (state.engine === 'fetching') return 'fetching';
  const { snapshot } = state;
  if (state.engine === 'loading' || !snapshot) return 'loading';
  if (snapshot.progress.stopped) return 'finished';
  return snapshot.playing ? 'training' : 'paused';
}

/** Hears each change after it is applied, with the state before it. */
export type Subscriber = (state: PageState, change: Change, previous: PageState) => void;

export class Store {
  private current: PageState;
  private readonly subscribers: Subscriber[] = [];
  /** Changes applied by a subscriber wait until every subscriber has heard the one before. */
  private readonly queue: Change[] = [];
  private applying = false;

  constructor(initial: PageState) {
    this.current = initial;
  }

  get state(): PageState {
    return this.current;
  }

  /** Calls `subscriber` after every change from now on; returns the unsubscribe. */
  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.push(subscriber);
    return () => {
      const at = this.subscribers.indexOf(subscriber);
      if (at >= 0) this.subscribers.splice(at, 1);
    };
  }

  apply(change: Change): void {
    this.queue.push(change);
    if (this.applying) return;
    this.applying = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        const previous = this.current;
        this.current = reduce(previous, next);
        for (const subscriber of [...this.subscribers]) subscriber(this.current, next, previous);
      }
    } finally {
      this.applying = false;
      this.queue.length = 0;
    }
  }
}
