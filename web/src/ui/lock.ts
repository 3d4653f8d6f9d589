// Locks the controls a link asks to lock (`&lock=id,id…`, the same data-control ids as
// `&hide=`): each stays visible, marked with a lock and "Locked for this exercise", but its
// inputs, buttons and selects are disabled. Like applyHidden, call again after a panel rebuilds
// its fields or enables its buttons (ui/page-views.ts); between calls, guardLocked stops any
// event a re-enabled control would still act on. A lecturer's host page may still drive a
// locked setting through the message API (embed/): the lock is on the student's hands.

const LOCKED = 'locked-by-link';
const MARK = 'lock-mark';
export const LOCKED_TITLE = 'Locked for this exercise';
/** Set on a field this module disabled, so unlocking re-enables only those. */
const DISABLED_BY_LOCK = 'data-lock-disabled';
const FIELDS = 'input, button, select, textarea';

function names(element: Element): string[] {
  return ((element as HTMLElement).dataset.control ?? '').split(/\s+/);
}

/** Locks every element whose data-control names one of `ids` and unlocks the rest. */
export function applyLocked(ids: readonly string[], root: ParentNode = document): void {
  const wanted = new Set(ids);
  for (const element of root.querySelectorAll<HTMLElement>('[data-control]')) {
    const locked = names(element).some((name) => wanted.has(name));
    // A control inside a locked one (a field in a locked group) is locked by its group.
    if (!locked && element.parentElement?.closest(`.${LOCKED}`)) continue;
    if (locked) lock(element);
    else if (element.classList.contains(LOCKED)) unlock(element);
  }
}

function fields(element: HTMLElement): HTMLElement[] {
  const inner = [...element.querySelectorAll<HTMLElement>(FIELDS)];
  return element.matches(FIELDS) ? [element, ...inner] : inner;
}

function lock(element: HTMLElement): void {
  element.classList.add(LOCKED);
  element.setAttribute('aria-disabled', 'true');
  element.title = LOCKED_TITLE;
  for (const field of fields(element)) {
    if (!(field as HTMLInputElement).disabled) {
      (field as HTMLInputElement).disabled = true;
      field.setAttribute(DISABLED_BY_LOCK, '');
    }
    field.setAttribute('aria-disabled', 'true');
  }
  if (!element.querySelector(`:scope > .${MARK}`)) element.append(lockMark());
}

function unlock(element: HTMLElement): void {
  element.classList.remove(LOCKED);
  element.removeAttribute('aria-disabled');
  if (element.title === LOCKED_TITLE) element.removeAttribute('title');
  for (const field of fields(element)) {
    field.removeAttribute('aria-disabled');
    if (field.hasAttribute(DISABLED_BY_LOCK)) {
      field.removeAttribute(DISABLED_BY_LOCK);
      (field as HTMLInputElement).disabled = false;
    }
  }
  element.querySelector(`:scope > .${MARK}`)?.remove();
}

/** A small padlock, drawn (not a glyph: fonts differ, and a data: image needs a looser CSP). */
function lockMark(): Element {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', MARK);
  svg.setAttribute('viewBox', '0 0 12 14');
  svg.setAttribute('aria-hidden', 'true');
  const shackle = document.createElementNS(svg.namespaceURI, 'path');
  shackle.setAttribute('d', 'M3.5 6V4a2.5 2.5 0 0 1 5 0v2');
  shackle.setAttribute('fill', 'none');
  shackle.setAttribute('stroke', 'currentColor');
  shackle.setAttribute('stroke-width', '1.6');
  const body = document.createElementNS(svg.namespaceURI, 'rect');
  for (const [name, value] of Object.entries({ x: 1.5, y: 6, width: 9, height: 7, rx: 1.5 })) {
    body.setAttribute(name, String(value));
  }
  body.setAttribute('fill', 'currentColor');
  svg.append(shackle, body);
  return svg;
}

/** True when `target` sits inside a locked control. */
export function isLocked(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(`.${LOCKED}`) !== null;
}

/** Stops, before any control hears it, every event that would change a locked control — a
 *  click, an input, a change, a key press — even if something re-enabled it since the last
 *  applyLocked. Installed once per root. */
export function guardLocked(root: Node): void {
  for (const type of ['click', 'input', 'change', 'keydown', 'pointerdown']) {
    root.addEventListener(
      type,
      (event) => {
        if (!isLocked(event.target)) return;
        if (event instanceof KeyboardEvent && event.key === 'Tab') return;
        event.preventDefault();
        event.stopImmediatePropagation();
      },
      { capture: true },
    );
  }
}
