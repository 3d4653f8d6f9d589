// The page: wires the controls to the training worker and draws the latest snapshot on
// requestAnimationFrame. The main thread never trains.
import './style.css';
import { EngineClient } from './engine/client.ts';
import { liveChanges } from './engine/hyperparameters.ts';
import type {
  FromWorker,
  PointsMessage,
  ShippedFiles,
  SnapshotMessage,
} from './engine/protocol.ts';
import { BoundaryView, type Frame } from './render/boundary.ts';
import { DatasetPanel } from './render/dataset-panel.ts';
import { renderDescription } from './render/description.ts';
import { NetworkView, type MapPreview } from './render/network-view.ts';
import { withFeatureToggled } from './network-edit.ts';
import { NetworkBuilder } from './ui/network-builder.ts';
import { PlotLegend } from './render/legend.ts';
import { Readouts } from './render/readouts.ts';
import { ProgressPanel } from './render/progress-panel.ts';
import {
  defaultScene,
  SHIPPED_CATALOGUE,
  sceneShape,
  SUPPLIED,
  validateScene,
  type Scene,
  type ShippedDataset,
} from './scene/index.ts';
import { decodeHash, encodeHash, restoreState, storeState, type PageState } from './state/url.ts';
import { Controls, randomSeed, type EngineStatus } from './ui/controls.ts';
import { DataPanel } from './ui/dataset-picker.ts';
import { byId } from './ui/dom.ts';
import { ErrorBanner } from './ui/error-banner.ts';
import { applyHidden } from './ui/hide.ts';
import { installShortcuts, installSpaceToggle } from './ui/keyboard.ts';
import { NoteBanner } from './ui/note-banner.ts';
import { TrainingPanel } from './ui/training-panel.ts';

/** The control ids (data-control) the URL asked to hide: TF Playground's, or "text". */
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
/** The network diagram and the charts draw in the frame after the one that drew the plot and
 *  the readouts: a snapshot's drawing is spread over two frames, so neither misses its deadline
 *  on a slow or busy machine (snapshots come at most 30 times a second, frames 60). */
let laterQueued = false;
/** A shipped dataset's files are being fetched: the worker's messages about the run it still
 *  has are ignored until the new one loads. */
let fetching = false;
/** Counts the runs started, so a fetch that finishes after another choice is dropped. */
let runs = 0;
/** Each shipped dataset's bytes, fetched once (the worker gets a copy it takes over). */
const shippedBytes = new Map<ShippedDataset, Promise<{ data: ArrayBuffer; test?: ArrayBuffer }>>();

const controls = new Controls({ togglePlay, step, stepEpoch, reset, reseed, setSpeed });
const trainingPanel = new TrainingPanel(byId('training-controls', HTMLElement), (next) =>
  applyScene(next, 'live'),
);
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
const picker = new DataPanel({
  scene: () => scene,
  apply: (next) => applyScene(next),
  view: (options) => {
    boundary.options = options;
    queueFrame();
  },
  plot: { canvas, toData: (x, y) => boundary.toData(x, y) },
  requestThumbnails: (samples) => client.thumbnails(samples),
});
boundary.options = picker.viewOptions();
const networkView = new NetworkView(
  byId('network-diagram', HTMLElement),
  byId('network-inspector', HTMLElement),
  {
    toggleFeature: (feature) => applyScene(withFeatureToggled(scene, feature)),
    editParameter: (name, index, value) => client.setParameter(name, index, value),
    previewChanged: queueFrame,
  },
);
const networkBuilder = new NetworkBuilder(
  byId('network-top', HTMLElement),
  byId('network-head', HTMLElement),
  byId('network-hint', HTMLElement),
  byId('network-advice', HTMLElement),
  applyScene,
);
// Snapshots carry the diagram's data only while the network panel (diagram or inspector) is on
// screen.
new IntersectionObserver((entries) => {
  const visible = entries.some((e) => e.isIntersecting);
  client.setViews({ network: visible });
}).observe(byId('network-panel', HTMLElement));

/** Rebuilds the diagram and the builder for the current scene (after a structural change). */
function showNetwork(): void {
  networkView.build(scene);
  networkBuilder.show(scene, networkView.columns);
  applyHidden(hide);
}
const progress = new ProgressPanel((views) => client.setViews(views));

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

