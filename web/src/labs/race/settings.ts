// The race's settings and their place in the link (`#lab=race&s=rosenbrock&x=-1.2&…`): what a
// shared link reproduces. Bad values in a link fall back to the defaults (a link never breaks the lab).
import type { RaceScheduler } from '../../wasm/core-labs.mjs';
import { defaultRacer, RACER_KINDS, type RacerSettings } from './racers.ts';

/** The learning-rate schedules the toggle offers (each racer's from its own lr). */
export const SCHEDULES: readonly {
  id: string;
  title: string;
  scheduler: RaceScheduler | null;
}[] = [
  { id: 'none', title: 'constant', scheduler: null },
  {
    id: 'step',
    title: 'StepLR: ×0.5 every 100 steps',
    scheduler: { name: 'StepLR', step_size: 100, gamma: 0.5 },
  },
  {
    id: 'exp',
    title: 'ExponentialLR: ×0.99 every step',
    scheduler: { name: 'ExponentialLR', gamma: 0.99 },
  },
  {
    id: 'cosine',
    title: 'CosineAnnealingLR over 500 steps',
    scheduler: { name: 'CosineAnnealingLR', T_max: 500 },
  },
];

/** The surface a link without one opens (the racers' default learning rates suit it). */
export const DEFAULT_SURFACE = 'rosenbrock';

/** A typed surface's view box and start (the table's surfaces bring their own). */
export const CUSTOM_SURFACE = {
  id: 'custom',
  expression: '0.2*x^2 + y^2 + sin(3*x)',
  box: { xMin: -3, xMax: 3, yMin: -3, yMax: 3 },
  start: [2.5, 2] as [number, number],
};

/** The gradient-noise slider's range: the std of the noise added to each gradient component. */
export const NOISE_RANGE = { min: 0, max: 5, step: 0.05 };

export interface RaceLabSettings {
  /** A surface id of the engine's table, or 'custom'. */
  surface: string;
  /** The surface's parameter (the bowl's conditioning), null for its default. */
  k: number | null;
  /** The typed surface (used when surface is 'custom'). */
  custom: string;
  start: [number, number];
  noise: number;
  schedule: string;
  /** One per RACER_KINDS entry, in its order. */
  racers: RacerSettings[];
  /** How many steps Step takes. */
  stepsPerClick: number;
}

export function defaultSettings(surface: string, start: [number, number]): RaceLabSettings {
  return {
    surface,
    k: null,
    custom: CUSTOM_SURFACE.expression,
    start,
    noise: 0,
    schedule: 'none',
    racers: RACER_KINDS.map(defaultRacer),
    stepsPerClick: 1,
  };
}

function finite(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

/** The settings a link holds, over `base` (the defaults of its surface). */
export function readSettings(params: URLSearchParams, base: RaceLabSettings): RaceLabSettings {
  const s: RaceLabSettings = structuredClone(base);
  s.k = finite(params.get('k'));
  s.custom = params.get('f') ?? s.custom;
  const x = finite(params.get('x')),
    y = finite(params.get('y'));
  if (x !== null && y !== null) s.start = [x, y];
  const noise = finite(params.get('noise'));
  if (noise !== null && noise >= NOISE_RANGE.min && noise <= NOISE_RANGE.max) s.noise = noise;
  const schedule = params.get('lrs');
  if (SCHEDULES.some((o) => o.id === schedule)) s.schedule = schedule!;
  const per = finite(params.get('n'));
  if (per !== null && Number.isInteger(per) && per >= 1 && per <= 1000) s.stepsPerClick = per;
  RACER_KINDS.forEach((kind, i) => {
    const text = params.get(kind.id);
    if (text === null) return;
    const [on, ...values] = text.split(',');
    const racer = s.racers[i]!;
    racer.on = on === '1';
    kind.options.forEach((option, j) => {
      const v = finite(values[j] ?? null);
      if (v !== null && v >= option.range.min && v <= option.range.max)
        racer.values[option.key] = v;
    });
  });
  return s;
}

/** The link's part for these settings: only what differs from `base`. */
export function writeSettings(s: RaceLabSettings, base: RaceLabSettings): URLSearchParams {
  const p = new URLSearchParams({ s: s.surface });
  if (s.k !== null) p.set('k', String(s.k));
  if (s.surface === CUSTOM_SURFACE.id) p.set('f', s.custom);
  if (s.start[0] !== base.start[0] || s.start[1] !== base.start[1]) {
    p.set('x', String(s.start[0]));
    p.set('y', String(s.start[1]));
  }
  if (s.noise !== 0) p.set('noise', String(s.noise));
  if (s.schedule !== 'none') p.set('lrs', s.schedule);
  if (s.stepsPerClick !== 1) p.set('n', String(s.stepsPerClick));
  RACER_KINDS.forEach((kind, i) => {
    const racer = s.racers[i]!;
    const was = base.racers[i]!;
    const same =
      racer.on === was.on && kind.options.every((o) => racer.values[o.key] === was.values[o.key]);
    if (!same)
      p.set(
        kind.id,
        [racer.on ? '1' : '0', ...kind.options.map((o) => String(racer.values[o.key]))].join(','),
      );
  });
  return p;
}
