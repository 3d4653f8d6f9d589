// The last step of `npm run bench`: reads the raw results of this run (bench/results/
// peers.json — ours and the peers in one Chromium —, native.json, page.json), prints one table,
// writes every number to bench/results/latest.json and the table, with versions and the machine,
// between the markers in docs/benchmarks.md. Each issue-6 target is checked and a miss is said
// plainly. Runs on its own too: `node bench/bench-report.mjs`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, 'bench/results');
const read = (name) => {
  const file = join(results, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};
const peers = read('peers.json');
const native = read('native.json');
const page = read('page.json');
const roofline = read('roofline.json');
if (!peers?.engine?.workloads) {
  console.error('bench-report: bench/results/peers.json has no engine results; run npm run bench');
  process.exit(1);
}

// PyTorch 1.13, one thread, OpenBLAS, on this kind of machine (issue 3), recorded once.
const PYTORCH = { W1: 11763, W2: 5368, W3: 640 };
const W3_MFLOP = 64.6; // W3's real work per step (the first layer needs no input gradient)

const ours = Object.fromEntries(peers.engine.workloads.map((w) => [w.workload, w]));
const peer = (system, w) => peers.training.find((r) => r.system === system && r.workload === w);
const nativeSteps = (w) =>
  native?.benchmarks.find((b) => b.name === `BM_Workload/${w}`)?.['steps/s'] ?? null;
// The wasm multiply-add peak and each GEMM's fraction of it, from the roofline run
// (bench/bench-roofline.mjs, on the worker's CPU time), for the module the page loads: runs
// named "madd …" where it is core-fma.wasm (relaxed SIMD). The peak is the faster of SIMD128's
// multiply + add and relaxed SIMD's fused multiply-add, measured in the same run.
const fused = peers.engine.arch?.endsWith('+madd');
const rooflineRun = (name) =>
  roofline?.results.find((r) => r.name === (fused ? `madd ${name}` : name));
const simdPeak = roofline?.results.find((r) => r.name === 'peak')?.gflops ?? null;
const fmaPeak = roofline?.results.find((r) => r.name === 'madd peak')?.gflops ?? null;
const peak = Math.max(simdPeak ?? 0, fmaPeak ?? 0) || null;
const fractionOfPeak = (g) =>
  rooflineRun(`${g.m}x${g.n}x${g.k} ${g.form}`)?.fractionOfPeak ?? (peak ? g.gflops / peak : null);

// W1–W3 from the roofline run (ROOFLINE_WORKLOADS=1), per module.
const rooflineWorkloads = [
  ['', 'core.wasm'],
  ['madd ', 'core-fma.wasm'],
].flatMap(([prefix, module]) => {
  const runs = ['W1', 'W2', 'W3'].map((w) =>
    roofline?.results.find((r) => r.name === `${prefix}${w}`),
  );
  return runs.every(Boolean)
    ? [
        `${module} W1 / W2 / W3 ${runs.map((r) => Math.round(r.rate).toLocaleString('en-US')).join(' / ')} steps/s`,
      ]
    : [];
});

const fmt = (x, digits = 0) =>
  x === null || x === undefined || Number.isNaN(x)
    ? '—'
    : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a, b) => (a && b ? a / b : null);
const range = (r) => (r ? `${fmt(r.min)}–${fmt(r.max)}` : '');

