// Writes web/src/scene/engine-catalogue.json from the built engine (web/src/wasm/core-tools.mjs +
// core-tools.wasm: the page's engine plus the catalogue's export): the catalogue of names,
// arguments, defaults, ranges and limits the page reads synchronously. scripts/build-wasm.sh runs it
// after every build; web/test/catalogue.test.ts checks that the committed file equals what the
// engine returns.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = fileURLToPath(new URL('..', import.meta.url));
const { default: createCore } = await import(join(root, 'web/src/wasm/core-tools.mjs'));
const core = await createCore({
  wasmBinary: readFileSync(join(root, 'web/src/wasm/core-tools.wasm')),
});
const file = join(root, 'web/src/scene/engine-catalogue.json');
// Formatted as `prettier --check` wants it.
const options = { ...(await prettier.resolveConfig(file)), parser: 'json' };
const text = await prettier.format(JSON.stringify(core.catalogue()), options);
let old = '';
try {
  old = readFileSync(file, 'utf8');
} catch {
  // a first run
}
if (text !== old) {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
