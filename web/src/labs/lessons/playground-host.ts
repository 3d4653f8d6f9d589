// A playground mounted beside a lesson: as the <nn-playground> element does, in an open shadow
// root with the page's styles adopted, so the lesson's own CSS and the playground's stay apart.
import markup from '../../app/markup.html?raw';
import { loadRulesOrSay, mountPlayground, type Playground } from '../../app/mount.ts';
import type { WorkerFactory } from '../../engine/client.ts';
import { playgroundSheets } from '../../element/styles.ts';
import type { Scene } from '../../scene/index.ts';

/** Mounts a playground running `scene` into `host`; null if the engine could not load (its
 *  banner then says why). */
export async function hostPlayground(
  host: HTMLElement,
  scene: Scene,
  worker: WorkerFactory,
): Promise<Playground | null> {
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = playgroundSheets();
  const app = document.createElement('div');
  app.className = 'app';
  app.dataset.engine = 'loading';
  app.tabIndex = -1;
  // Our own markup file (no user input): parsed inert, then moved in.
  app.append(...new DOMParser().parseFromString(markup, 'text/html').body.childNodes);
  shadow.append(app);
  try {
    await loadRulesOrSay(app);
  } catch {
    return null;
  }
  // Copy link and the QR code open the full playground with the current scene.
  const page = new URL(location.pathname, location.href);
  const playground = mountPlayground(app, { scene }, worker, page);
  // "Copy embed code" describes the standalone page, not a lesson.
  app.querySelector('[data-control~="embedCode"]')?.setAttribute('hidden', '');
  return playground;
}
