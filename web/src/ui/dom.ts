/** The element with `id` inside `root` (the document, or an <nn-playground>'s shadow root: ids
 *  repeat across playgrounds on one page, so every lookup is scoped), checked to be of type
 *  `kind`; throws if the root lacks it. */
export function byId<T extends HTMLElement>(
  root: ParentNode,
  id: string,
  kind: { new (): T; prototype: T },
): T {
  const element = root.querySelector(`#${CSS.escape(id)}`);
  if (!(element instanceof kind)) throw new Error(`page is missing <${kind.name} id="${id}">`);
  return element;
}

/** Sets the text of `element` only if it differs: writing even the same text replaces the text
 *  node, which makes the page lay it out and paint it again (many times a second while training). */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** Sets data-`key` (or removes it, for undefined) only if it differs: like a text write, an
 *  attribute write restyles the page even when the value is the same. */
export function setData(element: HTMLElement, key: string, value: string | undefined): void {
  if (element.dataset[key] === value) return;
  if (value === undefined) delete element.dataset[key];
  else element.dataset[key] = value;
}

/** A new element with a class (none for '') and, optionally, its text. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== '') node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
