// GEMM against the wasm SIMD128 multiply-add peak in headless Chromium, on the worker thread's CPU
// time (bench/roofline/worker.js): usable on a shared machine, where wall-clock figures swing by a
// factor of two or more. Prints JSON on stdout and a summary on stderr.
//   node bench/bench-roofline.mjs [rounds=9] [name=other.wasm ...]
// (BENCH_PORT: server port, default any free one). It measures core-tools.wasm (SIMD128: the page's
// core.wasm plus the tools' bindings) and, where Chromium has relaxed SIMD, core-tools-fma.wasm
// (runs named "madd …"); each name=file adds another bench build of the same sources (e.g. a kernel
// variant, for an A/B in one session; runs named "name …").
// ROOFLINE_WORKLOADS=1 adds W1–W3 training (steps/s on CPU time) for every module.
// Needs web/src/wasm/core-tools.{mjs,wasm} and core-tools-fma.wasm (scripts/build-wasm.sh) and
// Linux's /proc.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.argv[2] ?? 9);
const modules = [
  { prefix: '', url: '/core.wasm' },
  { prefix: 'madd ', url: '/core-fma.wasm', relaxed: true },
];
const files = {
  '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>roofline</title>'],
  '/worker.js': ['text/javascript', join(root, 'bench/roofline/worker.js')],
  '/core.mjs': ['text/javascript', join(root, 'web/src/wasm/core-tools.mjs')],
  '/relaxed-simd.mjs': ['text/javascript', join(root, 'web/src/engine/relaxed-simd.mjs')],
  '/batches.js': ['text/javascript', join(root, 'bench/batches.js')],
  '/core.wasm': ['application/wasm', join(root, 'web/src/wasm/core-tools.wasm')],
  '/core-fma.wasm': ['application/wasm', join(root, 'web/src/wasm/core-tools-fma.wasm')],
};

for (const arg of process.argv.slice(3)) {
  const [name, file] = arg.split('=');
  if (!file) throw new Error(`expected name=file.wasm, got ${arg}`);
  files[`/m/${name}.wasm`] = ['application/wasm', file];
  modules.push({ prefix: `${name} `, url: `/m/${name}.wasm`, relaxed: true });
}

// The worker thread of the Chromium this script started (a descendant of this process; other
// Chromiums may be running on the machine): its /proc schedstat, whose first field is CPU ns.
function workerSchedstat() {
  const parent = (pid) => {
    try {
      return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
    } catch {
      return 0;
    }
  };
  const ours = (pid) => {
    for (let p = pid; p > 1; p = parent(p)) if (p === process.pid) return true;
    return false;
  };
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d) && ours(Number(d)))) {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const task = `/proc/${pid}/task/${tid}`;
      try {
        if (readFileSync(`${task}/comm`, 'utf8').startsWith('DedicatedWorker'))
          return `${task}/schedstat`;
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  throw new Error('no DedicatedWorker thread found under this process');
}

let schedstat = null;
let startNs = 0;
const cpuNs = () => Number(readFileSync(schedstat, 'utf8').split(' ')[0]);
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/cpu') {
    schedstat ??= workerSchedstat();
    if (url.search === '?start') startNs = cpuNs();
    return res.end(String(url.search === '?start' ? 0 : cpuNs() - startNs));
  }
  const file = files[url.pathname];
  if (!file) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': file[0] });
  res.end(file[1].startsWith('<') ? file[1] : readFileSync(file[1]));
});
await new Promise((resolve) =>
  server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', resolve),
);

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const results = await page.evaluate(
    (n) =>
      new Promise((resolve) => {
        const worker = new Worker('/worker.js', { type: 'module' });
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => resolve({ error: String(e.message) });
        worker.postMessage(n);
      }),
    {
      rounds,
      modules,
      workloads: process.env.ROOFLINE_WORKLOADS
        ? JSON.parse(readFileSync(join(root, 'bench/workloads/workloads.json'), 'utf8'))
        : null,
    },
  );
  console.log(
    JSON.stringify({ browser: `Chromium ${browser.version()}`, rounds, results }, null, 2),
  );
  if (results.error) process.exitCode = 1;
  else
    for (const r of results)
      console.error(
        r.unit
          ? `${r.name.padEnd(24)} ${Math.round(r.rate)} ${r.unit} (${Math.round(r.min)}–${Math.round(r.max)})`
          : `${r.name.padEnd(24)} ${r.gflops.toFixed(1).padStart(5)} GFLOP/s (${r.min.toFixed(1)}–${r.max.toFixed(1)}), ` +
              `${(100 * r.fractionOfPeak).toFixed(0)} % of peak`,
      );
} finally {
  await browser.close();
  server.close();
}
