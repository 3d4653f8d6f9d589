// One playground mounted into a root that holds its markup (app/markup.html): the page's <body>,
// or a <nn-playground> element's container in its shadow root. Everything it looks up, listens
// to and observes is scoped to that root, and each mount has its own store, worker and frame, so
// several playgrounds on one page run independently. One store holds the state (state/store.ts);
// the worker's run follows it (engine/run-sync.ts), the panels follow it (ui/page-views.ts) and
// the plot, the readouts, the diagram and the charts draw from it on requestAnimationFrame
// (render/page-frame.ts). The main thread never trains.
import { RunSync } from '../engine/run-sync.ts';
import type { EngineClient } from '../engine/client.ts';
import type { WorkerFactory } from '../engine/worker-factory.ts';
import { loadSceneRules } from '../engine/scene-rules.ts';
import { BoundaryView } from '../render/boundary.ts';
import { DatasetSummary } from '../render/dataset-summary.ts';
import { PlotLegend } from '../render/legend.ts';
import { NetworkView } from '../render/network-view.ts';
import { PageFrame } from '../render/page-frame.ts';
import { ProgressPanel } from '../render/progress-panel.ts';
import { loadCharts } from '../render/uplot-chart.ts';
import { Readouts } from '../render/readouts.ts';
import { withFeatureToggled } from '../network-edit.ts';
import { LinkSync } from '../state/link-sync.ts';
import { changeScene } from '../state/scene-change.ts';
import { initialState, Store } from '../state/store.ts';
import { Controls } from '../ui/controls.ts';
import { DataControls } from '../ui/data-controls.ts';
import { installDownloadMenus } from '../ui/download-menus.ts';
import { byId } from '../ui/dom.ts';
import { ErrorBanner } from '../ui/error-banner.ts';
import { installFileDrop } from '../ui/file-drop.ts';
import { NetworkBuilder } from '../ui/network-builder.ts';
import { NoteBanner } from '../ui/note-banner.ts';
import { ParameterInspector } from '../ui/parameter-inspector.ts';
import { guardLocked } from '../ui/lock.ts';
import { ModelFiles } from '../ui/model-files.ts';
import { followStore } from '../ui/page-views.ts';
import { installRunShortcuts, runActions } from '../ui/run-actions.ts';
import { installShareLink } from '../ui/share-link.ts';
import { TrainingPanel } from '../ui/training-panel.ts';
import { installPytorchExport } from '../ui/pytorch-export.ts';
import { joinSnapshotShare } from './snapshot-share.ts';

/** The first state's parts: the scene, and what to hide and lock, the error and the note. */
export type MountOptions = Parameters<typeof initialState>[0];

/** A mounted playground: its store (apply changes to drive it), its worker and its controls. */
export interface Playground {
  readonly store: Store;
  readonly client: EngineClient;
  readonly controls: Controls;
  /** Drawing stops while false (the element scrolled out of view) and catches up when true. */
  setVisible: (visible: boolean) => void;
  /** Stops the worker and the observers (the element left the page). */
  dispose: () => void;
  /** Resolves after the engine's first frame (READY_MARK): for work that can wait for it. */
  readonly firstFrame: Promise<void>;
}

/** Loads the engine's scene rules (once per page: every scene is checked by them, the first one
 *  too); if they cannot load, says so in `root`'s error banner and rethrows. */
export async function loadRulesOrSay(root: ParentNode): Promise<void> {
  try {
    await loadSceneRules();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    new ErrorBanner(byId(root, 'error', HTMLElement)).show(
      `Could not load the engine: ${why}. The page cannot check or train a scene without it.`,
    );
    throw error;
  }
}

/** Mounts a playground into `root` (which holds app/markup.html) from `options`' first state.
 *  Call loadRulesOrSay first: the scene was checked by the engine's rules. `worker`: a worker
 *  already loading the engine (engine/client.ts startedWorker), if any. `page`: the full page's
 *  address, where the links of Copy link and the QR code open (without it, those buttons are
 *  hidden). */
