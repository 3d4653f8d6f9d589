// The gradient-flow lab (issue 16, part 1): a preset's failure and its cure trained side by side
// from the same seed in the labs' engine (core-labs.wasm, nnp::GradientFlow), on the main thread
// in slices of at most FRAME_BUDGET_MS per animation frame, with per-layer charts of the gradient
// norm and the update ratio, activation histograms, saturated and dead shares, and distinct units.
import '../../styles/gradient-flow.css';
import { formatNumber } from '../../locale.ts';
import type { LabsCoreModule } from '../../wasm/core-labs.mjs';
import { labEngine } from '../lab-engine.ts';
import type { LabContext, MountedLab } from '../lab.ts';
import { decadeRange, drawHistogram, drawLogLines, layerColor } from './charts.ts';
import { FlowRun, MAX_STEPS, STEPS_PER_POINT } from './flow-run.ts';
import { PRESETS, presetById, type Preset } from './presets.ts';
import { element } from '../../ui/dom.ts';

/** Training time per animation frame at most, so the page keeps drawing at 60 frames a second. */
const FRAME_BUDGET_MS = 8;
/** Play's pace: measured points per frame (a run's 150 points in about 2.5 s, slow enough to watch). */
const POINTS_PER_FRAME = 1;
/** Measured points the Step button adds. */
const STEP_POINTS = 5;

function percent(share: number): string {
  return Number.isNaN(share) ? '—' : `${formatNumber(Math.round(share * 1000) / 10)} %`;
}

/** A table cell with an engine figure in short scientific form, its exact value in data-value. */
function figure(className: string, value: number | undefined): HTMLTableCellElement {
  const cell = element(
    'td',
    className,
    value === undefined || Number.isNaN(value) ? '—' : value.toExponential(1),
  );
  if (value !== undefined) cell.dataset.value = String(value);
  return cell;
}

/** One side's view: its charts, its layer table and its first layer's weights. */
class SideView {
  readonly root = element('section', 'flow-side');
  private readonly status = element('p', 'flow-status');
  private readonly grad = element('canvas', 'flow-grad');
  private readonly ratio = element('canvas', 'flow-ratio');
  private readonly rows = element('tbody');
  private readonly weights = element('details', 'flow-weights');
  private readonly weightRows = element('tbody');

  constructor(kind: 'failure' | 'cure', label: string, symmetry: boolean) {
    this.root.dataset.side = kind;
    const heading = element('h2', 'flow-side-title');
    heading.append(
      element('span', 'flow-kind', kind === 'failure' ? 'Failure' : 'Cure'),
      ` ${label}`,
    );
    const gradFigure = element('figure', 'flow-chart');
    gradFigure.append(
      element('figcaption', '', 'Gradient norm ‖∂L/∂W‖ per layer (log scale) against steps'),
      this.grad,
    );
    const ratioFigure = element('figure', 'flow-chart');
    ratioFigure.append(
      element('figcaption', '', 'Update size ‖Δw‖/‖w‖ per layer (log scale)'),
      this.ratio,
    );
    const table = element('table', 'flow-layers');
    const head = element('tr');
    for (const h of [
      'Layer (units)',
      '‖∂L/∂W‖',
      '‖Δw‖/‖w‖',
      'Distinct',
      'Saturated',
      'Dead',
      'Activations',
    ])
      head.append(element('th', '', h));
    table.append(element('thead'), this.rows);
    table.tHead!.append(head);
    const weightTable = element('table', 'flow-weight-table');
    const weightHead = element('tr');
    for (const h of ['Unit', 'w₁', 'w₂', 'b']) weightHead.append(element('th', '', h));
    weightTable.append(element('thead'), this.weightRows);
    weightTable.tHead!.append(weightHead);
    this.weights.append(
      element('summary', '', 'First layer’s weights (the engine’s values)'),
      weightTable,
    );
    this.weights.open = symmetry;
    this.root.append(heading, this.status, gradFigure, ratioFigure, table, this.weights);
  }

