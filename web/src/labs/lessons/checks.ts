// The prompts' checks, each built from one reading of the playground's state: the scene's
// fields, the latest snapshot's figures (the engine's), the run's history. They compare numbers;
// they never compute a loss, an accuracy or a gradient themselves.
import type { Scene } from '../../scene/index.ts';
import { activationName } from '../../scene/types.ts';
import type { LessonState } from './lesson.ts';

type Check = (state: LessonState) => boolean;

/** The latest test accuracy (0…1) is at least `share`. */
export const testAccuracyAtLeast =
  (share: number): Check =>
  ({ snapshot }) =>
    (snapshot?.evaluation.test.accuracy ?? 0) >= share;

/** The latest training loss is below `value`. */
export const trainLossBelow =
  (value: number): Check =>
  ({ snapshot }) =>
    (snapshot?.evaluation.train.loss ?? Infinity) < value;

/** The latest test loss is below `value`. */
export const testLossBelow =
  (value: number): Check =>
  ({ snapshot }) =>
    (snapshot?.evaluation.test.loss ?? Infinity) < value;

/** The run has completed at least `epochs` epochs. */
export const epochsAtLeast =
  (epochs: number): Check =>
  ({ snapshot }) =>
    (snapshot?.progress.epoch ?? 0) >= epochs;

/** The run has taken at least `steps` optimiser steps. */
export const stepsAtLeast =
  (steps: number): Check =>
  ({ snapshot }) =>
    (snapshot?.progress.step ?? 0) >= steps;

/** Early stopping ended the run. */
export const stoppedEarly: Check = ({ snapshot }) => snapshot?.progress.stopped === true;

/** The scene satisfies `test` (a setting the student was asked to change). */
export const sceneIs =
  (test: (scene: Scene) => boolean): Check =>
  ({ scene }) =>
    test(scene);

/** Both checks hold. */
export const both =
  (a: Check, b: Check): Check =>
  (state) =>
    a(state) && b(state);

/** The output layer's activation is `name`. */
export const outputIs = (scene: Scene, name: string): boolean =>
  activationName(scene.model.layers.at(-1)!.activation) === name;

/** Every hidden layer's activation is `name`. */
export const hiddenAre = (scene: Scene, name: string): boolean =>
  scene.model.layers.slice(0, -1).every((layer) => activationName(layer.activation) === name);

/** The last `count` evaluations were all made at a learning rate of at most `lr`, and in none of
 *  them did the training loss rise by more than `rise` (a share) over the one before: the loss
 *  has stopped oscillating at that rate. */
export const steadyAt =
  (lr: number, count = 5, rise = 0.005): Check =>
  ({ history }) => {
    const n = history.length;
    if (n < count + 1) return false;
    for (let i = n - count; i < n; i++) {
      const now = history.loss.train[i];
      const before = history.loss.train[i - 1];
      if (history.lr[i]! > lr || now == null || before == null) return false;
      if (now > before * (1 + rise)) return false;
    }
    return true;
  };

/** Among the last `count` evaluations, the training loss rose at least `rises` times: it
 *  oscillates. */
export const oscillating =
  (count = 8, rises = 2): Check =>
  ({ history }) => {
    const n = history.length;
    if (n < count + 1) return false;
    let up = 0;
    for (let i = n - count; i < n; i++) {
      const now = history.loss.train[i];
      const before = history.loss.train[i - 1];
      if (now != null && before != null && now > before) up++;
    }
    return up >= rises;
  };

/** The best validation loss so far came at least `epochs` evaluations before the latest one
 *  (the curve has turned up: overfitting). */
export const validationTurnedUp =
  (epochs: number): Check =>
  ({ history }) => {
    const losses = history.loss.validation;
    let best = -1;
    losses.forEach((loss, i) => {
      if (loss != null && (best < 0 || loss < losses[best]!)) best = i;
    });
    return best >= 0 && losses.length - 1 - best >= epochs;
  };
