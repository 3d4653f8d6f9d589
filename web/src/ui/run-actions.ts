// What the run controls and their keyboard shortcuts do: each is a change to the page's store
// (the worker follows it: engine/run-sync.ts), except the pace, which only paces the worker.
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
    setPace: (pace) => client.setPace(pace),
  };
}

/** Space plays or pauses; s, e, r and n step, train an epoch, reset and reseed while the engine
 *  answers; [ and ] change the pace. A key does nothing while a link locks its control. */
export function installRunShortcuts(
  root: HTMLElement,
  store: Store,
  actions: ControlActions,
  controls: Controls,
): void {
  const ready = () => store.state.engine === 'ready';
  /** `action` for the control `id` (its data-control), unless a link locks it. */
  const unless = (id: string, action: () => void) => () => {
    if (!store.state.locked.includes(id)) action();
  };
  installSpaceToggle(
    root,
    unless('playButton', () => {
      if (ready()) actions.togglePlay();
    }),
  );
  installShortcuts(root, {
    s: unless('stepButton', () => ready() && actions.step()),
    e: unless('stepEpochButton', () => ready() && actions.stepEpoch()),
    r: unless('resetButton', () => ready() && actions.reset()),
    n: unless('reseedButton', () => ready() && actions.reseed(randomSeed())),
    '[': unless('speed', () => controls.nudgePace(-1)),
    ']': unless('speed', () => controls.nudgePace(1)),
  });
}
