// The cross-browser smoke path (issue 18), written once for every engine: the production page
// opens with its engine ready, plays the circle past 95 % test accuracy, changes the dataset,
// opens a TensorFlow Playground link and a shared scene, then the example course page with its
// <nn-playground> elements and the single file from file://. Each step acts through the page's
// own controls (the DOM events a click or a slider makes) and reads what the page shows.
import { datasetScene } from '../../web/src/scene/index.ts';
import { PACES, paceLabel } from '../../web/src/engine/pace.ts';
import { sceneHash, TFP_LINK } from '../links.ts';
import { parseShownNumber } from '../shown-number.ts';
import { SIMD128_ARCH } from './engines.ts';
import type { BrowserSession, Engine } from './session.ts';

/** Where the steps find the build: the hosted page's folder (http) and the single file (file:). */
export interface Site {
  readonly page: string;
  readonly singleFile: string;
}

/** What a run found, for its report line. */
export interface Facts {
  arch: string | null;
  language: string | null;
  /** From navigation to the engine's first ready frame (the page's nnp:engine-ready mark). */
  readyMs: number | null;
  testAccuracy: number | null;
}

export interface SmokeStep {
  readonly name: string;
  run(session: BrowserSession, site: Site, engine: Engine, facts: Facts): Promise<void>;
}

/** One playground's state as it shows it: the page's own (host null) or an <nn-playground>
 *  element's (host '#xor': inside its shadow root). */
export interface Readout {
  arch: string | null;
  engine: string | null;
  epoch: string | null;
  testAccuracy: string | null;
  pace: string | null;
  dataset: string | null;
  classes: string | null;
  architecture: string | null;
  hash: string;
  language: string;
  /** The start-up check's message (web/public/startup-check.js), the page's #error. */
  failure: string | null;
  error: string | null;
  readyMs: number | null;
}

/** Runs in the page: reads a Readout. */
function readPlayground(host: string | null): Readout {
  const root = host === null ? document : document.querySelector(host)?.shadowRoot;
  const find = (selector: string) => root?.querySelector(selector) ?? null;
  const text = (selector: string) => find(selector)?.textContent.trim() ?? null;
  const app = host === null ? document.body : find('.app');
  const error = find('#error') as HTMLElement | null; // its .error-text, beside a dismiss button
  const ready = performance.getEntriesByName('nnp:engine-ready')[0]; // READY_MARK, page-frame.ts
  // The browser's own navigator.language: where it is no valid tag, the page puts a valid getter
  // on navigator itself (locale.ts, guardNavigatorLanguages), and the prototype keeps the original.
  const language: unknown = Reflect.get(Navigator.prototype, 'language', navigator);
  return {
    arch: text('#simd-arch'),
    engine: app?.getAttribute('data-engine') ?? null,
    epoch: text('#epoch'),
    testAccuracy: text('#test-accuracy'),
    pace: text('#speed-value'),
    dataset: find('#dataset-gallery [aria-checked="true"]')?.getAttribute('data-dataset') ?? null,
    classes: (find('#classes') as HTMLInputElement | null)?.value ?? null,
    architecture: find('#architecture')?.getAttribute('aria-label') ?? null,
    hash: location.hash,
    language: String(language),
    failure: document.querySelector('.startup-failure')?.textContent.trim() ?? null,
    error: error && !error.hidden ? (text('#error .error-text') ?? '') || 'shown, empty' : null,
    readyMs: ready ? ready.startTime : null,
  };
}

/** Runs in the page: clicks `selector`, or sets its value as a slider's drag would. Returns
 *  what went wrong, or null. */
function actOn({
  host,
  selector,
  value,
}: {
  host: string | null;
  selector: string;
  value: string | null;
}): string | null {
  const root = host === null ? document : document.querySelector(host)?.shadowRoot;
  const element = root?.querySelector<HTMLInputElement>(selector);
  if (!element) return `no element ${selector}${host === null ? '' : ` in ${host}`}`;
  if (value === null) {
    element.click();
  } else {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }
  return null;
}

/** A step that failed, with what the page showed last. */
export class StepFailure extends Error {}

const POLL_MS = 200;

