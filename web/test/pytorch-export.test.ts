// Export to PyTorch (web/src/export/pytorch): for every scene of pytorch-export-scenes.ts the
// engine trains a few steps, the scene and its parameters are exported at that step, and Debian's
// torch (/usr/bin/python3, python3-torch) runs the script on from there while the engine goes on
// with the same run. The per-step losses and the final parameters must agree within docs/parity.md's
// tolerance, |a − b| ≤ 1e-5 + 1e-4·|b|. All scripts run in one Python process (torch loads once).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pytorchNotebook } from '../src/export/pytorch/notebook.ts';
import { pytorchScript } from '../src/export/pytorch/script.ts';
import { modelOf } from '../src/model.ts';
import { rowsToSupplied, sceneToEngineConfig } from '../src/scene/engine-config.ts';
import { SHIPPED_CATALOGUE } from '../src/scene/datasets.ts';
import { SUPPLIED } from '../src/scene/types.ts';
import type { CoreModule, Trainer } from '../src/wasm/core.mjs';
import { CASES, type ExportCase } from './pytorch-export-scenes.ts';
import { loadTestCore } from './scene-rules.ts';

const PYTHON = '/usr/bin/python3';

/** Runs every job's script in one process: main(["--steps", n, "--report", path]). */
const DRIVER = `
import json, runpy, sys, traceback
import torch
torch.set_num_threads(1)
for job in json.load(open(sys.argv[1])):
    try:
        runpy.run_path(job["script"], run_name="export")["main"](
            ["--steps", str(job["steps"]), "--report", job["report"], "--data-dir", job["data"]])
    except Exception:
        json.dump({"error": traceback.format_exc()}, open(job["report"], "w"))
`;

interface EngineRun {
  script: string;
  losses: number[];
  parameters: Record<string, Float32Array>[];
}

interface Report {
  error?: string;
  losses: number[];
  parameters: Record<string, number[]>[];
  replay_difference: number | null;
}

/** The shipped datasets' .nnpd files (the page serves them at ./data/). */
const DATA = fileURLToPath(new URL('../public/data/', import.meta.url));

function trainer(core: CoreModule, exportCase: ExportCase): Trainer {
  const { scene } = exportCase;
  const config = sceneToEngineConfig(scene);
  if (scene.data.name !== SUPPLIED) return new core.Trainer(config);
  if (scene.data.rows) return new core.Trainer(config, rowsToSupplied(scene.data.rows));
  const { files } = SHIPPED_CATALOGUE[scene.data.dataset!];
  const nnpd = (name: string) => ({ nnpd: new Uint8Array(readFileSync(join(DATA, name))), name });
  return new core.Trainer(config, {
    ...nnpd(files.data),
    ...(files.test ? { test: nnpd(files.test) } : {}),
  });
}

/** The engine's run: `before` steps, the export, then `after` steps one at a time. `misplace`
 *  exports a wrong position (the step off by that much), for the test of the test. */
function engineRun(core: CoreModule, exportCase: ExportCase, misplace = 0): EngineRun {
  const t = trainer(core, exportCase);
  try {
    t.run(exportCase.before);
    const step = t.progress().step + misplace;
    const script = pytorchScript(modelOf(exportCase.scene, t), { step });
    const losses: number[] = [];
    for (let s = 0; s < exportCase.after; s++) losses.push(t.run(1).batchLoss);
    const parameters = Array.from({ length: t.members() }, (_, m) => t.parameters(m));
    return { script, losses, parameters };
  } finally {
    t.delete();
  }
}

/** docs/parity.md's tolerance around the engine's value b. */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-5 + 1e-4 * Math.abs(b);

/** The first disagreement between the report and the engine's run, or '' when they agree. */
function mismatch(report: Report, run: EngineRun): string {
  if (report.error) return report.error;
  if (report.losses.length !== run.losses.length) {
    return `${report.losses.length} losses, the engine ${run.losses.length}`;
  }
  for (let s = 0; s < run.losses.length; s++) {
    if (!close(report.losses[s]!, run.losses[s]!)) {
      return `loss of step ${s}: torch ${report.losses[s]}, engine ${run.losses[s]}`;
    }
  }
  for (let m = 0; m < run.parameters.length; m++) {
    for (const [name, values] of Object.entries(run.parameters[m]!)) {
      const got = report.parameters[m]?.[name];
      if (got?.length !== values.length) return `member ${m} ${name}: missing or wrong length`;
      for (let i = 0; i < values.length; i++) {
        if (!close(got[i]!, values[i]!)) {
          return `member ${m} ${name}[${i}]: torch ${got[i]}, engine ${values[i]}`;
        }
      }
    }
  }
  return '';
}

