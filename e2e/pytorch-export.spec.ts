// Export to PyTorch (ui/pytorch-export.ts): the Training panel's buttons download the script and
// the notebook of the scene on the page, with the parameters the page shows, and Debian's torch
// runs the script on from there. (The numbers' parity with the engine: web/test/pytorch-export.test.ts.)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { compact } from '../web/src/render/network-layout.ts';
import { openPaused, readNumber } from './helpers.ts';

async function download(page: Page, button: string, path: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  await file.saveAs(path);
  return file.suggestedFilename();
}

test('downloads the shown scene as a script torch runs, and as a notebook', async ({
  page,
}, testInfo) => {
  await openPaused(page); // the default scene: circle, a 2-4-4-1 network
  for (let step = 1; step <= 3; step++) {
    await page.locator('#step').click();
    await expect(page.locator('#step-count')).toHaveText(String(step));
  }
  // The output's bias as the diagram shows it.
  await page.locator('#network-diagram').scrollIntoViewIfNeeded();
  await page.locator('.net-node.net-output').first().hover();
  const tip = (await page.locator('#network-tip').textContent()) ?? '';
  const shown = /^Bias of [^:]+: (\S+) ·/.exec(tip)?.[1];
  expect(shown, tip).toBeDefined();

  const scriptPath = testInfo.outputPath('exported.py');
  expect(await download(page, '#pytorch-export-py', scriptPath)).toBe('nn-playground-circle.py');
  await expect(page.locator('#pytorch-export-status')).toContainText('continues from step 3');
  const script = readFileSync(scriptPath, 'utf8');
  for (const line of ['nn.Linear(2, 4)', 'nn.Linear(4, 4)', 'nn.Linear(4, 1)', 'nn.Sigmoid()']) {
    expect(script).toContain(line);
  }
  expect(script).toContain('STEP = 3');
  expect(script).toContain('DATASET = "circle"');
  const bias = /"4\.bias": \[\s*([^,\s]+),/.exec(script)?.[1];
  expect(compact(Number(bias))).toBe(shown);

  // torch takes one more step from there.
  const reportPath = testInfo.outputPath('report.json');
  execFileSync('/usr/bin/python3', [scriptPath, '--steps', '1', '--report', reportPath], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 60_000,
  });
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    start_step: number;
    losses: number[];
  };
  expect(report.start_step).toBe(3);
  expect(report.losses).toHaveLength(1);
  expect(Number.isFinite(report.losses[0])).toBe(true);

  const notebookPath = testInfo.outputPath('exported.ipynb');
  expect(await download(page, '#pytorch-export-ipynb', notebookPath)).toBe(
    'nn-playground-circle.ipynb',
  );
  const notebook = JSON.parse(readFileSync(notebookPath, 'utf8')) as {
    nbformat: number;
    cells: { cell_type: string; source: string[] }[];
  };
  expect(notebook.nbformat).toBe(4);
  const code = notebook.cells.filter((cell) => cell.cell_type === 'code');
  expect(code.map((cell) => cell.source.join('')).join('')).toBe(script);
});

test('exporting while training pauses the run and exports the step it paused at', async ({
  page,
}, testInfo) => {
  await openPaused(page);
  await page.locator('#play').click();
  await expect.poll(async () => readNumber(page, '#step-count')).toBeGreaterThan(20);
  const scriptPath = testInfo.outputPath('playing.py');
  await download(page, '#pytorch-export-py', scriptPath);
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused');
  // The step the page settles on is the script's: no step taken between the pause and the save.
  const exported = Number(/^STEP = (\d+) {2}#/m.exec(readFileSync(scriptPath, 'utf8'))?.[1]);
  expect(exported).toBeGreaterThan(20);
  await expect.poll(() => readNumber(page, '#step-count')).toBe(exported);
});
