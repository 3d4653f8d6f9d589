// The Download menus' contents, loaded when a menu first opens (ui/download-menus.ts): a
// button per file (export/files.ts) and the line that says how the last one went. A file that
// cannot be made yet says why.
import type { EngineClient } from '../engine/client.ts';
import * as files from '../export/files.ts';
import type { PictureFormat } from '../export/files.ts';
import type { Picture } from '../export/pictures/picture.ts';
import type { BoundaryView } from '../render/boundary.ts';
import type { NetworkView } from '../render/network-view.ts';
import type { ProgressPanel } from '../render/progress-panel.ts';
import type { ChartName } from '../render/training-charts.ts';

/** The file writers (in this module's chunk: loaded with the menus' contents). */
type Files = typeof files;

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
  save: (files: Files) => Promise<string | undefined> | string | undefined;
}

const NOT_DRAWN = 'Not drawn yet: scroll to the chart and let it draw first.';

function pictureItems(
  what: string,
  file: string,
  picture: (files: Files) => Picture | null,
): Item[] {
  return (['png', 'svg'] as PictureFormat[]).map((format) => ({
    label: `${what} (${format.toUpperCase()})`,
    file: `${file}.${format}`,
    save: async (files) => {
      const made = picture(files);
      if (!made) return NOT_DRAWN;
      await files.savePicture(made, format);
      return undefined;
    },
  }));
}

function chartItems(progress: ProgressPanel, name: ChartName, what: string): Item[] {
  return pictureItems(what, `${name}-chart`, (files) =>
    files.trainingChartPicture(progress.charts, name),
  );
}

/** The files of each menu, by the menu's id (app/markup.html). */
function itemsOf(menu: string, sources: DownloadSources): Item[] {
  const { boundary, network, progress, client } = sources;
  switch (menu) {
    case 'plot-download':
      return [
        ...pictureItems('Decision boundary', 'decision-boundary', (files) =>
          files.boundaryPicture(boundary),
        ),
        {
          label: 'Test-set predictions (CSV)',
          file: 'test-predictions.csv',
          save: async (files) => {
            await files.savePredictions(client);
            return undefined;
          },
        },
      ];
    case 'network-download':
      return pictureItems('Network diagram', 'network', (files) => files.networkPicture(network));
    case 'charts-download':
      return [
        ...chartItems(progress, 'loss', 'Loss chart'),
        ...chartItems(progress, 'accuracy', 'Accuracy chart'),
        ...chartItems(progress, 'rates', 'Learning rate chart'),
        {
          label: 'Metrics history (CSV)',
          file: 'metrics-history.csv',
          save: (files) => {
            files.saveHistory(progress.charts);
            return undefined;
          },
        },
        {
          label: 'Confusion matrix (CSV)',
          file: 'confusion-matrix.csv',
          save: (files) =>
            files.saveConfusion(progress.confusion)
              ? undefined
              : 'Open “Confusion matrix (test set)” first: the file holds the table it shows.',
        },
      ];
    default:
      return [];
  }
}

/** Builds `menu`'s panel under its summary: its files' buttons and the status line. */
export function fillMenu(menu: HTMLDetailsElement, sources: DownloadSources): void {
  const panel = document.createElement('div');
  panel.className = 'download-panel';
  const list = document.createElement('ul');
  list.className = 'download-items';
  const status = document.createElement('p');
  status.className = 'download-status';
  status.setAttribute('role', 'status');
  panel.append(list, status);
  menu.append(panel);
  const say = (text: string) => (status.textContent = text);
  const items = itemsOf(menu.id, sources);
  for (const item of items) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'download-item';
    button.textContent = item.label;
    button.dataset.file = item.file;
    button.addEventListener('click', () => {
      say('');
      Promise.resolve(files)
        .then((writers) => item.save(writers))
        .then((why) => (why ? say(why) : say(`Saved ${item.file}.`)))
        .catch((error: unknown) =>
          say(
            `Could not save ${item.file}: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    });
    const li = document.createElement('li');
    li.append(button);
    list.append(li);
  }
}
