// The network builder's scene edits, pure: each returns the next scene (or the same one when the
// edit is not possible) for the page's store (state/scene-change.ts). Structural edits restart
// the run; dropout is changed live.
import { usualOutput, classesOf } from './advice.ts';
import { FEATURES, LIMITS, SUPPLIED, type Scene } from './scene/index.ts';
import type { ActivationName, FeatureName, LayerSpec } from './wasm/core.mjs';

/** The engine catalogue's limits: model.layers holds the hidden layers and the output layer. */
export const MAX_HIDDEN_LAYERS = LIMITS.layers.max - 1;
export const MAX_UNITS = LIMITS.units.max;
/** What a new hidden layer starts with when there is none to copy. */
const NEW_LAYER: LayerSpec = { units: 4, activation: 'Tanh' };

/** The activations a hidden layer may take (elementwise ones; softmaxes belong to outputs). */
export const HIDDEN_ACTIVATIONS: readonly ActivationName[] = [
  'ReLU',
  'Tanh',
  'Sigmoid',
  'LeakyReLU',
  'ELU',
  'GELU',
  'SiLU',
  'Softplus',
  'Identity',
];
/** The output layer's activations (the expert override). */
export const OUTPUT_ACTIVATIONS: readonly ActivationName[] = [
  'Identity',
  'Sigmoid',
  'Softmax',
  'LogSoftmax',
  'Tanh',
  'ReLU',
];

function withLayers(scene: Scene, layers: LayerSpec[]): Scene {
  return { ...scene, model: { ...scene.model, layers } };
}

export function hiddenLayers(scene: Scene): LayerSpec[] {
  return scene.model.layers.slice(0, -1);
}

function outputLayer(scene: Scene): LayerSpec {
  const last = scene.model.layers[scene.model.layers.length - 1];
  if (!last) throw new Error('scene.model.layers: the output layer is missing');
  return last;
}

/** `count` hidden layers (0 … MAX_HIDDEN_LAYERS): new ones copy the last hidden layer (without
 *  its dropout), removed ones come off the end, next to the output. */
export function withHiddenCount(scene: Scene, count: number): Scene {
  const hidden = hiddenLayers(scene);
  // A scene from a link may hold more than the builder adds: removing one still removes one.
  const n = Math.max(0, Math.min(Math.max(MAX_HIDDEN_LAYERS, hidden.length), Math.round(count)));
  if (n === hidden.length) return scene;
  const next = hidden.slice(0, n);
  while (next.length < n) {
    const last = next[next.length - 1] ?? hidden[hidden.length - 1] ?? NEW_LAYER;
    next.push({ units: last.units, activation: last.activation });
  }
  return withLayers(scene, [...next, outputLayer(scene)]);
}

function editHidden(scene: Scene, layer: number, edit: (l: LayerSpec) => LayerSpec): Scene {
  const hidden = hiddenLayers(scene);
  const current = hidden[layer];
  if (!current) return scene;
  const next = [...hidden];
  next[layer] = edit(current);
  return withLayers(scene, [...next, outputLayer(scene)]);
}

export function withUnits(scene: Scene, layer: number, units: number): Scene {
  return editHidden(scene, layer, (l) => {
    const u = Math.max(1, Math.min(Math.max(MAX_UNITS, l.units), Math.round(units)));
    return l.units === u ? l : { ...l, units: u };
  });
}

export function withActivation(scene: Scene, layer: number, activation: ActivationName): Scene {
  return editHidden(scene, layer, (l) => ({ ...l, activation }));
}

/** Dropout p after hidden layer `layer` (0: none, so the field is left out). */
export function withDropout(scene: Scene, layer: number, p: number): Scene {
  return editHidden(scene, layer, (l) => {
    const { dropout: _old, ...rest } = l;
    return p > 0 ? { ...rest, dropout: p } : rest;
  });
}

export function withOutputActivation(scene: Scene, activation: ActivationName): Scene {
  return withLayers(scene, [...hiddenLayers(scene), { ...outputLayer(scene), activation }]);
}

/** The output layer the task and loss normally take (see usualOutput); the scene unchanged for
 *  data whose classes are unknown. */
export function withUsualOutput(scene: Scene): Scene {
  const classes = classesOf(scene);
  if (classes === null) return scene;
  const usual = usualOutput(classes, scene.loss.name);
  const { dropout: _none, ...out } = outputLayer(scene);
  return withLayers(scene, [...hiddenLayers(scene), { ...out, ...usual }]);
}

/** The input features of 2-D generated data (absent: x1 and x2), in FEATURES order; null for
 *  data that has none to choose. */
export function featuresOf(scene: Scene): FeatureName[] | null {
  if (scene.data.name === SUPPLIED || scene.model.inputs < 1) return null;
  if (scene.data.features) return scene.data.features;
  return scene.model.inputs === 2 ? ['x1', 'x2'] : null;
}

/** Switches `feature` on or off (the last one stays on); model.inputs follows. */
export function withFeatureToggled(scene: Scene, feature: FeatureName): Scene {
  const current = featuresOf(scene);
  if (!current) return scene;
  const on = current.includes(feature);
  if (on && current.length === 1) return scene;
  const next = FEATURES.filter((f) => (f === feature ? !on : current.includes(f)));
  return {
    ...scene,
    data: { ...scene.data, features: next },
    model: { ...scene.model, inputs: next.length },
  };
}
