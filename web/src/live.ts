// Which scene changes the engine makes in a running run (Trainer.setHyperparameters) rather than
// by restarting it: the learning rate, weight decay, L1 strength and each layer's dropout.
import type { Hyperparameters } from './engine/protocol.ts';
import type { Scene } from './scene.ts';

/** The hyper-parameters that turn run `a` into `b`, or null when anything else differs (then
 *  the run must restart). */
export function liveHyperparameters(a: Scene, b: Scene): Hyperparameters | null {
  const strip = (s: Scene) =>
    JSON.stringify({
      ...s,
      l1: 0,
      optimizer: { ...s.optimizer, lr: 0, weight_decay: 0 },
      model: { ...s.model, layers: s.model.layers.map(({ dropout: _d, ...l }) => l) },
    });
  if (strip(a) !== strip(b)) return null;
  const h: Hyperparameters = {};
  if (a.optimizer.lr !== b.optimizer.lr) h.lr = b.optimizer.lr;
  if ((a.optimizer.weight_decay ?? 0) !== (b.optimizer.weight_decay ?? 0)) {
    h.weight_decay = b.optimizer.weight_decay ?? 0;
  }
  if ((a.l1 ?? 0) !== (b.l1 ?? 0)) h.l1 = b.l1 ?? 0;
  const dropout = b.model.layers.map((l) => l.dropout ?? 0);
  if (a.model.layers.some((l, i) => (l.dropout ?? 0) !== dropout[i])) h.dropout = dropout;
  return h;
}
