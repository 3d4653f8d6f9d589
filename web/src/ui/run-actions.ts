// What the run controls and their keyboard shortcuts do: each is a change to the page's store
// (the worker follows it: engine/run-sync.ts), except the speed, which only paces the worker.
import type { EngineClient } from '../engine/client.ts';
import { changeScene } from '../state/scene-change.ts';
import type { Store } from '../state/store.ts';
import type { ControlActions, Controls } from './controls.ts';
import { installShortcuts, installSpaceToggle } from './keyboard.ts';
import { randomSeed } from './controls.ts';

export function runActions(store: Store, client: EngineClient): ControlActions {
  const command = (name: 'step' | 'epoch' | 'reset') => () =>
    store.apply({ type: 'command', command: name });
  return {
    togglePlay: () =>
      store.apply({ type: 'command', command: store.state.playing ? 'pause' : 'play' }),
    step: command('step'),
    stepEpoch: command('epoch'),
    reset: command('reset'),
    /** A new run from `seed`: the data, the split, the weights and the batches all change. */
    reseed: (seed) => changeScene(store, { ...store.state.scene, seed }),
    setSpeed: (stepsPerSecond) => client.setSpeed(stepsPerSecond),
  };
}

/** Space plays or pauses; s, e, r and n step, train an epoch, reset and reseed while the engine
 *  answers; [ and ] change the speed. */
export function installRunShortcuts(
  root: HTMLElement,
  store: Store,
  actions: ControlActions,
  controls: Controls,
): void {
  const ready = () => store.state.engine === 'ready';
  installSpaceToggle(root, () => {
    if (ready()) actions.togglePlay();
  });
  installShortcuts(root, {
    s: () => ready() && actions.step(),
    e: () => ready() && actions.stepEpoch(),
    r: () => ready() && actions.reset(),
    n: () => ready() && actions.reseed(randomSeed()),
    '[': () => controls.nudgeSpeed(-1),
    ']': () => controls.nudgeSpeed(1),
  });
}
