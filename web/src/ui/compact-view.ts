// The compact view (`&embed=1`, and the <nn-playground> element's `compact` attribute): the plot,
// Play/Pause, Step and Reset, and the network diagram, for a narrow column and a short iframe,
// as TensorFlow Playground's embedded look. Mostly styles (styles/compact.css, keyed on
// data-layout="compact" on the app's top container, which may sit in a shadow root); here the
// link to the same scene in the full page (in a new tab), and the diagram's scale: as large as
// its panel's width and the plot's height allow, never larger than drawn.
import { LinkSync } from '../state/link-sync.ts';
import type { Store } from '../state/store.ts';

export const FULL_LINK_TEXT = 'Open full playground ↗';

/**
 * Shows the app under `container` compact, with the full-page link beside the run buttons of
 * `root`: `page` (the full page's address) with the store's current scene, hidden and locked
 * controls, but neither the compact view nor the host origins (followed on
 * every change).
 */
export function showCompact(
  container: HTMLElement,
  root: ParentNode,
  store: Store,
  page: string | URL,
): void {
  container.dataset.layout = 'compact';
  const link = document.createElement('a');
  link.className = 'full-link';
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = FULL_LINK_TEXT;
  const fullUrl = () => LinkSync.pageLink(store.state, page);
  link.href = fullUrl();
  root.querySelector('.run-buttons')?.after(link);
  const fit = () => fitDiagram(root);
  const observer = new ResizeObserver(fit);
  for (const selector of ['.net-body', '.net-surface', '#boundary']) {
    const element = root.querySelector(selector);
    if (element) observer.observe(element);
  }
  fit();
  store.subscribe((state, _change, previous) => {
    const moved = state.hidden !== previous.hidden || state.locked !== previous.locked;
    if (state.scene !== previous.scene || moved) link.href = fullUrl();
  });
}

/** Scales the network diagram (whose size network-view.ts sets in px) to fit its panel's width
 *  and, beside the plot, the plot's height. */
function fitDiagram(root: ParentNode): void {
  const diagram = root.querySelector<HTMLElement>('.net-diagram');
  const surface = diagram?.querySelector<HTMLElement>('.net-surface');
  const room = diagram?.closest('.net-body')?.clientWidth ?? 0;
  const plot = root.querySelector('#boundary')?.clientHeight ?? 0;
  const width = parseFloat(surface?.style.width ?? '');
  const height = parseFloat(surface?.style.height ?? '');
  if (!diagram || room <= 0 || !(width > 0 && height > 0)) return;
  const scale = Math.min(1, room / width, plot > 0 ? plot / height : 1);
  diagram.style.zoom = scale.toFixed(3);
}
