// The Data panel: the dataset thumbnails, the class count (blobs, spirals), the number of points,
// the noise, the train / validation / test split, the seed with Regenerate, the plot's "show test
// data" and "discretize output" toggles, the CSV upload and click-to-add points. Every change
// builds the next scene and proposes it to the page's store (changeScene); a new scene comes
// back through show(). A new dataset or class count makes the dataset's own scene (datasetScene: its model
// and loss); noise, points, split and seed change only the data (the rest of the scene stays).
import type { PointsMessage, ThumbnailPoints } from '../engine/protocol.ts';
import type { CsvSuccess } from '../data/csv.ts';
import { canAddPoints, csvScene, withAddedPoint, type AddedPoint } from '../data/supplied-scene.ts';
import { formatNumber } from '../locale.ts';
import type { ViewOptions } from '../render/boundary.ts';
import {
  DATASET_CATALOGUE,
  datasetScene,
  DEFAULT_PICKED_CLASSES,
  LIMITS,
  shippedScene,
  SUPPLIED,
  takesClasses,
  type Scene,
  type SceneSplit,
} from '../scene/index.ts';
import { rowNumbers } from '../state/url.ts';
import type { DatasetName } from '../wasm/core.mjs';
import { AddPoints, type PlotTarget } from './add-points.ts';
import { CsvUpload } from './csv-upload.ts';
import { DataSplit } from './data-split.ts';
import { DatasetGallery, type DatasetPick } from './dataset-gallery.ts';
import { byId } from './dom.ts';
import { boundInput } from './limit-note.ts';

/** Points drawn for each thumbnail. */
const THUMBNAIL_SAMPLES = 300;

export interface DataControlsHost {
  /** The page's current scene. */
  scene(): Scene;
  /** Proposes a scene to the page's store (changeScene): validated, then a new paused run;
   *  false if refused. */
  apply(next: Scene): boolean;
  /** The plot's view toggles changed. */
  view(options: ViewOptions): void;
  /** The plot canvas, for clicks that add points. */
  plot: PlotTarget;
  /** Asks the worker for every generator's noise-free points (answered with thumbnails()). */
  requestThumbnails(samples: number): void;
}

export class DataControls {
  private readonly panel: HTMLElement;
  private readonly gallery: DatasetGallery;
  private readonly classesField: HTMLElement;
  private readonly classes: HTMLInputElement;
  private readonly classesRange: HTMLElement;
  private readonly samplesField: HTMLElement;
  private readonly samples: HTMLInputElement;
  private readonly noiseField: HTMLElement;
  private readonly description: HTMLElement;
  private readonly noise: HTMLInputElement;
  private readonly noiseValue: HTMLOutputElement;
  private readonly seed: HTMLInputElement;
  private readonly seedWhat: HTMLElement;
  private readonly showTest: HTMLInputElement;
  private readonly discretize: HTMLInputElement;
  private readonly split: DataSplit;
  private readonly upload: CsvUpload;
  private readonly addPoints: AddPoints;
  /** The run's points as the engine made them (added points start from them). */
  private points: PointsMessage | null = null;

  constructor(
    root: ParentNode,
    private readonly host: DataControlsHost,
  ) {
    this.panel = byId(root, 'data-panel', HTMLElement);
    this.classesField = byId(root, 'classes-field', HTMLElement);
    this.classes = byId(root, 'classes', HTMLInputElement);
    this.classesRange = byId(root, 'classes-range', HTMLElement);
    this.samplesField = byId(root, 'samples-field', HTMLElement);
    this.samples = byId(root, 'samples', HTMLInputElement);
    boundInput(this.samples, LIMITS.samples);
    this.noise = byId(root, 'noise', HTMLInputElement);
    this.noiseField = this.noise.closest<HTMLElement>('.field')!;
    this.description = byId(root, 'dataset-description', HTMLElement);
    this.noiseValue = byId(root, 'noise-value', HTMLOutputElement);
    this.seed = byId(root, 'seed', HTMLInputElement);
    this.seedWhat = byId(root, 'seed-what', HTMLElement);
    this.showTest = byId(root, 'show-test', HTMLInputElement);
    this.discretize = byId(root, 'discretize', HTMLInputElement);
    this.gallery = new DatasetGallery(
      byId(root, 'dataset-gallery', HTMLElement),
      this.description,
      (pick) => this.pick(pick),
    );
    this.split = new DataSplit(root, (split) => this.changeSplit(split));
    this.upload = new CsvUpload(root, this.panel, (csv, name) => this.loadCsv(csv, name));
    this.addPoints = new AddPoints(root, host.plot, (point) => this.addPoint(point));
    this.classes.addEventListener('change', () => this.changeClasses());
    this.samples.addEventListener('change', () => this.changeSamples());
    this.noise.addEventListener('input', () => this.showNoise());
    this.noise.addEventListener('change', () =>
      this.changeData({ noise: Number(this.noise.value) / 100 }),
    );
    this.seed.addEventListener('change', () => this.changeSeed(Number(this.seed.value)));
    byId(root, 'regenerate', HTMLButtonElement).addEventListener('click', () =>
      this.changeSeed(newSeed(this.host.scene().seed)),
    );
    for (const toggle of [this.showTest, this.discretize]) {
      toggle.addEventListener('change', () => this.host.view(this.viewOptions()));
    }
  }

  /** Draws the shipped datasets' tiles and asks the worker for the generators' points: once the
   *  engine's first frame is drawn (app/mount.ts), so that drawing them never delays it. */
  requestThumbnails(): void {
    this.gallery.drawShippedThumbnails();
    this.host.requestThumbnails(THUMBNAIL_SAMPLES);
  }

