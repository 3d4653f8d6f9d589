// The single file's way to a dataset it does not carry (engine/picked-files.ts): below the
// dataset gallery, a line saying why and where to get the files, a file input, and what is still
// missing. Once every file is there, `ready` loads the dataset (the page then reads the files).
import { fileNames, pickFiles } from '../engine/picked-files.ts';
import { SHIPPED_CATALOGUE, type ShippedDataset } from '../scene/index.ts';

export function datasetFilePick(dataset: ShippedDataset, ready: () => void): HTMLElement {
  const names = fileNames(dataset);
  const id = `file-pick-${dataset}`;
  const box = document.createElement('div');
  box.className = 'file-pick';
  box.dataset.dataset = `real:${dataset}`;

  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.id = `${id}-hint`;
  const both = names.length > 1 ? 'both' : 'it';
  hint.textContent =
    `${SHIPPED_CATALOGUE[dataset].title} is too big to fit inside this file. Download ` +
    `${names.join(' and ')} once (from the data/ folder of the hosted playground, or from ` +
    `your course page), then pick ${both} here.`;

  const input = document.createElement('input');
  input.id = id;
  input.className = 'visually-hidden';
  input.type = 'file';
  input.accept = '.nnpd';
  input.multiple = names.length > 1;
  input.setAttribute('aria-describedby', hint.id);
  const label = document.createElement('label');
  label.className = 'button file-button';
  label.htmlFor = id;
  label.textContent = names.length > 1 ? 'Pick the files…' : 'Pick the file…';

  const status = document.createElement('p');
  status.className = 'csv-status';
  status.setAttribute('role', 'status');

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = ''; // The same files chosen again are taken again.
    if (files.length === 0) return;
    try {
      const missing = pickFiles(dataset, files);
      if (missing.length > 0) {
        status.textContent = `Still missing: ${missing.join(' and ')}.`;
        return;
      }
      status.textContent = `Picked ${names.join(' and ')}.`;
      ready();
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  });
  box.append(hint, label, input, status);
  return box;
}
