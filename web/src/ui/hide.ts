// Hides the controls a link asks to hide (`&hide=id,id…`, or TF Playground's `<id>_hide=true`):
// every element whose data-control attribute names one of the ids. TF's hidable ids
// (playButton, learningRate, dataset, …) are the page's own data-control ids, so a lecturer's TF
// link keeps its classroom setup; "text" (TF's hideText) hides the masthead and the explanations.
// A class, not the `hidden` attribute: panels show and hide their own fields by `hidden` as the
// scene changes, and a link's choice must outlast that. Call again after a panel rebuilds.

const HIDDEN_BY_LINK = 'hidden-by-link';

export function applyHidden(ids: readonly string[], root: ParentNode): void {
  const wanted = new Set(ids);
  for (const element of root.querySelectorAll<HTMLElement>('[data-control]')) {
    const names = (element.dataset.control ?? '').split(/\s+/);
    element.classList.toggle(
      HIDDEN_BY_LINK,
      names.some((name) => wanted.has(name)),
    );
  }
}