export function mountPlayground(
  root: HTMLElement,
  options: MountOptions,
  worker?: WorkerFactory,
  page?: string | URL,
): Playground {
  // Until the first frame, the panels below the first screen skip layout (style.css).
  root.dataset.starting = '';
  const store = new Store(initialState(options));
  const scene = () => store.state.scene;

  // The worker loads the first run at once; its messages arrive after the views below exist.
  const sync = new RunSync(
    store,
    {
      ready: (arch) => (byId(root, 'simd-arch', HTMLElement).textContent = arch),
      thumbnails: (sets) => dataControls.thumbnails(sets),
    },
    worker,
  );
  const client = sync.client;
  const leaveShare = joinSnapshotShare(client);

  const actions = runActions(store, client);
  const controls = new Controls(root, actions);
  const canvas = byId(root, 'boundary', HTMLCanvasElement);
  const boundary = new BoundaryView(canvas);
  const dataControls = new DataControls(root, {
    scene,
    apply: (next) => changeScene(store, next),
    view: (viewOptions) => {
      boundary.options = viewOptions;
      frame.queue();
    },
    plot: { canvas, toData: (x, y) => boundary.toData(x, y) },
    requestThumbnails: (samples) => client.thumbnails(samples),
  });
  boundary.options = dataControls.viewOptions();
  const networkView = new NetworkView(byId(root, 'network-diagram', HTMLElement), {
    toggleFeature: (feature) => changeScene(store, withFeatureToggled(scene(), feature)),
    previewChanged: () => frame.queue(),
    selectValue: (target) => inspector.selectValue(target),
    selectNeuron: (column, unit) => inspector.selectNeuron(column, unit),
    built: () => inspector.clear(),
    updated: () => inspector.refresh(),
  });
  const inspector = new ParameterInspector(
    byId(root, 'network-inspector', HTMLElement),
    () => networkView,
    (name, index, value) => client.setParameter(name, index, value),
  );
  const views = {
    root,
    controls,
    boundary,
    dataControls,
    networkView,
    readouts: new Readouts(root),
    datasetSummary: new DatasetSummary(root),
    legend: new PlotLegend(root),
    progress: new ProgressPanel(root, (shown) => client.setViews(shown)),
    trainingPanel: new TrainingPanel(byId(root, 'training-controls', HTMLElement), {
      scene,
      apply: (valid) => store.apply({ type: 'scene', scene: valid, how: 'live' }),
    }),
    networkBuilder: new NetworkBuilder(
      byId(root, 'network-top', HTMLElement),
      byId(root, 'network-head', HTMLElement),
      byId(root, 'network-hint', HTMLElement),
      byId(root, 'network-advice', HTMLElement),
      (next, how) => changeScene(store, next, how),
      scene,
    ),
    errors: new ErrorBanner(byId(root, 'error', HTMLElement), () =>
      store.apply({ type: 'dismiss', banner: 'error' }),
    ),
    note: new NoteBanner(byId(root, 'note', HTMLElement), () =>
      store.apply({ type: 'dismiss', banner: 'note' }),
    ),
    description: {
      chain: byId(root, 'architecture', HTMLElement),
      details: byId(root, 'training-details', HTMLElement),
      output: byId(root, 'output-explain', HTMLElement),
    },
  };
  // The dataset thumbnails and the charts' library wait for the engine's first frame: drawing
  // and fetching them never delays it.
  let firstFrameDrawn = () => {};
  const firstFrame = new Promise<void>((resolve) => (firstFrameDrawn = resolve));
  const frame = new PageFrame(
    () => store.state,
    views,
    () => {
      requestAnimationFrame(() => delete root.dataset.starting);
      dataControls.requestThumbnails();
      void loadCharts();
      firstFrameDrawn();
    },
  );

  followStore(store, views, frame);
  installDownloadMenus(root, {
    boundary,
    network: networkView,
    progress: views.progress,
    client,
  });
  installRunShortcuts(root, store, actions, controls);
  installPytorchExport(root, store, client);
  // A locked control (a link's `&lock=`, an element's `lock`) refuses every event, not only clicks.
  guardLocked(root);

  // The share row: the model and the scene as files (opened by the picker or a drop), the link.
  const shareStatus = byId(root, 'share-status', HTMLElement);
  const files = new ModelFiles(root, root, store, client, shareStatus);
  installFileDrop(root, (file) => void files.open(file));
  if (page !== undefined) {
    installShareLink(root, root, () => LinkSync.pageLink(store.state, page), shareStatus);
  } else {
    for (const id of ['copy-link', 'qr-code']) byId(root, id, HTMLButtonElement).hidden = true;
  }

  // Snapshots carry the diagram's data only while the network panel (diagram or inspector) is on
  // screen.
  const network = new IntersectionObserver((entries) => {
    client.setViews({ network: entries.some((e) => e.isIntersecting) });
  });
  network.observe(byId(root, 'network-panel', HTMLElement));
  const resize = new ResizeObserver(() => {
    if (boundary.fit()) frame.queue();
  });
  resize.observe(canvas);
  boundary.fit();

  return {
    store,
    client,
    controls,
    firstFrame,
    setVisible: (visible) => frame.setVisible(visible),
    dispose: () => {
      network.disconnect();
      resize.disconnect();
      leaveShare();
      client.dispose();
    },
  };
}
