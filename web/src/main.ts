// The standalone page: the playground mounted into <body> (its markup is app/markup.html, which
// the build puts into index.html), its scene from the URL hash or local storage, and the URL
// following the scene (state/link-sync.ts). What only the page has: the service worker, the
// `&embed=1` compact view, the host page's postMessage API and the "Copy embed code" dialog.
import './style.css';
import 'uplot/dist/uPlot.min.css';
import { loadRulesOrSay, mountPlayground } from './app/mount.ts';
import { EmbedController } from './embed/controller.ts';
import { HostBridge } from './embed/host-bridge.ts';
import { pageAddress } from './embed/snippets.ts';
import { startedWorker } from './engine/client.ts';
import { installOffline } from './offline/offline-controls.ts';
import { LinkSync } from './state/link-sync.ts';
import { showCompact } from './ui/compact-view.ts';
import { byId } from './ui/dom.ts';
import { EmbedCodeDialog } from './ui/embed-code.ts';

// The module runs: public/startup-check.js, the page's first script, stops waiting for it.
document.documentElement.dataset.started = 'true';

// The worker starts loading the engine now, while the page loads the rules (engine-ready sooner).
const worker = startedWorker();
// Every scene (the link's first) is checked by the engine's rules: load them before reading it.
await loadRulesOrSay(document.body);
const link = new LinkSync();
const { store } = mountPlayground(document.body, link.initial(), worker, location.href);
link.follow(store);

// The service worker (offline use, the new-version notice): the standalone page's, not a mount's.
// The single file (file://) has no service worker; the build drops this code from it. Registered
// once the engine is ready, so its precache (both engines, ~1.7 MB) never slows the first load.
if (!import.meta.env.SINGLE_FILE) {
  const stop = store.subscribe((state) => {
    if (state.engine !== 'ready') return;
    stop();
    installOffline(document);
  });
}

// Embedding (issue 13, docs/embedding.md): `&embed=1` shows the compact view with a link to the
// full page, `&origins=` lets those host pages drive the page.
if (link.embed) showCompact(document.documentElement, document, store, location.href);
HostBridge.start(window, link.origins, new EmbedController(store));
const page = pageAddress(location.href);
const urls = { page, script: new URL('nn-playground.js', page).href };
new EmbedCodeDialog(
  byId(document, 'embed-code', HTMLButtonElement),
  document.body,
  document,
  store,
  urls,
);
