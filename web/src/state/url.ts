// The page's state in the URL hash and in local storage.
//
// Format: `#scene=<base64url of the scene's JSON>`, optionally followed by `&hide=<id>,<id>…`
// (the controls to hide), `&lock=<id>,<id>…` (shown but not editable), `&embed=1` (the compact
// view) and `&origins=<origin>,<origin>…` (the host pages allowed to drive it by postMessage):
// docs/embedding.md. A bad value among these is left out and named in `ignored`, never fatal:
// an embedded page must still show its scene. base64url is RFC 4648 §5
// without padding, over the UTF-8 bytes of JSON.stringify(scene); reading it back goes through
// loadScene (older formats migrated, then checkScene), so a hash round-trips exactly and a bad
// one is refused with the validation message. A hash in TensorFlow Playground's form
// (`#activation=tanh&…`) is imported by ./tfp-import.ts.
// Pure module apart from the Storage passed in.
import { loadScene } from '../model.ts';
import { SUPPLIED, type Scene } from '../scene/index.ts';
import { importTfpHash, isTfpHash, type TfpImport } from './tfp-import.ts';

/** How a link embeds the page; each is left out of a hash (and of local storage) when unset. */
export interface LinkOptions {
  /** data-control ids shown but not editable (ui/lock.ts). */
  lock?: string[];
  /** The compact view: plot, run buttons, network (styles/compact.css). */
  embed?: boolean;
  /** Host page origins allowed to drive the page by postMessage (embed/host-bridge.ts). */
  origins?: string[];
}

/** What a link (and local storage) keeps: the scene and the controls to hide, and a link's
 *  embedding options. */
export interface LinkState extends LinkOptions {
  scene: Scene;
  /** data-control ids to hide (ui/hide.ts); TF Playground's ids are the page's own. */
  hide: string[];
}

/** What a hash holds; `ignored` says what of a scene link was left out, and why. */
export type HashContents =
  | { kind: 'none' }
  | ({ kind: 'scene'; ignored?: string[] } & LinkState)
  | ({ kind: 'tfp' } & TfpImport);

/** The parameters a scene link may carry besides `scene`. */
const PARAMETERS = ['hide', 'lock', 'embed', 'origins'] as const;

export const STORAGE_KEY = 'nn-playground:last-scene';

export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Whether the page can run `scene` on its own: generated data, a shipped dataset
 *  (data.dataset) or its own rows (data.rows) — not rows of a file it no longer has. */
export function carriesData(scene: Scene): boolean {
  return scene.data.name !== SUPPLIED || scene.data.dataset !== undefined || !!scene.data.rows;
}

/** Checks a scene as the page takes it: valid, and generated, naming a shipped dataset
 *  (data.dataset) or carrying its rows (data.rows). */
export function linkScene(input: unknown): Scene {
  const scene = loadScene(input);
  if (!carriesData(scene)) {
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

/** The hash (without '#') for a state: the scene, then whichever options are set. */
export function encodeHash(state: LinkState): string {
  const parts = [`scene=${toBase64Url(JSON.stringify(linkedScene(state.scene)))}`];
  if (state.hide.length > 0) parts.push(`hide=${state.hide.join(',')}`);
  if (state.lock && state.lock.length > 0) parts.push(`lock=${state.lock.join(',')}`);
  if (state.embed) parts.push('embed=1');
  if (state.origins && state.origins.length > 0) parts.push(`origins=${state.origins.join(',')}`);
  return parts.join('&');
}

/** A data-control id: letters and digits (TF Playground's ids are camelCase). */
const CONTROL_ID = /^[A-Za-z0-9]+$/;

/** The control ids of a comma list, and a note for each item that is not one. */
function parseIds(name: string, list: string, ignored: string[]): string[] {
  const ids: string[] = [];
  for (const item of list.split(',')) {
    if (item === '') continue;
    if (CONTROL_ID.test(item)) ids.push(item);
    else ignored.push(`${name}: "${item}" is not a control id (letters and digits only)`);
  }
  return ids;
}

/** The origins of a comma list ("https://host[:port]", no path), and a note for each item that
 *  is not one. A trailing "/" is forgiven; "*" is refused: every host is named. */
export function parseOrigins(list: string, ignored: string[]): string[] {
  const origins: string[] = [];
  for (const item of list.split(',')) {
    if (item === '') continue;
    const origin = originOf(item);
    if (origin !== null) {
      if (!origins.includes(origin)) origins.push(origin);
    } else if (item === '*') {
      ignored.push(
        'origins: "*" would let any site drive the page; name each host page\u2019s origin',
      );
    } else {
      ignored.push(
        `origins: "${item}" is not an origin (expected e.g. https://moodle.example.edu)`,
      );
    }
  }
  return origins;
}

function originOf(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const bare = text.endsWith('/') ? text.slice(0, -1) : text;
  return url.origin === bare ? url.origin : null;
}

/** A parameter's value with %-escapes undone (a value that cannot be is kept as it is). */
function unescaped(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The options of a scene link's parameters (only those given); what cannot be read is left out
 *  and named in `ignored`. */
function parseOptions(pairs: Map<string, string>, ignored: string[]): LinkOptions {
  const options: LinkOptions = {};
  const lock = pairs.get('lock');
  if (lock !== undefined) options.lock = parseIds('lock', unescaped(lock), ignored);
  const embed = pairs.get('embed');
  if (embed === '1') options.embed = true;
  else if (embed !== undefined && embed !== '0') {
    ignored.push(`embed: expected 1 (the compact view) or 0, not "${unescaped(embed)}"`);
  }
  const origins = pairs.get('origins');
  if (origins !== undefined) options.origins = parseOrigins(unescaped(origins), ignored);
  for (const key of pairs.keys()) {
    if (key !== 'scene' && !(PARAMETERS as readonly string[]).includes(key)) {
      ignored.push(`"${key}" is not a link parameter (scene, ${PARAMETERS.join(', ')})`);
    }
  }
  return options;
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
  const ignored: string[] = [];
  const hide = parseIds('hide', unescaped(pairs.get('hide') ?? ''), ignored);
  const options = parseOptions(pairs, ignored);
  return { kind: 'scene', scene, hide, ...options, ...(ignored.length > 0 ? { ignored } : {}) };
}

/** Keeps the scene and the hidden controls in `storage` (quietly does nothing when storage is
 *  full or blocked). Not a link's embedding options: an exercise's locks and compact view must
 *  not follow a student to the plain page. */
export function storeState(storage: Storage | undefined, state: LinkState): void {
  try {
    const kept = { scene: linkedScene(state.scene), hide: state.hide };
    storage?.setItem(STORAGE_KEY, JSON.stringify(kept));
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
