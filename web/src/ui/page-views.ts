// The page's panels follow the store: a new scene sets every control and description, a new run
// rebuilds the network diagram and its builder, a run's points set up the plot, the legend and
// the charts, and the banners show the error and the note. What changes with every snapshot is
// drawn in the next frame (render/page-frame.ts).
import { showNetworkSummary } from '../render/network-summary.ts';
import type { PlotLegend } from '../render/legend.ts';
import type { FrameViews, PageFrame } from '../render/page-frame.ts';
import { sceneShape, SHIPPED_CATALOGUE, SUPPLIED, type Scene } from '../scene/index.ts';
import type { PageState, Store } from '../state/store.ts';
import type { DataControls } from './data-controls.ts';
import type { ErrorBanner } from './error-banner.ts';
import { applyHidden } from './hide.ts';
import { applyLocked } from './lock.ts';
import type { NetworkBuilder } from './network-builder.ts';
import type { NoteBanner } from './note-banner.ts';
import type { TrainingPanel } from './training-panel.ts';
import type { PointsMessage } from '../engine/protocol.ts';

export interface PageViews extends FrameViews {
  /** The playground's root: what a link hides is looked up in it. */
  root: ParentNode;
  dataControls: DataControls;
  trainingPanel: TrainingPanel;
  networkBuilder: NetworkBuilder;
  legend: PlotLegend;
  errors: ErrorBanner;
  note: NoteBanner;
  description: { chain: HTMLElement; details: HTMLElement; output: HTMLElement };
}

/** Shows `state` from scratch (the page's first), then follows every change to `store`. */
export function followStore(store: Store, views: PageViews, frame: PageFrame): void {
  const first = store.state;
  showScene(views, first);
  showRun(views, first);
  showBanners(views, first, null);
  views.controls.setEnabled(first.engine === 'ready');
  applyLocked(first.locked);
  store.subscribe((state, change, previous) => {
    const shown = state.hidden !== previous.hidden || state.locked !== previous.locked;
    if (state.scene !== previous.scene || shown) showScene(views, state);
    if (state.run !== previous.run) showRun(views, state);
    if (change.type === 'points') showPoints(views, state.scene, change.points);
    if (change.type === 'snapshot') views.progress.receive(change.snapshot);
    showBanners(views, state, previous);
    // The run buttons work while the engine answers.
    if (state.engine !== previous.engine) {
      views.controls.setEnabled(state.engine === 'ready');
      applyLocked(state.locked); // a locked run button stays disabled
    }
    frame.queue();
  });
  frame.queue();
}

/** Every control and description follows the current scene (whoever changed it). */
function showScene(views: PageViews, { scene, hidden, locked }: PageState): void {
  views.dataControls.show(scene);
  const { chain, details, output } = views.description;
  showNetworkSummary(scene, chain, details, output);
  views.trainingPanel.show(scene);
  applyHidden(hidden, views.root); // after the panels rebuilt their fields
  applyLocked(locked, views.root);
}

/** A new run: the diagram and the builder rebuilt; a shipped dataset's panel says it loads. */
function showRun(views: PageViews, { scene, hidden, locked, engine }: PageState): void {
  views.networkView.build(scene);
  views.networkBuilder.show(scene, views.networkView.columns);
  applyHidden(hidden, views.root);
  applyLocked(locked, views.root);
  const data = scene.data;
  if (engine === 'fetching' && data.name === SUPPLIED && data.dataset) {
    views.datasetSummary.show(SHIPPED_CATALOGUE[data.dataset].title, [], true);
  }
}

/** The run's points: the plot (or, for data it cannot draw, the dataset panel), the legend,
 *  the charts and which readouts apply. */
function showPoints(views: PageViews, scene: Scene, points: PointsMessage): void {
  const { dataControls, datasetSummary, legend, progress, readouts } = views;
  dataControls.showPoints(points);
  if (!drawable(scene)) {
    const data = scene.data.name === SUPPLIED ? scene.data : null;
    const title = data?.dataset
      ? SHIPPED_CATALOGUE[data.dataset].title
      : (data?.rows?.source ?? 'Your data');
    datasetSummary.show(title, points.classNames);
  } else {
    if (datasetSummary.active) {
      datasetSummary.hide();
      legend.forget();
    }
    // The legend owns the title and the note only while the plot is shown.
    legend.show(points.plot, points.validation.length > 0);
  }
  progress.startRun(points, scene);
  readouts.configure({
    // From the scene: data with more than two inputs reports no points.
    validation: (scene.data.validationFraction ?? 0) > 0,
    accuracy: points.plot.kind === 'classes',
  });
}

/** The plot can draw the scene's data: 1 or 2 inputs per point. */
function drawable(scene: Scene): boolean {
  const features = sceneShape(scene.data)?.features;
  return features === 1 || features === 2;
}

/** The error and the note banners. */
function showBanners(views: PageViews, state: PageState, previous: PageState | null): void {
  if (state.error !== previous?.error) {
    if (state.error === null) views.errors.clear();
    else views.errors.show(state.error);
  }
  if (state.note !== previous?.note) {
    if (state.note === null) views.note.clear();
    else views.note.show(state.note.title, [...state.note.lines]);
  }
}
