// The HTML a lecturer pastes into a course page to embed the current scene: an iframe (for a
// learning-management system's editor, which allows iframes but not scripts) and the
// <nn-playground> element (for a page they build themselves). Pure: the page's addresses and
// the scene's link come in, HTML text goes out (ui/embed-code.ts shows and copies it).
import { encodeHash, type LinkState } from '../state/url.ts';

/** What the snippets embed: the scene, its hidden and locked controls, the compact view, and
 *  the host origins allowed to drive an iframe by postMessage. */
export interface EmbedChoice extends LinkState {
  lock: string[];
  embed: boolean;
  origins: string[];
}

/** Where the app lives: its page (index.html) and the element's script (nn-playground.js). */
export interface AppUrls {
  page: string;
  script: string;
}

/** The iframe's default size: the compact view's plot and diagram, or the full page's top. */
export const IFRAME_SIZE = {
  compact: { width: 560, height: 520 },
  full: { width: 1280, height: 800 },
} as const;

export const IFRAME_TITLE = 'nn-playground: a neural network learning, live';

/** `text` safe inside a double-quoted HTML attribute. */
export function attribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** The page's address without its hash, naming index.html when it ends in a folder. */
export function pageAddress(href: string): string {
  const url = new URL(href);
  url.hash = '';
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  return url.href;
}

/** `<iframe src="…index.html#scene=…&hide=…&lock=…&embed=1" …>`. */
export function iframeSnippet(urls: AppUrls, choice: EmbedChoice): string {
  const src = `${urls.page}#${encodeHash(choice)}`;
  const { width, height } = IFRAME_SIZE[choice.embed ? 'compact' : 'full'];
  return (
    `<iframe src="${attribute(src)}" width="${width}" height="${height}" ` +
    `title="${IFRAME_TITLE}" style="border: 0; max-width: 100%" loading="lazy"></iframe>`
  );
}

/** The element's script tag and the element, its scene as a link and the ids as attributes. */
export function elementSnippet(urls: AppUrls, choice: EmbedChoice): string {
  const link = `#${encodeHash({ scene: choice.scene, hide: [] })}`;
  const attributes = [`link="${attribute(link)}"`];
  if (choice.hide.length > 0) attributes.push(`hide="${attribute(choice.hide.join(','))}"`);
  if (choice.lock.length > 0) attributes.push(`lock="${attribute(choice.lock.join(','))}"`);
  if (choice.embed) attributes.push('compact');
  return (
    `<script type="module" src="${attribute(urls.script)}"></script>\n` +
    `<nn-playground ${attributes.join(' ')}></nn-playground>`
  );
}