  draw(run: FlowRun, grads: [number, number], ratios: [number, number]): void {
    const last = run.losses.at(-1);
    this.status.textContent =
      run.diverged !== null
        ? `Diverged after step ${formatNumber(run.stepCount)}: ${run.diverged}`
        : `Step ${formatNumber(run.stepCount)} · loss ${last === undefined ? '—' : last.toPrecision(3)}`;
    this.status.classList.toggle('flow-diverged', run.diverged !== null);
    this.root.dataset.steps = String(run.stepCount);
    drawLogLines(this.grad, run.steps, run.gradNorms, grads, MAX_STEPS);
    drawLogLines(this.ratio, run.steps, run.updateRatios, ratios, MAX_STEPS);
    this.drawLayers(run);
    if (this.weights.open) this.drawWeights(run);
  }

  private drawLayers(run: FlowRun): void {
    const layers = run.side.spec.model.layers;
    const rows = layers.map((layer, l) => {
      const flow = run.latest[l];
      const row = element('tr');
      row.dataset.layer = String(l);
      const name = element(
        'td',
        '',
        `${l + 1 === layers.length ? 'output' : l + 1} (${layer.units})`,
      );
      name.style.borderLeft = `4px solid ${layerColor(l, layers.length)}`;
      const histogram = element('td');
      if (flow !== undefined) {
        const canvas = element('canvas', 'flow-histogram');
        canvas.setAttribute('role', 'img');
        canvas.setAttribute(
          'aria-label',
          `Layer ${l + 1}'s activations from ${flow.lo} to ${flow.hi}`,
        );
        drawHistogram(canvas, flow.histogram, flow.lo, flow.hi, layerColor(l, layers.length));
        histogram.append(canvas);
      }
      row.append(
        name,
        figure('flow-grad-norm', flow?.weightGradNorm),
        figure('flow-update', flow?.updateRatio),
        element('td', 'flow-distinct', String(run.distinctUnits(l))),
        element('td', 'flow-saturated', flow === undefined ? '—' : percent(flow.saturated)),
        element('td', 'flow-dead', flow === undefined ? '—' : percent(flow.dead)),
        histogram,
      );
      return row;
    });
    this.rows.replaceChildren(...rows);
  }

  private drawWeights(run: FlowRun): void {
    const w = run.parameter('0.weight');
    const b = run.parameter('0.bias');
    const inputs = w.length / b.length;
    const rows = Array.from(b, (bias, u) => {
      const row = element('tr');
      row.append(element('td', '', String(u + 1)));
      // String() of a float32 is the shortest decimal that gives back the same bits.
      for (let i = 0; i < inputs; ++i)
        row.append(element('td', 'flow-w', String(w[u * inputs + i])));
      row.append(element('td', 'flow-w', String(bias)));
      return row;
    });
    this.weightRows.replaceChildren(...rows);
  }
}

class FlowLab {
  private readonly sides = element('div', 'flow-sides');
  private readonly explain = element('p', 'flow-explain');
  private readonly code = element('code');
  private readonly play = element('button', 'flow-play', 'Pause');
  private readonly presetButtons: HTMLButtonElement[] = [];
  private runs: [FlowRun, FlowRun] | null = null;
  private views: [SideView, SideView] | null = null;
  private playing = true;
  private pendingPoints = 0;
  private frame = 0;
  private current: Preset = PRESETS[0]!;

  constructor(
    private readonly engine: LabsCoreModule,
    private readonly root: HTMLElement,
    private readonly context: LabContext,
  ) {}

