// The one way a control proposes a scene: validated here, once, before the store takes it.
import { checkScene } from '../engine/scene-rules.ts';
import type { Scene } from '../scene/index.ts';
import type { Store } from './store.ts';

/** `next` validated, or the validator's message ("scene.optimizer.lr: expected …"). */
export function validated(next: Scene): { scene: Scene } | { message: string } {
  try {
    return { scene: checkScene(next) };
  } catch (error) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Proposes `next` to the store: a bad one is refused with its message (the scene and the run
 * kept), a good one is applied — as a new paused run, or with 'live' handed to the running
 * network when only what it changes in place differs. Returns whether it was taken.
 */
export function changeScene(
  store: Store,
  next: Scene,
  how: 'live' | 'restart' = 'restart',
): boolean {
  const result = validated(next);
  if ('message' in result) {
    store.apply({ type: 'refused', message: result.message });
    return false;
  }
  store.apply({ type: 'scene', scene: result.scene, how });
  return true;
}
