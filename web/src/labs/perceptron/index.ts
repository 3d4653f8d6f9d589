// The perceptron lab (issue 16, part 4): Rosenblatt's rule in the labs' engine (nnp::Perceptron
// through core-labs.wasm), one sample at a time — the line moving after each mistake, the
// mistakes per epoch, convergence on separable data and the cycle the engine detects on XOR — and
// beside it a one-hidden-layer network (nnp::Learner) trained on the same points.
import '../../styles/perceptron.css';
import { formatNumber } from '../../locale.ts';
import type { LabsCoreModule, Network, Perceptron, PerceptronStep } from '../../wasm/core-labs.mjs';
import { labEngine } from '../lab-engine.ts';
import type { LabContext, MountedLab } from '../lab.ts';
import { drawMistakes } from './mistakes-chart.ts';
import {
  DOMAIN,
  drawNetwork,
  drawPerceptron,
  fromCanvas,
  gridPoints,
  type PlanePoints,
} from './plane.ts';
import { NETWORK_SPEC, NETWORK_TEXT, SNIPPET } from './text.ts';
import { element } from '../../ui/dom.ts';

const DATASETS = {
  blobs: 'Separable blobs',
  xor: 'XOR',
  custom: 'Your points (click the plane)',
} as const;
type DataId = keyof typeof DATASETS;

/** Points per generated set, and the grid they sit on (so a cycle repeats exactly: snap_to_grid). */
const SAMPLES = 60;
const GRID = 0.25;
const LR = 1;
/** Play's pace, and how long it may run. */
const SAMPLES_PER_SECOND = 16;
const MAX_EPOCHS = 200;
/** The network: steps per animation frame, until NETWORK_STEPS; its map's resolution. */
const NETWORK_STEPS_PER_FRAME = 10;
const NETWORK_STEPS = 800;
const MAP_RES = 48;
const PLANE = 380;

