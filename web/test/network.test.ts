// The network builder's pure parts: the activation/loss advice, the scene edits, the diagram's
// layout maths and which changes are live.
import { describe, expect, it } from 'vitest';
import { pairWarnings, usualOutput } from '../src/advice.ts';
import { liveChanges as liveHyperparameters } from '../src/engine/hyperparameters.ts';
import {
  featuresOf,
  MAX_HIDDEN_LAYERS,
  MAX_UNITS,
  withDropout,
  withFeatureToggled,
  withHiddenCount,
  withOutputActivation,
  withUnits,
  withUsualOutput,
} from '../src/network-edit.ts';
import {
  compact,
  edgeWidth,
  layoutNetwork,
  mapOffset,
  MAX_DRAWN,
} from '../src/render/network-layout.ts';
import { datasetScene, defaultScene, LIMITS, type Scene } from '../src/scene/index.ts';
import { checkScene } from '../src/engine/scene-rules.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

function withLoss(scene: Scene, name: Scene['loss']['name']): Scene {
  return { ...scene, loss: { name } };
}

describe('pairWarnings', () => {
  it('says nothing about the usual pairs', () => {
    expect(pairWarnings(defaultScene())).toEqual([]);
    expect(pairWarnings(datasetScene({ name: 'spirals', classes: 3 }))).toEqual([]);
    expect(pairWarnings(datasetScene({ name: 'sine' }))).toEqual([]);
    const logits = withOutputActivation(withLoss(defaultScene(), 'BCEWithLogitsLoss'), 'Identity');
    expect(pairWarnings(logits)).toEqual([]);
    const nll = withOutputActivation(
      withLoss(datasetScene({ name: 'blobs' }), 'NLLLoss'),
      'LogSoftmax',
    );
    expect(pairWarnings(nll)).toEqual([]);
  });

  it('explains a double softmax, which the engine accepts', () => {
    const scene = withOutputActivation(datasetScene({ name: 'blobs' }), 'Softmax');
    expect(() => checkScene(scene)).not.toThrow();
    const [w, ...rest] = pairWarnings(scene);
    expect(rest).toEqual([]);
    expect(w).toMatch(/double softmax/);
  });

  it('explains BCELoss on logits, which the engine refuses', () => {
    const scene = withOutputActivation(defaultScene(), 'Identity');
    expect(() => checkScene(scene)).toThrow(/BCELoss/);
    expect(pairWarnings(scene).join(' ')).toMatch(
      /BCELoss takes probabilities.*refuses.*BCEWithLogitsLoss/,
    );
  });

  it('explains Sigmoid before BCEWithLogitsLoss and MSE on class labels', () => {
    expect(pairWarnings(withLoss(defaultScene(), 'BCEWithLogitsLoss')).join(' ')).toMatch(
      /sigmoid twice/,
    );
    const mse = withLoss(defaultScene(), 'MSELoss'); // two classes: accepted, explained
    expect(() => checkScene(mse)).not.toThrow();
    expect(pairWarnings(mse).join(' ')).toMatch(/MSELoss on class labels fits the 0\/1 label/);
    const many = withLoss(datasetScene({ name: 'blobs' }), 'MSELoss'); // class indices: refused
    expect(() => checkScene(many)).toThrow(/loss\.name/);
    expect(pairWarnings(many).join(' ')).toMatch(/class index as a number.*refuses/);
  });

  it('explains NLLLoss without LogSoftmax, a bounded regression output and softmax hidden layers', () => {
    expect(pairWarnings(withLoss(datasetScene({ name: 'blobs' }), 'NLLLoss')).join(' ')).toMatch(
      /log-probabilities/,
    );
    const sine = withOutputActivation(datasetScene({ name: 'sine' }), 'Tanh');
    expect(pairWarnings(sine).join(' ')).toMatch(/\(−1, 1\)/);
    const scene = defaultScene();
    scene.model.layers[0] = { units: 4, activation: 'Softmax' };
    expect(pairWarnings(scene).join(' ')).toMatch(/Hidden layer 1 uses Softmax/);
  });
});

describe('usualOutput and withUsualOutput', () => {
  it('follow the task and the loss', () => {
    expect(usualOutput(0, 'MSELoss')).toEqual({ units: 1, activation: 'Identity' });
    expect(usualOutput(2, 'BCELoss')).toEqual({ units: 1, activation: 'Sigmoid' });
    expect(usualOutput(2, 'BCEWithLogitsLoss')).toEqual({ units: 1, activation: 'Identity' });
    expect(usualOutput(4, 'CrossEntropyLoss')).toEqual({ units: 4, activation: 'Identity' });
    expect(usualOutput(4, 'NLLLoss')).toEqual({ units: 4, activation: 'LogSoftmax' });
    const back = withUsualOutput(withOutputActivation(defaultScene(), 'Softmax'));
    expect(back.model.layers.at(-1)).toEqual({ units: 1, activation: 'Sigmoid' });
  });
});