const rows = [];
rows.push(
  '| workload | ours steps/s (min–max) | samples/s | GFLOP/s | TF.js-wasm | TF.js-cpu | brain.js | ConvNetJS | ours ÷ TF.js-wasm | native (ours) | PyTorch 1-thread |',
);
rows.push('|---|---|---|---|---|---|---|---|---|---|---|');
for (const w of ['W1', 'W2', 'W3']) {
  const o = ours[w];
  const tfw = peer('TF.js-wasm', w);
  const gflops = w === 'W3' && o ? (o.stepsPerSecond * W3_MFLOP) / 1000 : null;
  rows.push(
    `| ${w} | ${fmt(o?.stepsPerSecond)} (${range(o)}) | ${fmt(o?.samplesPerSecond)} | ${gflops ? fmt(gflops, 1) : '—'} | ${fmt(tfw?.stepsPerSecond)} | ${fmt(peer('TF.js-cpu', w)?.stepsPerSecond)} | ${fmt(peer('brain.js', w)?.stepsPerSecond)} | ${fmt(peer('ConvNetJS', w)?.stepsPerSecond)} | ${fmt(ratio(o?.stepsPerSecond, tfw?.stepsPerSecond), 1)}× | ${fmt(nativeSteps(w))} | ${fmt(PYTORCH[w])} |`,
  );
}

const gemmRows = [
  '| shape | form | ours GFLOP/s (min–max) | roofline run: GFLOP/s, % of its peak | TF.js-wasm | ours ÷ TF.js-wasm |',
  '|---|---|---|---|---|---|',
];
for (const g of peers.engine.gemm) {
  const t = peers.gemm.find((x) => x.m === g.m && x.n === g.n && x.k === g.k && x.form === g.form);
  // The fraction is the roofline run's own (its GEMM over its peak, both on CPU time), shown with
  // its GFLOP/s so that the two columns are not read as one measurement.
  const r = rooflineRun(`${g.m}x${g.n}x${g.k} ${g.form}`);
  const fraction = fractionOfPeak(g);
  const roof = r
    ? `${fmt(r.gflops, 1)}, ${fmt(100 * fraction)} %`
    : fraction !== null
      ? `not in it (the wall figure is ${fmt(100 * fraction)} % of its peak)`
      : '—';
  gemmRows.push(
    `| ${g.m}×${g.n}×${g.k} | ${g.form} | ${fmt(g.gflops, 1)} (${fmt(g.min, 1)}–${fmt(g.max, 1)}) | ${roof} | ${fmt(t?.gflops, 1)} | ${t ? `${fmt(g.gflops / t.gflops, 1)}×` : '—'} |`,
  );
}

// Issue 6's targets, as ratios in this one run.
const checks = [];
const check = (what, value, target, unit = '×') =>
  checks.push({ what, value, target, met: value !== null && value >= target, unit });
check(
  'W1 steps/s ÷ TF.js-wasm',
  ratio(ours.W1?.stepsPerSecond, peer('TF.js-wasm', 'W1')?.stepsPerSecond),
  150,
);
check(
  'W1 samples/s ÷ brain.js',
  ratio(ours.W1?.samplesPerSecond, peer('brain.js', 'W1')?.samplesPerSecond),
  4,
);
check(
  'W2 steps/s ÷ TF.js-wasm',
  ratio(ours.W2?.stepsPerSecond, peer('TF.js-wasm', 'W2')?.stepsPerSecond),
  15,
);
check(
  'W3 samples/s ÷ TF.js-wasm',
  ratio(ours.W3?.samplesPerSecond, peer('TF.js-wasm', 'W3')?.samplesPerSecond),
  9,
);
check('W3 steps/s ÷ PyTorch 1-thread', ratio(ours.W3?.stepsPerSecond, PYTORCH.W3), 1);
for (const form of ['A*B', 'AT*B', 'A*BT']) {
  const g = peers.engine.gemm.find((x) => x.m === 256 && x.form === form);
  check(`GEMM 256³ ${form} ÷ peak`, g ? fractionOfPeak(g) : null, 0.85);
}
if (page) {
  check('page fps (median) while training W1', page.fpsMedian, 55, ' fps');
  checks.push({
    what: 'page p95 frame time',
    value: page.frameMsP95,
    target: 25,
    met: page.frameMsP95 <= 25,
    unit: ' ms (≤)',
  });
}
const checkRows = ['| target | this run | goal | |', '|---|---|---|---|'];
for (const c of checks) {
  checkRows.push(
    `| ${c.what} | ${fmt(c.value, 2)} | ${c.target}${c.unit} | ${c.met ? 'met' : '**missed**'} |`,
  );
}

