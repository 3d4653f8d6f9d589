// Hides the controls a link asks to hide (`&hide=id,id…`, or TF Playground's `<id>_hide=true`):
// every element whose data-control attribute names one of the ids. TF's hidable ids
// (playButton, learningRate, dataset, …) are the page's own data-control ids, so a lecturer's TF
// link keeps its classroom setup; "text" (TF's hideText) hides the masthead and the explanations.
// Elements are hidden with the `hidden` attribute only when the link asked: a later scene without
// the id shows them again.

const HIDDEN_BY_LINK = 'hiddenByLink';

export function applyHidden(ids: readonly string[], root: ParentNode = document): void {
  const wanted = new Set(ids);
  for (const element of root.querySelectorAll<HTMLElement>('[data-control]')) {
    const names = (element.dataset.control ?? '').split(/\s+/);
    const hide = names.some((name) => wanted.has(name));
    if (hide && !element.hidden) {
      element.hidden = true;
      element.dataset[HIDDEN_BY_LINK] = 'true';
    } else if (!hide && element.dataset[HIDDEN_BY_LINK]) {
      element.hidden = false;
      delete element.dataset[HIDDEN_BY_LINK];
    }
  }
}
