// The training controls' pure logic: which settings change a running network, the losses a task
// offers and what choosing one does to the output layer, and the field table the panel draws.
import { describe, expect, it } from 'vitest';
import { liveChanges, withHyperparameters } from '../src/engine/hyperparameters.ts';
import {
  DATASETS,
  datasetScene,
  defaultScene,
  OPTIMIZER_ARGS,
  OPTIMIZERS,
  shippedScene,
  SUPPLIED,
  type Scene,
} from '../src/scene/index.ts';
import { randomSeed } from '../src/ui/controls.ts';
import { pairWarnings } from '../src/advice.ts';
import { classesOf, lossesFor, switchLoss } from '../src/ui/loss-choice.ts';
import {
  checkBatch,
  FIELDS,
  GROUPS,
  initNote,
  parseNumber,
  stepsPerEpoch,
  switchOptimizer,
  trainingRows,
  weightDecayNote,
  type Field,
  type NumberField,
} from '../src/ui/fields/index.ts';
import { checkScene } from '../src/engine/scene-rules.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

const field = (id: string): Field => {
  const found = FIELDS.find((f) => f.id === id);
  if (!found) throw new Error(`no field ${id}`);
  return found;
};
const numberField = (id: string) => field(id) as NumberField;

describe('liveChanges', () => {
  const base = defaultScene();

  it('reports only the live fields that differ', () => {
    expect(liveChanges(base, base)).toEqual({});
    const next = {
      ...base,
      l1: 0.01,
      optimizer: { ...base.optimizer, lr: 0.3, weight_decay: 0.001 },
    };
    expect(liveChanges(base, next)).toEqual({ lr: 0.3, l1: 0.01, weight_decay: 0.001 });
  });

  it('gives every layer’s dropout when one changes', () => {
    const next = structuredClone(base);
    next.model.layers[1]!.dropout = 0.2;
    expect(liveChanges(base, next)).toEqual({ dropout: [0, 0.2, 0] });
  });

  it('is null when anything else differs', () => {
    expect(liveChanges(base, { ...base, seed: 2 })).toBeNull();
    expect(liveChanges(base, switchOptimizer(base, 'Adam'))).toBeNull();
    expect(liveChanges(base, { ...base, training: { batchSize: 5 } })).toBeNull();
    const momentum = { ...base, optimizer: { ...base.optimizer, momentum: 0.9 } };
    expect(liveChanges(base, momentum)).toBeNull();
  });

  it('reads an absent weight_decay as the optimiser’s default (AdamW: 0.01)', () => {
    const adamw = switchOptimizer(base, 'AdamW');
    const explicit = { ...adamw, optimizer: { ...adamw.optimizer, weight_decay: 0.01 } };
    expect(liveChanges(adamw, explicit)).toEqual({});
    const off = { ...adamw, optimizer: { ...adamw.optimizer, weight_decay: 0 } };
    expect(liveChanges(adamw, off)).toEqual({ weight_decay: 0 });
  });

  it('withHyperparameters makes the scene the change leads to', () => {
    const next = structuredClone(base);
    next.optimizer.lr = 0.03;
    next.l1 = 0.002;
    next.model.layers[0]!.dropout = 0.1;
    const made = checkScene(withHyperparameters(base, liveChanges(base, next)!));
    expect(liveChanges(made, next)).toEqual({});
    expect(made).toEqual(next);
    // A zero dropout leaves the field out (its default).
    const back = withHyperparameters(made, { dropout: [0, 0, 0] });
    expect(back.model.layers[0]).toEqual({ units: 4, activation: 'Tanh' });
  });
});