/** Polls `host`'s readout until `ok` holds; fails at once when the page shows an error. */
async function waitFor(
  session: BrowserSession,
  what: string,
  ok: (readout: Readout) => boolean,
  { host = null, timeoutMs = 30_000 }: { host?: string | null; timeoutMs?: number } = {},
): Promise<Readout> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const readout = await session.evaluate(readPlayground, host);
    if (ok(readout)) return readout;
    if (readout.failure !== null || readout.error !== null) {
      throw new StepFailure(`${what}: the page shows an error instead`);
    }
    if (Date.now() > deadline) {
      throw new StepFailure(
        `${what}: not within ${String(timeoutMs / 1000)} s; the page shows ${describe(readout)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A readout for a message, its link shortened. */
function describe(readout: Readout): string {
  const hash = readout.hash.length > 40 ? `${readout.hash.slice(0, 40)}…` : readout.hash;
  return JSON.stringify({ ...readout, hash });
}

async function act(
  session: BrowserSession,
  selector: string,
  { host = null, value = null }: { host?: string | null; value?: string | null } = {},
): Promise<void> {
  const problem = await session.evaluate(actOn, { host, selector, value });
  if (problem !== null) throw new StepFailure(problem);
}

/** Opens `url` afresh (a link to the page already open would only change its hash). */
async function open(session: BrowserSession, url: string): Promise<void> {
  await session.goto('about:blank');
  await session.goto(url);
}

const shown = (text: string | null) => parseShownNumber(text ?? '');

/** Opens `url` and waits for its engine, showing `arch`, with the run paused (the engine
 *  benchmark, bench/bench-engines.mjs, times the page's start with it too). */
export async function openReady(
  session: BrowserSession,
  url: string,
  arch: string,
): Promise<Readout> {
  await open(session, url);
  return waitFor(
    session,
    `the engine ready (${arch}, paused, its ready mark set)`,
    (r) => r.arch === arch && r.engine === 'paused' && r.readyMs !== null,
    { timeoutMs: 45_000 },
  );
}

/** Plays until `done`, then pauses. */
async function playUntil(
  session: BrowserSession,
  what: string,
  done: (readout: Readout) => boolean,
  { host = null, timeoutMs = 30_000 }: { host?: string | null; timeoutMs?: number } = {},
): Promise<Readout> {
  await act(session, '#play', { host });
  const reached = await waitFor(session, what, done, { host, timeoutMs });
  await act(session, '#play', { host });
  await waitFor(session, 'the run paused', (r) => r.engine === 'paused', { host });
  return reached;
}

const FAST = PACES.indexOf('fast');
const TRAINED_PAST = 95;
const SHARED = datasetScene({ name: 'spirals', classes: 4, noise: 0.1, seed: 5 });

export const SMOKE_STEPS: readonly SmokeStep[] = [
  {
    name: 'opens the page: the engine is ready',
    async run(session, site, engine, facts) {
      const readout = await openReady(session, site.page, engine.arch);
      facts.arch = readout.arch;
      facts.language = readout.language;
      facts.readyMs = readout.readyMs;
      if (engine.language !== undefined && readout.language !== engine.language) {
        throw new StepFailure(
          `navigator.language is "${readout.language}", not "${engine.language}": the run does not test what it says`,
        );
      }
      if (readout.dataset !== 'circle') {
        throw new StepFailure(`the page opened on ${String(readout.dataset)}, not the circle`);
      }
    },
  },
  {
    name: `plays the circle past ${String(TRAINED_PAST)} % test accuracy`,
    async run(session, _site, _engine, facts) {
      await act(session, '#speed', { value: String(FAST) });
      await waitFor(session, 'the pace "fast"', (r) => r.pace === paceLabel('fast'));
      const reached = await playUntil(
        session,
        `test accuracy above ${String(TRAINED_PAST)} %`,
        (r) => shown(r.testAccuracy) > TRAINED_PAST,
        { timeoutMs: 60_000 },
      );
      facts.testAccuracy = shown(reached.testAccuracy);
    },
  },
  {
    name: 'changes the dataset',
    async run(session) {
      const before = await waitFor(session, 'the page', () => true);
      await act(session, '#dataset-gallery [data-dataset="xor"]');
      await waitFor(
        session,
        'XOR picked, a new link, the run reset and paused',
        (r) =>
          r.dataset === 'xor' &&
          r.hash !== before.hash &&
          shown(r.epoch) === 0 &&
          r.engine === 'paused',
      );
    },
  },
  {
    name: 'opens a TensorFlow Playground link',
    async run(session, site, engine) {
      await openReady(session, site.page + TFP_LINK, engine.arch);
      await waitFor(
        session,
        "the link's circle and 4-2 tanh network, rewritten to a #scene= link",
        (r) =>
          r.dataset === 'circle' &&
          r.architecture === '2 → 4 Tanh → 2 Tanh → 1 Tanh' &&
          r.hash.startsWith('#scene='),
      );
    },
  },
  {
    name: 'opens a shared scene link',
    async run(session, site, engine) {
      await openReady(session, site.page + sceneHash(SHARED), engine.arch);
      await waitFor(
        session,
        "the link's four spirals",
        (r) => r.dataset === 'spirals' && r.classes === String(SHARED.data.classes),
      );
    },
  },
  {
    name: 'the course page with <nn-playground> elements trains',
    async run(session, site) {
      await open(session, `${site.page}embed-example.html`);
      const host = '#xor';
      await waitFor(session, 'the #xor element ready', (r) => r.engine === 'paused', { host });
      await playUntil(session, 'the #xor element past epoch 3', (r) => shown(r.epoch) > 3, {
        host,
      });
    },
  },
  {
    name: 'the single file trains from file://',
    async run(session, site) {
      // The single file inlines core.wasm alone (web/src/engine/wasm.single.ts).
      await openReady(session, site.singleFile, SIMD128_ARCH);
      await playUntil(session, 'past epoch 3', (r) => shown(r.epoch) > 3);
    },
  },
];

/** The page's own error messages, for a failure report. */
export async function pageErrorText(session: BrowserSession): Promise<string[]> {
  const readout = await session.evaluate(readPlayground, null);
  return [readout.failure, readout.error, ...session.pageErrors()].filter(
    (text): text is string => text !== null,
  );
}
