// The standalone page's entry: before the page's own code (page.ts) is fetched and evaluated, it
// starts compiling the engine (once per page, for the scene rules and every worker: wasm.ts) and
// starts the worker, so that both run while the page's larger script loads, not after it
// (issue 13's ready budget, docs/benchmarks.md). The styles stay here, so the build links them
// from index.html.
import './style.css';
import 'uplot/dist/uPlot.min.css';
import { startedWorker } from './engine/client.ts';
import { engineModule } from './engine/wasm.ts';
import { createEngineWorker } from './engine/worker-factory.ts';
import { labIdOf } from './labs/lab-hash.ts';

// The module runs: public/startup-check.js, the page's first script, stops waiting for it.
document.documentElement.dataset.started = 'true';

// A failure is the rules' to report (page.ts), with the page's words.
engineModule().catch(() => {});
const lab = labIdOf(location.hash);
if (lab === null) {
  const worker = startedWorker();
  // The page's scene rules instantiate the engine as soon as it is compiled, while page.ts loads
  // (page.ts awaits the same load; a failure is reported there).
  void engineModule()
    .then(() => import('./engine/scene-rules.ts'))
    .then(({ loadSceneRules }) => loadSceneRules())
    .catch(() => {});
  const { startPage } = await import('./page.ts');
  await startPage(worker);
} else {
  // A lab's link (`#lab=…`, labs/lab-page.ts): its workers start when it asks for them.
  const { startLab } = await import('./labs/lab-page.ts');
  await startLab(lab, createEngineWorker);
}
