// Draws the page from the store's state on requestAnimationFrame: only the latest snapshot is
// ever drawn, however many came since the last frame. The network diagram and the charts draw in
// the frame after the one that drew the plot and the readouts: a snapshot's drawing is spread
// over two frames, so neither misses its deadline on a slow or busy machine (snapshots come at
// most 30 times a second, frames 60).
import type { PointsMessage } from '../engine/protocol.ts';
import { statusOf, type PageState } from '../state/store.ts';
import type { Controls } from '../ui/controls.ts';
import type { BoundaryView, Frame } from './boundary.ts';
import type { DatasetSummary } from './dataset-summary.ts';
import type { MapPreview, NetworkView } from './network-view.ts';
import { drawInFrame } from './frame-budget.ts';
import type { ProgressPanel } from './progress-panel.ts';
import type { Readouts } from './readouts.ts';

/** The views drawn each frame. */
export interface FrameViews {
  controls: Controls;
  readouts: Readouts;
  boundary: BoundaryView;
  datasetSummary: DatasetSummary;
  networkView: NetworkView;
  progress: ProgressPanel;
}

/** The performance mark of the engine's first ready frame: the worker's first snapshot drawn
 *  with the run buttons enabled. `npm run bench` (bench/bench-budgets.mjs) reads it. */
export const READY_MARK = 'nnp:engine-ready';

export class PageFrame {
  private queued = false;
  private laterQueued = false;
  private readyMarked = false;
  /** Off screen (an <nn-playground> scrolled away) nothing draws; a frame asked for meanwhile
   *  is drawn when it comes back. */
  private visible = true;
  private missed = false;

  /** `ready` runs once, after the frame that sets READY_MARK (work that can wait for it). */
  constructor(
    private readonly state: () => PageState,
    private readonly views: FrameViews,
    private readonly ready: () => void = () => {},
  ) {}

  /** Draws in the next frame (once, however often it is asked). */
  queue(): void {
    if (!this.visible) {
      this.missed = true;
      return;
    }
    if (this.queued) return;
    this.queued = true;
    drawInFrame(this.drawNow);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible && this.missed) {
      this.missed = false;
      this.queue();
    }
  }

  private draw(): void {
    this.queued = false;
    const state = this.state();
    const { snapshot, points } = state;
    const { controls, readouts, networkView, datasetSummary, boundary } = this.views;
    controls.showPlaying(state.playing);
    controls.showStatus(statusOf(state));
    if (snapshot) readouts.update(snapshot);
    // The plot shows a hovered neuron's map from the diagram's data: then the diagram first.
    if (snapshot && networkView.previewing) networkView.update(snapshot.network);
    this.queueLater();
    if (datasetSummary.active) {
      if (snapshot) datasetSummary.update(snapshot);
    } else {
      const preview = networkView.preview();
      if (preview && points) boundary.draw(...previewFrame(preview, points));
      else boundary.draw(snapshot, points);
    }
    if (snapshot && state.engine === 'ready' && !this.readyMarked) {
      this.readyMarked = true;
      performance.mark(READY_MARK);
      this.ready();
    }
  }

  private queueLater(): void {
    if (this.laterQueued) return;
    this.laterQueued = true;
    // Asked for from within this frame's draw, so it runs in the next frame.
    drawInFrame(this.drawLater);
  }

  private readonly drawNow = () => this.draw();

  private readonly drawLater = () => {
    this.laterQueued = false;
    // Each draws only what it has not drawn yet.
    const { snapshot } = this.state();
    if (snapshot) this.views.networkView.update(snapshot.network);
    this.views.progress.render();
  };
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
