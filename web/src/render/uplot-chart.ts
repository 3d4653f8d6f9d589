// One uPlot chart in a holder element: rebuilt when its series or scales change (a new run, the
// log toggle), else given new data — by the caller, at most once per animation frame. What it
// draws is built only when it is drawn, so a chart off screen costs no frame anything. The
// instance is kept on the holder as `uplot`, so tests read the very numbers it draws.
// uPlot itself loads when the page asks (loadCharts, once the engine's first frame is drawn), so
// it is not part of the page's first load (issue 13's budgets); until then the latest content
// waits, as it does off screen.
// uPlot's stylesheet is the page's (main.ts) or the element's shadow root's (element/styles.ts):
// imported here, it would also land in the head of a course page that loads the element.
import type uPlot from 'uplot';
import { guardNavigatorLanguages } from '../locale.ts';
import { setData } from '../ui/dom.ts';

/** uPlot, once loaded; the charts that wait for it. */
let UPlot: typeof uPlot | null = null;
let loading: Promise<void> | null = null;
const waiting = new Set<UplotChart>();

/** Loads uPlot (once) and draws what the charts were given meanwhile; a failure is said in each
 *  chart's holder, and a later call tries again. */
export function loadCharts(): Promise<void> {
  if (loading) return loading;
  // uPlot's module builds `new Intl.NumberFormat(navigator.language)` as it loads, and where
  // navigator.language is not a valid tag (WebKit under LANG=C.UTF-8 says "C") that throws: the
  // guard gives `navigator` valid tags first. Here, not when this module loads: checking a tag is
  // ICU's first use, ~50–100 ms that the engine's first frame need not wait for (issue 13). The
  // charts pass their own formatters (training-charts.ts), so uPlot's is never used to draw.
  guardNavigatorLanguages(navigator);
  loading = import('uplot').then(
    (module) => {
      UPlot = module.default;
      for (const chart of waiting) chart.drawPending();
      waiting.clear();
    },
    (error: unknown) => {
      loading = null;
      const why = error instanceof Error ? error.message : String(error);
      for (const chart of waiting) chart.holder.textContent = `The chart did not load (${why}).`;
    },
  );
  return loading;
}

export type HolderElement = HTMLElement & { uplot?: uPlot };

/** Options minus the size (the holder's width decides it). `key` names everything in them
 *  that differs between builds, so equal keys mean the chart can keep its instance. */
export interface ChartSpec {
  key: string;
  options: Omit<uPlot.Options, 'width' | 'height'>;
}

/** Builds what the chart draws (its spec and data), when it is drawn. */
export type ChartContent = () => { spec: ChartSpec; data: uPlot.AlignedData };

export class UplotChart {
  private plot: uPlot | null = null;
  private key = '';
  private width = 0;
  /** Whether the chart is on screen: off screen, the latest content waits (not even built). */
  private visible = false;
  private pending: ChartContent | null = null;

  constructor(
    readonly holder: HolderElement,
    private readonly height = 220,
  ) {
    new ResizeObserver(() => this.fit()).observe(holder);
    new IntersectionObserver((entries) => {
      this.visible = entries.some((entry) => entry.isIntersecting);
      this.drawPending();
    }).observe(holder);
  }

  /** Draws `content` if the chart is on screen (else once it scrolls into view) and uPlot has
   *  loaded (else once it has), building the chart anew only when the spec's key changed. */
  show(content: ChartContent): void {
    if (!this.visible || !UPlot) {
      this.pending = content;
      setData(this.holder, 'pending', 'true');
      if (!UPlot) waiting.add(this);
      return;
    }
    this.draw(content, UPlot);
  }

  /** Draws the content that waited, if the chart is on screen (loadCharts). */
  drawPending(): void {
    if (this.visible && this.pending) this.show(this.pending);
  }

  private draw(content: ChartContent, UPlot: typeof uPlot): void {
    this.pending = null;
    setData(this.holder, 'pending', undefined);
    const { spec, data } = content();
    if (!this.plot || spec.key !== this.key) {
      this.plot?.destroy();
      this.key = spec.key;
      this.width = this.holderWidth();
      this.plot = new UPlot(
        { ...spec.options, width: this.width, height: this.height },
        data,
        this.holder,
      );
      this.holder.uplot = this.plot;
      return;
    }
    this.plot.setData(data);
  }

  /** Redraws without new data (e.g. a marker moved). */
  redraw(): void {
    this.plot?.redraw(false);
  }

  private holderWidth(): number {
    return Math.max(200, Math.floor(this.holder.clientWidth));
  }

  private fit(): void {
    const width = this.holderWidth();
    if (!this.plot || width === this.width) return;
    this.width = width;
    this.plot.setSize({ width, height: this.height });
  }
}
