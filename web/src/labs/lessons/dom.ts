// Small DOM helpers for the lessons' views.
import { element } from '../../ui/dom.ts';

/** A link to `hash` with this text. */
export function link(hash: string, text: string, className = ''): HTMLAnchorElement {
  const anchor = element('a', className, text);
  anchor.href = hash;
  return anchor;
}
