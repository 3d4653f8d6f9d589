// The page's store: what each change does to the state (reduce is pure), the status line it
// implies, and that subscribers hear every change in order, a subscriber's own change after the
// one it heard.
import { describe, expect, it } from 'vitest';
import type { PointsMessage, SnapshotMessage } from '../src/engine/protocol.ts';
import { defaultScene, shippedScene, type Scene } from '../src/scene/index.ts';
import { changeScene } from '../src/state/scene-change.ts';
import {
  initialState,
  reduce,
  statusOf,
  Store,
  type Change,
  type PageState,
} from '../src/state/store.ts';
import { checkScene } from '../src/engine/scene-rules.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

const scene = (): Scene => checkScene(defaultScene());
const withLr = (s: Scene, lr: number): Scene => ({ ...s, optimizer: { ...s.optimizer, lr } });

/** A snapshot with only what the store reads. */
function snapshot(playing: boolean, stopped = false): SnapshotMessage {
  return { type: 'snapshot', run: 1, playing, progress: { stopped } } as unknown as SnapshotMessage;
}
const points = { type: 'points', run: 1 } as unknown as PointsMessage;

/** The state after `changes`, from a fresh page. */
function after(...changes: Change[]): PageState {
  return changes.reduce(reduce, initialState({ scene: scene() }));
}

describe('reduce', () => {
  it('starts as run 1, loading, paused, with nothing to draw', () => {
    const state = initialState({ scene: scene(), hidden: ['dataset'] });
    expect(state).toMatchObject({ run: 1, engine: 'loading', playing: false, hidden: ['dataset'] });
    expect(state.snapshot).toBeNull();
    expect(statusOf(state)).toBe('loading');
    expect(initialState({ scene: shippedScene('digits') }).engine).toBe('fetching');
  });

  it('hands a live change to the running run and restarts for anything else', () => {
    const ready = after(
      { type: 'snapshot', snapshot: snapshot(true) },
      { type: 'command', command: 'play' },
    );
    const live = reduce(ready, { type: 'scene', scene: withLr(ready.scene, 0.3), how: 'live' });
    expect(live).toMatchObject({ run: 1, playing: true, engine: 'ready' });
    expect(live.scene.optimizer.lr).toBe(0.3);
    // The same change from a control that always restarts (a link, the data panel): a new run.
    const restarted = reduce(ready, {
      type: 'scene',
      scene: withLr(ready.scene, 0.3),
      how: 'restart',
    });
    expect(restarted).toMatchObject({ run: 2, playing: false });
    expect(restarted.snapshot).toBe(ready.snapshot); // drawn until the new run's arrives
    const reseeded = reduce(ready, {
      type: 'scene',
      scene: { ...ready.scene, seed: 7 },
      how: 'live',
    });
    expect(reseeded.run).toBe(2);
  });

  it('drops the old run’s data while a shipped dataset’s files come, and back to loading after', () => {
    const ready = after(
      { type: 'points', points },
      { type: 'snapshot', snapshot: snapshot(false) },
    );
    expect(statusOf(ready)).toBe('paused');
    const fetching = reduce(ready, {
      type: 'scene',
      scene: shippedScene('digits'),
      how: 'restart',
    });
    expect(fetching).toMatchObject({ run: 2, engine: 'fetching', snapshot: null, points: null });
    expect(statusOf(fetching)).toBe('fetching');
    const failed = reduce(fetching, { type: 'fetchFailed', message: 'Could not load Digits' });
    expect(failed).toMatchObject({ engine: 'loading', error: 'Could not load Digits' });
    expect(reduce(fetching, { type: 'scene', scene: scene(), how: 'restart' }).engine).toBe(
      'loading',
    );
  });

  it('follows the commands, the engine’s errors and crashes', () => {
    const playing = after(
      { type: 'snapshot', snapshot: snapshot(true) },
      { type: 'command', command: 'play' },
    );
    expect(statusOf(playing)).toBe('training');
    expect(reduce(playing, { type: 'command', command: 'step' }).playing).toBe(false);
    const error = reduce(playing, { type: 'error', message: 'loss diverged' });
    expect(error).toMatchObject({ playing: false, error: 'loss diverged', engine: 'ready' });
    expect(reduce(error, { type: 'command', command: 'play' }).error).toBeNull();
    const crashed = reduce(playing, { type: 'fatal', message: 'unreachable' });
    expect(crashed).toMatchObject({ playing: false, engine: 'loading' });
    expect(crashed.error).toMatch(/^The engine crashed \(unreachable\)/);
    const stopped = reduce(crashed, { type: 'stopped', message: 'gave up' });
    expect(statusOf(stopped)).toBe('stopped');
    // Given up stays given up, whatever scene comes next.
    expect(
      reduce(stopped, { type: 'scene', scene: shippedScene('digits'), how: 'restart' }).engine,
    ).toBe('stopped');
  });

  it('ends playing when early stopping ends the run', () => {
    const state = after(
      { type: 'command', command: 'play' },
      { type: 'snapshot', snapshot: snapshot(false, true) },
    );
    expect(state.playing).toBe(false);
    expect(statusOf(state)).toBe('finished');
  });

  it('keeps the scene and the run when a change is refused, and a link replaces both', () => {
    const state = after({ type: 'refused', message: 'scene.optimizer.lr: expected …' });
    expect(state).toMatchObject({ run: 1, error: 'scene.optimizer.lr: expected …' });
    const note = { title: 'Opened a TensorFlow Playground link.', lines: ['x'] };
    const linked = reduce(state, {
      type: 'link',
      scene: withLr(scene(), 0.3),
      hidden: ['seed'],
      locked: ['playButton'],
      note,
    });
    expect(linked).toMatchObject({
      run: 2,
      hidden: ['seed'],
      locked: ['playButton'],
      note,
      error: null,
    });
    expect(reduce(linked, { type: 'dismiss', banner: 'note' }).note).toBeNull();
  });
});

