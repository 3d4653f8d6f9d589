// The regularisation lab (issue 16, part 2): one small noisy dataset, one big network, and the
// same run again with each regulariser — curves, decision boundaries in small multiples, and one
// table of the final losses, the generalisation gap and the test accuracy. Every number comes
// from the engine (the variants worker trains each variant's scene); this file lays them out.
import '../../styles/regularisation.css';
import { formatLoss, formatPercent } from '../../render/format.ts';
import type { LabContext, MountedLab } from '../lab.ts';
import { BoundaryTile } from '../variants/boundary-tile.ts';
import {
  cell,
  LinkReader,
  numberField,
  pytorchSnippet,
  selectField,
  table as tableOf,
} from '../variants/lab-controls.ts';
import { element } from '../../ui/dom.ts';
import { drawChart } from '../variants/line-chart.ts';
import type { VariantJob } from '../variants/protocol.ts';
import { Tracks, type VariantTrack } from '../variants/track.ts';
import { VariantsClient } from '../variants/variants-client.ts';
import {
  DEFAULT_SETTINGS,
  EPOCH_RANGE,
  NOISE_RANGE,
  regularisationVariants,
  UNIT_CHOICES,
  type RegularisationSettings,
  type RegularisationVariant,
} from './scenes.ts';

/** The boundaries' resolution: fine enough to see a wiggle around one point. */
const GRID = 48;
const TRAIN_COLOR = '#0072b2';
const VALIDATION_COLOR = '#d55e00';
/** The curves share one loss scale, clipped here so an exploding validation loss stays legible. */
const LOSS_CAP = 2;

const INTRO =
  'Sixty noisy training points and a network with thousands of weights: enough to memorise ' +
  'every point, noise included. Each panel trains the same network from the same seed with one ' +
  'change. Watch the gap between the training loss (solid) and the validation loss (dashed): ' +
  'without regularisation the training loss goes to zero while the validation loss climbs, and ' +
  'the boundary bends around single points. Each regulariser keeps the gap smaller in its own ' +
  'way — compare the boundaries, then the table.';

function readSettings(params: URLSearchParams): {
  settings: RegularisationSettings;
  problem: string | null;
} {
  const link = new LinkReader(params);
  const settings = {
    noise: link.number('noise', { ...NOISE_RANGE, step: 0.05 }, DEFAULT_SETTINGS.noise),
    units: link.number(
      'units',
      { min: 1, max: 256, step: 1, integer: true },
      DEFAULT_SETTINGS.units,
      UNIT_CHOICES,
    ),
    epochs: link.number(
      'epochs',
      { ...EPOCH_RANGE, step: 10, integer: true },
      DEFAULT_SETTINGS.epochs,
    ),
  };
  return { settings, problem: link.message() };
}

interface Panel {
  variant: RegularisationVariant;
  tile: BoundaryTile;
  chart: HTMLCanvasElement;
  status: HTMLElement;
}

function panel(variant: RegularisationVariant): { node: HTMLElement; panel: Panel } {
  const node = element('article', 'reg-panel');
  node.dataset.variant = variant.id;
  const boundary = element('canvas', 'reg-boundary');
  boundary.setAttribute('role', 'img');
  boundary.setAttribute('aria-label', `${variant.title}: decision boundary and training points`);
  const chart = element('canvas', 'reg-curves');
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', `${variant.title}: training and validation loss by epoch`);
  const status = element('p', 'reg-status');
  node.append(
    element('h3', 'reg-panel-title', variant.title),
    element('div', 'reg-figures'),
    status,
    element('p', 'reg-look', variant.look),
    pytorchSnippet(variant.pytorch),
  );
  node.querySelector('.reg-figures')?.append(boundary, chart);
  return { node, panel: { variant, tile: new BoundaryTile(boundary), chart, status } };
}

function tableRow(variant: RegularisationVariant, track: VariantTrack): HTMLTableRowElement {
  const row = element('tr', '');
  row.dataset.variant = variant.id;
  row.append(element('th', '', variant.title));
  row.querySelector('th')?.setAttribute('scope', 'row');
  const e = track.evaluation;
  if (!e) return row;
  const gap = e.validation.loss - e.train.loss;
  row.append(
    cell(formatLoss(e.train.loss), e.train.loss),
    cell(formatLoss(e.validation.loss), e.validation.loss),
    cell(formatLoss(gap), gap),
    cell(formatPercent(e.test.accuracy), e.test.accuracy),
    cell(String(track.progress?.epoch ?? 0), track.progress?.epoch ?? 0),
  );
  return row;
}

function statusText(track: VariantTrack, epochs: number): string {
  const epoch = track.progress?.epoch ?? 0;
  if (track.error) return `Stopped: ${track.error}`;
  if (track.done && epoch < epochs)
    return `Stopped early after epoch ${epoch} (best weights restored)`;
  return track.done ? `Done: ${epoch} epochs` : `Epoch ${epoch} of ${epochs}`;
}