  mount(preset: Preset): void {
    const title = element('h1', 'lab-title', 'Gradient flow');
    const intro = element(
      'p',
      'flow-intro',
      'Two networks trained at once from the same seed on the same mini-batches of the circle data: a failure on ' +
        'the left, its cure on the right. Layers are coloured from the first (dark) to the output (light).',
    );
    const presets = element('div', 'flow-presets');
    presets.setAttribute('role', 'group');
    presets.setAttribute('aria-label', 'Presets');
    for (const p of PRESETS) {
      const button = element('button', 'flow-preset', p.title);
      button.type = 'button';
      button.dataset.preset = p.id;
      button.addEventListener('click', () => this.load(p));
      this.presetButtons.push(button);
      presets.append(button);
    }
    const controls = element('div', 'flow-controls');
    this.play.type = 'button';
    this.play.addEventListener('click', () => {
      this.playing = !this.playing;
      this.schedule();
    });
    const step = element('button', 'flow-step', `Step ${STEP_POINTS * STEPS_PER_POINT} steps`);
    step.type = 'button';
    step.addEventListener('click', () => {
      this.playing = false;
      this.pendingPoints += STEP_POINTS;
      this.schedule();
    });
    const reset = element('button', 'flow-reset', 'Reset');
    reset.type = 'button';
    reset.addEventListener('click', () => this.load(this.current));
    controls.append(this.play, step, reset);
    const pytorch = element('details', 'flow-pytorch');
    pytorch.append(element('summary', '', 'In PyTorch'), element('pre'));
    pytorch.open = true;
    pytorch.querySelector('pre')!.append(this.code);
    const about = element('div', 'flow-about');
    about.append(this.explain, pytorch);
    this.root.append(title, intro, presets, controls, about, this.sides);
    this.load(preset);
  }

  private load(preset: Preset): void {
    this.current = preset;
    this.context.link.write(new URLSearchParams({ preset: preset.id }));
    for (const b of this.presetButtons)
      b.setAttribute('aria-pressed', String(b.dataset.preset === preset.id));
    this.explain.textContent = preset.explain;
    this.code.textContent = preset.pytorch;
    this.runs?.forEach((r) => r.dispose());
    const symmetry = preset.id === 'symmetry';
    this.runs = [new FlowRun(this.engine, preset.failure), new FlowRun(this.engine, preset.cure)];
    this.views = [
      new SideView('failure', preset.failure.label, symmetry),
      new SideView('cure', preset.cure.label, symmetry),
    ];
    this.sides.replaceChildren(...this.views.map((v) => v.root));
    for (const r of this.runs) r.advance();
    this.playing = true;
    this.pendingPoints = 0;
    this.draw();
    this.schedule();
  }

  private showPlayState(): void {
    this.play.textContent = this.playing ? 'Pause' : 'Play';
    this.play.setAttribute('aria-pressed', String(this.playing));
  }

  private schedule(): void {
    this.showPlayState();
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.tick());
  }

  /** One animation frame: train both sides in lockstep for at most FRAME_BUDGET_MS, then draw. */
  private tick(): void {
    this.frame = 0;
    const runs = this.runs;
    if (runs === null) return;
    const start = performance.now();
    let points = 0;
    while ((this.playing || this.pendingPoints > 0) && !runs.every((r) => r.done)) {
      for (const r of runs) r.advance();
      points += 1;
      if (this.pendingPoints > 0) this.pendingPoints -= 1;
      const budget = this.pendingPoints > 0 ? Infinity : POINTS_PER_FRAME;
      if (points >= budget || performance.now() - start > FRAME_BUDGET_MS) break;
    }
    if (runs.every((r) => r.done)) this.playing = false;
    this.draw();
    if ((this.playing || this.pendingPoints > 0) && !runs.every((r) => r.done)) this.schedule();
    else this.showPlayState();
  }

  private draw(): void {
    if (this.runs === null || this.views === null) return;
    // Both sides on the same axes, so their magnitudes compare at a glance.
    const grads = decadeRange(this.runs.flatMap((r) => r.gradNorms));
    const ratios = decadeRange(this.runs.flatMap((r) => r.updateRatios));
    this.views[0].draw(this.runs[0], grads, ratios);
    this.views[1].draw(this.runs[1], grads, ratios);
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.runs?.forEach((r) => r.dispose());
    this.runs = null;
  }
}

export async function mountLab(root: HTMLElement, context: LabContext): Promise<MountedLab> {
  const engine = await labEngine();
  const lab = new FlowLab(engine, root, context);
  lab.mount(presetById(context.link.initial.get('preset')));
  context.ready();
  return { dispose: () => lab.dispose() };
}
