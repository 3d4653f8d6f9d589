// The single file's variants worker (vite.single.config.ts swaps it in for
// variants-worker-factory.ts): inlined in the page and started from a blob: URL, a classic
// worker, for the reason engine/worker-factory.single.ts gives. Its first message is the engine
// the page compiled (engine-handoff.ts).
import VariantsWorker from './variants-worker.ts?worker&inline';
import { withEngine } from '../../engine/engine-handoff.ts';

export function startVariantsWorker(): Worker {
  return withEngine(new VariantsWorker());
}