describe('an opened saved model', () => {
  const parameters = [
    { '0.weight': new Float32Array([0.5, -0.25]), '0.bias': new Float32Array(1) },
  ];

  it('is a new paused run from its parameters, until reset or another run', () => {
    const ready = after(
      { type: 'snapshot', snapshot: snapshot(true) },
      { type: 'command', command: 'play' },
    );
    const opened = reduce(ready, {
      type: 'model',
      model: { scene: withLr(ready.scene, 0.3), parameters },
    });
    expect(opened).toMatchObject({ run: 2, playing: false, parameters, error: null });
    expect(opened.scene.optimizer.lr).toBe(0.3);
    // A live change keeps the run, and the parameters it started from.
    const live = reduce(opened, { type: 'scene', scene: withLr(opened.scene, 0.1), how: 'live' });
    expect(live).toMatchObject({ run: 2, parameters });
    // Reset rebuilds from the seed; any other new run starts from its seed too.
    expect(reduce(opened, { type: 'command', command: 'reset' }).parameters).toBeNull();
    expect(reduce(opened, { type: 'command', command: 'step' }).parameters).toBe(parameters);
    const other = reduce(opened, {
      type: 'scene',
      scene: { ...opened.scene, seed: 3 },
      how: 'live',
    });
    expect(other).toMatchObject({ run: 3, parameters: null });
    expect(after().parameters).toBeNull();
  });
});

describe('Store', () => {
  it('tells subscribers each change after applying it, a subscriber’s own change after', () => {
    const store = new Store(initialState({ scene: scene() }));
    const heard: string[] = [];
    store.subscribe((state, change, previous) => {
      heard.push(`${change.type}: run ${previous.run} → ${state.run}`);
      if (change.type === 'scene') store.apply({ type: 'command', command: 'play' });
    });
    store.subscribe((state, change) =>
      heard.push(`second heard ${change.type}, playing ${state.playing}`),
    );
    store.apply({ type: 'scene', scene: { ...store.state.scene, seed: 9 }, how: 'restart' });
    expect(heard).toEqual([
      'scene: run 1 → 2',
      'second heard scene, playing false',
      'command: run 2 → 2',
      'second heard command, playing true',
    ]);
  });

  it('takes a valid scene from changeScene and refuses a bad one with its message', () => {
    const store = new Store(initialState({ scene: scene() }));
    expect(changeScene(store, withLr(store.state.scene, 0.5), 'live')).toBe(true);
    expect(store.state.scene.optimizer.lr).toBe(0.5);
    expect(changeScene(store, withLr(store.state.scene, -1), 'live')).toBe(false);
    expect(store.state.scene.optimizer.lr).toBe(0.5);
    expect(store.state.error).toMatch(/^scene\.optimizer\.lr: /);
  });
});