const lscpu = (() => {
  try {
    const text = execFileSync('lscpu', { encoding: 'utf8' });
    // Some hosts (containers, some hypervisors) report no cache sizes: say so rather than "undefined".
    const field = (k) =>
      text.match(new RegExp(`^${k}:\\s*(.+)$`, 'm'))?.[1]?.trim() ?? 'not reported';
    return `${field('Model name')}, ${field('CPU\\(s\\)')} vCPUs, L1d ${field('L1d cache')}, L2 ${field('L2 cache')}`;
  } catch {
    return 'unknown (lscpu failed)';
  }
})();
const versions = Object.entries(peers.versions ?? {})
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');

const section = [
  `Run of ${peers.date} — ${peers.browser}, one thread, ${fused ? 'core-fma.wasm: SIMD128 + relaxed SIMD fused multiply-add' : 'core.wasm: SIMD128'} (${peers.engine.arch}); machine: ${lscpu}; peers: ${versions}; TF.js-wasm flags: SIMD ${peers.libraries?.['tfjs-wasm']?.WASM_HAS_SIMD_SUPPORT}, threads ${peers.libraries?.['tfjs-wasm']?.WASM_HAS_MULTITHREAD_SUPPORT}.`,
  '',
  'Training (same batch, same initial parameters in every system; median of the repetitions):',
  '',
  ...rows,
  '',
  `GEMM (C = op(A)·op(B)) in ${peers.engine.arch}; peak = ${peak ? `${fmt(peak, 1)} GFLOP/s, the faster of the multiply-add peak kernels measured in the same run (SIMD128 multiply + add ${fmt(simdPeak, 1)}, relaxed SIMD fused ${fmt(fmaPeak, 1)}; % of peak from the roofline run, on CPU time, GEMMs interleaved with the peaks)` : 'not measured in this run'}:`,
  '',
  ...gemmRows,
  '',
  ...(rooflineWorkloads.length
    ? [
        `The same workloads on the worker's CPU time (roofline run, median of its rounds; time the machine gave other jobs is not counted): ${rooflineWorkloads.join('; ')}.`,
        '',
      ]
    : []),
  ...(page
    ? [
        `The page training W1 with every view live (${page.seconds} s, ${page.frames} frames): median ${fmt(page.fpsMedian, 1)} fps, p95 frame ${fmt(page.frameMsP95, 1)} ms, max ${fmt(page.frameMsMax, 1)} ms; the page's worker ${fmt(page.pageStepsPerSecond)} steps/s against ${fmt(page.engineStepsPerSecond)} for the engine alone (${fmt(100 * page.pageOverEngine)} %).`,
        '',
      ]
    : []),
  'Targets (issue 6):',
  '',
  ...checkRows,
].join('\n');

const latest = { date: peers.date, machine: lscpu, peers, native, roofline, page, checks };
writeFileSync(join(results, 'latest.json'), `${JSON.stringify(latest, null, 2)}\n`);

const docs = join(root, 'docs/benchmarks.md');
const BEGIN = '<!-- bench-report:begin (written by bench/bench-report.mjs) -->';
const END = '<!-- bench-report:end -->';
let text = readFileSync(docs, 'utf8');
const block = `${BEGIN}\n${section}\n${END}`;
if (text.includes(BEGIN) && text.includes(END)) {
  text = text.slice(0, text.indexOf(BEGIN)) + block + text.slice(text.indexOf(END) + END.length);
} else {
  text = text.replace(/^(# Benchmarks\n)/, `$1\n## Latest \`npm run bench\`\n\n${block}\n`);
}
writeFileSync(docs, text);
console.log(section);