/** Scripts exported one step off (so a batch order, a dropout mask, a schedule out of step): the
 *  comparison must notice each. */
const MISPLACED = ['loss-ce', 'dropout-sgd', 'sched-steplr-sgd', 'opt-adam'];

describe('Export to PyTorch: parity with the engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nnp-pytorch-'));
  const runs = new Map<string, EngineRun>();
  const reports = new Map<string, Report>();
  const cases = [
    ...CASES.map((c) => ({ key: c.name, exportCase: c, misplace: 0 })),
    ...MISPLACED.map((name) => ({
      key: `misplaced-${name}`,
      exportCase: CASES.find((c) => c.name === name)!,
      misplace: 1,
    })),
  ];

  beforeAll(async () => {
    try {
      execFileSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' });
    } catch {
      throw new Error(
        `${PYTHON} cannot import torch: install python3-torch (scripts/setup-system.sh)`,
      );
    }
    const core = await loadTestCore();
    const jobs = cases.map(({ key, exportCase, misplace }) => {
      const run = engineRun(core, exportCase, misplace);
      runs.set(key, run);
      const script = join(dir, `${key}.py`);
      writeFileSync(script, run.script);
      return { script, steps: exportCase.after, report: join(dir, `${key}.json`), data: DATA };
    });
    writeFileSync(join(dir, 'jobs.json'), JSON.stringify(jobs));
    writeFileSync(join(dir, 'driver.py'), DRIVER);
    execFileSync(PYTHON, [join(dir, 'driver.py'), join(dir, 'jobs.json')], {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 110_000,
    });
    for (const job of jobs) {
      reports.set(job.script, JSON.parse(readFileSync(job.report, 'utf8')) as Report);
    }
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (name, exportCase) => {
    const run = runs.get(name)!;
    const report = reports.get(join(dir, `${name}.py`))!;
    expect(mismatch(report, run)).toBe('');
    if (report.replay_difference !== null) {
      // The replay (the optimiser's state) ends where the page did: the engine's init and steps.
      expect(report.replay_difference).toBeLessThan(1e-4 * Math.max(1, exportCase.before / 10));
    }
    expect(run.losses).toHaveLength(exportCase.after);
  });

  it.each(MISPLACED)('notices a script exported one step off (%s)', (name) => {
    const key = `misplaced-${name}`;
    expect(mismatch(reports.get(join(dir, `${key}.py`))!, runs.get(key)!)).not.toBe('');
  });
});

describe('Export to PyTorch: the notebook', () => {
  it('is nbformat 4 JSON whose code cells are the script', async () => {
    const core = await loadTestCore();
    const exportCase = CASES.find((c) => c.name === 'kitchen-sink')!;
    const { script } = engineRun(core, exportCase);
    const notebook = JSON.parse(pytorchNotebook(script, exportCase.scene)) as {
      nbformat: number;
      nbformat_minor: number;
      metadata: { kernelspec: { language: string } };
      cells: { cell_type: string; source: string[]; outputs?: unknown[] }[];
    };
    expect(notebook.nbformat).toBe(4);
    expect(notebook.metadata.kernelspec.language).toBe('python');
    const code = notebook.cells.filter((cell) => cell.cell_type === 'code');
    expect(code.length).toBeGreaterThan(5);
    for (const cell of notebook.cells) {
      expect(Array.isArray(cell.source)).toBe(true);
      if (cell.cell_type === 'code') expect(cell.outputs).toEqual([]);
    }
    expect(code.map((cell) => cell.source.join('')).join('')).toBe(script);
  });
});

describe('Export to PyTorch: what it refuses', () => {
  it('names the rows a supplied scene without its own rows needs', async () => {
    const core = await loadTestCore();
    const exportCase = CASES.find((c) => c.name === 'supplied-rows')!;
    const { script } = engineRun(core, exportCase);
    expect(script).toContain('ROWS = [');
    const scene = structuredClone(exportCase.scene);
    if (scene.data.name === SUPPLIED) delete scene.data.rows;
    const model = { format: 'nn-playground/model@1' as const, scene, parameters: [] };
    expect(() => pytorchScript(model, { step: 0 })).toThrow(/supplied rows .* pass the rows/);
    expect(() => pytorchScript(model, { step: -1 })).toThrow(/whole number >= 0/);
  });
});
