// The dataset picker as a radio group of thumbnails (TensorFlow Playground's picker), grouped
// classification / regression / 1-D curves / real datasets. Keyboard: Tab reaches the checked
// tile (roving tabindex); the arrow keys, Home and End move through all tiles and choose the one
// they land on, as a radio group does; Space or Enter chooses the focused tile.
import type { ThumbnailPoints } from '../engine/protocol.ts';
import { PICKED_DATASETS } from '../engine/picked-files.ts';
import { drawShippedThumbnail, drawThumbnail } from '../render/thumbnail.ts';
import {
  DATASET_CATALOGUE,
  DATASETS,
  SHIPPED_CATALOGUE,
  SHIPPED_DATASETS,
  type ShippedDataset,
} from '../scene/index.ts';
import type { DatasetName } from '../wasm/core.mjs';
import { datasetFilePick } from './dataset-file-pick.ts';

/** A tile's dataset: a generator, or a shipped real dataset. */
export type DatasetPick =
  { kind: 'generator'; name: DatasetName } | { kind: 'shipped'; name: ShippedDataset };

interface Tile {
  pick: DatasetPick;
  button: HTMLButtonElement;
  canvas: HTMLCanvasElement;
}

const GROUPS: { label: string; members: DatasetPick[] }[] = [
  {
    label: 'Classification',
    members: generators((n) => DATASET_CATALOGUE[n].task === 'classification'),
  },
  {
    label: 'Regression',
    members: generators(
      (n) => DATASET_CATALOGUE[n].task === 'regression' && DATASET_CATALOGUE[n].features === 2,
    ),
  },
  { label: 'Curves (1-D)', members: generators((n) => DATASET_CATALOGUE[n].features === 1) },
  {
    label: 'Real datasets',
    members: SHIPPED_DATASETS.map((name) => ({ kind: 'shipped', name })),
  },
];

function generators(keep: (name: DatasetName) => boolean): DatasetPick[] {
  return DATASETS.filter(keep).map((name) => ({ kind: 'generator', name }));
}

/** Short names for the tiles (the catalogue's titles are for the description). */
const SHIPPED_TILE: Record<ShippedDataset, { title: string; lines: string[] }> = {
  digits: { title: 'Digits', lines: ['0–9', '8×8 px'] },
  iris: { title: 'Iris', lines: ['3 kinds', '4 inputs'] },
  fashion: { title: 'Fashion', lines: ['10 kinds', '28×28 px'] },
};

/** Tile names for the generators whose titles do not fit under a thumbnail. */
const SHORT_TITLES: Partial<Record<DatasetName, string>> = {
  gauss: 'Gaussians',
  checkerboard: 'Checkers',
  multigauss: 'Bumps',
};

export function describePick(pick: DatasetPick): string {
  if (pick.kind === 'shipped') {
    const info = SHIPPED_CATALOGUE[pick.name];
    const { features, classes } = info.shape;
    return `Classification, ${features} inputs, ${classes} classes. ${info.description}`;
  }
  const info = DATASET_CATALOGUE[pick.name];
  const task = info.task === 'classification' ? 'Classification' : 'Regression';
  const input = info.features === 1 ? '1 input (x)' : '2 inputs (x₁, x₂)';
  return `${task}, ${input}. ${info.description}`;
}

function samePick(a: DatasetPick | null, b: DatasetPick): boolean {
  return a !== null && a.kind === b.kind && a.name === b.name;
}

export class DatasetGallery {
  private readonly tiles: Tile[] = [];
  private checked: DatasetPick | null = null;

  constructor(
    root: HTMLElement,
    private readonly description: HTMLElement,
    private readonly onPick: (pick: DatasetPick) => void,
  ) {
    for (const group of GROUPS) {
      const box = document.createElement('div');
      box.className = 'gallery-group';
      box.setAttribute('role', 'group');
      const heading = document.createElement('p');
      heading.className = 'gallery-heading';
      heading.id = `gallery-${group.label.replace(/\W+/g, '-').toLowerCase()}`;
      heading.textContent = group.label;
      box.setAttribute('aria-labelledby', heading.id);
      const row = document.createElement('div');
      row.className = 'gallery-tiles';
      for (const pick of group.members) row.append(this.tile(pick));
      box.append(heading, row);
      root.append(box);
    }
    root.addEventListener('keydown', (event) => this.key(event));
    // The single file does not carry every dataset: below the tiles' description, it asks for
    // the files.
    if (import.meta.env.SINGLE_FILE) {
      description.after(
        ...PICKED_DATASETS.map((name) => datasetFilePick(name, () => this.picked(name))),
      );
    }
  }

