// The engine is the one source of the scene language (core/include/nnp/catalogue.h). This test is
// the proof that its copies agree: the committed engine-catalogue.json the page reads is what the
// built engine returns, and the hand-written types of web/src/wasm/core.d.mts name exactly what the
// engine names. (docs/scene.schema.json is held to the catalogue by web/test/schema.test.ts.)
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import committed from '../src/scene/engine-catalogue.json';
import { CATALOGUE, namesOf } from '../src/scene/engine-catalogue.ts';
import createToolsCore from '../src/wasm/core-tools.mjs';
import {
  type ActivationName,
  type ActivationSpec,
  type DatasetName,
  type EngineConfig,
  type FeatureName,
  type InitName,
  type InitSpec,
  type LayerSpec,
  type LossName,
  type LossSpec,
  type ModelSpec,
  type OptimizerName,
  type OptimizerSpec,
  type SchedulerName,
  type SchedulerSpec,
  type ToolsCoreModule,
} from '../src/wasm/core.mjs';

// The tools' module: the page's engine plus the catalogue's export (the page reads the file).
let core: ToolsCoreModule;

beforeAll(async () => {
  const wasmBinary = readFileSync(new URL('../src/wasm/core-tools.wasm', import.meta.url));
  core = await createToolsCore({ wasmBinary });
});

/** The members of a union, listed once: tsc rejects a missing or an unknown key. */
type Every<K extends string> = Record<K, true>;
const keys = (record: object) => Object.keys(record).sort();

describe('web/src/scene/engine-catalogue.json', () => {
  it('is what the built engine returns (run node scripts/catalogue.mjs after changing it)', () => {
    expect(core.catalogue()).toEqual(committed);
    expect(CATALOGUE).toBe(committed);
  });
});

