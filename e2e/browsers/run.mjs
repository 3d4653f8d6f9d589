// Runs the cross-browser smoke suite (run.ts) under Node. WebKit needs a display:
//   bash scripts/with-display.sh node e2e/browsers/run.mjs   (as npm test does)
// BROWSERS=firefox,webkit runs some engines only.
import { importTs } from './import-ts.mjs';

const { main } = await importTs(new URL('./run.ts', import.meta.url));
process.exitCode = await main();
