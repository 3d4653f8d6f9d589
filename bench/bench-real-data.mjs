// Trains digits and the Fashion-MNIST subset with the wasm engine under Node; prints JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runRealData } from './real_data.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { default: createCore } = await import(join(root, 'web/src/wasm/core.mjs'));
const core = await createCore({ wasmBinary: readFileSync(join(root, 'web/src/wasm/core.wasm')) });
const results = await runRealData(core, async (file) =>
  readFileSync(join(root, 'web/public/data', file)),
);
console.log(JSON.stringify({ runtime: `Node ${process.version}`, results }, null, 2));
if (results.some((r) => !r.met)) process.exitCode = 1;
