// The curves of how training goes: loss and accuracy for train / validation / test, the
// learning rate and the gradient norm, against epochs or steps, on a linear or log axis; the
// early-stopping point marked; the last few runs kept faintly for comparison. Data arrives with
// snapshots (only the new history records); charts are redrawn on render(), called once per
// animation frame.
import type uPlot from 'uplot';
import type { SnapshotMessage } from '../engine/protocol.ts';
import type { Scene } from '../scene/index.ts';
import { formatNumber } from '../locale.ts';
import { formatCount } from './format.ts';
import {
  forLogAxis,
  joinTables,
  pick,
  RunArchive,
  sampleIndices,
  SPLITS,
  type Metric,
  type RunHistory,
  type SplitName,
  type XAxis,
} from './history.ts';
import { drawMarker, verticalMarker, type Box } from './chart-marker.ts';
import type { Surface } from './surface.ts';
import { Throttle } from '../engine/pacing.ts';
import { setData, setText } from '../ui/dom.ts';
import { UplotChart, type ChartSpec } from './uplot-chart.ts';

/** Okabe–Ito blue, vermillion and a darkened bluish green (3:1 against white, as lines need):
 *  and each split its own dash, so they differ by more than hue. */
export const SPLIT_STYLE: Record<SplitName, { rgb: string; dash: number[]; label: string }> = {
  train: { rgb: '0 114 178', dash: [], label: 'train' },
  validation: { rgb: '213 94 0', dash: [10, 5], label: 'validation' },
  test: { rgb: '0 122 90', dash: [2, 4], label: 'test' },
};
const LR_STYLE = { rgb: '94 60 153', dash: [] as number[] }; // Tol's purple
const GRAD_STYLE = { rgb: '102 102 102', dash: [6, 3] };
/** Points drawn per run at most (a sample of longer histories): about one per pixel column. */
const MAX_POINTS = 1500;
/** While records stream in, the charts redraw at most this often (about every other snapshot):
 *  redrawing the three costs the page several milliseconds of raster per frame, and curves that
 *  grow 15 times a second still move smoothly. A change of series (a new run, the log toggle)
 *  draws at once; the newest records are always drawn, a timer catching the last ones. */
const STREAM_REDRAW_MS = 66;
/** Earlier runs are drawn at this opacity. */
const FAINT = 0.3;
/** Tick labels in the page's locale (../locale.ts), not uPlot's own from navigator.language;
 *  a log axis hands the ticks it leaves unlabelled as null, whatever uPlot's types say. */
const tickValues = (_u: uPlot, ticks: number[]): string[] =>
  (ticks as (number | null)[]).map((v) => (v === null ? '' : formatNumber(v)));
/** The x series' legend value: the epoch or step under the cursor. */
const xValue = (_u: uPlot, v: number | null): string => (v === null ? '–' : formatNumber(v));
const AXIS = {
  values: tickValues,
  stroke: '#1f2933',
  font: '12px system-ui, sans-serif',
  labelFont: '12px system-ui, sans-serif',
};
const GRID = { stroke: '#e4e7eb', width: 1 };
/** An empty right axis as wide as the gradient norm's, so the three plots line up. */
const GUTTER: uPlot.Axis = {
  side: 1,
  size: 60,
  grid: { show: false },
  ticks: { show: false },
  values: (_u, ticks) => ticks.map(() => ''),
};
/** The legend's line samples show each series' dash too, not only its colour. */
const LEGEND: uPlot.Legend = {
  live: true,
  markers: {
    width: 3,
    dash: (u, i) => {
      const dash = u.series[i]?.dash ?? [];
      return dash.length === 0 ? 'solid' : dash[0]! <= 2 ? 'dotted' : 'dashed';
    },
  },
};

export type ChartName = 'loss' | 'accuracy' | 'rates';

export interface ChartElements {
  loss: HTMLElement;
  accuracy: HTMLElement;
  rates: HTMLElement;
  accuracyBlock: HTMLElement;
  logScale: HTMLInputElement;
  xAxis: HTMLSelectElement;
  clear: HTMLButtonElement;
  /** Says where early stopping put the best epoch (or that it is off). */
  earlyStop: HTMLElement;
  /** Says which earlier runs are shown. */
  earlier: HTMLElement;
}

