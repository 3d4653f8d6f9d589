// The page: wires the controls to the training worker and draws the latest snapshot on
// requestAnimationFrame. The main thread never trains.
import './style.css';
import { EngineClient } from './engine/client.ts';
import type {
  FromWorker,
  PointsMessage,
  ShippedFiles,
  SnapshotMessage,
} from './engine/protocol.ts';
import { BoundaryView } from './render/boundary.ts';
import { DatasetPanel } from './render/dataset-panel.ts';
import { renderDescription } from './render/description.ts';
import { PlotLegend } from './render/legend.ts';
import { Readouts } from './render/readouts.ts';
import { TrainingPanel } from './render/training-panel.ts';
import {
  datasetScene,
  defaultScene,
  SHIPPED_CATALOGUE,
  shippedScene,
  SUPPLIED,
  validateScene,
  type DatasetChoice,
  type Scene,
  type ShippedDataset,
} from './scene.ts';
import { decodeHash, encodeHash, restoreState, storeState, type PageState } from './state/url.ts';
import { Controls, type EngineStatus } from './ui/controls.ts';
import { DatasetPicker } from './ui/dataset-picker.ts';
import { byId } from './ui/dom.ts';
import { ErrorBanner } from './ui/error-banner.ts';
import { installSpaceToggle } from './ui/keyboard.ts';
import { NoteBanner } from './ui/note-banner.ts';

/** The TF Playground control ids the URL asked to hide (kept for embedding; not acted on yet). */
let hide: string[] = [];
/** The hash (without '#') that holds the current scene: a hash event for it changes nothing. */
let shownHash = '';

/** What the user asked for; the Play button shows it at once, the worker confirms it. */
let wantPlaying = false;
/** The worker has a run loaded and answers requests. */
let ready = false;
/** The most recent snapshot; only this one is ever drawn. */
let latest: SnapshotMessage | null = null;
let points: PointsMessage | null = null;
let frameQueued = false;
/** A shipped dataset's files are being fetched: the worker's messages about the run it still
 *  has are ignored until the new one loads. */
let fetching = false;
/** Counts the runs started, so a fetch that finishes after another choice is dropped. */
let runs = 0;
/** Each shipped dataset's bytes, fetched once (the worker gets a copy it takes over). */
const shippedBytes = new Map<ShippedDataset, Promise<{ data: ArrayBuffer; test?: ArrayBuffer }>>();

const controls = new Controls({ togglePlay, step, reset });
const picker = new DatasetPicker(chooseDataset, chooseShipped);
const readouts = new Readouts();
const legend = new PlotLegend();
const canvas = byId('boundary', HTMLCanvasElement);
const boundary = new BoundaryView(canvas);
const datasetPanel = new DatasetPanel();
const errors = new ErrorBanner(byId('error', HTMLElement));
const note = new NoteBanner(byId('note', HTMLElement));
const storage = localStorageOrNothing();
const arch = byId('simd-arch', HTMLElement);
const description = {
  chain: byId('architecture', HTMLElement),
  details: byId('training-details', HTMLElement),
  output: byId('output-explain', HTMLElement),
};
const client = new EngineClient(receive);
const training = new TrainingPanel((views) => client.setViews(views));

// The scene: the URL's, else the last one kept in local storage, else the default.
const fromUrl = readHash(location.hash);
const initial = fromUrl ?? restoreState(storage) ?? { scene: defaultScene(), hide: [] };
let scene: Scene = initial.scene;
hide = initial.hide;
// An empty or TF Playground hash is rewritten to ours; a bad one is left for the user to see.
if (fromUrl || location.hash.length <= 1) commit('replace');
else storeState(storage, { scene, hide });
addEventListener('popstate', followHash);
addEventListener('hashchange', followHash);

picker.show(scene);
renderDescription(scene, description.chain, description.details, description.output);
startRun();
installSpaceToggle(() => {
  if (ready) togglePlay();
});
new ResizeObserver(() => {
  if (boundary.fit()) queueFrame();
}).observe(canvas);
boundary.fit();
queueFrame();

