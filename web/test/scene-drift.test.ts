// web/src/scene/ against the engine's catalogue, where catalogue.test.ts (the catalogue against the
// built engine and core.d.mts) leaves off: the scene's own types (the format, a supplied scene's
// dataset and rows) list the fields the catalogue lists, the choices of GELU and of a loss's
// reduction are the types', and LIMITS gives each keyword argument its catalogue range under its
// name.
import { describe, expect, it } from 'vitest';
import {
  DATA_FIELDS,
  GELU_APPROXIMATIONS,
  LIMITS,
  REDUCTIONS,
  TOP_FIELDS,
  type GeneratedData,
  type Range,
  type Scene,
  type SceneRows,
  type SuppliedSceneData,
} from '../src/scene/index.ts';
import { CATALOGUE } from '../src/scene/engine-catalogue.ts';
import type { ActivationSpec, LossSpec } from '../src/wasm/core.mjs';

/** The members of a union, listed once: tsc rejects a missing or an unknown key. */
type Every<K extends string> = Record<K, true>;
const keys = (record: object) => Object.keys(record).sort();
const sorted = (list: readonly string[]) => [...list].sort();

describe("the scene's types list the catalogue's fields", () => {
  it('the scene', () => {
    expect(sorted(TOP_FIELDS)).toEqual(
      keys({
        format: true,
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
      } satisfies Every<keyof Scene>),
    );
  });

  it('its data, generated or supplied', () => {
    expect(sorted(DATA_FIELDS)).toEqual(
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
        dataset: true,
        rows: true,
      } satisfies Every<keyof GeneratedData | keyof SuppliedSceneData>),
    );
  });

  it('the rows it carries', () => {
    expect(sorted(CATALOGUE.fields.rows)).toEqual(
      keys({
        features: true,
        classes: true,
        x: true,
        y: true,
        test: true,
        source: true,
        classNames: true,
      } satisfies Every<keyof SceneRows>),
    );
  });
});

describe("the choices are the types'", () => {
  it('a loss’s reduction', () => {
    expect(sorted(REDUCTIONS)).toEqual(
      keys({ mean: true, sum: true } satisfies Every<NonNullable<LossSpec['reduction']>>),
    );
  });

  it('GELU’s approximation', () => {
    expect(sorted(GELU_APPROXIMATIONS)).toEqual(
      keys({ none: true, tanh: true } satisfies Every<NonNullable<ActivationSpec['approximate']>>),
    );
  });
});

describe('LIMITS', () => {
  it('are the catalogue’s limits', () => {
    for (const [name, range] of Object.entries(CATALOGUE.limits)) {
      expect(LIMITS[name as keyof typeof LIMITS], name).toStrictEqual(range);
    }
  });

  it('give every keyword argument its catalogue range, under its name', () => {
    const { activations, losses, optimizers, schedulers } = CATALOGUE;
    const key = (owner: string, arg: string): keyof typeof LIMITS =>
      owner === 'RMSprop' && arg === 'alpha' ? 'rmspropAlpha' : (arg as keyof typeof LIMITS);
    let checked = 0;
    for (const list of [activations, losses, optimizers, schedulers]) {
      for (const entry of list) {
        for (const arg of entry.args) {
          const at = `${entry.name}.${arg.name}`;
          if (arg.type === 'pair') {
            expect(LIMITS.beta1, at).toStrictEqual(arg.range);
            expect(LIMITS.beta2, at).toStrictEqual(arg.range);
          } else if (arg.type === 'number') {
            const range: Range = LIMITS[key(entry.name, arg.name)];
            expect(range, at).toStrictEqual(arg.range);
          } else continue;
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
