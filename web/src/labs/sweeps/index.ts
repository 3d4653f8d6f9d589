// The learning-rate and batch-size lab (issue 16, part 3): (a) one network at eight learning
// rates at once, its final loss against the rate (the U shape) beside each rate's curve; (b) a
// learning-rate range test, the loss of each step against the rate it used; (c) full batch,
// mini-batches and batch 1 on the same data, against steps and against samples seen, with the
// step / batch / epoch vocabulary on each run. Every number comes from the engine.
import '../../styles/sweeps.css';
import { formatCount, formatLoss, formatPercent } from '../../render/format.ts';
import { tickLabel } from '../../render/ticks.ts';
import type { LabContext, MountedLab } from '../lab.ts';
import {
  cell,
  LinkReader,
  numberField,
  pytorchSnippet,
  selectField,
  seriesColor,
  table,
} from '../variants/lab-controls.ts';
import { element } from '../../ui/dom.ts';
import { drawChart, type Series } from '../variants/line-chart.ts';
import { RANGE_BLOWUP, type VariantJob } from '../variants/protocol.ts';
import { Tracks, type VariantTrack } from '../variants/track.ts';
import { VariantsClient } from '../variants/variants-client.ts';
import {
  BATCH_LRS,
  batchRuns,
  DEFAULT_SWEEP,
  MINI_BATCHES,
  RANGE_GAMMA,
  RANGE_TEST,
  rangeScene,
  rateScenes,
  SWEEP_EPOCHS,
  SWEEP_RATES,
  type BatchRun,
  type SweepSettings,
} from './scenes.ts';

const RANGE_ID = 'range';
const rateId = (i: number) => `lr${i}`;

const TEXT = {
  intro:
    'The learning rate η sets the size of each step θ ← θ − η∇L; the batch size sets how many ' +
    'samples each gradient is averaged over. Both are chosen by trying: here the engine tries ' +
    'many at once on two noisy moons (100 training points, a 2-16-16-2 tanh network, plain SGD).',
  sweep:
    'Each curve is the same network from the same seed, trained for the same number of epochs ' +
    'at one learning rate. Too small a rate and the loss has barely moved when time runs out; ' +
    'too large and the steps overshoot, so the loss jumps about or climbs. The final losses ' +
    'make a U: the best rates sit at its bottom, often just below the rate where training ' +
    'becomes unstable.',
  range:
    'A quicker way to find the U: one run in which the rate grows by the same factor after every ' +
    'step (PyTorch\u2019s ExponentialLR stepped per batch), the loss of each step plotted against ' +
    'the rate that step used. The loss falls once the rate is large enough to matter and shoots ' +
    'up once it is too large; the run stops there. A good rate is where the loss falls fastest, ' +
    'roughly ten times below the bottom of the curve.',
  batch:
    'The same network and learning rate with three batch sizes. A step is one update from one ' +
    'batch; an epoch is one pass over all 100 training samples, so it takes 100 / batch steps. ' +
    'Against steps, small batches look fast — they take many more steps per epoch. Against ' +
    'samples seen (the work done), the comparison is fair: full-batch steps are accurate but ' +
    'few, single-sample steps are many but noisy.',
};