function receive(message: FromWorker): void {
  switch (message.type) {
    case 'ready':
      arch.textContent = message.arch;
      break;
    case 'points':
      if (fetching) return;
      points = message;
      if (scene.data.name === SUPPLIED && scene.data.dataset) {
        datasetPanel.show(SHIPPED_CATALOGUE[scene.data.dataset].title, message.classNames);
      } else {
        if (datasetPanel.active) {
          datasetPanel.hide();
          legend.forget();
        }
        // The legend owns the title and the note only while the plot is shown.
        legend.show(message.plot, message.validation.length > 0);
      }
      training.startRun(message, scene);
      readouts.configure({
        validation: message.validation.length > 0,
        accuracy: message.plot.kind === 'classes',
      });
      break;
    case 'snapshot':
      if (fetching) return;
      latest = message;
      training.receive(message);
      if (!ready) {
        ready = true;
        controls.setEnabled(true);
      }
      break;
    case 'error':
      wantPlaying = false;
      errors.show(message.message);
      break;
    case 'fatal':
      wantPlaying = false;
      ready = false;
      controls.setEnabled(false);
      errors.show(`The engine crashed (${message.message}). Restarting it with the same scene.`);
      break;
  }
  queueFrame();
}

/** A new dataset (or class count, noise, validation hold-out): a new scene, a new run, paused. */
function chooseDataset(choice: DatasetChoice): void {
  applyScene(datasetScene({ ...choice, seed: scene.seed }));
}

/** A real dataset: its fixed scene (keeping the seed), loaded once its files are fetched. */
function chooseShipped(name: ShippedDataset): void {
  applyScene(shippedScene(name, scene.seed));
}

/**
 * The one way a control changes the scene. `next` is validated first: a bad one is refused with
 * its message and the current scene (and run) kept. Then 'restart' loads it as a new paused run,
 * and 'live' hands the running one the settings the engine changes in place (the learning rate),
 * keeping its weights. Either way the URL and local storage follow. Returns whether it was taken.
 */
function applyScene(next: Scene, how: 'restart' | 'live' = 'restart'): boolean {
  errors.clear();
  let valid: Scene;
  try {
    valid = validateScene(next);
  } catch (error) {
    errors.show(error instanceof Error ? error.message : String(error));
    return false;
  }
  const previous = scene;
  scene = valid;
  renderDescription(scene, description.chain, description.details, description.output);
  if (how === 'live' && onlyLearningRateDiffers(previous, valid)) {
    client.setLearningRate(valid.optimizer.lr);
  } else {
    wantPlaying = false;
    startRun();
  }
  commit('push');
  queueFrame();
  return true;
}

function onlyLearningRateDiffers(a: Scene, b: Scene): boolean {
  const withoutLr = (s: Scene) => JSON.stringify({ ...s, optimizer: { ...s.optimizer, lr: 0 } });
  return withoutLr(a) === withoutLr(b);
}

/** Loads `scene` into the worker, paused: at once for generated data, after fetching the files
 *  (`./data/…`, relative to the page) for a shipped dataset. */
function startRun(): void {
  const run = ++runs;
  const data = scene.data;
  if (data.name !== SUPPLIED || !data.dataset) {
    fetching = false;
    client.load(scene);
    return;
  }
  const name = data.dataset;
  const entry = SHIPPED_CATALOGUE[name];
  fetching = true;
  ready = false;
  latest = null;
  points = null;
  client.pause();
  controls.setEnabled(false);
  datasetPanel.show(entry.title, [], true);
  let bytes = shippedBytes.get(name);
  if (!bytes) {
    bytes = fetchShipped(name);
    shippedBytes.set(name, bytes);
  }
  const loadingScene = scene;
  bytes.then(
    (files) => {
      if (run !== runs) return;
      fetching = false;
      const copies = (): ShippedFiles => ({
        data: { nnpd: files.data.slice(0), name: entry.files.data },
        ...(files.test && entry.files.test
          ? { test: { nnpd: files.test.slice(0), name: entry.files.test } }
          : {}),
      });
      client.load(loadingScene, copies);
      queueFrame();
    },
    (error: unknown) => {
      shippedBytes.delete(name);
      if (run !== runs) return;
      fetching = false;
      client.pause(); // Its snapshot re-enables the controls on the run the worker still has.
      errors.show(
        `Could not load ${entry.title}: ${error instanceof Error ? error.message : String(error)}`,
      );
      queueFrame();
    },
  );
  queueFrame();
}