  /** Checks the tile of `pick` (null: none, as for a CSV file's rows). */
  show(pick: DatasetPick | null): void {
    this.checked = pick;
    const any = this.tiles.some((t) => samePick(pick, t.pick));
    this.tiles.forEach((tile, i) => {
      const on = samePick(pick, tile.pick);
      tile.button.setAttribute('aria-checked', String(on));
      // Roving tabindex: the checked tile, or the first when none is.
      tile.button.tabIndex = on || (!any && i === 0) ? 0 : -1;
    });
    this.description.textContent = pick ? describePick(pick) : '';
  }

  /** Draws the shipped datasets' tiles (their titles). Not when the gallery is built: their text
   *  is the page's first canvas text and their size a layout, ~40 ms of the main thread that the
   *  engine's first frame need not wait for (issue 13's ready budget). */
  drawShippedThumbnails(): void {
    for (const tile of this.tiles) {
      if (tile.pick.kind === 'shipped') {
        drawShippedThumbnail(tile.canvas, SHIPPED_TILE[tile.pick.name].lines);
      }
    }
  }

  /** Draws the generators' thumbnails from their points (once, from the worker). */
  drawThumbnails(sets: readonly ThumbnailPoints[]): void {
    for (const set of sets) {
      const tile = this.tiles.find((t) => t.pick.kind === 'generator' && t.pick.name === set.name);
      if (tile) drawThumbnail(tile.canvas, set.plot, set.points);
    }
  }

  private tile(pick: DatasetPick): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'gallery-tile';
    button.setAttribute('role', 'radio');
    button.setAttribute('aria-checked', 'false');
    button.dataset.dataset = pick.kind === 'shipped' ? `real:${pick.name}` : pick.name;
    const description = describePick(pick);
    button.title = description;
    const canvas = document.createElement('canvas');
    canvas.className = 'gallery-thumb';
    canvas.width = 100;
    canvas.height = 100;
    canvas.setAttribute('aria-hidden', 'true');
    const label = document.createElement('span');
    label.className = 'gallery-label';
    label.textContent =
      pick.kind === 'shipped'
        ? SHIPPED_TILE[pick.name].title
        : (SHORT_TITLES[pick.name] ?? DATASET_CATALOGUE[pick.name].title);
    button.append(canvas, label);
    button.addEventListener('click', () => this.choose(pick));
    // The description line follows focus too, so a keyboard user reads what a tile is.
    button.addEventListener('focus', () => (this.description.textContent = description));
    button.addEventListener('blur', () => {
      this.description.textContent = this.checked ? describePick(this.checked) : '';
    });
    this.tiles.push({ pick, button, canvas });
    return button;
  }

  /** The user picked `name`'s files: it loads, even when its tile was already checked. */
  private picked(name: ShippedDataset): void {
    const pick: DatasetPick = { kind: 'shipped', name };
    this.show(pick);
    this.onPick(pick);
  }

  private choose(pick: DatasetPick): void {
    if (samePick(this.checked, pick)) return;
    this.show(pick);
    this.onPick(pick);
  }

  private key(event: KeyboardEvent): void {
    const at = this.tiles.findIndex((t) => t.button === event.target);
    if (at < 0) return;
    const last = this.tiles.length - 1;
    const next: Record<string, number> = {
      ArrowRight: at === last ? 0 : at + 1,
      ArrowDown: at === last ? 0 : at + 1,
      ArrowLeft: at === 0 ? last : at - 1,
      ArrowUp: at === 0 ? last : at - 1,
      Home: 0,
      End: last,
    };
    const to = next[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const tile = this.tiles[to]!;
    tile.button.focus();
    this.choose(tile.pick);
  }
}
