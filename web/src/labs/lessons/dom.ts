// Small DOM helpers for the lessons' views.

/** A new element with a class and, optionally, its text. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A link to `hash` with this text. */
export function link(hash: string, text: string, className = ''): HTMLAnchorElement {
  const anchor = element('a', className, text);
  anchor.href = hash;
  return anchor;
}
