// `npm run train`: the headless trainer (scripts/train.ts, bundled by scripts/vite.train.config.ts)
// on the scenes committed under docs/scenes/. Runs the bundle with node, as scripts/train.sh does
// after building it (the wasm module is the one the other tests load).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_FORMAT } from '../src/model.ts';
import { defaultScene } from '../src/scene/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = join(root, 'build/train/train.mjs');
let scratch = '';

interface Metrics {
  loss: number | null;
  accuracy: number | null;
}
interface Line {
  epoch?: number;
  epochs?: number;
  step?: number;
  summary?: true;
  stopped?: boolean;
  bestEpoch?: number;
  train: Metrics;
  validation: Metrics | null;
  test: Metrics;
  lr: number;
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [bundle, ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lines(stdout: string): Line[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);
}

beforeAll(() => {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'scripts/vite.train.config.ts',
    ],
    { cwd: root, stdio: 'pipe' },
  );
  scratch = mkdtempSync(join(tmpdir(), 'nnp-train-'));
}, 60_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('npm run train', () => {
  it('trains docs/scenes/circle.json: one line per epoch, then a summary', () => {
    const { status, stdout, stderr } = run('docs/scenes/circle.json', '--epochs', '30');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const all = lines(stdout);
    expect(all).toHaveLength(31);
    const epochs = all.slice(0, 30);
    expect(epochs.map((l) => l.epoch)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(epochs.map((l) => l.step)).toEqual(Array.from({ length: 30 }, (_, i) => (i + 1) * 25));
    for (const line of epochs) {
      expect(Object.keys(line)).toEqual(['epoch', 'step', 'train', 'validation', 'test', 'lr']);
      expect(line.validation).toBeNull();
      expect(line.lr).toBeCloseTo(0.1, 12);
      expect(line.train.accuracy).toBeGreaterThanOrEqual(0);
    }
    expect(epochs[29]!.train.loss!).toBeLessThan(epochs[0]!.train.loss! * 0.5);
    expect(epochs[29]!.test.loss!).toBeLessThan(epochs[0]!.test.loss! * 0.5);
    expect(epochs[29]!.test.accuracy!).toBeGreaterThan(0.9);
    const summary = all[30]!;
    expect(summary).toMatchObject({ summary: true, epochs: 30, steps: 750, stopped: false });
    expect(summary.test).toEqual(epochs[29]!.test);
  });

  it('trains docs/scenes/spirals-3.json with its validation split', () => {
    const { status, stdout } = run('docs/scenes/spirals-3.json', '--epochs=300');
    expect(status).toBe(0);
    const all = lines(stdout);
    expect(all).toHaveLength(301);
    const [first, last] = [all[0]!, all[299]!];
    expect(first.validation).not.toBeNull();
    expect(last.train.loss!).toBeLessThan(first.train.loss! * 0.6);
    expect(last.validation!.loss!).toBeLessThan(first.validation!.loss!);
    expect(last.validation!.accuracy!).toBeGreaterThan(0.6);
    expect(all[300]).toMatchObject({ summary: true, epochs: 300 });
  });

  it('prints one record per evaluation, and stops early', () => {
    const scene = {
      ...defaultScene(),
      training: { batchSize: 10, evaluateEvery: 2, earlyStopping: { patience: 2, minDelta: 100 } },
    };
    const file = join(scratch, 'stopping.json');
    writeFileSync(file, JSON.stringify(scene));
    const all = lines(run(file, '--epochs', '20').stdout);
    expect(all.map((l) => l.epoch ?? 'summary')).toEqual([2, 4, 6, 'summary']);
    expect(all[3]).toMatchObject({ stopped: true, epochs: 6, bestEpoch: 2 });
  });

  it('writes null for what a regression does not have', () => {
    const file = join(scratch, 'sine.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...defaultScene(),
        data: { name: 'sine', samples: 200, noise: 0.1, trainFraction: 0.5 },
        model: {
          inputs: 1,
          layers: [
            { units: 8, activation: 'Tanh' },
            { units: 1, activation: 'Identity' },
          ],
        },
        loss: { name: 'MSELoss' },
      }),
    );
    const all = lines(run(file, '--epochs', '3').stdout);
    expect(all).toHaveLength(4);
    expect(all[0]!.train.accuracy).toBeNull();
    expect(all[0]!.test.loss).toBeGreaterThan(0);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'an unknown dataset',
      { ...defaultScene(), data: { ...defaultScene().data, name: 'spiralz' } },
      /^train: .*bad\.json: scene\.data\.name: expected one of circle, .*, got "spiralz"\n$/,
    ],
    [
      'inputs that do not fit the data',
      { ...defaultScene(), model: { ...defaultScene().model, inputs: 3 } },
      /^train: .*bad\.json: scene\.model\.inputs: must be 2 \(the number of input features\), got 3: circle has 2 features per row\n$/,
    ],
    [
      'a missing field',
      { ...defaultScene(), training: {} },
      /^train: .*bad\.json: scene\.training\.batchSize: missing; expected an integer/,
    ],
    [
      'supplied data without rows',
      { ...defaultScene(), data: { name: 'supplied', trainFraction: 0.5 } },
      /^train: .*bad\.json: scene\.data\.name is "supplied": give the rows with --data\n$/,
    ],
  ])('rejects a scene with %s, naming the field, without a stack trace', (_, scene, message) => {
    const file = join(scratch, 'bad.json');
    writeFileSync(file, JSON.stringify(scene));
    const { status, stdout, stderr } = run(file);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it.each<[string, string[], RegExp]>([
    [
      'a missing file',
      ['no-such-scene.json'],
      /^train: cannot read the scene no-such-scene\.json: no such file\n$/,
    ],
    ['no scene', [], /^train: no scene file given\nusage: /],
    ['a bad epoch count', ['docs/scenes/circle.json', '--epochs', '0'], /^train: --epochs must be/],
  ])('rejects %s', (_, args, message) => {
    const { status, stderr } = run(...args);
    expect(status).toBe(1);
    expect(stderr).toMatch(message);
  });

  it('reports a file that is not JSON', () => {
    const file = join(scratch, 'broken.json');
    writeFileSync(file, '{"format": ');
    const { status, stderr } = run(file);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^train: .*broken\.json is not valid JSON: /);
  });

  it('trains supplied rows given with --data, and names a bad row', () => {
    const scene = join(scratch, 'supplied.json');
    writeFileSync(
      scene,
      JSON.stringify({ ...defaultScene(), data: { name: 'supplied', trainFraction: 0.5 } }),
    );
    const x = Array.from({ length: 200 }, (_, i) => [Math.cos(i), Math.sin(i * 1.3)]).flat();
    const y = Array.from({ length: 200 }, (_, i) => (Math.cos(i) > 0 ? 1 : 0));
    const data = join(scratch, 'rows.json');
    writeFileSync(data, JSON.stringify({ x, y, features: 2, classes: 2 }));
    const ok = run(scene, '--data', data, '--epochs', '5');
    expect(ok.status).toBe(0);
    expect(lines(ok.stdout)).toHaveLength(6);

    writeFileSync(
      data,
      JSON.stringify({ x, y: y.map((v, i) => (i === 7 ? 2 : v)), features: 2, classes: 2 }),
    );
    const bad = run(scene, '--data', data);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(
      /^train: .*rows\.json: data\.y: row 7 = 2 is not a class index from 0 to 1\n$/,
    );
  });

  it('trains a scene that carries its rows (data.rows, as the page saves a CSV file)', () => {
    const scene = join(scratch, 'rows-scene.json');
    const x = Array.from({ length: 100 }, (_, i) => [Math.cos(i), Math.sin(i * 1.3)]).flat();
    const y = Array.from({ length: 100 }, (_, i) => (Math.cos(i) > 0 ? 1 : 0));
    const rows = { features: 2, classes: 2, x, y, source: 'points.csv' };
    writeFileSync(
      scene,
      JSON.stringify({ ...defaultScene(), data: { name: 'supplied', trainFraction: 0.5, rows } }),
    );
    const ok = run(scene, '--epochs', '3');
    expect(ok.status, ok.stderr).toBe(0);
    expect(lines(ok.stdout)).toHaveLength(4);
    const data = join(scratch, 'rows-too.json');
    writeFileSync(data, JSON.stringify({ x, y, features: 2, classes: 2 }));
    const both = run(scene, '--data', data);
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(/data\.rows holds the rows: leave out --data\n$/);
  });

  it.each<[string, number, (all: Line[]) => void]>([
    [
      'xor-features.json',
      20,
      (all) => {
        expect(all).toHaveLength(21);
        expect(all[19]!.test.accuracy!).toBeGreaterThan(0.9);
      },
    ],
    [
      'blobs-5-ensemble.json',
      5,
      (all) => {
        expect(all).toHaveLength(6);
        expect(all[4]!.step).toBe(5 * 15); // 300 training rows in batches of 20
        expect(all[4]!.train.loss!).toBeLessThan(all[0]!.train.loss!);
      },
    ],
    [
      'sine-early-stopping.json',
      10,
      (all) => {
        expect(all).toHaveLength(11);
        expect(all[0]!.validation).not.toBeNull();
        expect(all[0]!.train.accuracy).toBeNull();
        expect(all[9]!.validation!.loss!).toBeLessThan(all[0]!.validation!.loss!);
      },
    ],
  ])('trains docs/scenes/%s for a few epochs', (file, epochs, check) => {
    const { status, stdout, stderr } = run(`docs/scenes/${file}`, '--epochs', String(epochs));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const all = lines(stdout);
    expect(all.at(-1)).toMatchObject({ summary: true, epochs });
    check(all);
  });

  it('stops docs/scenes/sine-early-stopping.json early, on its validation loss', () => {
    const all = lines(run('docs/scenes/sine-early-stopping.json', '--epochs', '1000').stdout);
    const summary = all.at(-1)!;
    expect(summary).toMatchObject({ summary: true, stopped: true });
    expect(summary.epochs!).toBeLessThan(1000);
    expect(summary.epochs! - summary.bestEpoch!).toBe(20); // patience
  });

  /** The summary's metrics (not its timing or counts). */
  const metricsOf = (line: Line) => ({
    train: line.train,
    validation: line.validation,
    test: line.test,
  });

  it.each<[string, number]>([
    ['circle.json', 10],
    ['blobs-5-ensemble.json', 5],
    ['sine-early-stopping.json', 15],
    ['xor-features.json', 5],
  ])(
    'saves docs/scenes/%s after training; --model with --epochs 0 gives the same final metrics',
    (file, epochs) => {
      const model = join(scratch, `${file}.model.json`);
      const trained = run(`docs/scenes/${file}`, '--epochs', String(epochs), '--save', model);
      expect(trained.stderr).toBe('');
      expect(trained.status).toBe(0);
      const saved = JSON.parse(readFileSync(model, 'utf8')) as {
        format: string;
        scene: unknown;
        parameters: Array<Record<string, number[]>>;
      };
      expect(saved.format).toBe(MODEL_FORMAT);
      const scene = JSON.parse(readFileSync(join(root, 'docs/scenes', file), 'utf8')) as {
        training: { ensemble?: { members: number } };
      };
      expect(saved.scene).toEqual(scene);
      expect(saved.parameters).toHaveLength(scene.training.ensemble?.members ?? 1);
      const before = lines(trained.stdout).at(-1)!;

      for (const args of [
        ['--model', model, '--epochs', '0'],
        [`docs/scenes/${file}`, '--model', model, '--epochs=0'],
      ]) {
        const reloaded = run(...args);
        expect(reloaded.stderr).toBe('');
        expect(reloaded.status).toBe(0);
        const all = lines(reloaded.stdout);
        expect(all).toHaveLength(1);
        expect(all[0]).toMatchObject({ summary: true, epochs: 0, steps: 0, bestEpoch: -1 });
        expect(metricsOf(all[0]!)).toEqual(metricsOf(before));
      }
    },
  );

  it('trains on from a saved model, and saves it again', () => {
    const first = join(scratch, 'first.json');
    const second = join(scratch, 'second.json');
    const fresh = lines(run('docs/scenes/circle.json', '--epochs', '10', '--save', first).stdout);
    const resumed = run('--model', first, '--epochs', '3', '--save', second);
    expect(resumed.status).toBe(0);
    const all = lines(resumed.stdout);
    expect(all.map((l) => l.epoch ?? 'summary')).toEqual([1, 2, 3, 'summary']);
    // It starts where the saved model was, not from a new initialisation.
    expect(all[0]!.train.loss!).toBeLessThan(fresh[0]!.train.loss!);
    expect(all[0]!.train.loss!).toBeLessThan(fresh[9]!.train.loss! * 1.2);
    const again = lines(run('--model', second, '--epochs', '0').stdout);
    expect(metricsOf(again[0]!)).toEqual(metricsOf(all.at(-1)!));
  });

  it('says when the scene given differs from the saved model’s, and trains the saved one', () => {
    const model = join(scratch, 'circle-model.json');
    run('docs/scenes/circle.json', '--epochs', '2', '--save', model);
    const { status, stdout, stderr } = run(
      'docs/scenes/xor-features.json',
      '--model',
      model,
      '--epochs',
      '0',
    );
    expect(status).toBe(0);
    expect(stderr).toMatch(
      /^train: note: training the scene saved in .*circle-model\.json, which differs from docs\/scenes\/xor-features\.json\n$/,
    );
    expect(lines(stdout)).toHaveLength(1);
  });

  describe('rejects a bad saved model in one line, naming the field', () => {
    /** A saved model of docs/scenes/circle.json as made by --save (a fresh copy each time). */
    let saved = '';
    beforeAll(() => {
      const model = join(scratch, 'good-model.json');
      expect(run('docs/scenes/circle.json', '--epochs', '1', '--save', model).status).toBe(0);
      saved = readFileSync(model, 'utf8');
    });
    const savedModel = () => JSON.parse(saved) as Record<string, unknown>;
    type Edit = (model: Record<string, unknown>) => unknown;
    const weights = (m: Record<string, unknown>) =>
      (m.parameters as Array<Record<string, number[]>>)[0]!;

    it.each<[string, Edit, RegExp]>([
      [
        'a weight one number short',
        (m) => (weights(m)['2.weight']!.pop(), m),
        /^train: .*bad-model\.json: model\.parameters\[0\]\["2\.weight"\]: expected 16 numbers \(\[4, 4\]\), got 15\n$/,
      ],
      [
        'a parameter that is not a number',
        (m) => ((weights(m)['0.bias']![1] = 'x' as unknown as number), m),
        /^train: .*bad-model\.json: model\.parameters\[0\]\["0\.bias"\]\[1\]: expected a finite number .*, got "x"\n$/,
      ],
      [
        'an unknown parameter',
        (m) => ((weights(m)['6.weight'] = [1]), m),
        /^train: .*bad-model\.json: model\.parameters\[0\]\["6\.weight"\]: unknown parameter; the scene's model has 0\.weight, /,
      ],
      [
        'a bad scene',
        (m) => (((m.scene as Record<string, unknown>).seed = 'one'), m),
        /^train: .*bad-model\.json: model\.scene\.seed: expected an integer in \[0, 4294967295\], got "one"\n$/,
      ],
      [
        'a newer version',
        (m) => ({ ...m, format: 'nn-playground/model@2' }),
        /^train: .*bad-model\.json: model\.format: "nn-playground\/model@2" is a newer version than this build reads; this build reads a saved model as nn-playground\/model@1\n$/,
      ],
      [
        'an older version',
        (m) => ({ ...m, format: 'nn-playground/model@0' }),
        /^train: .*bad-model\.json: model\.format: "nn-playground\/model@0" is a version this build no longer reads; this build reads a saved model as nn-playground\/model@1\n$/,
      ],
      [
        'a scene instead',
        () => defaultScene(),
        /^train: .*bad-model\.json: model\.format: "nn-playground\/scene@1" is a scene, not a saved model/,
      ],
      [
        'a record too many',
        (m) => ({ ...m, parameters: [weights(m), weights(m)] }),
        /^train: .*bad-model\.json: model\.parameters: expected an array of 1 parameter record \(one per ensemble member\), got 2\n$/,
      ],
    ])('%s', (_, edit, message) => {
      const file = join(scratch, 'bad-model.json');
      writeFileSync(file, JSON.stringify(edit(savedModel())));
      const { status, stdout, stderr } = run('--model', file, '--epochs', '0');
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });

    it.each<[string, string[], RegExp]>([
      [
        'a missing model file',
        ['--model', 'no-such-model.json'],
        /^train: cannot read the model no-such-model\.json: no such file\n$/,
      ],
      [
        '--epochs 0 without a model',
        ['docs/scenes/circle.json', '--epochs', '0'],
        /^train: --epochs must be a whole number from 1 to 1000000 \(0 with --model: evaluate the saved model without training\), got "0"\n$/,
      ],
      [
        'a model file that is not JSON',
        ['--model', 'README.md'],
        /^train: README\.md is not valid JSON: /,
      ],
      [
        'a --save into a missing folder',
        ['docs/scenes/circle.json', '--epochs', '1', '--save', 'no/such/folder/m.json'],
        /train: cannot write the model no\/such\/folder\/m\.json: no such directory\n$/,
      ],
    ])('%s', (_, args, message) => {
      const { status, stderr } = run(...args);
      expect(status).toBe(1);
      expect(stderr).toMatch(message);
    });
  });
});
