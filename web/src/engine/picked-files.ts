// Dataset files the user picks from disk. The single file (vite.single.config.ts) inlines the
// small shipped datasets but not Fashion-MNIST (9.4 MB of .nnpd, five times the rest of the file):
// the user downloads its files once and picks them under the dataset gallery
// (ui/dataset-file-pick.ts); engine/shipped-source.single.ts reads them from here.
import { SHIPPED_CATALOGUE, type ShippedDataset } from '../scene/index.ts';

/** The shipped datasets the single file asks the user for. */
export const PICKED_DATASETS: readonly ShippedDataset[] = ['fashion'];

/** By the file name the catalogue gives (fashion-train.nnpd). */
const picked = new Map<string, File>();

/** The catalogue's file names of `dataset`: its rows, then its test set if any. */
export function fileNames(dataset: ShippedDataset): string[] {
  const { data, test } = SHIPPED_CATALOGUE[dataset].files;
  return test ? [data, test] : [data];
}

/** The file the user picked for `name` (a catalogue file name), if any. */
export function pickedFile(name: string): File | undefined {
  return picked.get(name);
}

/**
 * Takes the files the user chose for `dataset`, each matched by its name to one of the
 * dataset's files — "fashion-train (1).nnpd", a browser's second download, is
 * fashion-train.nnpd — and returns the dataset's files still missing. A file that matches none
 * throws, naming it and the files wanted, and nothing is taken. The engine checks the contents.
 */
export function pickFiles(dataset: ShippedDataset, files: readonly File[]): string[] {
  const names = fileNames(dataset);
  const matched = files.map((file) => {
    const name = names.find((n) => file.name.toLowerCase().startsWith(n.replace(/\.nnpd$/, '')));
    if (!name) {
      const wanted = names.join(' and ');
      throw new Error(
        `${file.name} is not a file of ${SHIPPED_CATALOGUE[dataset].title}: pick ${wanted}.`,
      );
    }
    return [name, file] as const;
  });
  for (const [name, file] of matched) picked.set(name, file);
  return names.filter((name) => !picked.has(name));
}
