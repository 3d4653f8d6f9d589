// The page's side of the worker boundary without a worker: a fake one records what the client
// posts and hands back what a test says the worker replied. Checks that every request carries
// the page's current run, that messages about another run are dropped, that the store's changes
// reach the worker as the right requests, and that a crash reloads the store's scene.
import { describe, expect, it } from 'vitest';
import type { FromWorker, SnapshotMessage, ToWorker } from '../src/engine/protocol.ts';
import { startedWorker } from '../src/engine/client.ts';
import { RunSync } from '../src/engine/run-sync.ts';
import { defaultScene, type Scene } from '../src/scene/index.ts';
import { changeScene } from '../src/state/scene-change.ts';
import { initialState, Store } from '../src/state/store.ts';
import { checkScene } from '../src/engine/scene-rules.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

/** Stands in for the training worker: `posted` holds the requests, reply() answers. */
class FakeWorker {
  readonly posted: ToWorker[] = [];
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;

  postMessage(request: ToWorker): void {
    this.posted.push(request);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

function snapshot(run: number, step: number): SnapshotMessage {
  return {
    type: 'snapshot',
    run,
    playing: false,
    progress: { step, stopped: false },
  } as unknown as SnapshotMessage;
}

function setup(scene: Scene = checkScene(defaultScene())) {
  const workers: FakeWorker[] = [];
  const store = new Store(initialState({ scene }));
  const sync = new RunSync(store, { ready: () => {}, thumbnails: () => {} }, () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { store, sync, workers, worker: () => workers.at(-1)! };
}

describe('RunSync and the engine client', () => {
  it('starts the first worker early and hands over what it said before the client listened', async () => {
    const workers: FakeWorker[] = [];
    const factory = startedWorker(() => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    });
    expect(workers).toHaveLength(1); // started before the page needs it
    workers[0]!.reply({ type: 'ready', arch: 'wasm/4' });
    const arches: string[] = [];
    const store = new Store(initialState({ scene: checkScene(defaultScene()) }));
    new RunSync(store, { ready: (arch) => arches.push(arch), thumbnails: () => {} }, factory);
    expect(workers).toHaveLength(1); // the same worker
    expect(workers[0]!.posted.map((r) => r.type)).toEqual(['load']);
    await Promise.resolve();
    expect(arches).toEqual(['wasm/4']);
    workers[0]!.reply({ type: 'ready', arch: 'later' });
    expect(arches).toEqual(['wasm/4', 'later']);
    expect(factory()).not.toBe(workers[0]); // a replacement is a new worker
  });

  it('loads the first run and stamps every request with the current run', () => {
    const { store, worker } = setup();
    expect(worker().posted).toEqual([{ type: 'load', scene: store.state.scene, run: 1 }]);
    store.apply({ type: 'command', command: 'step' });
    expect(worker().posted.at(-1)).toEqual({ type: 'step', steps: 1, run: 1 });
  });

  it('drops the messages of a run the page has left', () => {
    const { store, worker } = setup();
    worker().reply(snapshot(1, 5));
    expect(store.state.snapshot?.progress.step).toBe(5);
    changeScene(store, { ...store.state.scene, seed: 2 }); // a new run
    expect(store.state.run).toBe(2);
    expect(worker().posted.at(-1)).toMatchObject({ type: 'load', run: 2 });
    worker().reply(snapshot(1, 6)); // sent before the worker saw the new load
    worker().reply({ type: 'error', run: 1, message: 'the old run diverged' });
    expect(store.state.snapshot?.progress.step).toBe(5);
    expect(store.state.error).toBeNull();
    worker().reply(snapshot(2, 0));
    expect(store.state.snapshot?.progress.step).toBe(0);
  });

  it('hands a live change to the running network and a command to the loop', () => {
    const { store, worker } = setup();
    const scene = store.state.scene;
    changeScene(store, { ...scene, optimizer: { ...scene.optimizer, lr: 0.3 } }, 'live');
    expect(store.state.run).toBe(1);
    expect(worker().posted.at(-1)).toEqual({ type: 'setHyperparameters', lr: 0.3, run: 1 });
    store.apply({ type: 'command', command: 'play' });
    store.apply({ type: 'command', command: 'epoch' });
    expect(worker().posted.slice(-2)).toEqual([
      { type: 'play', run: 1 },
      { type: 'stepEpochs', epochs: 1, run: 1 },
    ]);
  });

  it('reloads the store’s scene, with the live change, into a worker that replaces a crashed one', () => {
    const { store, sync, workers, worker } = setup();
    const scene = store.state.scene;
    changeScene(store, { ...scene, optimizer: { ...scene.optimizer, lr: 0.3 } }, 'live');
    sync.client.setPace({ epochsPerSecond: 5 });
    worker().reply({ type: 'fatal', message: 'unreachable' });
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(store.state).toMatchObject({ engine: 'loading', playing: false });
    expect(worker().posted.map((r) => r.type)).toEqual(['setPace', 'setViews', 'load']);
    expect(worker().posted[0]).toMatchObject({ pace: { epochsPerSecond: 5 } });
    const load = worker().posted.at(-1) as Extract<ToWorker, { type: 'load' }>;
    expect(load.scene.optimizer.lr).toBe(0.3);
    expect(load.run).toBe(1);
  });

  it('loads an opened model’s scene with its parameters, again into a replacement worker', () => {
    const { store, workers, worker } = setup();
    const scene = { ...store.state.scene, seed: 9 };
    const model = { scene, parameters: [{ '0.weight': new Float32Array([0.5, -2]) }] };
    store.apply({ type: 'model', model });
    expect(worker().posted.at(-1)).toEqual({ type: 'loadModel', model, run: 2 });
    worker().reply({ type: 'fatal', message: 'unreachable' });
    expect(workers).toHaveLength(2);
    expect(worker().posted.at(-1)).toEqual({ type: 'loadModel', model, run: 2 });
    // Reset goes back to the seed: so does the next replacement.
    store.apply({ type: 'command', command: 'reset' });
    expect(worker().posted.at(-1)).toEqual({ type: 'reset', run: 2 });
    worker().reply({ type: 'fatal', message: 'unreachable' });
    expect(worker().posted.at(-1)).toEqual({ type: 'load', scene, run: 2 });
  });
});
