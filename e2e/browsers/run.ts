// The cross-browser smoke suite (issue 18; `npm test` runs it through e2e/browsers/run.mjs): the
// smoke steps (smoke.ts) in each engine (engines.ts) against the production build, web/dist,
// served over http for the page and opened from file:// for the single file. One line per engine
// (browser version, wasm module, time to ready, test accuracy), then "N passed, M failed".
// A failing step prints what failed and the page's error text; the engine's other steps are
// skipped (counted failed) and the next engine runs.
// BROWSERS=firefox,webkit runs some engines only (names as the report prints them, any case).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DIST, startStaticServer } from '../static-server.ts';
import { CHROMIUM, FIREFOX, wasmModule, webkit } from './engines.ts';
import { within, type BrowserSession, type Engine } from './session.ts';
import { pageErrorText, SMOKE_STEPS, type Facts, type Site } from './smoke.ts';

/** No step takes this long in a working browser; a hung one is reported and the run goes on. */
const STEP_MS = 120_000;
const LAUNCH_MS = 90_000;

const ENGINES: Engine[] = [
  CHROMIUM,
  FIREFOX,
  webkit('en_US.UTF-8', 'en-US'),
  webkit('C.UTF-8', 'C'), // an invalid language tag (issue 18)
];

interface Outcome {
  passed: number;
  failed: number;
  line: string;
}

async function runEngine(engine: Engine, site: Site): Promise<Outcome> {
  const facts: Facts = { arch: null, language: null, readyMs: null, testAccuracy: null };
  let session: BrowserSession;
  const launched = performance.now();
  try {
    session = await within(LAUNCH_MS, `${engine.name}: starting the browser`, engine.launch());
    console.log(
      `  ${engine.name}: ${session.version} started (${seconds(performance.now() - launched)})`,
    );
  } catch (error) {
    console.log(`  ✘ ${engine.name}: did not start: ${message(error)}`);
    return { passed: 0, failed: SMOKE_STEPS.length, line: `${engine.name}: did not start` };
  }
  let passed = 0;
  try {
    for (const step of SMOKE_STEPS) {
      const started = performance.now();
      try {
        await within(STEP_MS, step.name, step.run(session, site, engine, facts));
      } catch (error) {
        console.log(`  ✘ ${engine.name} › ${step.name}\n      ${message(error)}`);
        const texts = await within(10_000, 'reading the page', pageErrorText(session)).catch(
          (reason: unknown) => [`(could not read the page: ${message(reason)})`],
        );
        console.log(
          `      the page's error text: ${texts.length ? texts.join('\n        ') : 'none'}`,
        );
        break;
      }
      passed++;
      console.log(`  ✔ ${engine.name} › ${step.name} (${seconds(performance.now() - started)})`);
    }
  } finally {
    await within(30_000, 'closing the browser', session.close()).catch((error: unknown) => {
      console.log(`  (${engine.name}: closing: ${message(error)})`);
    });
  }
  return { passed, failed: SMOKE_STEPS.length - passed, line: report(session.version, facts) };
}

function report(version: string, facts: Facts): string {
  const module =
    facts.arch === null ? 'no wasm module' : `${wasmModule(facts.arch)} (${facts.arch})`;
  const ready =
    facts.readyMs === null ? 'not ready' : `ready in ${String(Math.round(facts.readyMs))} ms`;
  const accuracy =
    facts.testAccuracy === null
      ? 'not trained'
      : `test accuracy ${facts.testAccuracy.toFixed(1)} %`;
  const language = facts.language === null ? '' : `, navigator.language "${facts.language}"`;
  return `${version}: ${module}, ${ready}, ${accuracy}${language}`;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function chosenEngines(): Engine[] {
  const wanted = process.env.BROWSERS?.toLowerCase().split(',').filter(Boolean);
  if (!wanted) return ENGINES;
  const chosen = ENGINES.filter((e) => wanted.some((w) => e.name.toLowerCase().startsWith(w)));
  if (chosen.length === 0) {
    throw new Error(
      `BROWSERS=${String(process.env.BROWSERS)} names none of: ${ENGINES.map((e) => e.name).join(', ')}`,
    );
  }
  return chosen;
}

export async function main(): Promise<number> {
  const engines = chosenEngines();
  // Any free port: this suite may run beside another checkout's.
  const server = await startStaticServer({ port: 0 });
  const site: Site = {
    page: server.url,
    singleFile: pathToFileURL(join(DIST, 'nn-playground.html')).href,
  };
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  try {
    for (const engine of engines) {
      const outcome = await runEngine(engine, site);
      passed += outcome.passed;
      failed += outcome.failed;
      lines.push(`${engine.name.padEnd(24)} ${outcome.line}`);
    }
  } finally {
    await server.close();
  }
  console.log(`\n${lines.join('\n')}\n${String(passed)} passed, ${String(failed)} failed`);
  return failed === 0 ? 0 : 1;
}