const SNIPPETS = {
  sweep:
    'for lr in [1e-3, 3.73e-3, 1.39e-2, 5.18e-2, 0.193, 0.72, 2.68, 10]:\n' +
    '    torch.manual_seed(3); model = make_model()\n' +
    '    optimizer = torch.optim.SGD(model.parameters(), lr=lr)\n' +
    '    for epoch in range(epochs):\n' +
    '        for x, y in loader: train_step(model, optimizer, x, y)\n' +
    '    final_loss[lr] = evaluate(model, train_set)',
  range:
    `optimizer = torch.optim.SGD(model.parameters(), lr=${RANGE_TEST.start})\n` +
    `scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=${RANGE_GAMMA})\n` +
    'for step, (x, y) in enumerate(cycle(loader)):\n' +
    '    lr = scheduler.get_last_lr()[0]\n' +
    '    loss = train_step(model, optimizer, x, y)\n' +
    '    scheduler.step()  # after every batch, not every epoch\n' +
    '    rates.append(lr); losses.append(loss)\n' +
    `    if loss > 4 * losses[0] or step == ${RANGE_TEST.steps}: break`,
  batch:
    'loader = DataLoader(train_set, batch_size=20, shuffle=True)  # 100 for full batch, 1 for SGD\n' +
    'for epoch in range(epochs):          # one epoch = one pass over the training set\n' +
    '    for x, y in loader:              # one step per batch: 100 / batch_size steps\n' +
    '        optimizer.zero_grad()\n' +
    '        loss_fn(model(x), y).backward()\n' +
    '        optimizer.step()',
};

function readSettings(params: URLSearchParams): {
  settings: SweepSettings;
  problem: string | null;
} {
  const link = new LinkReader(params);
  const settings = {
    epochs: link.number(
      'epochs',
      { ...SWEEP_EPOCHS, step: 1, integer: true },
      DEFAULT_SWEEP.epochs,
    ),
    batchLr: link.number('lr', { min: 0, max: 10, step: 0.01 }, DEFAULT_SWEEP.batchLr, BATCH_LRS),
    miniBatch: link.number(
      'batch',
      { min: 1, max: 100, step: 1, integer: true },
      DEFAULT_SWEEP.miniBatch,
      MINI_BATCHES,
    ),
  };
  return { settings, problem: link.message() };
}

function figure(className: string, label: string): HTMLCanvasElement {
  const canvas = element('canvas', `sweeps-chart ${className}`);
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  return canvas;
}

function section(title: string, text: string, ...content: HTMLElement[]): HTMLElement {
  const node = element('section', 'sweeps-section');
  node.append(element('h2', 'variants-heading', title), element('p', 'variants-intro', text));
  node.append(...content);
  return node;
}

