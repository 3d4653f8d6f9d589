// <nn-playground>: the playground as a custom element for course pages, one script
// (dist/nn-playground.js) that finds its chunks, worker, wasm and datasets beside itself. Each
// element is a whole playground (app/mount.ts) in an open shadow root, so the page's CSS does not
// reach in and ours does not leak out; several on a page train independently, one worker each.
// Attributes (read when the element is connected): src, link, hide, lock, autoplay, pace,
// height, compact, offscreen — element/config.ts; docs/embedding.md for lecturers.
import markup from '../app/markup.html?raw';
import { loadRulesOrSay, mountPlayground, type Playground } from '../app/mount.ts';
import { EmbedController } from '../embed/controller.ts';
import { startedWorker } from '../engine/client.ts';
import { setDataFolder } from '../engine/shipped-source.ts';
import { showCompact } from '../ui/compact-view.ts';
import { readConfig, type ElementConfig } from './config.ts';
import { playgroundSheets } from './styles.ts';

/** The folder of this script (dist/): its datasets, and the full page a compact element links to,
 *  are beside it, not beside the course page. */
const SCRIPT_FOLDER = new URL(/* @vite-ignore */ './', import.meta.url);
setDataFolder(new URL('data/', SCRIPT_FOLDER));

export class NnPlaygroundElement extends HTMLElement {
  /** The iframe's message API as methods (embed/controller.ts: play(), pause(), step(), reset(),
   *  loadScene(scene), setHyperparameters(values), metrics(), scene()); null until the engine's
   *  rules have loaded. Its events reach the page as `nnp-ready`, `nnp-epoch-end`,
   *  `nnp-early-stopped` and `nnp-diverged` CustomEvents on the element (detail: the event). */
  controller: EmbedController | null = null;
  private playground: Playground | null = null;
  private visibility: IntersectionObserver | null = null;
  private disconnected = false;

  connectedCallback(): void {
    this.disconnected = false;
    if (this.shadowRoot) return; // Moved within the page: it keeps running.
    void this.start(this.attachShadow({ mode: 'open' }));
  }

  disconnectedCallback(): void {
    // A move is a disconnect then a connect in the same task; only a real removal stops it.
    this.disconnected = true;
    queueMicrotask(() => {
      if (!this.disconnected || this.isConnected) return;
      this.visibility?.disconnect();
      this.playground?.dispose();
    });
  }

  private async start(shadow: ShadowRoot): Promise<void> {
    shadow.adoptedStyleSheets = playgroundSheets();
    const app = document.createElement('div');
    app.className = 'app';
    app.dataset.engine = 'loading';
    // Clicks on text or the plot focus the playground, so its keyboard shortcuts act.
    app.tabIndex = -1;
    // Our own markup file (no user input): parsed inert, then moved in.
    app.append(...new DOMParser().parseFromString(markup, 'text/html').body.childNodes);
    shadow.append(app);
    const height = this.getAttribute('height');
    if (height) this.style.height = /^\d+$/.test(height) ? `${height}px` : height;

    // Its worker starts now, while the rules and the configuration load.
    const worker = startedWorker();
    try {
      await loadRulesOrSay(app);
    } catch {
      worker().terminate();
      return; // The banner says why.
    }
    const config = await readConfig(this);
    // Its links (Copy link, the QR code, the compact view's) open index.html beside this script.
    const fullPage = new URL('index.html', SCRIPT_FOLDER);
    const playground = mountPlayground(
      app,
      {
        scene: config.scene,
        hidden: config.hide,
        locked: config.lock,
        error: config.problems.length > 0 ? config.problems.join(' ') : null,
      },
      worker,
      fullPage,
    );
    this.playground = playground;
    const { store } = playground;
    if (config.compact) showCompact(app, app, store, fullPage);
    // "Copy embed code" describes the standalone page; a course page's element has no use for it
    // (the rest of the share row serves a lecturer there too: the files, the link, the QR code).
    app.querySelector('[data-control~="embedCode"]')?.setAttribute('hidden', '');
    this.controller = new EmbedController(store);
    this.controller.watch((event) => {
      const name = `nnp-${event.type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      this.dispatchEvent(new CustomEvent(name, { detail: event }));
    });
    if (config.pace !== undefined) playground.controls.setPace(config.pace);
    if (config.autoplay) playWhenReady(playground);
    this.visibility = watchVisibility(this, playground, config);
  }
}

/** Plays once the engine first answers (the run buttons wait for it too). */
function playWhenReady({ store }: Playground): void {
  const play = () => store.apply({ type: 'command', command: 'play' });
  if (store.state.engine === 'ready') {
    play();
    return;
  }
  const stop = store.subscribe((state) => {
    if (state.engine !== 'ready') return;
    stop();
    play();
  });
}

/** Off screen the element stops drawing; with offscreen="pause" it also pauses training, and
 *  plays again when back if it was playing. */
function watchVisibility(
  host: HTMLElement,
  { store, setVisible }: Playground,
  config: ElementConfig,
): IntersectionObserver {
  let visible = true;
  let resume = false;
  const pauseOffscreen = () => {
    if (config.offscreen !== 'pause' || visible || !store.state.playing) return;
    resume = true;
    store.apply({ type: 'command', command: 'pause' });
  };
  // Also a run that starts off screen (autoplay below the fold).
  store.subscribe(pauseOffscreen);
  const observer = new IntersectionObserver((entries) => {
    visible = entries.at(-1)?.isIntersecting ?? visible;
    setVisible(visible);
    pauseOffscreen();
    if (visible && resume) {
      resume = false;
      store.apply({ type: 'command', command: 'play' });
    }
  });
  observer.observe(host);
  return observer;
}

if (!customElements.get('nn-playground')) {
  customElements.define('nn-playground', NnPlaygroundElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-playground': NnPlaygroundElement;
  }
}