showScene();
showNetwork();
startRun();
installSpaceToggle(() => {
  if (ready) togglePlay();
});
installShortcuts({
  s: () => ready && step(),
  e: () => ready && stepEpoch(),
  r: () => ready && reset(),
  n: () => ready && reseed(randomSeed()),
  '[': () => controls.nudgeSpeed(-1),
  ']': () => controls.nudgeSpeed(1),
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
      picker.showPoints(message);
      if (!drawable(scene)) {
        const data = scene.data.name === SUPPLIED ? scene.data : null;
        const title = data?.dataset
          ? SHIPPED_CATALOGUE[data.dataset].title
          : (data?.rows?.source ?? 'Your data');
        datasetPanel.show(title, message.classNames);
      } else {
        if (datasetPanel.active) {
          datasetPanel.hide();
          legend.forget();
        }
        // The legend owns the title and the note only while the plot is shown.
        legend.show(message.plot, message.validation.length > 0);
      }
      progress.startRun(message, scene);
      readouts.configure({
        // From the scene: data with more than two inputs reports no points.
        validation: (scene.data.validationFraction ?? 0) > 0,
        accuracy: message.plot.kind === 'classes',
      });
      break;
    case 'thumbnails':
      picker.thumbnails(message.sets);
      return;
    case 'snapshot':
      if (fetching) return;
      latest = message;
      if (message.progress.stopped) wantPlaying = false; // Early stopping ended the run.
      progress.receive(message);
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

/** The plot can draw the scene's data: 1 or 2 inputs per point. */
function drawable(scene: Scene): boolean {
  const features = sceneShape(scene.data)?.features;
  return features === 1 || features === 2;
}

/**
 * The one way a control changes the scene. `next` is validated first: a bad one is refused with
 * its message and the current scene (and run) kept. Then 'restart' loads it as a new paused run,
 * and 'live' hands the running one the settings the engine changes in place (lr, l1,
 * weight_decay, dropout: Trainer.setHyperparameters), keeping its weights — or, when anything else
 * differs too, restarts. Either way the URL and local storage follow. Returns whether it was taken.
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
  showScene();
  const changes = how === 'live' ? liveChanges(previous, valid) : null;
  if (changes) {
    if (Object.keys(changes).length > 0) client.setHyperparameters(changes);
  } else {
    wantPlaying = false;
    showNetwork();
    startRun();
  }
  commit('push');
  queueFrame();
  return true;
}

/** Every control and description follows the current scene (whoever changed it). */
function showScene(): void {
  picker.show(scene);
  renderDescription(scene, description.chain, description.details, description.output);
  trainingPanel.show(scene);
  applyHidden(hide); // after the panels rebuilt their fields
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
  showScene();
  showNetwork();
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

function stepEpoch(): void {
  errors.clear();
  wantPlaying = false;
  client.stepEpochs(1);
  queueFrame();
}

/** A new run from `seed`: the data, the split, the weights and the batches all change. */
function reseed(seed: number): void {
  applyScene({ ...scene, seed });
}

function setSpeed(stepsPerSecond: number | null): void {
  client.setSpeed(stepsPerSecond);
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
  if (latest.progress.stopped) return 'finished';
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
  // The plot shows a hovered neuron's map from the diagram's data: then the diagram first.
  if (latest && networkView.previewing) networkView.update(latest.network);
  queueLater();
  if (datasetPanel.active) {
    if (latest) datasetPanel.update(latest);
  } else {
    const preview = networkView.preview();
    if (preview && points) boundary.draw(...previewFrame(preview, points));
    else boundary.draw(latest, points);
  }
}

function queueLater(): void {
  if (laterQueued) return;
  laterQueued = true;
  // Asked for from within this frame's callback, so it runs in the next frame.
  requestAnimationFrame(() => {
    laterQueued = false;
    // Each draws only what it has not drawn yet.
    if (latest) networkView.update(latest.network);
    progress.render();
  });
}

/** The hovered neuron's map as the plot draws it (TF Playground shows it large there): a
 *  one-channel grid on the plot's own colour scale, the points unchanged. */
function previewFrame(preview: MapPreview, shown: PointsMessage): [Frame, PointsMessage] {
  const kind = shown.plot;
  const grid =
    kind.kind === 'values'
      ? preview.grid.map((t) => kind.min + t * (kind.max - kind.min))
      : preview.grid;
  const plot = kind.kind === 'classes' ? { ...kind, outputs: 1 } : kind;
  const frame = { grid, resolution: preview.resolution, channels: 1, curve: new Float32Array(0) };
  return [frame, { ...shown, plot }];
}
