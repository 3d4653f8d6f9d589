// The settings the engine changes in a running network without a reset
// (Trainer.setHyperparameters): the learning rate, the L1 rate, weight_decay and every layer's
// dropout. Pure: the page decides with liveChanges whether a new scene can go to the running
// network, and the worker's session records a change with withHyperparameters.
import type { Scene } from '../scene/index.ts';

/** The fields of Trainer.setHyperparameters (every one optional: only what changes). */
export interface Hyperparameters {
  lr?: number;
  l1?: number;
  weight_decay?: number;
  /** Every layer's dropout probability (the output layer's is 0). */
  dropout?: number[];
}

/** The scene without the live fields, for comparing the rest. */
function rest(scene: Scene): string {
  const { l1: _l1, optimizer, model, ...others } = scene;
  const { lr: _lr, weight_decay: _wd, ...optimizerRest } = optimizer;
  const layers = model.layers.map(({ dropout: _dropout, ...layer }) => layer);
  return JSON.stringify({ ...others, optimizer: optimizerRest, model: { ...model, layers } });
}

const dropouts = (scene: Scene): number[] => scene.model.layers.map((l) => l.dropout ?? 0);

/** What changes from `from` to `to` if only the live fields differ (an empty object when
 *  nothing does); null when anything else differs, so the run must restart. */
export function liveChanges(from: Scene, to: Scene): Hyperparameters | null {
  if (rest(from) !== rest(to)) return null;
  const changes: Hyperparameters = {};
  if (from.optimizer.lr !== to.optimizer.lr) changes.lr = to.optimizer.lr;
  if ((from.l1 ?? 0) !== (to.l1 ?? 0)) changes.l1 = to.l1 ?? 0;
  const decay = (s: Scene) => s.optimizer.weight_decay ?? defaultWeightDecay(s.optimizer.name);
  if (decay(from) !== decay(to)) changes.weight_decay = decay(to);
  const before = dropouts(from);
  const after = dropouts(to);
  if (before.some((p, i) => p !== after[i])) changes.dropout = after;
  return changes;
}

/** torch's weight_decay when the scene leaves it out: AdamW's is 0.01, the others' 0. */
export function defaultWeightDecay(optimizer: Scene['optimizer']['name']): number {
  return optimizer === 'AdamW' ? 0.01 : 0;
}

/** `scene` with the changes made (a 0 dropout leaves the field out, its default). */
export function withHyperparameters(scene: Scene, changes: Hyperparameters): Scene {
  const next: Scene = { ...scene, optimizer: { ...scene.optimizer }, model: { ...scene.model } };
  if (changes.lr !== undefined) next.optimizer.lr = changes.lr;
  if (changes.weight_decay !== undefined) next.optimizer.weight_decay = changes.weight_decay;
  if (changes.l1 !== undefined) next.l1 = changes.l1;
  const { dropout } = changes;
  if (dropout) {
    next.model.layers = scene.model.layers.map((layer, i) => {
      const { dropout: _old, ...copy } = layer;
      const p = dropout[i] ?? 0;
      return p > 0 ? { ...copy, dropout: p } : copy;
    });
  }
  return next;
}
