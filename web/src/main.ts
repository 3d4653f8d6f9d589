// The page: wiring only. One store holds the page's state (state/store.ts); the worker's run
// follows it (engine/run-sync.ts), the URL follows it (state/link-sync.ts), the panels follow it
// (ui/page-views.ts) and the plot, the readouts, the diagram and the charts draw from it on
// requestAnimationFrame (render/page-frame.ts). The main thread never trains.
import './style.css';
import { startedWorker } from './engine/client.ts';
import { RunSync } from './engine/run-sync.ts';
import { loadSceneRules } from './engine/scene-rules.ts';
import { BoundaryView } from './render/boundary.ts';
import { DatasetSummary } from './render/dataset-summary.ts';
import { PlotLegend } from './render/legend.ts';
import { NetworkView } from './render/network-view.ts';
import { PageFrame } from './render/page-frame.ts';
import { ProgressPanel } from './render/progress-panel.ts';
import { Readouts } from './render/readouts.ts';
import { withFeatureToggled } from './network-edit.ts';
import { LinkSync } from './state/link-sync.ts';
import { changeScene } from './state/scene-change.ts';
import { initialState, Store } from './state/store.ts';
import { Controls } from './ui/controls.ts';
import { DataControls } from './ui/data-controls.ts';
import { byId } from './ui/dom.ts';
import { ErrorBanner } from './ui/error-banner.ts';
import { NetworkBuilder } from './ui/network-builder.ts';
import { NoteBanner } from './ui/note-banner.ts';
import { ParameterInspector } from './ui/parameter-inspector.ts';
import { followStore } from './ui/page-views.ts';
import { installRunShortcuts, runActions } from './ui/run-actions.ts';
import { TrainingPanel } from './ui/training-panel.ts';
import { installOffline } from './offline/offline-controls.ts';
import { guardLocked } from './ui/lock.ts';
import { showCompact } from './ui/compact-view.ts';
import { EmbedController } from './embed/controller.ts';
import { HostBridge } from './embed/host-bridge.ts';
import { pageAddress } from './embed/snippets.ts';
import { EmbedCodeDialog } from './ui/embed-code.ts';

// The worker starts loading the engine now, while the page loads the rules (engine-ready sooner).
const worker = startedWorker();
// Every scene (the link's first) is checked by the engine's rules: load them before reading it.
await loadSceneRules().catch((error: unknown) => {
  const why = error instanceof Error ? error.message : String(error);
  new ErrorBanner(byId('error', HTMLElement)).show(
    `Could not load the engine: ${why}. The page cannot check or train a scene without it.`,
  );
  throw error;
});
const link = new LinkSync();
const store = new Store(initialState(link.initial()));
const scene = () => store.state.scene;

// The worker loads the first run at once; its messages arrive after the views below exist.
const sync = new RunSync(
  store,
  {
    ready: (arch) => (byId('simd-arch', HTMLElement).textContent = arch),
    thumbnails: (sets) => dataControls.thumbnails(sets),
  },
  worker,
);
const client = sync.client;

const actions = runActions(store, client);
const controls = new Controls(actions);
const canvas = byId('boundary', HTMLCanvasElement);
const boundary = new BoundaryView(canvas);
const dataControls = new DataControls({
  scene,
  apply: (next) => changeScene(store, next),
  view: (options) => {
    boundary.options = options;
    frame.queue();
  },
  plot: { canvas, toData: (x, y) => boundary.toData(x, y) },
  requestThumbnails: (samples) => client.thumbnails(samples),
});
boundary.options = dataControls.viewOptions();
const networkView = new NetworkView(byId('network-diagram', HTMLElement), {
  toggleFeature: (feature) => changeScene(store, withFeatureToggled(scene(), feature)),
  previewChanged: () => frame.queue(),
  selectValue: (target) => inspector.selectValue(target),
  selectNeuron: (column, unit) => inspector.selectNeuron(column, unit),
  built: () => inspector.clear(),
  updated: () => inspector.refresh(),
});
const inspector = new ParameterInspector(
  byId('network-inspector', HTMLElement),
  () => networkView,
  (name, index, value) => client.setParameter(name, index, value),
);
const views = {
  controls,
  boundary,
  dataControls,
  networkView,
  readouts: new Readouts(),
  datasetSummary: new DatasetSummary(),
  legend: new PlotLegend(),
  progress: new ProgressPanel((shown) => client.setViews(shown)),
  trainingPanel: new TrainingPanel(byId('training-controls', HTMLElement), {
    scene,
    apply: (valid) => store.apply({ type: 'scene', scene: valid, how: 'live' }),
  }),
  networkBuilder: new NetworkBuilder(
    byId('network-top', HTMLElement),
    byId('network-head', HTMLElement),
    byId('network-hint', HTMLElement),
    byId('network-advice', HTMLElement),
    (next, how) => changeScene(store, next, how),
    scene,
  ),
  errors: new ErrorBanner(byId('error', HTMLElement), () =>
    store.apply({ type: 'dismiss', banner: 'error' }),
  ),
  note: new NoteBanner(byId('note', HTMLElement), () =>
    store.apply({ type: 'dismiss', banner: 'note' }),
  ),
  description: {
    chain: byId('architecture', HTMLElement),
    details: byId('training-details', HTMLElement),
    output: byId('output-explain', HTMLElement),
  },
};
// The dataset thumbnails wait for the engine's first frame: drawing them never delays it.
const frame = new PageFrame(
  () => store.state,
  views,
  () => dataControls.requestThumbnails(),
);

followStore(store, views, frame);
link.follow(store);
installRunShortcuts(store, actions, controls);

// Snapshots carry the diagram's data only while the network panel (diagram or inspector) is on
// screen.
new IntersectionObserver((entries) => {
  client.setViews({ network: entries.some((e) => e.isIntersecting) });
}).observe(byId('network-panel', HTMLElement));
new ResizeObserver(() => {
  if (boundary.fit()) frame.queue();
}).observe(canvas);
boundary.fit();

// The service worker (offline use, the new-version notice): the standalone page's, not a mount's.
// The single file (file://) has no service worker; the build drops this code from it.
if (!import.meta.env.SINGLE_FILE) installOffline();

// Embedding (issue 13, docs/embedding.md): locks hold against every event, `&embed=1` shows the
// compact view with a link to the full page, `&origins=` lets those host pages drive the page.
guardLocked(document);
const fullPage = () =>
  new URL(`#${LinkSync.hashOf(store.state, { embed: false, origins: [] })}`, location.href).href;
if (link.embed) showCompact(document.documentElement, document, store, fullPage);
HostBridge.start(window, link.origins, new EmbedController(store));
const page = pageAddress(location.href);
const urls = { page, script: new URL('nn-playground.js', page).href };
new EmbedCodeDialog(byId('embed-code', HTMLButtonElement), document.body, document, store, urls);