export class TrainingCharts {
  private readonly archive = new RunArchive(3);
  private readonly loss: UplotChart;
  private readonly accuracy: UplotChart;
  private readonly rates: UplotChart;
  private dirty = true;
  private bestEpoch = -1;
  private stopped = false;
  private patience = 0;
  private restoreBest = true;
  private classification = true;
  /** Bumped whenever the series set changes, so the charts rebuild (their key includes it). */
  private generation = 0;
  /** The generation last drawn: a new one is drawn without waiting for the redraw throttle. */
  private drawnGeneration = -1;
  private readonly redraws = new Throttle(STREAM_REDRAW_MS);
  /** The timer that draws records the throttle held back, once no more arrive. */
  private catchUp: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly el: ChartElements) {
    this.loss = new UplotChart(el.loss);
    this.accuracy = new UplotChart(el.accuracy, 180);
    this.rates = new UplotChart(el.rates, 180);
    const changed = () => {
      this.dirty = true;
      this.generation++;
      this.render();
    };
    el.logScale.addEventListener('change', changed);
    el.xAxis.addEventListener('change', changed);
    el.clear.addEventListener('click', () => {
      this.archive.clearEarlier();
      changed();
    });
  }

  /** A new run begins (a load, a reset): the current curves join the earlier runs. */
  startRun(scene: Scene, classification: boolean): void {
    this.archive.startRun();
    this.patience = scene.training.earlyStopping?.patience ?? 0;
    this.restoreBest = scene.training.earlyStopping?.restoreBest ?? true;
    this.classification = classification;
    this.bestEpoch = -1;
    this.stopped = false;
    this.generation++;
    this.dirty = true;
  }

  receive(snapshot: SnapshotMessage): void {
    if (snapshot.history && snapshot.historyStart !== undefined) {
      if (snapshot.history.length > 0 || snapshot.historyStart < this.archive.current.length) {
        this.archive.append(snapshot.history, snapshot.historyStart);
        this.dirty = true;
      }
    }
    const best = snapshot.bestEpoch ?? -1;
    if (best !== this.bestEpoch || snapshot.progress.stopped !== this.stopped) {
      this.bestEpoch = best;
      this.stopped = snapshot.progress.stopped;
      this.dirty = true;
    }
  }

  /** Redraws what changed since the last call (call it once per animation frame); new records
   *  at most every STREAM_REDRAW_MS. */
  render(now = performance.now()): void {
    if (!this.dirty) return;
    if (this.generation === this.drawnGeneration && !this.redraws.take(now)) {
      this.catchUp ??= setTimeout(() => {
        this.catchUp = null;
        requestAnimationFrame((time) => this.render(time));
      }, STREAM_REDRAW_MS);
      return;
    }
    this.redraws.mark(now);
    this.dirty = false;
    this.drawnGeneration = this.generation;
    const axis = this.axis();
    const log = this.el.logScale.checked;
    const runs = [this.archive.current, ...this.archive.earlier];
    const key = `${this.generation}`;
    this.loss.show(() => ({
      spec: this.metricSpec('loss', runs, axis, log, key),
      data: this.metricData('loss', runs, axis, log),
    }));
    if (this.el.accuracyBlock.hidden === this.classification) {
      this.el.accuracyBlock.hidden = !this.classification;
    }
    if (this.classification) {
      this.accuracy.show(() => ({
        spec: this.metricSpec('accuracy', runs, axis, false, key),
        data: this.metricData('accuracy', runs, axis, false),
      }));
    }
    this.rates.show(() => ({
      spec: this.ratesSpec(axis, log, key),
      data: this.ratesData(axis, log),
    }));
    this.describe();
  }

  /** The splits a run's metric has values for (no validation set: no validation series). */
  private splits(metric: Metric, run: RunHistory): SplitName[] {
    const present = SPLITS.filter((s) => run.has(metric, s));
    return present.length > 0 ? present : ['train', 'test'];
  }

  private metricSpec(
    metric: Metric,
    runs: RunHistory[],
    axis: XAxis,
    log: boolean,
    key: string,
  ): ChartSpec {
    const series: uPlot.Series[] = [{ label: axis, value: xValue }];
    runs.forEach((run, r) => {
      for (const split of this.splits(metric, run)) {
        const style = SPLIT_STYLE[split];
        const faint = r > 0;
        series.push({
          label: faint ? `${run.label} · ${style.label}` : style.label,
          stroke: `rgb(${style.rgb} / ${faint ? FAINT : 1})`,
          dash: style.dash,
          width: faint ? 1.25 : 2,
          spanGaps: true,
          points: !faint && split === 'test' ? { size: 5 } : { show: false },
          value: (_u, v: number | null) =>
            v === null ? '–' : metric === 'accuracy' ? percent(v) : v.toPrecision(4),
        });
      }
    });
    const splitKey = runs.map((run) => this.splits(metric, run).join()).join('|');
    return {
      key: `${key}/${axis}/${log}/${splitKey}`,
      options: {
        series,
        scales: {
          x: { time: false },
          y: metric === 'accuracy' ? { range: [0, 1] } : log ? { distr: 3 } : {},
        },
        axes: [
          { ...AXIS, grid: GRID, label: axis === 'epoch' ? 'epoch' : 'optimiser step' },
          {
            ...AXIS,
            grid: GRID,
            label: metric === 'accuracy' ? 'accuracy' : 'loss (mean per sample)',
            size: 60,
            ...(metric === 'accuracy'
              ? { values: (_u: uPlot, ticks: number[]) => ticks.map(percent) }
              : {}),
          },
          GUTTER,
        ],
        legend: LEGEND,
        cursor: { drag: { x: false, y: false } },
        plugins: [this.marker(axis)],
      },
    };
  }

  private metricData(
    metric: Metric,
    runs: RunHistory[],
    axis: XAxis,
    log: boolean,
  ): uPlot.AlignedData {
    const tables = runs.map((run): [number[], ...(number | null)[][]] => {
      const at = sampleIndices(run.length, MAX_POINTS);
      const values = (s: SplitName) => pick(run[metric][s], at);
      return [
        pick(run[axis], at),
        ...this.splits(metric, run).map((s) => (log ? forLogAxis(values(s)) : values(s))),
      ];
    });
    return joinTables(tables);
  }

  private ratesSpec(axis: XAxis, log: boolean, key: string): ChartSpec {
    const line = (
      label: string,
      style: { rgb: string; dash: number[] },
      scale: string,
    ): uPlot.Series => ({
      label,
      scale,
      stroke: `rgb(${style.rgb})`,
      dash: style.dash,
      width: 2,
      spanGaps: true,
      points: { show: false },
      value: (_u, v: number | null) => (v === null ? '–' : v.toPrecision(4)),
    });
    const scale = log ? { distr: 3 as const } : {};
    return {
      key: `${key}/${axis}/${log}`,
      options: {
        series: [
          { label: axis, value: xValue },
          line('learning rate', LR_STYLE, 'lr'),
          line('gradient norm', GRAD_STYLE, 'grad'),
        ],
        scales: { x: { time: false }, lr: scale, grad: scale },
        axes: [
          { ...AXIS, grid: GRID, label: axis === 'epoch' ? 'epoch' : 'optimiser step' },
          { ...AXIS, grid: GRID, scale: 'lr', label: 'learning rate', size: 60 },
          {
            ...AXIS,
            grid: { show: false },
            scale: 'grad',
            side: 1,
            label: 'gradient norm',
            size: 60,
          },
        ],
        legend: LEGEND,
        cursor: { drag: { x: false, y: false } },
        plugins: [this.marker(axis)],
      },
    };
  }

  private ratesData(axis: XAxis, log: boolean): uPlot.AlignedData {
    const run = this.archive.current;
    const at = sampleIndices(run.length, MAX_POINTS);
    const values = (v: number[]) => (log ? forLogAxis(pick(v, at)) : pick(v, at));
    return [pick(run[axis], at), values(run.lr), values(run.gradNorm)] as uPlot.AlignedData;
  }

  /** Early stopping's best epoch, as a dashed vertical line with its label. */
  private marker(axis: XAxis): uPlot.Plugin {
    return verticalMarker(() => this.mark(axis));
  }

  /** The best epoch's marker on `axis`, or null: early stopping is off or has no best yet. */
  mark(axis: XAxis = this.axis()): { x: number; label: string } | null {
    const x = this.markedX(axis);
    return x === null ? null : { x, label: `best: epoch ${formatCount(this.bestEpoch)}` };
  }

  /** Draws the best epoch's marker (as the page's chart shows it) on `surface`, over the plot
   *  area `box` (CSS pixels) of chart `u`: for the chart's picture. */
  drawMark(surface: Surface, u: uPlot, box: Box): void {
    const mark = this.mark();
    if (mark)
      drawMarker(surface, Math.round(box.left + u.valToPos(mark.x, 'x')), box, mark.label, 1);
  }

  /** Where the marker goes on `axis`, or null: early stopping is off or has no best yet. */
  markedX(axis: XAxis): number | null {
    if (this.patience <= 0 || this.bestEpoch < 0) return null;
    return this.archive.current.xOfEpoch(this.bestEpoch, axis);
  }

  /** The chart `name` as drawn (null before it is first drawn, or while it is hidden), for its
   *  picture; the current run's history, for the CSV. */
  chart(name: ChartName): uPlot | null {
    const chart = { loss: this.loss, accuracy: this.accuracy, rates: this.rates }[name];
    if (name === 'accuracy' && !this.classification) return null;
    return chart.holder.uplot ?? null;
  }

  /** The chart's title on the page (the heading that labels it). */
  title(name: ChartName): string {
    const holder = { loss: this.loss, accuracy: this.accuracy, rates: this.rates }[name].holder;
    const heading = holder.getAttribute('aria-labelledby');
    const root = holder.getRootNode() as Document | ShadowRoot;
    return (heading ? root.getElementById(heading)?.textContent : null)?.trim() ?? name;
  }

  get history(): RunHistory {
    return this.archive.current;
  }

  private axis(): XAxis {
    return this.el.xAxis.value === 'step' ? 'step' : 'epoch';
  }

  private lastEpoch(): number {
    return this.archive.current.epoch.at(-1) ?? 0;
  }

  /** The notes under the charts (written only when their text changes: render runs per frame). */
  private describe(): void {
    const { earlyStop, earlier, clear } = this.el;
    if (this.patience <= 0) {
      setText(earlyStop, 'Early stopping is off (training.earlyStopping).');
      setData(earlyStop, 'bestEpoch', undefined);
    } else if (this.bestEpoch < 0) {
      setText(
        earlyStop,
        `Early stopping: patience ${this.patience} evaluations; no evaluation yet.`,
      );
      setData(earlyStop, 'bestEpoch', undefined);
    } else {
      setData(earlyStop, 'bestEpoch', String(this.bestEpoch));
      const best = `best epoch ${formatCount(this.bestEpoch)} (dashed line)`;
      setText(
        earlyStop,
        this.stopped
          ? `Early stopping (patience ${this.patience}): training stopped at epoch ` +
              `${formatCount(this.lastEpoch())}; ${best}` +
              (this.restoreBest ? ', whose weights were restored.' : '.')
          : `Early stopping (patience ${this.patience}): ${best} so far.`,
      );
    }
    const runs = this.archive.earlier;
    setText(
      earlier,
      runs.length === 0
        ? 'Earlier runs appear here, faintly, after a reset or a change of scene.'
        : `Faint lines: ${runs.map((r) => r.label).join(', ')} (the current run is ${this.archive.current.label}).`,
    );
    if (clear.disabled !== (runs.length === 0)) clear.disabled = runs.length === 0;
  }
}

function percent(v: number): string {
  return `${Math.round(v * 1000) / 10} %`;
}
