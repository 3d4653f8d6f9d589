// The page's link: the URL hash (and the tab's session and local storage) follow the store's scene, hidden and locked
// controls, and back, forward or an edited hash load the scene it holds. The link's embedding
// options (the compact view, the host origins) are read once, when the page opens, and written
// back with every scene. Embedded (&embed=1, or in any frame), the page neither keeps its scene
// in local storage (the host's page is not the student's playground) nor adds history entries
// (an iframe's entries would take over the host page's Back button).
import { defaultScene } from '../scene/index.ts';
import type { Note, PageState, Store } from './store.ts';
import { decodeHash, encodeHash, restoreState, storeState, type LinkState } from './url.ts';

/** What a hash holds: nothing, a scene (with the controls to hide and lock, the embedding
 *  options and any note on what differs or was ignored), or a bad one with its message. */
type Link =
  | { kind: 'none' }
  | {
      kind: 'scene';
      scene: PageState['scene'];
      hidden: string[];
      locked: string[];
      embed: boolean;
      origins: string[];
      note: Note | null;
    }
  | { kind: 'bad'; message: string };

function readLink(hash: string): Link {
  try {
    const contents = decodeHash(hash);
    if (contents.kind === 'none') return contents;
    if (contents.kind === 'scene') {
      const { scene, hide, lock = [], embed = false, origins = [], ignored = [] } = contents;
      const note =
        ignored.length > 0
          ? { title: 'Parts of this link were ignored:', lines: ignored.map((text) => `${text}.`) }
          : null;
      return { kind: 'scene', scene, hidden: hide, locked: lock, embed, origins, note };
    }
    const note = {
      title: 'Opened a TensorFlow Playground link. What differs here:',
      lines: [
        ...contents.differences,
        ...contents.ignored.map((text) => `Ignored from the link: ${text}.`),
      ],
    };
    const options = { locked: [], embed: false, origins: [] };
    return { kind: 'scene', scene: contents.scene, hidden: contents.hide, ...options, note };
  } catch (error) {
    return { kind: 'bad', message: error instanceof Error ? error.message : String(error) };
  }
}

/** The window's local or session storage, or nothing where it is blocked (reading it throws). */
function storageOrNothing(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return window[kind];
  } catch {
    return undefined;
  }
}

export class LinkSync {
  /** The last scene of any tab: what a new tab opens without a link. */
  private readonly storage = storageOrNothing('localStorage');
  /** This tab's own last scene (it survives a reload, not the tab): two tabs reloaded without a
   *  hash each get their own back, whichever changed last. */
  private readonly tabStorage = storageOrNothing('sessionStorage');
  /** The hash (without '#') that holds the current scene: a hash event for it changes nothing. */
  private shownHash = '';
  /** The page opened with a link it could read (it is rewritten in our form). */
  private readonly opened: Link;
  /** The compact view (&embed=1), as the page opened. */
  readonly embed: boolean;
  /** Shown inside another page (&embed=1, or a frame): no history entries, no local storage. */
  private readonly embedded: boolean;
  /** The host origins allowed to drive the page by postMessage (&origins=), as it opened. */
  readonly origins: readonly string[];

  constructor() {
    this.opened = readLink(location.hash);
    this.embed = this.opened.kind === 'scene' && this.opened.embed;
    this.embedded = this.embed || window.parent !== window;
    this.origins = this.opened.kind === 'scene' ? this.opened.origins : [];
  }

  /** The first state's parts: the URL's scene, else the last one kept in local storage, else
   *  the default; a bad link's message shows, a TF Playground link's note too. */
  initial(): Pick<PageState, 'scene' | 'hidden' | 'locked' | 'error' | 'note'> {
    const opened = this.opened;
    const error = opened.kind === 'bad' ? opened.message : null;
    if (opened.kind === 'scene') {
      const { scene, hidden, locked, note } = opened;
      return { scene, hidden, locked, error, note };
    }
    const kept = restoreState(this.tabStorage) ??
      restoreState(this.storage) ?? { scene: defaultScene(), hide: [] };
    return { scene: kept.scene, hidden: kept.hide, locked: [], error, note: null };
  }

  /** The link (hash without '#') for `state` with these embedding options. */
  static hashOf(state: PageState, options: { embed: boolean; origins: readonly string[] }): string {
    const link: LinkState = {
      scene: state.scene,
      hide: [...state.hidden],
      lock: [...state.locked],
      embed: options.embed,
      origins: [...options.origins],
    };
    return encodeHash(link);
  }

  /** The link to `state` in the full page at `page` (an address; its hash is replaced): the
   *  scene, hidden and locked controls, neither the compact view nor the host origins. What
   *  Copy link, the QR code and the compact view's full-page link give. */
  static pageLink(state: PageState, page: string | URL): string {
    return new URL(`#${LinkSync.hashOf(state, { embed: false, origins: [] })}`, page).href;
  }

  /** Starts following `store` (and the browser's history). */
  follow(store: Store): void {
    // An empty or TF Playground hash is rewritten to ours; a bad one is left for the user to see.
    if (this.opened.kind === 'scene' || location.hash.length <= 1)
      this.commit(store.state, 'replace');
    else this.keep(store.state);
    store.subscribe((state, change) => {
      // A user's change (an opened model too) makes a history entry; a link's scene is already
      // the URL's.
      if (change.type === 'scene' || change.type === 'model') this.commit(state, 'push');
      else if (change.type === 'link') this.commit(state, 'replace');
    });
    const followHash = () => this.followHash(store);
    addEventListener('popstate', followHash);
    addEventListener('hashchange', followHash);
  }

  /** Back, forward, or an edited hash: load the scene it holds (a bad one keeps the current). */
  private followHash(store: Store): void {
    const hash = location.hash.slice(1);
    if (hash === this.shownHash) return;
    this.shownHash = hash;
    const link = readLink(hash);
    if (link.kind === 'bad') store.apply({ type: 'refused', message: link.message });
    else if (link.kind === 'scene') {
      const { scene, hidden, locked, note } = link;
      store.apply({ type: 'link', scene, hidden, locked, note });
    }
  }

  /** Writes the scene to the URL (a history entry for a user's change, none for a transient
   *  one) and keeps it in local storage. */
  private commit(state: PageState, mode: 'push' | 'replace'): void {
    const hash = LinkSync.hashOf(state, this);
    this.shownHash = hash;
    if (location.hash.slice(1) !== hash) {
      if (mode === 'push' && !this.embedded) history.pushState(null, '', `#${hash}`);
      else history.replaceState(null, '', `#${hash}`);
    }
    this.keep(state);
  }

  private keep(state: PageState): void {
    if (this.embedded) return;
    const kept = { scene: state.scene, hide: [...state.hidden] };
    storeState(this.tabStorage, kept);
    storeState(this.storage, kept);
  }
}