describe('scene edits', () => {
  it('adds and removes hidden layers from 0 to 8, keeping the output', () => {
    const none = withHiddenCount(defaultScene(), 0);
    expect(none.model.layers).toEqual([{ units: 1, activation: 'Sigmoid' }]);
    expect(() => checkScene(none)).not.toThrow();
    const three = withHiddenCount(defaultScene(), 3);
    expect(three.model.layers.map((l) => l.units)).toEqual([4, 4, 4, 1]);
    expect(withHiddenCount(none, 1).model.layers[0]).toEqual({ units: 4, activation: 'Tanh' });
    expect(withHiddenCount(defaultScene(), MAX_HIDDEN_LAYERS + 5).model.layers).toHaveLength(
      MAX_HIDDEN_LAYERS + 1,
    );
  });

  it('changes neurons within 1 … the catalogue limit and dropout (0 leaves the field out)', () => {
    expect(MAX_UNITS).toBe(LIMITS.units.max);
    expect(MAX_HIDDEN_LAYERS).toBe(LIMITS.layers.max - 1); // the output layer is one of model.layers
    expect(withUnits(defaultScene(), 1, MAX_UNITS + 72).model.layers[1]?.units).toBe(MAX_UNITS);
    expect(withUnits(defaultScene(), 0, 0).model.layers[0]?.units).toBe(1);
    const wide = withUnits(withUnits(defaultScene(), 0, MAX_UNITS), 0, MAX_UNITS + 1); // capped …
    expect(wide.model.layers[0]?.units).toBe(MAX_UNITS);
    const linked = defaultScene(); // … but a wider linked scene goes down one by one
    linked.model.layers[0] = { units: MAX_UNITS + 72, activation: 'Tanh' };
    expect(withUnits(linked, 0, MAX_UNITS + 71).model.layers[0]?.units).toBe(MAX_UNITS + 71);
    const deep = withHiddenCount(defaultScene(), MAX_HIDDEN_LAYERS);
    deep.model.layers.splice(
      0,
      0,
      { units: 2, activation: 'Tanh' },
      { units: 2, activation: 'Tanh' },
    );
    expect(withHiddenCount(deep, MAX_HIDDEN_LAYERS + 1).model.layers).toHaveLength(
      MAX_HIDDEN_LAYERS + 2,
    );
    const s = defaultScene();
    expect(withUnits(s, 5, 3)).toBe(s); // no such hidden layer
    const dropped = withDropout(s, 0, 0.3);
    expect(dropped.model.layers[0]).toEqual({ units: 4, activation: 'Tanh', dropout: 0.3 });
    expect(withDropout(dropped, 0, 0).model.layers[0]).toEqual({ units: 4, activation: 'Tanh' });
  });

  it('toggles input features, keeps one on and updates model.inputs', () => {
    const s = defaultScene();
    expect(featuresOf(s)).toEqual(['x1', 'x2']);
    const three = withFeatureToggled(s, 'x1*x2');
    expect(three.data.features).toEqual(['x1', 'x2', 'x1*x2']);
    expect(three.model.inputs).toBe(3);
    expect(() => checkScene(three)).not.toThrow();
    const one = withFeatureToggled(withFeatureToggled(s, 'x1'), 'x2');
    expect(one.data.features).toEqual(['x2']); // the last one stays on
    expect(featuresOf(datasetScene({ name: 'sine' }))).toBeNull();
  });
});

describe('liveHyperparameters', () => {
  it('finds the live changes and refuses structural ones', () => {
    const s = defaultScene();
    expect(liveHyperparameters(s, withDropout(s, 1, 0.2))).toEqual({ dropout: [0, 0.2, 0] });
    expect(liveHyperparameters(s, { ...s, optimizer: { ...s.optimizer, lr: 0.3 } })).toEqual({
      lr: 0.3,
    });
    expect(liveHyperparameters(s, withUnits(s, 0, 5))).toBeNull();
    expect(liveHyperparameters(s, withFeatureToggled(s, 'sin(x1)'))).toBeNull();
  });
});

describe('layoutNetwork', () => {
  it('draws at most 16 neurons per column and summarises the rest', () => {
    const layout = layoutNetwork([2, 128, 3]);
    expect(layout.columns.map((c) => c.nodes.length)).toEqual([2, MAX_DRAWN, 3]);
    expect(layout.columns.map((c) => c.more)).toEqual([0, 112, 0]);
  });

  it('centres columns on the tallest and spaces them evenly', () => {
    const { columns, width, height } = layoutNetwork([2, 4, 1], {
      node: 30,
      pitch: 40,
      gap: 100,
      margin: 10,
      side: 10,
    });
    expect(columns.map((c) => c.x)).toEqual([25, 125, 225]);
    const ys = (i: number) => columns[i]?.nodes.map((n) => n.y) ?? [];
    expect(ys(1)).toEqual([25, 65, 105, 145]);
    expect(ys(0)).toEqual([65, 105]); // centred on the middle of the four
    expect(ys(2)).toEqual([85]);
    expect(width).toBe(250);
    expect(height).toBe(20 + 3 * 40 + 30);
  });

  it('finds each layer’s maps and sizes edges by |weight|', () => {
    expect(mapOffset([3, 5, 1], 0)).toBe(0);
    expect(mapOffset([3, 5, 1], 2)).toBe(8);
    expect(edgeWidth(0)).toBe(0.5);
    expect(edgeWidth(-5)).toBe(6);
    expect(edgeWidth(50)).toBe(6);
    expect(edgeWidth(2.5)).toBeCloseTo(3.25);
    expect(compact(0.123456)).toBe('0.123');
    expect(compact(-2)).toBe('-2');
    expect(compact(0.00001234)).toBe('1.23e-5');
  });
});
