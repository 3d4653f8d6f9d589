// The controller behind the message API: its operations are store changes checked by the page's
// one scene check, and its events come from the store's snapshots and errors.
import { describe, expect, it } from 'vitest';
import { divergedAt, EmbedController } from '../src/embed/controller.ts';
import type { PageEvent } from '../src/embed/protocol.ts';
import type { SnapshotMessage } from '../src/engine/protocol.ts';
import { checkScene } from '../src/engine/scene-rules.ts';
import { defaultScene } from '../src/scene/index.ts';
import { initialState, Store } from '../src/state/store.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

/** A snapshot of run 1 with the numbers the metrics read. */
function snapshot(epoch: number, stopped = false): SnapshotMessage {
  const split = { loss: 0.5 / (epoch + 1), accuracy: 0.9 };
  return {
    type: 'snapshot',
    run: 1,
    playing: !stopped,
    progress: { stopped, epoch, step: epoch * 10, samples: epoch * 100, batchLoss: 0.1 },
    evaluation: { train: split, validation: { loss: NaN, accuracy: NaN }, test: split },
    bestEpoch: 3,
  } as unknown as SnapshotMessage;
}

/** A store, its controller and the frames its events wait for. */
function setUp() {
  const store = new Store(initialState({ scene: checkScene(defaultScene()) }));
  const frames: (() => void)[] = [];
  const controller = new EmbedController(store, (callback) => frames.push(callback));
  const events: PageEvent[] = [];
  controller.watch((event) => events.push(event));
  const frame = () => frames.splice(0).forEach((callback) => callback());
  return { store, controller, events, frame };
}

describe('EmbedController', () => {
  it('refuses run commands until the engine answers, then applies them', () => {
    const { store, controller, events } = setUp();
    expect(() => controller.play()).toThrow(/the engine is not ready \(loading\)/);
    store.apply({ type: 'snapshot', snapshot: snapshot(0) });
    expect(events.map((e) => e.type)).toEqual(['ready']);
    controller.play();
    expect(store.state.playing).toBe(true);
    controller.pause();
    expect(store.state.playing).toBe(false);
  });

  it('changes live settings in the running network, and says why a bad one is refused', () => {
    const { store, controller } = setUp();
    const run = store.state.run;
    expect(controller.setHyperparameters({ lr: 0.05 })).toMatchObject({ lr: 0.05, l1: 0 });
    expect(store.state.scene.optimizer.lr).toBe(0.05);
    expect(store.state.run).toBe(run);
    expect(() => controller.setHyperparameters({ lr: -1 })).toThrow(/^scene\.optimizer\.lr/);
    const layers = store.state.scene.model.layers.length;
    expect(() => controller.setHyperparameters({ dropout: [0.1] })).toThrow(
      `dropout: expected ${layers} numbers`,
    );
    expect(store.state.scene.optimizer.lr).toBe(0.05);
  });

  it('loads a scene as a new run, or says what to change in it', () => {
    const { store, controller } = setUp();
    controller.loadScene({ ...defaultScene(), seed: 7 });
    expect(store.state).toMatchObject({ run: 2, scene: { seed: 7 } });
    expect(() => controller.loadScene({ ...defaultScene(), seed: -1 })).toThrow(/scene\.seed/);
    expect(store.state.run).toBe(2);
  });

  it('reports epoch ends at most once a frame, then early stopping and divergence', () => {
    const { store, controller, events, frame } = setUp();
    store.apply({ type: 'snapshot', snapshot: snapshot(0) });
    frame();
    store.apply({ type: 'snapshot', snapshot: snapshot(1) });
    store.apply({ type: 'snapshot', snapshot: snapshot(2) });
    frame();
    store.apply({ type: 'snapshot', snapshot: snapshot(2) });
    frame();
    expect(events.map((e) => e.type)).toEqual(['ready', 'epochEnd']);
    expect(events[1]).toMatchObject({
      metrics: { epoch: 2, step: 20, train: { loss: 0.5 / 3, accuracy: 0.9 }, validation: null },
    });
    store.apply({ type: 'snapshot', snapshot: snapshot(3, true) });
    store.apply({ type: 'snapshot', snapshot: snapshot(3, true) });
    store.apply({ type: 'error', message: 'diverged at step 31: the loss is nan' });
    expect(events.slice(2).map((e) => e.type)).toEqual(['earlyStopped', 'diverged']);
    expect(events[2]).toMatchObject({ bestEpoch: 3 });
    expect(events[3]).toMatchObject({ step: 31 });
    expect(controller.metrics()).toMatchObject({ epoch: 3, status: 'finished' });
  });

  it('reads the step from a divergence message', () => {
    expect(divergedAt('diverged at step 12: the loss is inf')).toBe(12);
    expect(divergedAt('the run diverged')).toBeNull();
    expect(divergedAt('scene.optimizer.lr: expected …')).toBeUndefined();
  });
});
