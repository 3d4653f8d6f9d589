// Which losses fit the task, what choosing one does to the output layer, and a one-line hint on
// the loss and the output it is paired with. Pure: the training panel shows the results.
import {
  CLASS_LOSSES,
  generatedShape,
  REGRESSION_LOSSES,
  SHIPPED_CATALOGUE,
  SUPPLIED,
  type DataShape,
  type Scene,
} from '../scene/index.ts';
import type { ActivationName, LayerSpec, LossName } from '../wasm/core.mjs';

const BINARY_LOSSES: readonly LossName[] = ['BCELoss', 'BCEWithLogitsLoss'];

/** The shape of the scene's data: a generator's or a shipped dataset's; null for a CSV's rows
 *  (they are not in the scene). */
export function sceneShape(scene: Scene): DataShape | null {
  const { data } = scene;
  if (data.name !== SUPPLIED) return generatedShape(data);
  return data.dataset ? SHIPPED_CATALOGUE[data.dataset].shape : null;
}

/** The number of classes the scene's data has (0: a regression). Rows from a CSV are not in the
 *  scene: their task is read from the loss and the output layer the import chose. */
export function classesOf(scene: Scene): number {
  const shape = sceneShape(scene);
  if (shape) return shape.classes;
  if (REGRESSION_LOSSES.includes(scene.loss.name)) return 0;
  if (BINARY_LOSSES.includes(scene.loss.name)) return 2;
  return scene.model.layers.at(-1)?.units ?? 2;
}

/** The losses the task accepts: a regression's, both BCE losses and the class losses for two
 *  classes, the class losses for more. */
export function lossesFor(classes: number): readonly LossName[] {
  if (classes === 0) return REGRESSION_LOSSES;
  if (classes === 2) return [...BINARY_LOSSES, ...CLASS_LOSSES];
  return CLASS_LOSSES;
}

/** The output activation each loss is meant for (regression losses take whatever is there). */
const OUTPUT_FOR: Partial<Record<LossName, ActivationName>> = {
  BCELoss: 'Sigmoid',
  BCEWithLogitsLoss: 'Identity',
  CrossEntropyLoss: 'Identity',
  NLLLoss: 'LogSoftmax',
  MultiMarginLoss: 'Identity',
};

const WHY: Partial<Record<LossName, string>> = {
  BCELoss: 'BCELoss takes a probability',
  BCEWithLogitsLoss: 'BCEWithLogitsLoss applies the sigmoid itself',
  CrossEntropyLoss: 'CrossEntropyLoss applies log-softmax itself',
  NLLLoss: 'NLLLoss takes log-probabilities',
  MultiMarginLoss: 'MultiMarginLoss compares raw class scores',
};

const activationOf = (layer: LayerSpec): ActivationName =>
  typeof layer.activation === 'string' ? layer.activation : layer.activation.name;

/**
 * `scene` with loss `name` (keeping its reduction, and its other arguments when the name is the
 * same) and the output layer it needs: one unit per class for a class loss, one for the others,
 * with the activation the loss is meant for. `note` says what changed in the output layer.
 */
export function switchLoss(scene: Scene, name: LossName): { scene: Scene; note: string | null } {
  const classes = classesOf(scene);
  const next = structuredClone(scene);
  const loss = scene.loss.name === name ? { ...scene.loss } : { name };
  if (scene.loss.reduction) loss.reduction = scene.loss.reduction;
  next.loss = loss;
  const layers = next.model.layers;
  const output = layers[layers.length - 1]!;
  const units = CLASS_LOSSES.includes(name) ? Math.max(classes, 2) : 1;
  const activation = OUTPUT_FOR[name] ?? activationOf(output);
  const changes: string[] = [];
  if (output.units !== units) {
    changes.push(`${units} ${units === 1 ? 'unit' : 'units'}`);
    output.units = units;
  }
  if (activationOf(output) !== activation) {
    changes.push(activation);
    output.activation = activation;
  }
  const why = WHY[name];
  const note =
    changes.length === 0
      ? null
      : `Output layer changed to ${changes.join(', ')}: ${
          why ?? `${name} compares one output with the target`
        }${CLASS_LOSSES.includes(name) && units > 1 ? ', one score per class' : ''}.`;
  return { scene: next, note };
}

const ABOUT: Record<LossName, string> = {
  MSELoss: 'Mean squared error (output − target)²: large errors dominate.',
  L1Loss: 'Mean absolute error |output − target|: robust to outliers, gradient of constant size.',
  HuberLoss: 'Squared below delta, absolute above it: MSE near the target, L1 far from it.',
  BCELoss: 'Binary cross-entropy of a probability: needs a Sigmoid output.',
  BCEWithLogitsLoss:
    'Sigmoid and binary cross-entropy in one, on the raw output (a logit): more stable than Sigmoid + BCELoss.',
  CrossEntropyLoss: 'Log-softmax and negative log-likelihood in one, on raw class scores (logits).',
  NLLLoss: 'Negative log-likelihood of log-probabilities: needs a LogSoftmax output.',
  MultiMarginLoss: "Multi-class hinge: the true class's score must beat every other by margin.",
};

/** What the loss does, in one line (advice.ts's pairWarnings says what does not suit it). */
export function lossAbout(scene: Scene): string {
  return ABOUT[scene.loss.name];
}
