// What the page knows about each generator (the engine's catalogue: core/include/nnp/generators.h)
// and each shipped dataset (web/public/data): its task, features and classes.
import type { DatasetName } from '../wasm/core.mjs';
import { CATALOGUE, type DatasetEntry } from './engine-catalogue.ts';
import type { DataShape } from './types.ts';

export type { Task } from './engine-catalogue.ts';

/** What the page needs to know about a generator: title, task, features, classes, description. */
export type CatalogueEntry = DatasetEntry;

/** Every generator, in the engine's order (the page's order), with its shape and a description. */
export const DATASET_CATALOGUE = Object.fromEntries(
  CATALOGUE.datasets.map((entry) => [entry.name, entry]),
) as Record<DatasetName, CatalogueEntry>;

/** The class count a scene for `name` uses when data.classes is absent (the engine's default). */
export function defaultClasses(name: DatasetName): number {
  return DATASET_CATALOGUE[name].classes.default;
}

/** True for the generators whose class count is chosen by data.classes (blobs, spirals). */
export function takesClasses(name: DatasetName): boolean {
  const { min, max } = DATASET_CATALOGUE[name].classes;
  return min !== max;
}

/** The real datasets the page ships (web/public/data, docs/datasets.md). */
export const SHIPPED_DATASETS = ['digits', 'iris', 'fashion'] as const;
export type ShippedDataset = (typeof SHIPPED_DATASETS)[number];

export interface ShippedEntry {
  title: string;
  description: string;
  /** Files under ./data/: the rows, and a separate test set if any. */
  files: { data: string; test?: string };
  shape: DataShape;
}

export const SHIPPED_CATALOGUE: Record<ShippedDataset, ShippedEntry> = {
  digits: {
    title: 'Handwritten digits (8×8)',
    description: '1,797 images of 8×8 pixels, digits 0–9 (sklearn\u2019s load_digits).',
    files: { data: 'digits.nnpd' },
    shape: { rows: 1797, features: 64, classes: 10 },
  },
  iris: {
    title: 'Iris',
    description: '150 flowers, 4 measurements each, 3 species (Fisher, 1936).',
    files: { data: 'iris.nnpd' },
    shape: { rows: 150, features: 4, classes: 3 },
  },
  fashion: {
    title: 'Fashion-MNIST (10k subset)',
    description: '10,000 training and 2,000 test images of 28×28 pixels, 10 kinds of clothing.',
    files: { data: 'fashion-train.nnpd', test: 'fashion-test.nnpd' },
    shape: { rows: 10000, features: 784, classes: 10, separateTest: true },
  },
};