async function fetchShipped(
  name: ShippedDataset,
): Promise<{ data: ArrayBuffer; test?: ArrayBuffer }> {
  const { files } = SHIPPED_CATALOGUE[name];
  const get = async (file: string): Promise<ArrayBuffer> => {
    const response = await fetch(`./data/${file}`);
    if (!response.ok) throw new Error(`./data/${file}: HTTP ${response.status}`);
    return response.arrayBuffer();
  };
  const [data, test] = await Promise.all([
    get(files.data),
    files.test ? get(files.test) : Promise.resolve(undefined),
  ]);
  return test ? { data, test } : { data };
}

/** The state a hash holds, or null: none, or a bad one (its error is shown). A TensorFlow
 *  Playground link also shows the note on what differs here. */
function readHash(hash: string): PageState | null {
  try {
    const contents = decodeHash(hash);
    if (contents.kind === 'none') return null;
    if (contents.kind === 'tfp') {
      note.show('Opened a TensorFlow Playground link. What differs here:', [
        ...contents.differences,
        ...contents.ignored.map((text) => `Ignored from the link: ${text}.`),
      ]);
    } else {
      note.clear();
    }
    return { scene: contents.scene, hide: contents.hide };
  } catch (error) {
    errors.show(error instanceof Error ? error.message : String(error));
    return null;
  }
}

/** Back, forward, or an edited hash: load the scene it holds (a bad one keeps the current). */
function followHash(): void {
  const hash = location.hash.slice(1);
  if (hash === shownHash) return;
  shownHash = hash;
  errors.clear();
  const state = readHash(hash);
  if (!state) return;
  scene = state.scene;
  hide = state.hide;
  wantPlaying = false;
  picker.show(scene);
  renderDescription(scene, description.chain, description.details, description.output);
  startRun();
  commit('replace');
  queueFrame();
}

/** Writes the scene to the URL (a history entry for a user's change, none for a transient one)
 *  and keeps it in local storage. */
function commit(mode: 'push' | 'replace'): void {
  const hash = encodeHash({ scene, hide });
  shownHash = hash;
  if (location.hash.slice(1) !== hash) {
    if (mode === 'push') history.pushState(null, '', `#${hash}`);
    else history.replaceState(null, '', `#${hash}`);
  }
  storeState(storage, { scene, hide });
}

function localStorageOrNothing(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function togglePlay(): void {
  errors.clear();
  wantPlaying = !wantPlaying;
  if (wantPlaying) client.play();
  else client.pause();
  queueFrame();
}

function step(): void {
  errors.clear();
  wantPlaying = false;
  client.step(1);
  queueFrame();
}

function reset(): void {
  errors.clear();
  wantPlaying = false;
  client.reset();
  queueFrame();
}

function status(): EngineStatus {
  if (client.stopped) return 'stopped';
  if (fetching) return 'fetching';
  if (!ready || !latest) return 'loading';
  return latest.playing ? 'training' : 'paused';
}

function queueFrame(): void {
  if (frameQueued) return;
  frameQueued = true;
  requestAnimationFrame(render);
}

function render(): void {
  frameQueued = false;
  controls.showPlaying(wantPlaying);
  controls.showStatus(status());
  if (latest) readouts.update(latest);
  training.render();
  if (datasetPanel.active) {
    if (latest) datasetPanel.update(latest);
  } else {
    boundary.draw(latest, points);
  }
}
