// The compact view (`&embed=1`, and the <nn-playground> element's `compact` attribute): the plot,
// Play/Pause, Step and Reset, and the network diagram, for a narrow column and a short iframe,
// as TensorFlow Playground's embedded look. Styles only (styles/compact.css, keyed on
// data-layout="compact" on the app's top container, which may sit in a shadow root); the one
// element added is the link to the same scene in the full page, in a new tab.
import type { Store } from '../state/store.ts';

export const FULL_LINK_TEXT = 'Open full playground ↗';

/**
 * Shows the app under `container` compact, with the full-page link beside the run buttons of
 * `root`; `fullUrl` is the full page's address for the store's current state (followed on
 * every change).
 */
export function showCompact(
  container: HTMLElement,
  root: ParentNode,
  store: Store,
  fullUrl: () => string,
): void {
  container.dataset.layout = 'compact';
  const link = document.createElement('a');
  link.className = 'full-link';
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = FULL_LINK_TEXT;
  link.href = fullUrl();
  root.querySelector('.run-buttons')?.after(link);
  store.subscribe((state, _change, previous) => {
    const moved = state.hidden !== previous.hidden || state.locked !== previous.locked;
    if (state.scene !== previous.scene || moved) link.href = fullUrl();
  });
}