describe('losses', () => {
  it('offers the losses the task accepts', () => {
    expect(lossesFor(classesOf(datasetScene({ name: 'circle' })))).toEqual([
      'BCELoss',
      'BCEWithLogitsLoss',
      'CrossEntropyLoss',
      'NLLLoss',
      'MultiMarginLoss',
    ]);
    expect(lossesFor(classesOf(datasetScene({ name: 'spirals', classes: 4 })))).toEqual([
      'CrossEntropyLoss',
      'NLLLoss',
      'MultiMarginLoss',
    ]);
    expect(lossesFor(classesOf(datasetScene({ name: 'sine' })))).toEqual([
      'MSELoss',
      'L1Loss',
      'HuberLoss',
    ]);
    expect(classesOf(shippedScene('digits'))).toBe(10);
    // A CSV's rows are not in the scene: the task is read from the loss and the output.
    const csv = {
      ...datasetScene({ name: 'plane' }),
      data: { name: SUPPLIED, trainFraction: 0.5 },
    };
    expect(classesOf(csv as Scene)).toBe(0);
  });

  it('every loss offered for every dataset gives a scene the validator accepts', () => {
    for (const name of DATASETS) {
      const scene = datasetScene({ name });
      for (const loss of lossesFor(classesOf(scene))) {
        const { scene: next } = switchLoss(scene, loss);
        expect(() => checkScene(next), `${name} with ${loss}`).not.toThrow();
        expect(pairWarnings(next), `${name} with ${loss}`).toEqual([]);
      }
    }
  });

  it('changes the output activation with the loss and says so', () => {
    const bce = defaultScene();
    const logits = switchLoss(bce, 'BCEWithLogitsLoss');
    expect(logits.scene.model.layers.at(-1)).toEqual({ units: 1, activation: 'Identity' });
    expect(logits.note).toBe(
      'Output layer changed to Identity: BCEWithLogitsLoss applies the sigmoid itself.',
    );
    const back = switchLoss(logits.scene, 'BCELoss');
    expect(back.scene.model.layers.at(-1)).toEqual({ units: 1, activation: 'Sigmoid' });
    const nll = switchLoss(bce, 'NLLLoss');
    expect(nll.scene.model.layers.at(-1)).toEqual({ units: 2, activation: 'LogSoftmax' });
    expect(nll.note).toContain('2 units, LogSoftmax');
    expect(switchLoss(bce, 'BCELoss').note).toBeNull();
  });

  it('keeps the reduction, and the arguments of the same loss', () => {
    const scene = datasetScene({ name: 'plane' });
    scene.loss = { name: 'HuberLoss', reduction: 'sum', delta: 0.5 };
    expect(switchLoss(scene, 'HuberLoss').scene.loss).toEqual(scene.loss);
    expect(switchLoss(scene, 'L1Loss').scene.loss).toEqual({ name: 'L1Loss', reduction: 'sum' });
  });

  it('warns when the output layer does not suit the loss', () => {
    const scene = datasetScene({ name: 'spirals', classes: 3 });
    scene.model.layers.at(-1)!.activation = 'Softmax';
    expect(pairWarnings(scene).join(' ')).toContain('double softmax');
    const regression = datasetScene({ name: 'plane' });
    regression.model.layers.at(-1)!.activation = 'Sigmoid';
    expect(pairWarnings(regression).join(' ')).toContain('Sigmoid');
  });
});

