// What the page knows about each generator (core/include/nnp/generators.h) and each shipped
// dataset (web/public/data): its task, features and classes.
import type { DatasetName } from '../wasm/core.mjs';
import type { DataShape } from './types.ts';

export type Task = 'classification' | 'regression';

/** What the page needs to know about a generator (core/include/nnp/generators.h). */
export interface CatalogueEntry {
  /** Display name. */
  title: string;
  task: Task;
  /** Raw features per point: 2 (a point of the plane) or 1 (x of a curve). */
  features: 1 | 2;
  /** How many classes it can have: fixed when min = max, and 0 … 0 for a regression. */
  classes: { min: number; max: number };
  /** One line for the page. */
  description: string;
}

/** Every generator, in the engine's order (the page's order), with its shape and a description. */
export const DATASET_CATALOGUE: Record<DatasetName, CatalogueEntry> = {
  circle: {
    title: 'Circle',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 2 },
    description: 'A disc of one class inside a ring of the other.',
  },
  xor: {
    title: 'XOR',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 2 },
    description: 'Four quadrants labelled by the sign of x₁·x₂.',
  },
  gauss: {
    title: 'Two Gaussians',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 2 },
    description: 'Two Gaussian clouds that noise spreads into each other.',
  },
  spiral: {
    title: 'Spiral',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 2 },
    description: 'Two interleaved spiral arms.',
  },
  moons: {
    title: 'Moons',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 2 },
    description: 'Two interleaving half circles.',
  },
  blobs: {
    title: 'Blobs',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 6 },
    description: '2 to 6 Gaussian clusters set around a circle, one class each.',
  },
  spirals: {
    title: 'Spirals',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 5 },
    description: '2 to 5 interleaved spiral arms, one class each.',
  },
  checkerboard: {
    title: 'Checkerboard',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 2 },
    description: 'A 4×4 checkerboard: the label is the colour of the square.',
  },
  plane: {
    title: 'Plane',
    task: 'regression',
    features: 2,
    classes: { min: 0, max: 0 },
    description: 'A tilted plane: the target is (x₁ + x₂) / 10.',
  },
  multigauss: {
    title: 'Gaussian bumps',
    task: 'regression',
    features: 2,
    classes: { min: 0, max: 0 },
    description: 'Six cone-shaped bumps of either sign.',
  },
  sine: {
    title: 'Sine',
    task: 'regression',
    features: 1,
    classes: { min: 0, max: 0 },
    description: 'A curve: y = sin(x) over two periods.',
  },
  polynomial: {
    title: 'Cubic',
    task: 'regression',
    features: 1,
    classes: { min: 0, max: 0 },
    description: 'A curve: the cubic y = (x³ − 27x) / 54.',
  },
};

/** The class count a scene for `name` uses when data.classes is absent (the engine's default). */
export function defaultClasses(name: DatasetName): number {
  return DATASET_CATALOGUE[name].classes.min;
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
