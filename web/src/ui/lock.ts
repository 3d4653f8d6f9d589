// PROVISIONAL (element helper): the "embed" helper's ui/lock.ts replaces this file when merged;
// keep theirs. Locks the controls a link or an <nn-playground lock="…"> names: every element
// whose data-control attribute names one of the ids stays visible but takes no input (`inert`:
// no clicks, no focus, no typing). Like applyHidden: call again after a panel rebuilds.

const LOCKED_BY_LINK = 'locked-by-link';

export function applyLocked(ids: readonly string[], root: ParentNode): void {
  const wanted = new Set(ids);
  for (const element of root.querySelectorAll<HTMLElement>('[data-control]')) {
    const names = (element.dataset.control ?? '').split(/\s+/);
    const locked = names.some((name) => wanted.has(name));
    element.classList.toggle(LOCKED_BY_LINK, locked);
    element.inert = locked;
    if (locked) element.setAttribute('aria-disabled', 'true');
    else element.removeAttribute('aria-disabled');
  }
}
