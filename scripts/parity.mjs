// npm run parity -- FILE...   Replays PyTorch parity fixtures (format nn-playground/parity@1,
// see docs/parity.md) through the WebAssembly engine under Node, using only its public JS API:
// set parameters in torch's layout, step on the fixture's batches, read back loss, gradients and
// parameters. One line per fixture; exits non-zero naming the worst mismatch.
// Without arguments it checks every file in tests/fixtures/parity/.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

const root = fileURLToPath(new URL('..', import.meta.url));
// PARITY_MODULE=core-fma.wasm checks the relaxed-SIMD build (fused multiply-add in the products).
const wasm = process.env.PARITY_MODULE ?? 'core.wasm';
if (wasm !== 'core.wasm') setFlagsFromString('--experimental-wasm-relaxed-simd'); // Node 20
const { default: createCore } = await import(join(root, 'web/src/wasm/core.mjs'));
const core = await createCore({ wasmBinary: readFileSync(join(root, 'web/src/wasm', wasm)) });

const tolerance = (expected) => 1e-5 + 1e-4 * Math.abs(expected);

function compare(worst, fixture, quantity, got, expected) {
  if (got.length !== expected.length) {
    return {
      excess: Infinity,
      fixture,
      quantity,
      index: -1,
      got: got.length,
      expected: `${expected.length} values`,
    };
  }
  for (let i = 0; i < got.length; i++) {
    const excess = Number.isNaN(got[i])
      ? Infinity
      : Math.abs(got[i] - expected[i]) - tolerance(expected[i]);
    if (excess > worst.excess)
      worst = { excess, fixture, quantity, index: i, got: got[i], expected: expected[i] };
  }
  return worst;
}

function check(file) {
  const fx = JSON.parse(readFileSync(file, 'utf8'));
  if (fx.format !== 'nn-playground/parity@1')
    throw new Error(`${file}: format is ${fx.format}, expected nn-playground/parity@1`);
  const learner = new core.Learner(fx, 0);
  let worst = { excess: -Infinity, fixture: fx.name };
  try {
    for (const p of fx.parameters) learner.setParameter(p.name, p.data);
    const losses = [];
    fx.steps.forEach((step, s) => {
      const n = step.x.shape[0];
      const yCols = step.y.shape.length === 1 ? 1 : step.y.shape[1];
      losses.push(learner.computeGradients(step.x.data, n, step.y.data, yCols));
      if (s === 0) {
        for (const g of fx.expected.grads_first_step) {
          worst = compare(worst, fx.name, `grad ${g.name}`, learner.gradient(g.name), g.data);
        }
      }
      learner.applyUpdate();
    });
    worst = compare(worst, fx.name, 'loss', losses, fx.expected.loss);
    for (const p of fx.expected.parameters) {
      worst = compare(worst, fx.name, `parameter ${p.name}`, learner.parameter(p.name), p.data);
    }
  } finally {
    learner.delete();
  }
  return worst;
}

const args = process.argv.slice(2);
const dir = join(root, 'tests/fixtures/parity');
const files =
  args.length > 0
    ? args
    : readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(dir, f));
let overall = { excess: -Infinity };
let failed = 0;
for (const file of files) {
  let w;
  try {
    w = check(file);
  } catch (e) {
    w = {
      excess: Infinity,
      fixture: basename(file),
      quantity: 'error',
      index: -1,
      got: String(e.message ?? e),
      expected: '',
    };
  }
  const ok = w.excess <= 0;
  if (!ok) failed++;
  const detail = w.quantity
    ? `worst ${w.quantity}[${w.index}] got ${w.got} expected ${w.expected}`
    : 'no values';
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${w.fixture}  ${detail}`);
  if (w.excess > overall.excess) overall = w;
}
console.log(`${files.length - failed} passed, ${failed} failed`);
if (failed > 0) {
  console.error(
    `worst mismatch: fixture ${overall.fixture}, ${overall.quantity}, index ${overall.index}: got ${overall.got}, expected ${overall.expected}`,
  );
  process.exit(1);
}