/** The run's vocabulary, from the engine's own counts. */
function vocabulary(run: BatchRun, track: VariantTrack): string {
  const p = track.progress;
  if (!p) return `${run.title}: starting…`;
  const batches = `${formatCount(track.stepsPerEpoch)} step${track.stepsPerEpoch === 1 ? '' : 's'} of ${run.batchSize} sample${run.batchSize === 1 ? '' : 's'}`;
  return (
    `${run.title}: one epoch = ${batches}. ` +
    `Epoch ${formatCount(p.epoch)} = ${formatCount(p.step)} steps, ${formatCount(p.samples)} samples seen.`
  );
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

  const uChart = figure('sweeps-u', 'Final training loss against learning rate, log scale');
  const rateCurves = figure('sweeps-rate-curves', 'Training loss by epoch at each learning rate');
  const rateTable = table(
    'sweeps-rate-table',
    ['Learning rate', 'Final train loss', 'Test accuracy', 'Epochs'],
    'Each rate’s colour is its curve’s in the chart above. Final: after the last epoch.',
  );
  const rangeChart = figure(
    'sweeps-range',
    'Range test: loss of each step against its learning rate',
  );
  const rangeReadout = element('p', 'sweeps-readout');
  const rangeTable = table('sweeps-range-table', ['Step', 'Learning rate', 'Batch loss']);
  const rangeDetails = element('details', 'sweeps-numbers');
  rangeDetails.append(element('summary', '', 'Every step\u2019s numbers'), rangeTable);
  const stepsChart = figure(
    'sweeps-steps',
    'Training loss against optimiser steps for each batch size',
  );
  const samplesChart = figure(
    'sweeps-samples',
    'Training loss against samples seen for each batch size',
  );
  const vocab = element('ul', 'sweeps-vocabulary');

  const pair = (...charts: HTMLElement[]) => {
    const row = element('div', 'sweeps-pair');
    row.append(...charts);
    return row;
  };

  root.append(
    element('h1', 'lab-title', 'Learning rate and batch size'),
    element('p', 'variants-intro', TEXT.intro),
    controls,
    progress,
    section(
      'a. Eight learning rates at once',
      TEXT.sweep,
      pair(uChart, rateCurves),
      rateTable,
      pytorchSnippet(SNIPPETS.sweep),
    ),
    section(
      'b. A learning-rate range test',
      TEXT.range,
      rangeChart,
      rangeReadout,
      rangeDetails,
      pytorchSnippet(SNIPPETS.range),
    ),
    section(
      'c. Full batch, mini-batch, batch of 1',
      TEXT.batch,
      vocab,
      pair(stepsChart, samplesChart),
      pytorchSnippet(SNIPPETS.batch),
    ),
  );

  let runs: BatchRun[] = [];
  let tracks = new Tracks([]);
  let readied = false;
  let frame = 0;
  let allFinished = false;

  const client = new VariantsClient({
    update(updates, finished) {
      tracks.take(updates);
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

  function drawSweep(): void {
    const rates: number[] = [];
    const finals: number[] = [];
    const curves: Series[] = [];
    const rows: HTMLTableRowElement[] = [];
    for (const [i, lr] of SWEEP_RATES.entries()) {
      const track = tracks.get(rateId(i));
      const color = seriesColor(i);
      curves.push({
        label: `η = ${tickLabel(lr)}`,
        color,
        x: track.column((r) => r.epoch),
        y: track.column((r) => r.train.loss),
      });
      const e = track.evaluation;
      const row = element('tr', '');
      row.dataset.rate = String(lr);
      row.dataset.done = String(track.done);
      const th = element('th', '');
      th.scope = 'row';
      const swatch = element('span', 'sweeps-swatch');
      swatch.style.background = color;
      th.append(swatch, tickLabel(lr));
      row.append(th);
      if (e) {
        row.append(
          cell(track.error ? 'diverged' : formatLoss(e.train.loss), e.train.loss),
          cell(formatPercent(e.test.accuracy), e.test.accuracy),
          cell(formatCount(track.progress?.epoch ?? 0), track.progress?.epoch ?? 0),
        );
      }
      rows.push(row);
      if (track.done && e) {
        rates.push(lr);
        finals.push(e.train.loss);
      }
    }
    rateTable.tBodies[0]?.replaceChildren(...rows);
    drawChart(
      uChart,
      [{ label: 'final training loss', color: '#0072b2', x: rates, y: finals, dots: true }],
      {
        xLabel: 'learning rate η (log scale)',
        yLabel: 'final training loss (log scale)',
        xLog: true,
        yLog: true,
        legend: false,
      },
    );
    // The table below is the curves' legend (a swatch beside each rate): a legend inside the
    // chart would cover the slow rates' curves.
    drawChart(rateCurves, curves, {
      xLabel: 'epoch',
      yLabel: 'training loss',
      yMax: 1.5,
      legend: false,
    });
  }

  function drawRange(): void {
    const track = tracks.get(RANGE_ID);
    const first = track.losses[0] ?? 1;
    drawChart(
      rangeChart,
      [{ label: 'batch loss', color: '#d55e00', x: track.rates, y: track.losses }],
      {
        xLabel: 'learning rate of the step (log scale)',
        yLabel: 'batch loss',
        xLog: true,
        yMax: RANGE_BLOWUP * first,
        legend: false,
      },
    );
    const n = track.rates.length;
    let best = 0;
    for (let i = 1; i < n; i++) if (track.losses[i]! < track.losses[best]!) best = i;
    rangeReadout.textContent =
      n === 0
        ? 'Starting…'
        : `${formatCount(n)} steps, the rate from ${tickLabel(track.rates[0]!)} to ` +
          `${tickLabel(Number(track.rates[n - 1]!.toPrecision(3)))} (×${RANGE_GAMMA} a step). ` +
          `Lowest batch loss ${formatLoss(track.losses[best]!)} at η = ` +
          tickLabel(Number(track.rates[best]!.toPrecision(3))) +
          (track.done ? '; the run has stopped.' : '.');
    const body = rangeTable.tBodies[0];
    if (body && rangeDetails.open) {
      body.replaceChildren(
        ...track.rates.map((lr, i) => {
          const row = element('tr', '');
          row.append(
            element('td', '', String(i)),
            cell(String(Number(lr.toPrecision(4))), lr),
            cell(formatLoss(track.losses[i]!), track.losses[i]!),
          );
          return row;
        }),
      );
    }
  }

  function drawBatches(): void {
    const bySteps: Series[] = [];
    const bySamples: Series[] = [];
    const items: HTMLLIElement[] = [];
    for (const [i, run] of runs.entries()) {
      const track = tracks.get(run.id);
      const color = seriesColor(i + 4);
      const loss = track.column((r) => r.train.loss);
      bySteps.push({ label: run.title, color, x: track.column((r) => r.step), y: loss });
      bySamples.push({
        label: run.title,
        color,
        x: track.column((r) => r.epoch * track.trainRows),
        y: loss,
      });
      const item = element('li', '', vocabulary(run, track));
      item.dataset.run = run.id;
      item.style.borderLeftColor = color;
      items.push(item);
    }
    vocab.replaceChildren(...items);
    drawChart(stepsChart, bySteps, {
      xLabel: 'optimiser steps (log scale)',
      yLabel: 'training loss',
      xLog: true,
    });
    drawChart(samplesChart, bySamples, { xLabel: 'samples seen', yLabel: 'training loss' });
  }

  function draw(): void {
    drawSweep();
    drawRange();
    drawBatches();
    progress.textContent = allFinished
      ? 'Finished: 12 runs trained.'
      : 'Training 12 runs at once (8 rates, the range test, 3 batch sizes)…';
    if (root.dataset.state !== 'stopped')
      root.dataset.state = allFinished ? 'finished' : 'training';
    if (!readied) {
      readied = true;
      context.ready();
    }
  }
  rangeDetails.addEventListener('toggle', drawRange);

  function start(): void {
    context.link.write(
      new URLSearchParams({
        epochs: String(settings.epochs),
        lr: String(settings.batchLr),
        batch: String(settings.miniBatch),
      }),
    );
    runs = batchRuns(settings);
    const jobs: VariantJob[] = [
      ...rateScenes().map((scene, i): VariantJob => ({
        id: rateId(i),
        scene,
        epochs: settings.epochs,
        mode: 'epochs',
        grid: 0,
      })),
      {
        id: RANGE_ID,
        scene: rangeScene(),
        epochs: 0,
        mode: 'range',
        rangeSteps: RANGE_TEST.steps,
        grid: 0,
      },
      ...runs.map((run): VariantJob => ({
        id: run.id,
        scene: run.scene,
        epochs: settings.epochs,
        mode: 'epochs',
        grid: 0,
      })),
    ];
    tracks = new Tracks(jobs.map((job) => job.id));
    allFinished = false;
    root.dataset.state = 'training';
    client.start(jobs);
  }

  controls.append(
    numberField(
      'Epochs (sweep and batch runs)',
      'epochs',
      { ...SWEEP_EPOCHS, step: 1, integer: true },
      settings.epochs,
      (value) => {
        settings.epochs = value;
        start();
      },
    ),
    selectField(
      'Learning rate of the batch runs',
      'lr',
      BATCH_LRS.map((lr) => ({ value: lr, label: String(lr) })),
      settings.batchLr,
      (value) => {
        settings.batchLr = value;
        start();
      },
    ),
    selectField(
      'Mini-batch size',
      'batch',
      MINI_BATCHES.map((b) => ({ value: b, label: String(b) })),
      settings.miniBatch,
      (value) => {
        settings.miniBatch = value;
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
