// The optimiser race (issue 15, part 1): SGD, momentum, Nesterov, Adagrad, RMSprop, Adam and AdamW
// descend one loss surface side by side. Everything computed — f on the grid, each step, each
// gradient and optimiser state — is the labs' engine's (core/src/labs, through core-labs.wasm);
// this file wires the controls, and the drawing lives beside it.
import '../../styles/race.css';
import type {
  LabsCoreModule,
  LossSurface,
  OptimiserRace,
  RacerSnapshot,
  RaceSettings,
} from '../../wasm/core-labs.mjs';
import { labEngine } from '../lab-engine.ts';
import type { LabContext, MountedLab } from '../lab.ts';
import { drawLossChart } from './loss-chart.ts';
import { pytorchCode } from './pytorch-code.ts';
import { RACER_KINDS, racerOptimizer } from './racers.ts';
import { racerControls, readoutRow, type ReadoutRow } from './racer-table.ts';
import {
  CUSTOM_SURFACE,
  DEFAULT_SURFACE,
  defaultSettings,
  NOISE_RANGE,
  readSettings,
  SCHEDULES,
  writeSettings,
  type RaceLabSettings,
} from './settings.ts';
import { SurfaceView, type Box } from './surface-view.ts';
import { element } from '../../ui/dom.ts';

const GRID = 120; // the contours' grid: res × res values of f from the engine
const MAX_STEPS = 5000; // Play stops here (the trajectories stay readable)
const SPEEDS = [1, 5, 25]; // steps per animation frame

function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  const label = element('label', 'race-field');
  label.append(element('span', 'race-field-name', text), control);
  return label;
}

function button(text: string, className = ''): HTMLButtonElement {
  const b = element('button', `race-button ${className}`.trim(), text);
  b.type = 'button';
  return b;
}

interface CurrentSurface {
  id: string;
  expression: string;
  box: Box;
  minima: [number, number][];
  lesson: string;
  start: [number, number];
}

