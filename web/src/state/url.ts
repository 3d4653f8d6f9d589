// The page's state in the URL hash and in local storage.
//
// Format: `#scene=<base64url of the scene's JSON>`, optionally followed by `&hide=<id>,<id>…`
// (the TF Playground controls a link asked to hide, kept for embedding). base64url is RFC 4648 §5
// without padding, over the UTF-8 bytes of JSON.stringify(scene); reading it back goes through
// loadScene (older formats migrated, then checkScene), so a hash round-trips exactly and a bad
// one is refused with the validation message. A hash in TensorFlow Playground's form
// (`#activation=tanh&…`) is imported by ./tfp-import.ts.
// Pure module apart from the Storage passed in.
import { loadScene } from '../model.ts';
import { SUPPLIED, type Scene } from '../scene/index.ts';
import { importTfpHash, isTfpHash, type TfpImport } from './tfp-import.ts';

/** What a link (and local storage) keeps: the scene and the controls to hide. */
export interface LinkState {
  scene: Scene;
  /** TF Playground control ids to hide (embedding; not acted on yet). */
  hide: string[];
}

/** What a hash holds. */
export type HashContents =
  { kind: 'none' } | ({ kind: 'scene' } & LinkState) | ({ kind: 'tfp' } & TfpImport);

export const STORAGE_KEY = 'nn-playground:last-scene';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Checks a scene as the page takes it: valid, and generated, naming a shipped dataset
 *  (data.dataset) or carrying its rows (data.rows). */
export function linkScene(input: unknown): Scene {
  const scene = loadScene(input);
  if (scene.data.name === SUPPLIED && !scene.data.dataset && !scene.data.rows) {
    throw new Error(
      'scene.data.rows: missing; this link was made from a file too large to travel in a link ' +
        '(or from rows outside the page): upload the file again, or use a generator or a ' +
        'shipped dataset (data.dataset)',
    );
  }
  return scene;
}

/**
 * Most numbers (features and targets, train and test) a scene's own rows may hold for a link to
 * carry them: about 40 kB of URL. A larger file's scene is linked without its rows, and opening
 * that link says the file must be uploaded again (linkScene); the page says so beside the upload.
 */
export const LINK_NUMBERS = 6000;

/** How many numbers a scene's own rows hold (0 without rows). */
export function rowNumbers(scene: Scene): number {
  const rows = scene.data.name === SUPPLIED ? scene.data.rows : undefined;
  if (!rows) return 0;
  return rows.x.length + rows.y.length + (rows.test ? rows.test.x.length + rows.test.y.length : 0);
}

/** The scene a link carries: its rows left out when there are more than LINK_NUMBERS. */
export function linkedScene(scene: Scene): Scene {
  if (scene.data.name !== SUPPLIED || rowNumbers(scene) <= LINK_NUMBERS) return scene;
  const data = { ...scene.data };
  delete data.rows;
  return { ...scene, data };
}

/** The hash (without '#') for a state. */
export function encodeHash(state: LinkState): string {
  const hash = `scene=${toBase64Url(JSON.stringify(linkedScene(state.scene)))}`;
  return state.hide.length > 0 ? `${hash}&hide=${state.hide.join(',')}` : hash;
}

/**
 * Reads a hash (with or without '#'). Throws an Error saying what is wrong: the scene's
 * validation message ("scene.optimizer.lr: expected …"), or why the hash cannot be read.
 */
export function decodeHash(hash: string): HashContents {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return { kind: 'none' };
  const pairs = new Map<string, string>();
  for (const pair of body.split('&')) {
    const at = pair.indexOf('=');
    pairs.set(at < 0 ? pair : pair.slice(0, at), at < 0 ? '' : pair.slice(at + 1));
  }
  const encoded = pairs.get('scene');
  if (encoded === undefined) {
    if (isTfpHash(body)) return { kind: 'tfp', ...importTfpHash(body) };
    throw new Error('The link holds no scene: expected #scene=… (or a TensorFlow Playground link)');
  }
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(encoded));
  } catch {
    throw new Error('The link\u2019s scene is damaged: #scene= is not base64url-encoded JSON');
  }
  const scene = linkScene(json);
  const hide = (pairs.get('hide') ?? '').split(',').filter((id) => /^[A-Za-z0-9]+$/.test(id));
  return { kind: 'scene', scene, hide };
}

/** Keeps the state in `storage` (quietly does nothing when storage is full or blocked). */
export function storeState(storage: Storage | undefined, state: LinkState): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify({ ...state, scene: linkedScene(state.scene) }));
  } catch {
    // Private mode or quota: the URL still has the scene.
  }
}

/** The stored state, or null when there is none; a corrupt one is ignored with a warning. */
export function restoreState(storage: Storage | undefined): LinkState | null {
  let text: string | null = null;
  try {
    text = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as { scene?: unknown; hide?: unknown };
    const hide = Array.isArray(value.hide)
      ? value.hide.filter((id): id is string => typeof id === 'string')
      : [];
    return { scene: linkScene(value.scene), hide };
  } catch (error) {
    console.warn(
      `Ignoring the scene kept from the last visit: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
}
