// The scenes issue 17's divergence matrix runs at the largest learning rate: every shipped scene
// (docs/scenes/*.json) and every scene the page offers (the dataset picker's scene for each
// generator, the shipped datasets' scenes). Shared by web/test/divergence.test.ts (the engine under
// node) and e2e/divergence.spec.ts (the page).
import { readdirSync, readFileSync } from 'node:fs';
import {
  DATASET_CATALOGUE,
  DATASETS,
  datasetScene,
  LIMITS,
  SHIPPED_DATASETS,
  shippedScene,
  type Scene,
  type ShippedDataset,
} from '../src/scene/index.ts';

/** lr 10, or the catalogue's largest lr if 10 is above it. */
export const HUGE_LR = Math.min(10, LIMITS.lr.max);

export interface MatrixScene {
  /** How the matrix names it: a file of docs/scenes, "picker: <generator>" or "dataset: <name>". */
  id: string;
  scene: Scene;
  /** A shipped dataset's scene: its files come from web/public/data. */
  shipped?: ShippedDataset;
  /** In the page's short run (npm test's e2e step): the shipped scenes and the picker's
   *  regressions (an unbounded loss, so the ones that can diverge); the full run has them all. */
  short: boolean;
}

const SCENES_DIR = new URL('../../docs/scenes/', import.meta.url);

export function divergenceScenes(): MatrixScene[] {
  const files = readdirSync(SCENES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return [
    ...files.map((name) => ({
      id: `docs/scenes/${name}`,
      scene: JSON.parse(readFileSync(new URL(name, SCENES_DIR), 'utf8')) as Scene,
      short: true,
    })),
    ...DATASETS.map((name) => ({
      id: `picker: ${name}`,
      scene: datasetScene({ name }),
      short: DATASET_CATALOGUE[name].task === 'regression',
    })),
    ...SHIPPED_DATASETS.map((name) => ({
      id: `dataset: ${name}`,
      scene: shippedScene(name),
      shipped: name,
      short: false,
    })),
  ];
}

/** `scene` with its optimiser's learning rate replaced. */
export function withLr(scene: Scene, lr: number): Scene {
  return { ...scene, optimizer: { ...scene.optimizer, lr } };
}
