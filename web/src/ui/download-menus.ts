// The "Download" menus on the plot, the network, the charts and the confusion matrix: a
// disclosure (<details>, opened with Enter or Space, closed with Escape) of buttons, one per
// file (export/files.ts). Every menu carries data-control="download", so a link may hide or
// lock them all (ui/hide.ts, ui/lock.ts). A file that cannot be made yet says why in the menu.
import type { EngineClient } from '../engine/client.ts';
import {
  boundaryPicture,
  networkPicture,
  saveConfusion,
  saveHistory,
  savePicture,
  savePredictions,
  trainingChartPicture,
  type PictureFormat,
} from '../export/files.ts';
import type { Picture } from '../export/pictures/picture.ts';
import type { BoundaryView } from '../render/boundary.ts';
import type { NetworkView } from '../render/network-view.ts';
import type { ProgressPanel } from '../render/progress-panel.ts';
import type { ChartName } from '../render/training-charts.ts';
import { byId } from './dom.ts';

export interface DownloadSources {
  boundary: BoundaryView;
  network: NetworkView;
  progress: ProgressPanel;
  client: EngineClient;
}

interface Item {
  /** The button's text, and data-file (the tests find buttons by it). */
  label: string;
  file: string;
  /** Makes and saves the file; a string is why it cannot be made now. */
  save: () => Promise<string | undefined> | string | undefined;
}

const NOT_DRAWN = 'Not drawn yet: scroll to the chart and let it draw first.';

function pictureItems(what: string, file: string, picture: () => Picture | null): Item[] {
  return (['png', 'svg'] as PictureFormat[]).map((format) => ({
    label: `${what} (${format.toUpperCase()})`,
    file: `${file}.${format}`,
    save: async () => {
      const made = picture();
      if (!made) return NOT_DRAWN;
      await savePicture(made, format);
      return undefined;
    },
  }));
}

function chartItems(progress: ProgressPanel, name: ChartName, what: string): Item[] {
  return pictureItems(what, `${name}-chart`, () => trainingChartPicture(progress.charts, name));
}

/** Fills the menus of `root`'s markup (app/markup.html: the empty #…-download elements). */
export function installDownloadMenus(root: ParentNode, sources: DownloadSources): void {
  const { boundary, network, progress, client } = sources;
  fill(byId(root, 'plot-download', HTMLDetailsElement), [
    ...pictureItems('Decision boundary', 'decision-boundary', () => boundaryPicture(boundary)),
    {
      label: 'Test-set predictions (CSV)',
      file: 'test-predictions.csv',
      save: async () => {
        await savePredictions(client);
        return undefined;
      },
    },
  ]);
  fill(byId(root, 'network-download', HTMLDetailsElement), [
    ...pictureItems('Network diagram', 'network', () => networkPicture(network)),
  ]);
  fill(byId(root, 'charts-download', HTMLDetailsElement), [
    ...chartItems(progress, 'loss', 'Loss chart'),
    ...chartItems(progress, 'accuracy', 'Accuracy chart'),
    ...chartItems(progress, 'rates', 'Learning rate chart'),
    {
      label: 'Metrics history (CSV)',
      file: 'metrics-history.csv',
      save: () => {
        saveHistory(progress.charts);
        return undefined;
      },
    },
  ]);
  fill(byId(root, 'confusion-download', HTMLElement), [
    {
      label: 'Confusion matrix (CSV)',
      file: 'confusion-matrix.csv',
      save: () =>
        saveConfusion(progress.confusion) ? undefined : 'No confusion matrix shown yet.',
    },
  ]);
}

/** Builds `menu`'s buttons for `items` and the line that says how the last one went. A
 *  <details> menu gets its summary ("Download", labelled by its data-label) and its list; a
 *  plain element (one file, inside another disclosure) its button alone. */
function fill(menu: HTMLElement, items: Item[]): void {
  const summary = document.createElement('summary');
  summary.textContent = 'Download';
  summary.setAttribute('aria-label', menu.dataset.label ?? 'Download');
  const panel = document.createElement('div');
  panel.className = 'download-panel';
  const list = document.createElement('ul');
  list.className = 'download-items';
  const status = document.createElement('p');
  status.className = 'download-status';
  status.setAttribute('role', 'status');
  panel.append(list, status);
  const disclosure = menu instanceof HTMLDetailsElement ? menu : null;
  if (disclosure) menu.replaceChildren(summary, panel);
  else menu.replaceChildren(list, status);
  const say = (text: string) => (status.textContent = text);
  for (const item of items) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'download-item';
    button.textContent = item.label;
    button.dataset.file = item.file;
    button.addEventListener('click', () => {
      say('');
      Promise.resolve()
        .then(item.save)
        .then((why) => (why ? say(why) : say(`Saved ${item.file}.`)))
        .catch((error: unknown) =>
          say(
            `Could not save ${item.file}: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    });
    if (!disclosure) button.classList.add('button');
    const li = document.createElement('li');
    li.append(button);
    list.append(li);
  }
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !disclosure?.open) return;
    disclosure.open = false;
    summary.focus();
  });
}
