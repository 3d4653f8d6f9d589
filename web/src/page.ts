// The standalone page (main.ts imports it once the worker has started): the playground mounted
// into <body> (its markup is app/markup.html, which the build puts into index.html), its scene
// from the URL hash or local storage, and the URL following the scene (state/link-sync.ts). What
// only the page has: the service worker, the `&embed=1` compact view, the host page's postMessage
// API and the "Copy embed code" dialog.
import { loadRulesOrSay, mountPlayground } from './app/mount.ts';
import { EmbedController } from './embed/controller.ts';
import { HostBridge } from './embed/host-bridge.ts';
import { labIdOf } from './labs/lab-hash.ts';
import type { WorkerFactory } from './engine/client.ts';
import { LinkSync } from './state/link-sync.ts';
import { showCompact } from './ui/compact-view.ts';
import { byId } from './ui/dom.ts';

function labsLink(): HTMLAnchorElement {
  const a = document.createElement('a');
  a.className = 'labs-link';
  a.href = '#lab=';
  a.textContent = 'Labs and lessons →';
  return a;
}

/** Mounts the page's playground on `worker` (a worker already started). */
export async function startPage(worker: WorkerFactory): Promise<void> {
  // Every scene (the link's first) is checked by the engine's rules: load them before reading it.
  // Until then the page's panels are not laid out (index.html's data-mounting, style.css): laying
  // out and painting the empty markup while the engine compiles delayed the first frame.
  try {
    await loadRulesOrSay(document.body);
  } finally {
    delete document.body.dataset.mounting;
  }
  const link = new LinkSync();
  const { store, firstFrame } = mountPlayground(
    document.body,
    link.initial(),
    worker,
    location.href,
  );
  // A lab's link (the tagline's, back to one, an edited hash) is another page: load it as one,
  // before the link's own listener reads the hash as a scene.
  addEventListener('hashchange', (event) => {
    if (labIdOf(location.hash) === null) return;
    event.stopImmediatePropagation();
    location.reload();
  });
  link.follow(store);

  // The service worker (offline use, the new-version notice): the standalone page's, not a mount's.
  // The single file (file://) has no service worker; the build drops this code from it. Registered
  // once the engine's first frame is drawn, so neither its precache (both engines, ~1.7 MB) nor
  // its start slows the first load.
  if (!import.meta.env.SINGLE_FILE) {
    void firstFrame
      .then(() => import('./offline/offline-controls.ts'))
      .then(({ installOffline }) => installOffline(document));
  }

  // The labs and lessons (web/src/labs, `#lab=`): the standalone page links to them from its
  // tagline; an embedded page or an element (whose links would leave the course page) does not.
  if (!link.embed) document.querySelector('.tagline')?.append(' ', labsLink());

  // Embedding (issue 13, docs/embedding.md): `&embed=1` shows the compact view with a link to the
  // full page, `&origins=` lets those host pages drive the page.
  if (link.embed) showCompact(document.documentElement, document, store, location.href);
  HostBridge.start(window, link.origins, new EmbedController(store));
  // Copy embed code: the dialog's code loads with the first click, not with the page.
  const button = byId(document, 'embed-code', HTMLButtonElement);
  const openDialog = async () => {
    const [{ EmbedCodeDialog }, { pageAddress }] = await Promise.all([
      import('./ui/embed-code.ts'),
      import('./embed/snippets.ts'),
    ]);
    const page = pageAddress(location.href);
    const urls = { page, script: new URL('nn-playground.js', page).href };
    new EmbedCodeDialog(button, document.body, document, store, urls).open();
  };
  button.addEventListener('click', () => void openDialog(), { once: true });
}