describe('the field table', () => {
  const scenes: Scene[] = [
    defaultScene(),
    datasetScene({ name: 'spirals', classes: 3 }),
    datasetScene({ name: 'sine' }),
    ...OPTIMIZERS.map((name) => switchOptimizer(defaultScene(), name)),
  ];

  it('has unique ids, TensorFlow Playground’s where one exists, in known groups', () => {
    const ids = FIELDS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['learningRate', 'batchSize']));
    const groups = GROUPS.map((g) => g.id);
    for (const f of FIELDS) expect(groups).toContain(f.group);
    for (const f of FIELDS) expect(f.hint.length, f.id).toBeGreaterThan(10);
  });

  it('writing back what a field reads changes nothing', () => {
    for (const scene of scenes) {
      for (const f of FIELDS.filter((f) => f.shown(scene))) {
        const next =
          f.kind === 'select'
            ? f.write(scene, f.read(scene)).scene
            : f.kind === 'check'
              ? f.write(scene, f.read(scene))
              : f.write(scene, f.read(scene));
        expect(next, f.id).toEqual(scene);
      }
    }
  });

  it('shows exactly the chosen optimiser’s arguments', () => {
    const optimizerIds: Record<string, string> = {
      momentum: 'momentum',
      dampening: 'dampening',
      nesterov: 'nesterov',
      lr_decay: 'lrDecay',
      initial_accumulator_value: 'initialAccumulatorValue',
      eps: 'eps',
      alpha: 'alpha',
      centered: 'centered',
      betas: 'beta1',
      amsgrad: 'amsgrad',
      weight_decay: 'weightDecay',
      no_decay_bias: 'noDecayBias',
    };
    for (const name of OPTIMIZERS) {
      const scene = switchOptimizer(defaultScene(), name);
      for (const [arg, id] of Object.entries(optimizerIds)) {
        expect(field(id).shown(scene), `${name} ${arg}`).toBe(
          (OPTIMIZER_ARGS[name] as readonly string[]).includes(arg),
        );
      }
    }
  });

  it('every numeric placeholder (torch’s default) is a value the validator accepts', () => {
    for (const scene of scenes) {
      for (const f of FIELDS.filter((f) => f.shown(scene) && f.kind === 'number')) {
        const n = f as NumberField;
        const value = Number(n.placeholder(scene));
        if (!n.placeholder(scene) || !Number.isFinite(value)) continue;
        expect(() => checkScene(n.write(scene, value)), f.id).not.toThrow();
      }
    }
  });

  it('turns the optional parts on and off', () => {
    const scene = defaultScene();
    const stopping = numberField('patience').write(scene, 3);
    expect(stopping.training.earlyStopping).toEqual({ patience: 3 });
    expect(field('restoreBest').shown(stopping)).toBe(true);
    expect(numberField('patience').write(stopping, undefined).training).toEqual(scene.training);
    const ensemble = numberField('members').write(scene, 4);
    expect(ensemble.training.ensemble).toEqual({ members: 4 });
    expect(numberField('members').write(ensemble, 1).training.ensemble).toBeUndefined();
    const select = field('scheduler');
    if (select.kind !== 'select') throw new Error('scheduler is a select');
    const cosine = select.write(scene, 'CosineAnnealingLR').scene;
    expect(cosine.scheduler).toEqual({ name: 'CosineAnnealingLR', T_max: 2000 });
    expect(() => checkScene(numberField('tMax').write(cosine, undefined))).toThrow(
      /^scene\.scheduler\.T_max: missing/,
    );
    const init = field('init');
    if (init.kind !== 'select') throw new Error('init is a select');
    const constant = init.write(scene, 'constant').scene;
    expect(constant.init).toEqual({ weight: 'constant', constant: 0.5 });
    expect(initNote(constant)).toContain('Symmetry problem');
    expect(initNote(init.write(scene, 'zeros').scene)).toContain('no gradient');
    expect(initNote(scene)).toBeNull();
  });

  it('keeps lr, weight_decay and no_decay_bias across optimisers', () => {
    const scene = defaultScene();
    scene.optimizer = {
      name: 'SGD',
      lr: 0.3,
      momentum: 0.9,
      weight_decay: 0.01,
      no_decay_bias: true,
    };
    expect(switchOptimizer(scene, 'AdamW').optimizer).toEqual({
      name: 'AdamW',
      lr: 0.3,
      weight_decay: 0.01,
      no_decay_bias: true,
    });
  });

  it('explains weight_decay per optimiser: L2 for Adam, decoupled for AdamW', () => {
    expect(weightDecayNote(switchOptimizer(defaultScene(), 'Adam'))).toContain('L2');
    expect(weightDecayNote(switchOptimizer(defaultScene(), 'AdamW'))).toContain('decoupled');
  });

  it('parses numbers and refuses what is not one, naming the path', () => {
    const lr = numberField('learningRate');
    expect(parseNumber(lr, ' 1e-3 ')).toBe(0.001);
    expect(parseNumber(lr, '')).toBeUndefined();
    expect(() => parseNumber(lr, '0.1.2')).toThrow(
      'scene.optimizer.lr: expected a number, got "0.1.2"',
    );
    expect(() => checkScene(lr.write(defaultScene(), -1))).toThrow(
      'scene.optimizer.lr: expected a number in [0.000001, 10], got -1',
    );
  });

  it('limits the batch to the training set and counts an epoch’s steps', () => {
    const scene = defaultScene();
    expect(trainingRows(scene)).toBe(250);
    expect(() => checkBatch({ ...scene, training: { batchSize: 250 } })).not.toThrow();
    expect(() => checkBatch({ ...scene, training: { batchSize: 251 } })).toThrow(
      'scene.training.batchSize: expected an integer in [1, 250] (the training set has 250 rows), got 251',
    );
    expect(() => checkBatch({ ...scene, training: { batchSize: 0 } })).toThrow('[1, 250]');
    expect(() => checkBatch({ ...scene, training: { batchSize: 2.5 } })).toThrow('got 2.5');
    expect(stepsPerEpoch(250, 10)).toBe(25);
    expect(stepsPerEpoch(250, 7)).toBe(36);
    expect(stepsPerEpoch(250, 7, true)).toBe(35);
    expect(trainingRows(shippedScene('iris'))).toBe(105);
  });
});

describe('run controls', () => {
  it('draws seeds over the whole range', () => {
    expect(randomSeed(() => 0)).toBe(0);
    expect(randomSeed(() => 0.999999999999)).toBe(2 ** 32 - 1);
  });
});
