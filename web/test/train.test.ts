// `npm run train`: the headless trainer (scripts/train.ts, bundled by scripts/vite.train.config.ts)
// on the scenes committed under docs/scenes/. Runs the bundle with node, as scripts/train.sh does
// after building it (the wasm module is the one the other tests load).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScene } from '../src/scene.ts';

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
      /^train: .*bad\.json: scene\.model\.inputs: expected 2 \(circle points have 2 features\), got 3\n$/,
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
});