export async function mountLab(root: HTMLElement, context: LabContext): Promise<MountedLab> {
  const engine: LabsCoreModule = await labEngine();
  const surfaces: LossSurface[] = engine.lossSurfaces();
  const surfaceById = (id: string) => surfaces.find((s) => s.id === id);
  const baseFor = (id: string) =>
    defaultSettings(id, id === CUSTOM_SURFACE.id ? CUSTOM_SURFACE.start : surfaceById(id)!.start);
  // The link's surface; an unknown one falls back to the default.
  const linkSurface = context.link.initial.get('s') ?? DEFAULT_SURFACE;
  let base = baseFor(
    linkSurface === CUSTOM_SURFACE.id || surfaceById(linkSurface) ? linkSurface : DEFAULT_SURFACE,
  );
  let settings: RaceLabSettings = readSettings(context.link.initial, base);

  // ---- markup
  root.append(element('h1', 'lab-title', 'Optimiser race'));
  root.append(
    element(
      'p',
      'race-intro',
      'Seven optimisers start from the same point and follow the gradient of f(x, y) downhill, each ' +
        'with torch.optim’s update rule. Drop the start anywhere, change a learning rate, and watch ' +
        'who converges, who crawls and who diverges.',
    ),
  );
  const layout = element('div', 'race-layout');
  const stage = element('section', 'race-stage');
  const side = element('section', 'race-side');
  layout.append(stage, side);
  root.append(layout);

  const surfaceSelect = element('select', 'race-surface');
  for (const s of surfaces) surfaceSelect.append(new Option(s.title, s.id));
  surfaceSelect.append(new Option('Your own f(x, y)…', CUSTOM_SURFACE.id));
  const kInput = element('input', 'race-k');
  kInput.type = 'range';
  const kValue = element('output', 'race-k-value');
  const kField = labelled('κ', kInput);
  kField.append(kValue);
  const customInput = element('input', 'race-custom');
  customInput.type = 'text';
  customInput.spellcheck = false;
  customInput.autocomplete = 'off';
  const customField = labelled('f(x, y) =', customInput);
  const customError = element('pre', 'race-custom-error');
  customError.setAttribute('role', 'alert');
  customError.hidden = true;
  const surfaceRow = element('div', 'race-row');
  surfaceRow.append(labelled('Surface', surfaceSelect), kField, customField);
  const expressionLine = element('p', 'race-expression');

  const canvas = element('canvas', 'race-canvas');
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute(
    'aria-label',
    'The loss surface. Click or drag to put the start there; arrow keys move it (Shift: further).',
  );
  const view = new SurfaceView(canvas);
  const legend = element(
    'p',
    'race-legend',
    '★ minimum · ○ start (click, drag or use the arrow keys) · arrow: −∇f, the way downhill · ' +
      '✕ where a racer diverged · darker bands are higher f (levels spaced on a log scale).',
  );
  const lesson = element('p', 'race-lesson');

  const play = button('Play', 'race-play');
  const step = button('Step', 'race-step');
  const reset = button('Reset', 'race-reset');
  const perClick = element('input', 'race-per-click');
  perClick.type = 'number';
  perClick.min = '1';
  perClick.max = '1000';
  const speed = element('select', 'race-speed');
  for (const s of SPEEDS)
    speed.append(new Option(`${s} step${s > 1 ? 's' : ''} a frame`, String(s)));
  speed.value = '5';
  const stepCount = element('output', 'race-step-count');
  stepCount.setAttribute('aria-live', 'polite');
  const controls = element('div', 'race-row race-controls');
  controls.append(
    play,
    step,
    labelled('steps per Step', perClick),
    reset,
    labelled('Play speed', speed),
    stepCount,
  );

  const noise = element('input', 'race-noise');
  noise.type = 'range';
  noise.min = String(NOISE_RANGE.min);
  noise.max = String(NOISE_RANGE.max);
  noise.step = String(NOISE_RANGE.step);
  const noiseValue = element('output', 'race-noise-value');
  const noiseField = labelled('Gradient noise (std)', noise);
  noiseField.append(noiseValue);
  const schedule = element('select', 'race-schedule');
  for (const s of SCHEDULES) schedule.append(new Option(s.title, s.id));
  const options = element('div', 'race-row');
  options.append(noiseField, labelled('Learning-rate schedule', schedule));

  stage.append(surfaceRow, customError, expressionLine, canvas, legend, lesson, controls, options);

  const racerBox = element('fieldset', 'race-racers');
  racerBox.append(element('legend', '', 'Racers'));
  const racerInputs = racerControls(
    racerBox,
    RACER_KINDS,
    () => settings.racers,
    () => {
      restart();
    },
  );
  const readout = element('table', 'race-readout');
  readout.createCaption().textContent = 'Where each racer is now';
  const head = readout.createTHead().insertRow();
  for (const h of ['racer', 'step', 'x', 'y', 'f', '|∇f|', 'optimiser state'])
    head.append(Object.assign(element('th', '', h), { scope: 'col' }));
  const readoutBody = readout.createTBody();
  const chart = element('canvas', 'race-loss-chart');
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', 'f against the step for every racer');
  const chartTitle = element('h2', 'race-h2', 'f at each step');
  const code = element('details', 'race-code');
  code.open = true;
  const codeSummary = element('summary', '', 'The same in PyTorch');
  const codeRacer = element('select', 'race-code-racer');
  for (const kind of RACER_KINDS) codeRacer.append(new Option(kind.title, kind.id));
  codeRacer.value = 'adam';
  const codeText = element('pre', 'race-code-text');
  code.append(codeSummary, labelled('for', codeRacer), codeText);
  side.append(racerBox, readout, chartTitle, chart, code);

  // ---- state
  let surface: CurrentSurface = currentSurface();
  let race: OptimiserRace | null = null;
  let racerKinds: number[] = []; // the RACER_KINDS index of each racer in the engine's race
  let rows: ReadoutRow[] = [];
  let playing = false;
  let frame = 0;

  function currentSurface(): CurrentSurface {
    const s = surfaceById(settings.surface);
    if (!s)
      return {
        id: CUSTOM_SURFACE.id,
        expression: settings.custom,
        box: CUSTOM_SURFACE.box,
        minima: [],
        lesson: 'Your own surface: the engine parses it and differentiates it with its autograd.',
        start: CUSTOM_SURFACE.start,
      };
    const k = settings.k ?? s.parameter?.value ?? 0;
    return {
      id: s.id,
      expression: engine.surfaceExpression(s.id, k),
      box: s.box,
      minima: s.minima,
      lesson: s.lesson,
      start: s.start,
    };
  }

  function raceSettings(): RaceSettings {
    return {
      expression: surface.expression,
      start: settings.start,
      racers: racerKinds.map((k) => racerOptimizer(RACER_KINDS[k]!, settings.racers[k]!)),
      scheduler: SCHEDULES.find((s) => s.id === settings.schedule)?.scheduler ?? null,
      gradient_noise: settings.noise,
      seed: 1,
    };
  }

  function showSyntaxError(message: string | null): void {
    customError.hidden = message === null;
    if (message === null) return;
    const column = /column (\d+)/.exec(message);
    const caret = column ? `\n${' '.repeat(Number(column[1]) - 1)}^` : '';
    customError.textContent = `${settings.custom}${caret}\n${message}`;
  }

  /** A new surface: its grid of f from the engine, drawn as contours. */
  function regrid(): boolean {
    surface = currentSurface();
    const { xMin, xMax, yMin, yMax } = surface.box;
    try {
      view.setSurface(engine.surfaceGrid(surface.expression, GRID, xMin, xMax, yMin, yMax), GRID);
      showSyntaxError(null);
      return true;
    } catch (error) {
      if (surface.id !== CUSTOM_SURFACE.id) throw error;
      view.clearSurface();
      showSyntaxError((error as Error).message);
      return false;
    }
  }

  /** The race from the start again, with the settings as they are. */
  function restart(): void {
    pause();
    race?.delete();
    race = null;
    racerKinds = RACER_KINDS.flatMap((_, i) => (settings.racers[i]!.on ? [i] : []));
    context.say(null);
    if (racerKinds.length === 0) context.say('Tick at least one racer to start the race.');
    else if (customError.hidden) {
      try {
        race = new engine.OptimiserRace(raceSettings());
      } catch (error) {
        context.say((error as Error).message);
      }
    }
    readoutBody.replaceChildren();
    rows = racerKinds.map((k) => readoutRow(readoutBody, RACER_KINDS[k]!));
    context.link.write(writeSettings(settings, base));
    syncControls();
    render(true);
  }

  function snapshots(): RacerSnapshot[] {
    return race ? racerKinds.map((_, i) => race!.racer(i)) : [];
  }

  /** Draws the race now; `settled` (paused) also publishes each trajectory for tests and tools. */
  function render(settled: boolean): void {
    const snaps = snapshots();
    const trajectories = race ? racerKinds.map((_, i) => race!.trajectory(i)) : [];
    view.draw(
      surface.box,
      surface.minima,
      settings.start,
      snaps.map((s, i) => ({
        colour: RACER_KINDS[racerKinds[i]!]!.colour,
        trajectory: trajectories[i]!,
        gradient: [s.gradX, s.gradY],
        diverged: s.diverged,
      })),
    );
    snaps.forEach((s, i) => rows[i]!.show(s, settled ? trajectories[i]! : null));
    const steps = Math.max(0, ...snaps.map((s) => s.steps));
    stepCount.value = `step ${steps}`;
    drawLossChart(
      chart,
      race
        ? racerKinds.map((k, i) => ({ colour: RACER_KINDS[k]!.colour, losses: race!.losses(i) }))
        : [],
    );
    const kind = RACER_KINDS.findIndex((k) => k.id === codeRacer.value);
    codeText.textContent = pytorchCode({
      expression: surface.expression,
      start: settings.start,
      optimizer: racerOptimizer(RACER_KINDS[kind]!, settings.racers[kind]!),
      scheduler: SCHEDULES.find((s) => s.id === settings.schedule)?.scheduler ?? null,
      noise: settings.noise,
      steps: Math.max(steps, settings.stepsPerClick),
    });
    root.dataset.steps = String(steps);
  }

  function advance(steps: number): boolean {
    if (!race) return false;
    race.run(steps);
    const snaps = snapshots();
    return snaps.some((s) => !s.diverged) && Math.max(...snaps.map((s) => s.steps)) < MAX_STEPS;
  }

  function tick(): void {
    if (!playing) return;
    const going = advance(Number(speed.value));
    render(!going);
    if (going) frame = requestAnimationFrame(tick);
    else pause();
  }

  function pause(): void {
    if (!playing) return;
    playing = false;
    cancelAnimationFrame(frame);
    play.textContent = 'Play';
    play.setAttribute('aria-pressed', 'false');
    render(true);
  }

  function syncControls(): void {
    surfaceSelect.value = settings.surface;
    const s = surfaceById(settings.surface);
    kField.hidden = !s?.parameter;
    if (s?.parameter) {
      kInput.min = String(s.parameter.min);
      kInput.max = String(s.parameter.max);
      kInput.step = '1';
      kInput.value = String(settings.k ?? s.parameter.value);
      kValue.value = kInput.value;
      kField.title = s.parameter.label;
      kInput.setAttribute('aria-label', s.parameter.label);
    }
    customField.hidden = settings.surface !== CUSTOM_SURFACE.id;
    customInput.value = settings.custom;
    expressionLine.textContent = `f(x, y) = ${surface.expression}`;
    lesson.textContent = surface.lesson;
    noise.value = String(settings.noise);
    noiseValue.value = settings.noise.toFixed(2);
    schedule.value = settings.schedule;
    perClick.value = String(settings.stepsPerClick);
    racerInputs.sync();
  }

  // ---- events
  surfaceSelect.addEventListener('change', () => {
    base = baseFor(surfaceSelect.value);
    settings = { ...settings, surface: surfaceSelect.value, k: null, start: base.start };
    regrid();
    restart();
  });
  kInput.addEventListener('input', () => {
    settings.k = Number(kInput.value);
    regrid();
    restart();
  });
  customInput.addEventListener('change', () => {
    settings.custom = customInput.value;
    regrid();
    restart();
  });
  noise.addEventListener('input', () => {
    settings.noise = Number(noise.value);
    restart();
  });
  schedule.addEventListener('change', () => {
    settings.schedule = schedule.value;
    restart();
  });
  perClick.addEventListener('change', () => {
    const n = Math.round(Number(perClick.value));
    settings.stepsPerClick = Number.isFinite(n) ? Math.min(1000, Math.max(1, n)) : 1;
    restart();
  });
  codeRacer.addEventListener('change', () => render(!playing));
  play.addEventListener('click', () => {
    if (playing) {
      pause();
      return;
    }
    if (!race) return;
    playing = true;
    play.textContent = 'Pause';
    play.setAttribute('aria-pressed', 'true');
    frame = requestAnimationFrame(tick);
  });
  step.addEventListener('click', () => {
    pause();
    advance(settings.stepsPerClick);
    render(true);
  });
  reset.addEventListener('click', restart);

  function moveStart(x: number, y: number): void {
    const { xMin, xMax, yMin, yMax } = surface.box;
    const round = (v: number) => Math.round(v * 1000) / 1000;
    settings.start = [
      round(Math.min(xMax, Math.max(xMin, x))),
      round(Math.min(yMax, Math.max(yMin, y))),
    ];
    restart();
  }
  let dragging = false;
  const pointerAt = (e: PointerEvent) => {
    const r = canvas.getBoundingClientRect();
    return view.toSurface(surface.box, e.clientX - r.left, e.clientY - r.top);
  };
  canvas.addEventListener('pointerdown', (e) => {
    dragging = true;
    canvas.setPointerCapture(e.pointerId);
    moveStart(...pointerAt(e));
  });
  canvas.addEventListener('pointermove', (e) => {
    if (dragging) moveStart(...pointerAt(e));
  });
  canvas.addEventListener('pointerup', () => {
    dragging = false;
  });
  canvas.addEventListener('keydown', (e) => {
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, 1],
      ArrowDown: [0, -1],
    };
    const d = arrows[e.key];
    if (!d) return;
    e.preventDefault();
    const { xMin, xMax, yMin, yMax } = surface.box;
    const f = e.shiftKey ? 0.1 : 0.02;
    moveStart(
      settings.start[0] + d[0] * f * (xMax - xMin),
      settings.start[1] + d[1] * f * (yMax - yMin),
    );
  });
  const resize = new ResizeObserver(() => {
    regrid();
    render(!playing);
  });

  regrid();
  restart();
  resize.observe(canvas);
  context.ready();
  return {
    dispose() {
      pause();
      resize.disconnect();
      race?.delete();
      race = null;
    },
  };
}
