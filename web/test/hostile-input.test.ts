// Property-based fuzzing of the page's parsers (issue 17, "hostile input at every boundary"): the
// scene check, the URL hash, TensorFlow Playground links, CSV files, saved models and postMessage
// payloads. Each takes valid documents with fields replaced, removed or added, and values no
// parser should trust (test/hostile.ts): it returns a valid value or throws an Error whose message
// starts with the path of the field to change, never hangs, and valid inputs round-trip.
// `npm test` runs a few hundred cases per property; scripts/fuzz.sh runs 100,000.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvResult } from '../src/data/csv.ts';
import { checkScene } from '../src/engine/scene-rules.ts';
import { parseMessage, posted, type Request } from '../src/embed/protocol.ts';
import { loadModel, MODEL_FORMAT, memberCount, parameterShapes } from '../src/model.ts';
import { defaultScene, SHIPPED_DATASETS, shippedScene, type Scene } from '../src/scene/index.ts';
import { importTfpHash, TFP_KEYS } from '../src/state/tfp-import.ts';
import { decodeHash, encodeHash, linkedScene } from '../src/state/url.ts';
import { docScenes, hostileValue, mutated, property, RUNS } from './hostile.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

/** An error that names the scene field to change: "scene.optimizer.lr: …", "scene: …". */
const SCENE_PATH = /^scene([.[]|: )/;

/** Valid scenes: the default, the shipped datasets', docs/scenes/*.json, one with its own rows. */
function validScenes(): Scene[] {
  const rows: Scene = {
    ...defaultScene(),
    data: {
      name: 'supplied',
      trainFraction: 0.5,
      rows: { features: 2, classes: 2, x: [0, 1, 1, 0, 0.5, 0.5, 1, 1], y: [0, 1, 0, 1] },
    },
  };
  return [
    defaultScene(),
    ...SHIPPED_DATASETS.map((name) => shippedScene(name)),
    ...docScenes().map((s) => checkScene(s)),
    checkScene(rows),
  ];
}

/** JSON's round trip: what a file, a link or a message carries. */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe('hostile input', () => {
  let cached: Scene[] | undefined;
  /** After the rules load (withSceneRules' beforeAll). */
  const scenes = (): Scene[] => (cached ??= validScenes());

  it('checkScene: a scene or an Error naming the field; a valid scene round-trips', () => {
    property(
      'scene',
      fc.oneof(mutated(scenes()), hostileValue),
      (s) => checkScene(s),
      SCENE_PATH,
      // JSON writes -0 as 0: compare what a file or a link holds.
      (scene) => expect(viaJson(checkScene(viaJson(scene)))).toEqual(viaJson(scene)),
    );
  });

  it('decodeHash: a scene link, a TF Playground link or an Error naming #scene or its field', () => {
    const base64url = (text: string): string =>
      Buffer.from(text, 'utf8')
        .toString('base64')
        .replaceAll('+', '-')
        .replaceAll('/', '_')
        .replace(/=+$/, '');
    const options = fc.array(
      fc.tuple(
        fc.constantFrom('hide', 'lock', 'embed', 'origins', 'x'),
        fc.string({ maxLength: 40 }),
      ),
      { maxLength: 3 },
    );
    const links = fc.oneof(
      fc.string(),
      fc
        .tuple(mutated(scenes()), options)
        .map(
          ([scene, extra]) =>
            `#scene=${base64url(JSON.stringify(scene))}` +
            extra.map(([key, value]) => `&${key}=${encodeURIComponent(value)}`).join(''),
        ),
      fc.base64String().map((s) => `scene=${s}`),
    );
    property('url-hash', links, decodeHash, /^(scene([.[]|: )|The link)/);
  });

  it('encodeHash → decodeHash gives back the scene and the options', () => {
    const state = fc.record({
      scene: fc.constantFrom(...scenes()),
      hide: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), { maxLength: 4 }),
      lock: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), {
        minLength: 1,
        maxLength: 4,
      }),
      embed: fc.boolean(),
      origins: fc.uniqueArray(fc.constantFrom('https://course.example', 'http://localhost:8080'), {
        minLength: 1,
      }),
    });
    property(
      'url-hash round trip',
      state,
      (s) => decodeHash(encodeHash(s)),
      /^$/, // a valid state never throws
      (decoded, s) =>
        expect(decoded).toEqual({
          kind: 'scene',
          scene: linkedScene(s.scene),
          hide: s.hide,
          lock: s.lock,
          ...(s.embed ? { embed: true } : {}),
          origins: s.origins,
        }),
    );
  });

  it('importTfpHash never throws and always opens a valid scene', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.double().map(String),
      fc.constantFrom('true', 'false', 'NaN', 'Infinity', '-1', '1e308', '0', ',', '%ZZ'),
    );
    const links = fc.oneof(
      fc.string(),
      fc
        .array(fc.tuple(fc.constantFrom(...TFP_KEYS, 'x', 'seed_hide'), value), { maxLength: 12 })
        .map((pairs) => `#${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
    );
    property('tfp-link', links, importTfpHash, /^$/, (imported) => {
      expect(() => checkScene(imported.scene)).not.toThrow();
      for (const line of imported.ignored) expect(line).not.toBe('');
    });
  });

  it('parseCsv: a dataset or errors with a line and a message, never a throw', () => {
    const cell = fc.oneof(
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map(String),
      fc.constantFrom(
        '',
        'NaN',
        'Infinity',
        '-inf',
        '1e39',
        '3,5',
        '"a,b"',
        '"x""y"',
        'setosa',
        ' 1 ',
        '\u00a0',
      ),
      fc.string({ maxLength: 6 }),
    );
    const table = fc
      .tuple(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
      )
      .map(([delimiter, rows, eol]) => rows.map((row) => row.join(delimiter)).join(eol));
    const target = fc.option(
      fc.oneof(fc.integer({ min: -6, max: 6 }), fc.string({ maxLength: 6 })),
      {
        nil: undefined,
      },
    );
    const csvOk = (result: CsvResult): void => {
      if (result.ok) {
        const { x, y, features } = result.dataset;
        expect(x.length).toBe(result.rows * features);
        expect(y.length).toBe(result.rows);
        for (const v of x) expect(Number.isFinite(v)).toBe(true);
      } else {
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) {
          expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
          expect(e.message).not.toBe('');
        }
      }
    };
    property(
      'csv',
      fc.tuple(
        fc.oneof(table, fc.string()),
        target,
        fc.constantFrom('auto', 'classification', 'regression'),
      ),
      ([text, t, task]) => parseCsv(text, { ...(t !== undefined ? { target: t } : {}), task }),
      /^$/,
      csvOk,
    );
  });

  it('a numeric CSV round-trips to the same float32 values', () => {
    const table = fc.integer({ min: 1, max: 4 }).chain((features) =>
      fc.array(
        fc.array(fc.double({ noNaN: true, min: -1e30, max: 1e30 }), {
          minLength: features + 1,
          maxLength: features + 1,
        }),
        {
          minLength: 2,
          maxLength: 20,
        },
      ),
    );
    property(
      'csv round trip',
      table,
      (rows) => {
        const header = rows[0]!
          .map((_, i) => (i === rows[0]!.length - 1 ? 'target' : `f${i}`))
          .join(',');
        return parseCsv([header, ...rows.map((r) => r.map(String).join(','))].join('\n'), {
          task: 'regression',
        });
      },
      /^$/,
      (result, rows) => {
        expect(result.ok).toBe(true); // -0 and 0 alike (String(-0) is "0"): hence the + 0
        if (!result.ok) return;
        const f = rows[0]!.length - 1;
        expect(Array.from(result.dataset.x, (v) => v + 0)).toEqual(
          rows.flatMap((r) => r.slice(0, f).map((v) => Math.fround(v) + 0)),
        );
        expect(Array.from(result.dataset.y, (v) => v + 0)).toEqual(
          rows.map((r) => Math.fround(r[f]!) + 0),
        );
      },
    );
  });

  it('loadModel: a model or an Error naming the field; a valid model round-trips', () => {
    // Small networks: a mutation walks every number (Fashion-MNIST's network has 100,000s).
    const numbers = (scene: Scene): number =>
      parameterShapes(scene.model).reduce((n, p) => n + p.size, 0) * memberCount(scene);
    const models = scenes()
      .filter((s) => numbers(s) <= 2000)
      .map((scene) => {
        const record = Object.fromEntries(
          parameterShapes(scene.model).map((p) => [
            p.name,
            Array.from({ length: p.size }, (_, i) => (i % 7) / 8 - 0.3),
          ]),
        );
        return {
          format: MODEL_FORMAT,
          scene,
          parameters: Array.from({ length: memberCount(scene) }, () => record),
        };
      });
    property(
      'model',
      fc.oneof(mutated(models), hostileValue),
      loadModel,
      /^model([.[]|: )/,
      (loaded, input) => {
        // JSON writes -0 as 0: compare what a saved file holds.
        expect(viaJson(loadModel(viaJson(input)))).toEqual(viaJson(loaded));
      },
    );
  });

  it('parseMessage never throws; a request posted is the request parsed', () => {
    const requests: Request[] = [
      { type: 'loadScene', scene: defaultScene() },
      { type: 'play' },
      { type: 'pause' },
      { type: 'step' },
      { type: 'reset' },
      { type: 'setHyperparameters', values: { lr: 0.03, dropout: [0, 0.5] } },
      { type: 'getMetrics' },
      { type: 'getScene' },
      { type: 'status' },
    ];
    const messages = fc.oneof(
      hostileValue,
      mutated(requests.map((r, i) => posted({ ...r, id: i }))),
    );
    property('postMessage', messages, parseMessage, /^$/, (parsed) => {
      expect(['request', 'invalid', 'ignored']).toContain(parsed.kind);
      if (parsed.kind === 'invalid') expect(parsed.error).toMatch(/^\w+: \S/);
      if (parsed.kind === 'ignored') expect(parsed.detail).not.toBe('');
    });
    property(
      'postMessage round trip',
      fc.tuple(fc.constantFrom(...requests), fc.oneof(fc.integer(), fc.string({ maxLength: 200 }))),
      ([request, id]) => parseMessage(viaJson(posted({ ...request, id }))),
      /^$/,
      (parsed, [request, id]) =>
        expect(parsed).toEqual({ kind: 'request', id, request: viaJson(request) }),
      Math.min(RUNS, 1000),
    );
  });
});
