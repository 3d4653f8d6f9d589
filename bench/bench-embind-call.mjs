// What one Embind call costs (ns), under Node 20's V8, for each glue named on the command line
// (default: the page's, web/src/wasm/core.mjs), all on the same core.wasm. Written for issue 13:
// -sDYNAMIC_EXECUTION=0 (a strict CSP) replaces Embind's generated invokers with generic ones.
//   node bench/bench-embind-call.mjs [glue.mjs ...]
// Each glue runs in its own process (a fresh V8), alternating, three times; prints JSON lines.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

if (process.env.EMBIND_CALL_GLUE) {
  const wasmBinary = readFileSync(`${root}/web/src/wasm/core.wasm`);
  const w1 = JSON.parse(readFileSync(`${root}/bench/workloads/workloads.json`, 'utf8')).W1;
  const config = {
    seed: 1,
    data: { name: 'circle', samples: 500, noise: 0, trainFraction: 0.5 },
    ...w1.spec,
    training: { batchSize: w1.batch },
  };
  const { default: createCore } = await import(pathToFileURL(process.env.EMBIND_CALL_GLUE).href);
  const core = await createCore({ wasmBinary });
  const trainer = new core.Trainer(config);
  const perCall = (n, f) => {
    for (let i = 0; i < n / 10; i++) f(); // warm-up: V8 tiers the invoker up
    const start = performance.now();
    for (let i = 0; i < n; i++) f();
    return Math.round(((performance.now() - start) * 1e6) / n);
  };
  const ns = {
    'learningRate()': perCall(2e6, () => trainer.learningRate()),
    'progress()': perCall(2e5, () => trainer.progress()),
    'run(1)': perCall(2e5, () => trainer.run(1)),
  };
  trainer.delete();
  console.log(JSON.stringify({ glue: process.env.EMBIND_CALL_GLUE, ns }));
} else {
  const glues = process.argv.slice(2).map((g) => resolve(g));
  if (glues.length === 0) glues.push(`${root}/web/src/wasm/core.mjs`);
  for (let round = 0; round < 3; round++) {
    for (const glue of glues) {
      const env = { ...process.env, EMBIND_CALL_GLUE: glue };
      process.stdout.write(
        execFileSync(process.execPath, [fileURLToPath(import.meta.url)], { env }),
      );
    }
  }
}