  viewOptions(): ViewOptions {
    return { showTestData: this.showTest.checked, discretize: this.discretize.checked };
  }

  /** Sets every control from `scene`. */
  show(scene: Scene): void {
    const { data } = scene;
    this.seed.value = String(scene.seed);
    this.seedWhat.textContent =
      data.name === SUPPLIED ? 'a new split of the same rows' : 'new points and a new split';
    this.split.show(scene);
    const generated = data.name !== SUPPLIED;
    this.samplesField.hidden = !generated;
    this.noiseField.hidden = !generated;
    this.classesField.hidden = !generated || !takesClasses(data.name);
    if (data.name === SUPPLIED) {
      this.gallery.show(data.dataset ? { kind: 'shipped', name: data.dataset } : null);
      // Points added to a generator's are described above; a file's rows here.
      const file = data.rows && !data.rows.test ? (data.rows.source ?? 'your file') : null;
      this.upload.describe(file, rowNumbers(scene));
      if (data.rows && !data.dataset) {
        const what = data.rows.test ? 'with points you added' : 'from your file';
        this.description.textContent = `${data.rows.source ?? 'Your data'} (${formatNumber(data.rows.y.length)} rows ${what}).`;
      }
      return;
    }
    this.upload.describe(null, 0);
    this.gallery.show({ kind: 'generator', name: data.name });
    this.samples.value = String(data.samples);
    this.noise.value = String(Math.round(data.noise * 100));
    this.showNoise();
    if (takesClasses(data.name)) {
      const { min, max } = DATASET_CATALOGUE[data.name].classes;
      this.classes.min = String(min);
      this.classes.max = String(max);
      this.classesRange.textContent = `${min}–${max}`;
      this.classes.value = String(data.classes ?? min);
    }
  }

  /** The run's points arrived: the split's sizes as the engine cut them, and the targets the
   *  add-points control offers. */
  showPoints(points: PointsMessage): void {
    this.points = points;
    this.split.showEngineCounts(points);
    const scene = this.host.scene();
    const names = scene.data.name === SUPPLIED ? (scene.data.rows?.classNames ?? []) : [];
    this.addPoints.show(points.plot, canAddPoints(scene) && points.train.length > 0, names);
  }

  /** The worker's generator points: draws the thumbnails. */
  thumbnails(sets: readonly ThumbnailPoints[]): void {
    this.gallery.drawThumbnails(sets);
  }

  private apply(next: Scene): boolean {
    const taken = this.host.apply(next);
    this.show(this.host.scene()); // Taken or refused, the controls show the scene that runs.
    return taken;
  }

  private pick(pick: DatasetPick): void {
    const scene = this.host.scene();
    if (pick.kind === 'shipped') {
      this.apply(shippedScene(pick.name, scene.seed));
      return;
    }
    this.apply(this.generatedScene(pick.name, scene));
  }

  /** The dataset's own scene, keeping the current noise, points, split and seed. */
  private generatedScene(name: DatasetName, scene: Scene, classes?: number): Scene {
    const data = scene.data;
    const generated = data.name !== SUPPLIED ? data : null;
    const { min, max } = DATASET_CATALOGUE[name].classes;
    return datasetScene({
      name,
      seed: scene.seed,
      noise: generated?.noise ?? 0,
      ...(generated ? { samples: generated.samples } : {}),
      trainFraction: data.trainFraction,
      ...(data.validationFraction ? { validationFraction: data.validationFraction } : {}),
      ...(takesClasses(name)
        ? { classes: Math.min(Math.max(classes ?? DEFAULT_PICKED_CLASSES, min), max) }
        : {}),
    });
  }

  private changeClasses(): void {
    const scene = this.host.scene();
    if (scene.data.name === SUPPLIED) return;
    const typed = Math.round(Number(this.classes.value));
    const classes = Number.isFinite(typed) ? typed : DEFAULT_PICKED_CLASSES;
    this.apply(this.generatedScene(scene.data.name, scene, classes));
  }

  private changeSamples(): void {
    const typed = Number(this.samples.value);
    const { min, max } = LIMITS.samples;
    if (this.samples.value === '' || !Number.isFinite(typed)) {
      this.show(this.host.scene());
      return;
    }
    this.changeData({ samples: Math.min(Math.max(Math.round(typed), min), max) });
  }

  /** The scene with data fields changed (generated data only), the model and all else kept. */
  private changeData(fields: { samples?: number; noise?: number }): void {
    const scene = this.host.scene();
    if (scene.data.name === SUPPLIED) return;
    this.apply({ ...scene, data: { ...scene.data, ...fields } });
  }

  private changeSplit(split: Pick<SceneSplit, 'trainFraction' | 'validationFraction'>): void {
    const scene = this.host.scene();
    const data = { ...scene.data, trainFraction: split.trainFraction };
    if (split.validationFraction) data.validationFraction = split.validationFraction;
    else delete data.validationFraction;
    this.apply({ ...scene, data });
  }

  private changeSeed(seed: number): void {
    this.apply({ ...this.host.scene(), seed });
  }

  private loadCsv(csv: CsvSuccess, fileName: string): boolean {
    return this.apply(csvScene(csv, fileName, this.host.scene().seed));
  }

  private addPoint(point: AddedPoint): void {
    const scene = this.host.scene();
    if (!this.points || !canAddPoints(scene)) return;
    this.apply(withAddedPoint(scene, this.points, point));
  }

  private showNoise(): void {
    this.noiseValue.value = `${this.noise.value} %`;
  }
}

/** A seed other than `current`, from the whole range the scene takes. */
function newSeed(current: number): number {
  const { max } = LIMITS.seed;
  for (;;) {
    const seed = Math.floor(Math.random() * (max + 1));
    if (seed !== current) return seed;
  }
}
