// Where the time to the engine's ready mark goes (issue 13's ready budget): loads the default page
// cold from a local server (as bench/bench-budgets.mjs serves it) with Chromium's performance
// trace on, and reports, per thread (the page's main thread, the engine's worker), the CPU time
// its tasks took from navigation to the ready mark (thread time: what the load of other
// processes does not inflate, unlike the wall-clock figure), split by what ran (script
// evaluation and compilation, wasm, style and layout, paint, parsing). Median of
// TRACE_LOADS loads (default 5). BENCH_DIST: another build folder. Prints JSON.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGzipServer } from './gzip-server.mjs';
import { READY_MARK, readyTime } from './ready-mark.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.BENCH_DIST ?? join(root, 'web/dist');
const LOADS = Number(process.env.TRACE_LOADS ?? 5);

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'v8.execute',
  'v8.wasm',
  'disabled-by-default-v8.compile',
  'loading',
  '__metadata',
].join(',');

/** What a trace event is, for the split: the first rule whose names include it. */
const KINDS = [
  [
    'script: compile',
    /^(v8\.compile|V8\.Compile|v8\.parseOnBackground|V8\.ScriptCompiler|CompileScript|v8\.compileModule)/,
  ],
  [
    'script: evaluate',
    /^(EvaluateScript|v8\.evaluateModule|FunctionCall|HandlePostMessage|v8\.callFunction|TimerFire|FireAnimationFrame|EventDispatch|v8\.run|RunMicrotasks|V8\.Execute)/,
  ],
  ['wasm', /wasm/i],
  [
    'style + layout',
    /^(UpdateLayoutTree|Layout|RecalculateStyles|ScheduleStyleRecalculation|InvalidateLayout|UpdateLayerTree|PrePaint)/,
  ],
  ['paint', /^(Paint|RasterTask|CompositeLayers|Commit|Layerize)/],
  ['parse html + css', /^(ParseHTML|ParseAuthorStyleSheet)/],
  ['gc', /(GC|MinorGC|MajorGC|V8\.GC)/],
];

/** The thread time (ms) of `thread`'s top-level tasks inside [start, end], and of the events
 *  directly within them by kind (the rest is "other"). */
function threadTime(events, pid, tid, start, end) {
  const mine = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= start && e.ts <= end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const byKind = {};
  let total = 0;
  let taskEnd = -1;
  let childEnd = -1;
  for (const e of mine) {
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.ts >= taskEnd) {
      // A top-level task (RunTask and its kin): its thread time counts once.
      taskEnd = e.ts + (e.dur ?? 0);
      childEnd = -1;
      if (/RunTask|ThreadControllerImpl|ThreadPool_RunTask/.test(e.name)) {
        total += cpu;
        continue;
      }
      total += cpu;
    }
    if (e.ts < childEnd) continue; // inside a child already counted
    const kind = KINDS.find(([, pattern]) => pattern.test(e.name))?.[0];
    if (!kind) continue;
    childEnd = e.ts + (e.dur ?? 0);
    byKind[kind] = (byKind[kind] ?? 0) + cpu;
  }
  const counted = Object.values(byKind).reduce((a, b) => a + b, 0);
  byKind.other = Math.max(total - counted, 0);
  return { total, byKind };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const { server, port } = await startGzipServer(dist);
const browser = await chromium.launch(chromiumLaunchOptions);
const loads = [];
try {
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const ready = await readyTime(page);
    await browser.startTracing(page, { categories: CATEGORIES.split(',') });
    await page.goto(`http://127.0.0.1:${port}/`);
    const readyMs = (await ready()).ms;
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8'));
    await context.close();

    const names = new Map(
      traceEvents
        .filter((e) => e.ph === 'M' && e.name === 'thread_name')
        .map((e) => [`${e.pid}:${e.tid}`, e.args.name]),
    );
    const mark = traceEvents.find((e) => e.name === READY_MARK);
    const main = `${mark.pid}:${mark.tid}`;
    const navigation = traceEvents.find(
      (e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main,
    );
    const start = navigation?.ts ?? mark.ts - readyMs * 1000;
    const worker = [...names].find(
      ([key, name]) => key.startsWith(`${mark.pid}:`) && /DedicatedWorker/.test(name),
    )?.[0];
    const threads = { main: threadTime(traceEvents, mark.pid, mark.tid, start, mark.ts) };
    if (worker) {
      const [pid, tid] = worker.split(':').map(Number);
      threads.worker = threadTime(traceEvents, pid, tid, start, mark.ts);
    }
    loads.push({ readyMs, threads });
  }
} finally {
  await browser.close();
  server.close();
}

const round = (ms) => Math.round(ms * 10) / 10;
const summary = (thread) => {
  const present = loads.filter((l) => l.threads[thread]);
  const kinds = new Set(present.flatMap((l) => Object.keys(l.threads[thread].byKind)));
  return {
    cpuMsMedian: round(median(present.map((l) => l.threads[thread].total))),
    byKindMsMedian: Object.fromEntries(
      [...kinds].map((k) => [
        k,
        round(median(present.map((l) => l.threads[thread].byKind[k] ?? 0))),
      ]),
    ),
  };
};
console.log(
  JSON.stringify(
    {
      browser: `Chromium ${browser.version()}`,
      loads: LOADS,
      readyMsMedian: round(median(loads.map((l) => l.readyMs))),
      readyMsAll: loads.map((l) => Math.round(l.readyMs)),
      main: summary('main'),
      worker: summary('worker'),
    },
    null,
    2,
  ),
);