export function mountLab(root: HTMLElement, context: LabContext): MountedLab {
  const initial = readSettings(context.link.initial);
  const settings = { ...initial.settings };
  context.say(initial.problem);

  const controls = element('form', 'variants-controls');
  controls.setAttribute('aria-label', 'Settings');
  controls.addEventListener('submit', (event) => event.preventDefault());
  const restart = element('button', 'variants-restart', 'Restart');
  restart.type = 'submit';
  const progress = element('p', 'variants-progress');
  progress.setAttribute('aria-live', 'polite');
  const grid = element('div', 'reg-grid');
  const table = tableOf(
    'reg-table',
    ['Variant', 'Train loss', 'Validation loss', 'Gap', 'Test accuracy', 'Epochs'],
    'At the end of training (the ensemble: its averaged prediction). Gap = validation loss − training loss.',
  );
  const tbody = table.tBodies[0]!;

  root.append(
    element('h1', 'lab-title', 'Overfitting and regularisation, side by side'),
    element('p', 'variants-intro', INTRO),
    controls,
    progress,
    element(
      'p',
      'reg-key',
      'In each panel: the decision boundary (orange: class 0, blue: class 1) with the 60 training ' +
        'points, and the loss by epoch — training solid blue, validation dashed orange, on one ' +
        'scale for all nine.',
    ),
    grid,
    element('h2', 'variants-heading', 'At the end'),
    table,
  );

  let panels: Panel[] = [];
  let tracks = new Tracks([]);
  let readied = false;
  let frame = 0;
  let allFinished = false;

  const client = new VariantsClient({
    update(updates, finished) {
      tracks.take(updates);
      for (const update of updates) {
        if (update.trainPoints.length > 0)
          panels.find((p) => p.variant.id === update.id)?.tile.setPoints(update.trainPoints);
      }
      // The state is published by draw(), with the numbers it describes: a test (or a reader)
      // that sees "finished" sees the finished table.
      allFinished = finished;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(draw);
    },
    problem(message) {
      context.say(message);
      root.dataset.state = 'stopped';
    },
  });

  function draw(): void {
    let top = 0;
    for (const p of panels) {
      for (const r of tracks.get(p.variant.id).history) {
        for (const loss of [r.train.loss, r.validation.loss])
          if (Number.isFinite(loss)) top = Math.max(top, Math.min(loss, LOSS_CAP));
      }
    }
    const rows: HTMLTableRowElement[] = [];
    let epochsDone = 0;
    for (const p of panels) {
      const track = tracks.get(p.variant.id);
      p.tile.draw(track.grid, track.resolution);
      const epochs = track.column((r) => r.epoch);
      drawChart(
        p.chart,
        [
          { label: 'train', color: TRAIN_COLOR, x: epochs, y: track.column((r) => r.train.loss) },
          {
            label: 'validation',
            color: VALIDATION_COLOR,
            dashed: true,
            x: epochs,
            y: track.column((r) => r.validation.loss),
          },
        ],
        {
          xLabel: 'epoch',
          yLabel: 'loss',
          xMax: settings.epochs,
          yTop: top || 1,
          legend: false,
          ...(p.variant.scene.training.earlyStopping?.restoreBest && track.bestEpoch >= 0
            ? { markX: track.bestEpoch }
            : {}),
        },
      );
      rows.push(tableRow(p.variant, track));
      epochsDone += track.done ? settings.epochs : (track.progress?.epoch ?? 0);
    }
    // The DOM's text after every canvas is drawn: a change makes the page lay out again, which
    // the next canvas's size would otherwise force at once.
    for (const p of panels) {
      const track = tracks.get(p.variant.id);
      p.status.textContent = statusText(track, settings.epochs);
      p.status.parentElement!.dataset.done = String(track.done);
    }
    tbody.replaceChildren(...rows);
    const all = panels.length * settings.epochs;
    progress.textContent = allFinished
      ? `Finished: ${panels.length} variants trained.`
      : `Training ${panels.length} variants: ${Math.round((100 * epochsDone) / all)} % done.`;
    if (root.dataset.state !== 'stopped')
      root.dataset.state = allFinished ? 'finished' : 'training';
    if (!readied && panels.every((p) => tracks.get(p.variant.id).evaluation)) {
      readied = true;
      context.ready();
    }
  }

  function start(): void {
    const params = new URLSearchParams({
      noise: String(settings.noise),
      units: String(settings.units),
      epochs: String(settings.epochs),
    });
    context.link.write(params);
    const variants = regularisationVariants(settings);
    const built = variants.map(panel);
    panels = built.map((b) => b.panel);
    grid.replaceChildren(...built.map((b) => b.node));
    tracks = new Tracks(variants.map((v) => v.id));
    allFinished = false;
    root.dataset.state = 'training';
    const jobs: VariantJob[] = variants.map((v) => ({
      id: v.id,
      scene: v.scene,
      epochs: settings.epochs,
      mode: 'epochs',
      grid: GRID,
    }));
    client.start(jobs);
  }

  const noiseField = numberField(
    'Noise',
    'noise',
    { ...NOISE_RANGE, step: 0.05 },
    settings.noise,
    (value) => {
      settings.noise = value;
      start();
    },
  );
  controls.append(
    noiseField,
    selectField(
      'Units per hidden layer (3 layers)',
      'units',
      UNIT_CHOICES.map((u) => ({ value: u, label: String(u) })),
      settings.units,
      (value) => {
        settings.units = value;
        start();
      },
    ),
    numberField(
      'Epochs',
      'epochs',
      { ...EPOCH_RANGE, step: 10, integer: true },
      settings.epochs,
      (value) => {
        settings.epochs = value;
        start();
      },
    ),
    restart,
  );
  restart.addEventListener('click', (event) => {
    event.preventDefault();
    context.say(null);
    start();
  });

  start();
  return {
    dispose() {
      cancelAnimationFrame(frame);
      client.dispose();
    },
  };
}
