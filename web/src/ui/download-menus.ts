// The "Download" menus on the plot, the network and the charts (app/markup.html): disclosures
// (<details>: Enter or Space opens one, Escape closes it) whose buttons save the pictures and the
// CSV files (docs/exports.md). Only this part loads with the page: a menu's contents
// (./download-items.ts) load when it first opens. Every menu carries data-control="download",
// so a link may hide or lock them all (ui/hide.ts, ui/lock.ts).
import type { DownloadSources } from './download-items.ts';

export type { DownloadSources } from './download-items.ts';

export function installDownloadMenus(root: ParentNode, sources: DownloadSources): void {
  for (const menu of root.querySelectorAll<HTMLDetailsElement>('details.download-menu')) {
    const summary = menu.querySelector('summary');
    const fill = () => {
      if (!menu.open) return;
      menu.removeEventListener('toggle', fill);
      import('./download-items.ts')
        .then(({ fillMenu }) => fillMenu(menu, sources))
        .catch((error: unknown) => {
          const why = error instanceof Error ? error.message : String(error);
          menu.append(`The downloads could not load (${why}): reload the page to try again.`);
        });
    };
    menu.addEventListener('toggle', fill);
    menu.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !menu.open) return;
      menu.open = false;
      summary?.focus();
    });
  }
}