describe("core.d.mts's types name what the engine names", () => {
  const names: Array<[string, string[], object]> = [
    [
      'activations',
      namesOf(CATALOGUE.activations),
      {
        Identity: true,
        Sigmoid: true,
        Tanh: true,
        ReLU: true,
        LeakyReLU: true,
        ELU: true,
        GELU: true,
        SiLU: true,
        Softplus: true,
        Softmax: true,
        LogSoftmax: true,
      } satisfies Every<ActivationName>,
    ],
    [
      'losses',
      namesOf(CATALOGUE.losses),
      {
        MSELoss: true,
        L1Loss: true,
        HuberLoss: true,
        BCELoss: true,
        BCEWithLogitsLoss: true,
        CrossEntropyLoss: true,
        NLLLoss: true,
        MultiMarginLoss: true,
      } satisfies Every<LossName>,
    ],
    [
      'optimizers',
      namesOf(CATALOGUE.optimizers),
      {
        SGD: true,
        Adagrad: true,
        RMSprop: true,
        Adam: true,
        AdamW: true,
      } satisfies Every<OptimizerName>,
    ],
    [
      'schedulers',
      namesOf(CATALOGUE.schedulers),
      {
        StepLR: true,
        ExponentialLR: true,
        CosineAnnealingLR: true,
        LinearLR: true,
      } satisfies Every<SchedulerName>,
    ],
    [
      'inits',
      namesOf(CATALOGUE.inits),
      {
        default: true,
        zeros: true,
        constant: true,
        uniform: true,
        xavier_uniform: true,
        xavier_normal: true,
        kaiming_uniform: true,
        kaiming_normal: true,
      } satisfies Every<InitName>,
    ],
    [
      'datasets',
      namesOf(CATALOGUE.datasets),
      {
        circle: true,
        xor: true,
        gauss: true,
        spiral: true,
        moons: true,
        blobs: true,
        spirals: true,
        checkerboard: true,
        plane: true,
        multigauss: true,
        sine: true,
        polynomial: true,
      } satisfies Every<DatasetName>,
    ],
    [
      'features',
      CATALOGUE.features,
      {
        x1: true,
        x2: true,
        'x1^2': true,
        'x2^2': true,
        'x1*x2': true,
        'sin(x1)': true,
        'sin(x2)': true,
      } satisfies Every<FeatureName>,
    ],
  ];

  it.each(names)('%s', (_, engine, types) => {
    expect([...engine].sort()).toEqual(keys(types));
  });

  it('gives each class the arguments its spec type has, and no other', () => {
    const args = (list: { args: { name: string }[] }[]) =>
      [...new Set(list.flatMap((e) => e.args.map((a) => a.name)))].sort();
    expect(args(CATALOGUE.activations)).toEqual(
      keys({
        negative_slope: true,
        alpha: true,
        approximate: true,
        beta: true,
        threshold: true,
        dim: true,
      } satisfies Every<Exclude<keyof ActivationSpec, 'name'>>),
    );
    expect(args(CATALOGUE.losses)).toEqual(
      keys({
        reduction: true,
        delta: true,
        label_smoothing: true,
        margin: true,
      } satisfies Every<Exclude<keyof LossSpec, 'name'>>),
    );
    expect(args(CATALOGUE.optimizers)).toEqual(
      keys({
        lr: true,
        momentum: true,
        dampening: true,
        nesterov: true,
        weight_decay: true,
        lr_decay: true,
        initial_accumulator_value: true,
        eps: true,
        alpha: true,
        centered: true,
        betas: true,
        amsgrad: true,
        no_decay_bias: true,
      } satisfies Every<Exclude<keyof OptimizerSpec, 'name'>>),
    );
    expect(args(CATALOGUE.schedulers)).toEqual(
      keys({
        step_size: true,
        gamma: true,
        T_max: true,
        eta_min: true,
        start_factor: true,
        end_factor: true,
        total_iters: true,
      } satisfies Every<Exclude<keyof SchedulerSpec, 'name'>>),
    );
    expect(['weight', ...args(CATALOGUE.inits), 'bias'].sort()).toEqual(
      keys({ weight: true, constant: true, a: true, b: true, bias: true } satisfies Every<
        keyof InitSpec
      >),
    );
  });

  it("lists each part's fields as the engine config's types do", () => {
    type Training = EngineConfig['training'];
    const { fields } = CATALOGUE;
    const page = ['format', 'dataset', 'rows']; // the scene's own, not the engine config's
    const engine = (list: string[]) => list.filter((f) => !page.includes(f)).sort();
    expect(engine(fields.scene)).toEqual(
      keys({
        seed: true,
        data: true,
        model: true,
        loss: true,
        optimizer: true,
        scheduler: true,
        clip_grad_norm: true,
        clip_grad_value: true,
        l1: true,
        init: true,
        training: true,
      } satisfies Every<keyof EngineConfig>),
    );
    expect(engine(fields.data)).toEqual(
      keys({
        name: true,
        samples: true,
        noise: true,
        classes: true,
        trainFraction: true,
        validationFraction: true,
        features: true,
        standardize: true,
        signedLabels: true,
      } satisfies Every<keyof EngineConfig['data']>),
    );
    expect([...fields.model].sort()).toEqual(
      keys({ inputs: true, layers: true } satisfies Every<keyof ModelSpec>),
    );
    expect([...fields.layer].sort()).toEqual(
      keys({ units: true, activation: true, dropout: true } satisfies Every<keyof LayerSpec>),
    );
    expect([...fields.init].sort()).toEqual(
      keys({ weight: true, constant: true, a: true, b: true, bias: true } satisfies Every<
        keyof InitSpec
      >),
    );
    expect([...fields.training].sort()).toEqual(
      keys({
        batchSize: true,
        dropLast: true,
        shuffle: true,
        evaluateEvery: true,
        earlyStopping: true,
        augmentation: true,
        ensemble: true,
      } satisfies Every<keyof Training>),
    );
    expect([...fields.earlyStopping].sort()).toEqual(
      keys({ patience: true, minDelta: true, restoreBest: true } satisfies Every<
        keyof NonNullable<Training['earlyStopping']>
      >),
    );
    expect([...fields.augmentation].sort()).toEqual(
      keys({ jitter: true, mixup: true } satisfies Every<
        keyof NonNullable<Training['augmentation']>
      >),
    );
    expect([...fields.ensemble].sort()).toEqual(
      keys({ members: true, bootstrap: true } satisfies Every<
        keyof NonNullable<Training['ensemble']>
      >),
    );
  });
});