function button(className: string, text: string, onClick: () => void): HTMLButtonElement {
  const b = element('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function num(v: number): string {
  return formatNumber(Math.round(v * 1000) / 1000);
}

class PerceptronLab {
  private readonly data = element('select', 'perc-data');
  private readonly play = button('perc-play', 'Play', () => this.togglePlay());
  private readonly addClass = element('select', 'perc-add-class');
  private readonly plane = element('canvas', 'perc-plane');
  private readonly stepText = element('p', 'perc-step');
  private readonly weights = element('p', 'perc-weights');
  private readonly verdict = element('p', 'perc-verdict');
  private readonly chart = element('canvas', 'perc-chart');
  private readonly mistakesList = element('ol', 'perc-mistakes-list');
  private readonly netPlane = element('canvas', 'perc-net-plane');
  private readonly netStatus = element('p', 'perc-net-status');
  private points: PlanePoints = { x: new Float32Array(), y: new Float32Array() };
  private perceptron: Perceptron | null = null;
  private network: Network | null = null;
  private readonly grid = gridPoints(MAP_RES);
  private last: PerceptronStep | null = null;
  private playing = false;
  private frame = 0;
  private lastTime = 0;
  private owed = 0;

  constructor(
    private readonly engine: LabsCoreModule,
    private readonly root: HTMLElement,
    private readonly context: LabContext,
  ) {}

  mount(initial: DataId): void {
    const title = element('h1', 'lab-title', 'The perceptron');
    const intro = element(
      'p',
      'perc-intro',
      'A perceptron predicts class 1 when w·x + b ≥ 0. It learns by the perceptron rule: go through the points in a ' +
        'fixed order and, only when a point is misclassified, move the line towards it — w ← w + η·t·x and ' +
        'b ← b + η·t, with t = +1 for class 1 and −1 for class 0 (here η = 1).',
    );
    const controls = element('div', 'perc-controls');
    const dataLabel = element('label', '', 'Data ');
    for (const [id, name] of Object.entries(DATASETS)) {
      const option = element('option', '', name);
      option.value = id;
      this.data.append(option);
    }
    this.data.value = initial;
    this.data.addEventListener('change', () => this.load(this.data.value as DataId));
    dataLabel.append(this.data);
    const classLabel = element('label', '', 'A click adds ');
    for (const c of [0, 1]) {
      const option = element('option', '', `class ${c}`);
      option.value = String(c);
      this.addClass.append(option);
    }
    classLabel.append(this.addClass);
    controls.append(
      dataLabel,
      button('perc-step-sample', 'Step sample', () => this.stepSample()),
      button('perc-step-epoch', 'Step epoch', () => this.stepEpoch()),
      this.play,
      button('perc-reset', 'Reset', () => this.reset()),
      classLabel,
    );
    this.plane.setAttribute('role', 'img');
    this.plane.addEventListener('click', (event) => this.addPoint(event));
    this.stepText.setAttribute('aria-live', 'polite');
    const left = element('section', 'perc-panel');
    const figure = element('figure', 'perc-mistakes');
    figure.append(element('figcaption', '', 'Mistakes per epoch'), this.chart, this.mistakesList);
    left.append(
      element('h2', '', 'Perceptron'),
      this.plane,
      this.stepText,
      this.weights,
      this.verdict,
      figure,
    );
    const right = element('section', 'perc-panel');
    this.netPlane.setAttribute('role', 'img');
    this.netPlane.setAttribute(
      'aria-label',
      'The network’s output over the plane, with the points',
    );
    right.append(
      element('h2', '', 'One hidden layer'),
      this.netPlane,
      this.netStatus,
      element('p', 'perc-net-text', NETWORK_TEXT),
    );
    const panels = element('div', 'perc-panels');
    panels.append(left, right);
    const snippet = element('details', 'perc-pytorch');
    const pre = element('pre');
    pre.append(element('code', '', SNIPPET));
    snippet.append(element('summary', '', 'In NumPy and PyTorch'), pre);
    snippet.open = true;
    this.root.append(title, intro, controls, panels, snippet);
    this.load(initial);
  }

  private load(id: DataId): void {
    this.data.value = id;
    this.context.link.write(new URLSearchParams({ data: id }));
    if (id !== 'custom') this.points = this.engine.labPoints(id, SAMPLES, 0, 1, GRID);
    this.reset();
  }

  /** A new perceptron and a new network on the current points. */
  private reset(): void {
    this.perceptron?.delete();
    this.network?.delete();
    this.perceptron = null;
    this.network = null;
    this.last = null;
    this.playing = false;
    if (this.points.y.length > 0) {
      this.perceptron = new this.engine.Perceptron(this.points.x, this.points.y, LR);
      this.network = new this.engine.Network(NETWORK_SPEC, this.points.x, this.points.y, 1);
      this.context.say(null);
    } else this.context.say('There are no points yet: click the plane to add some.');
    this.draw();
    this.schedule();
  }

  private addPoint(event: MouseEvent): void {
    const box = this.plane.getBoundingClientRect();
    // Snapped to the data's grid, so the rule's cycles on these points repeat exactly too.
    const snap = (v: number) => Math.round(v / GRID) * GRID;
    const px = snap(fromCanvas(event.clientX - box.left, box.width));
    const py = snap(fromCanvas(event.clientY - box.top, box.height, true));
    if (Math.abs(px) > DOMAIN || Math.abs(py) > DOMAIN) return;
    const x = new Float32Array(this.points.x.length + 2);
    x.set(this.points.x);
    x.set([px, py], this.points.x.length);
    const y = new Float32Array(this.points.y.length + 1);
    y.set(this.points.y);
    y[this.points.y.length] = Number(this.addClass.value);
    this.points = { x, y };
    this.data.value = 'custom';
    this.context.link.write(new URLSearchParams({ data: 'custom' }));
    this.reset();
  }

  private get finished(): boolean {
    const p = this.perceptron;
    return p === null || p.converged() || p.cycling() || p.epochs() >= MAX_EPOCHS;
  }

  private stepSample(): void {
    if (this.perceptron === null) return;
    this.last = this.perceptron.step();
    this.draw();
  }

  private stepEpoch(): void {
    if (this.perceptron === null) return;
    // To the end of the epoch under way, sample by sample, so the last one shown is highlighted.
    do this.last = this.perceptron.step();
    while (!this.last.epochEnd);
    this.draw();
  }

  private togglePlay(): void {
    this.playing = !this.playing && !this.finished;
    this.lastTime = performance.now();
    this.owed = 0;
    this.schedule();
  }

  private schedule(): void {
    this.play.textContent = this.playing ? 'Pause' : 'Play';
    this.play.setAttribute('aria-pressed', String(this.playing));
    const training = this.network !== null && this.network.steps() < NETWORK_STEPS;
    if ((this.playing || training) && this.frame === 0)
      this.frame = requestAnimationFrame((t) => this.tick(t));
  }

  private tick(time: number): void {
    this.frame = 0;
    if (this.playing && this.perceptron !== null) {
      this.owed += ((time - this.lastTime) / 1000) * SAMPLES_PER_SECOND;
      this.lastTime = time;
      while (this.owed >= 1 && !this.finished) {
        this.last = this.perceptron.step();
        this.owed -= 1;
      }
      if (this.finished) this.playing = false;
    }
    if (this.network !== null && this.network.steps() < NETWORK_STEPS)
      this.network.train(NETWORK_STEPS_PER_FRAME);
    this.draw();
    this.schedule();
  }

  private draw(): void {
    const p = this.perceptron;
    const w = p?.weights() ?? [0, 0];
    const b = p?.bias() ?? 0;
    drawPerceptron(this.plane, PLANE, this.points, w, b, this.last?.sample ?? null);
    this.plane.setAttribute(
      'aria-label',
      `The points and the perceptron's line ${num(w[0]!)}·x₁ + ${num(w[1]!)}·x₂ + ${num(b)} = 0`,
    );
    this.weights.textContent = `w = (${num(w[0]!)}, ${num(w[1]!)}),  b = ${num(b)}`;
    this.stepText.textContent = this.describeStep();
    this.verdict.textContent = this.describeRun();
    this.verdict.dataset.state =
      p === null ? 'empty' : p.converged() ? 'converged' : p.cycling() ? 'cycling' : 'running';
    const mistakes = p?.mistakesPerEpoch() ?? new Int32Array();
    drawMistakes(this.chart, mistakes, this.points.y.length, p?.cycleLength() ?? 0);
    this.chart.setAttribute('role', 'img');
    this.chart.setAttribute(
      'aria-label',
      `Mistakes in each of ${mistakes.length} epochs (listed below)`,
    );
    this.mistakesList.replaceChildren(...Array.from(mistakes, (m) => element('li', '', String(m))));
    if (this.network !== null) {
      drawNetwork(this.netPlane, PLANE, this.points, this.network.predict(this.grid), MAP_RES);
      this.netStatus.textContent = `${formatNumber(this.network.steps())} steps of full-batch gradient descent`;
      this.netStatus.dataset.steps = String(this.network.steps());
    }
    this.root.dataset.epochs = String(p?.epochs() ?? 0);
  }

  private describeStep(): string {
    const s = this.last;
    if (s === null) return 'Press Step sample to show the first point.';
    const head = `Point ${s.sample + 1} (class ${s.label}) → predicted ${s.predicted}`;
    if (!s.mistake) return `${head}: right, so nothing changes.`;
    return (
      `${head}: a mistake, so the line moves — Δw = η·t·x = (${num(s.deltaW[0]!)}, ${num(s.deltaW[1]!)}), ` +
      `Δb = η·t = ${num(s.deltaB)}.`
    );
  }

  private describeRun(): string {
    const p = this.perceptron;
    if (p === null) return '';
    const n = this.points.y.length;
    const epochs = p.epochs();
    if (p.converged())
      return `Converged: epoch ${epochs} made no mistake — the line separates all ${n} points, so the rule stops changing it.`;
    if (p.cycling()) {
      const l = p.cycleLength();
      return (
        `Cycling: the weights at the end of epoch ${epochs} equal those at the end of epoch ${epochs - l} — a cycle ` +
        `of ${l} epoch${l === 1 ? '' : 's'}. No straight line separates these points, so the same mistakes come back for ever.`
      );
    }
    if (epochs >= MAX_EPOCHS) return `Still making mistakes after ${epochs} epochs.`;
    return `Epoch ${epochs + 1}: ${p.position()} of ${n} points shown.`;
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.perceptron?.delete();
    this.network?.delete();
    this.perceptron = null;
    this.network = null;
  }
}

export async function mountLab(root: HTMLElement, context: LabContext): Promise<MountedLab> {
  const engine = await labEngine();
  const lab = new PerceptronLab(engine, root, context);
  const asked = context.link.initial.get('data');
  lab.mount(asked === 'xor' ? 'xor' : 'blobs');
  context.ready();
  return { dispose: () => lab.dispose() };
}
