// The optimiser race through the labs' module (core-labs.wasm, as the lab loads it) under node:
// every binding the lab calls, typed by web/src/wasm/core-labs.d.mts, and the PyTorch fixtures of
// tests/fixtures/race/ replayed within docs/parity.md's tolerance — the same runs the native suite
// replays, so the wasm build's numbers are checked too.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import createLabsCore, {
  type LabsCoreModule,
  type RaceOptimizer,
  type RaceSettings,
} from '../src/wasm/core-labs.mjs';
import { RACER_KINDS, racerOptimizer, defaultRacer } from '../src/labs/race/racers.ts';
import { pythonExpression } from '../src/labs/race/pytorch-code.ts';

interface FixtureRun {
  name: string;
  surface: string;
  expression: string;
  start: [number, number];
  optimizer: RaceOptimizer;
  steps: number;
  trajectory: number[];
  loss: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../tests/fixtures/race/optimiser_race.json', import.meta.url), 'utf8'),
) as { runs: FixtureRun[]; tolerance: { atol: number; rtol: number } };

let labs: LabsCoreModule;
beforeAll(async () => {
  const wasmBinary = readFileSync(new URL('../src/wasm/core-labs.wasm', import.meta.url));
  labs = await createLabsCore({ wasmBinary });
});

/** The worst |got − expected| as a fraction of the tolerance (≤ 1 passes). */
function worst(got: ArrayLike<number>, expected: number[]): number {
  expect(got.length).toBe(expected.length);
  const { atol, rtol } = fixture.tolerance;
  let w = 0;
  expected.forEach((e, i) => {
    w = Math.max(w, Math.abs(got[i]! - e) / (atol + rtol * Math.abs(e)));
  });
  return w;
}

function run(settings: RaceSettings, steps: number) {
  const race = new labs.OptimiserRace(settings);
  try {
    race.run(steps);
    return { trajectory: race.trajectory(0), losses: race.losses(0), racer: race.racer(0) };
  } finally {
    race.delete();
  }
}

describe('the optimiser race in core-labs.wasm', () => {
  it.each(fixture.runs.map((r) => [r.name, r] as const))('%s matches PyTorch', (_, r) => {
    const surface = labs.lossSurfaces().find((s) => s.id === r.surface)!;
    expect(labs.surfaceExpression(surface.id, 0)).toBe(r.expression);
    const got = run({ expression: r.expression, start: r.start, racers: [r.optimizer] }, r.steps);
    expect(got.racer.diverged).toBe(false);
    expect(worst(got.trajectory, r.trajectory)).toBeLessThanOrEqual(1);
    expect(worst(got.losses, r.loss)).toBeLessThanOrEqual(1);
  });

  it('gives every racer the page offers its torch state', () => {
    const rosenbrock = labs.lossSurfaces().find((s) => s.id === 'rosenbrock')!;
    const race = new labs.OptimiserRace({
      expression: rosenbrock.expression,
      start: rosenbrock.start,
      racers: RACER_KINDS.map((k) => racerOptimizer(k, defaultRacer(k))),
    });
    race.run(3);
    const states = RACER_KINDS.map((_, i) => Object.keys(race.racer(i).state).sort().join(' '));
    race.delete();
    expect(states).toEqual([
      '',
      'momentum_buffer',
      'momentum_buffer',
      'sum',
      'square_avg',
      'exp_avg exp_avg_sq',
      'exp_avg exp_avg_sq',
    ]);
  });

  it('stops a racer whose steps overflow, naming the step, while the others go on', () => {
    const race = new labs.OptimiserRace({
      expression: labs.surfaceExpression('bowl', 100),
      start: [-2.5, 1.5],
      racers: [
        { name: 'SGD', lr: 1 },
        { name: 'Adam', lr: 0.1 },
      ],
    });
    race.run(200);
    const [wild, calm] = [race.racer(0), race.racer(1)];
    race.delete();
    expect(wild.diverged).toBe(true);
    expect(wild.message).toMatch(new RegExp(`^diverged at step ${wild.steps + 1}:`));
    expect(Number.isFinite(wild.x) && Number.isFinite(wild.y)).toBe(true);
    expect(calm.diverged).toBe(false);
    expect(calm.steps).toBe(200);
  });

  it('names the column of a syntax error and the field of a bad setting', () => {
    expect(() => labs.surfaceGrid('x^2 + * y', 8, -1, 1, -1, 1)).toThrow(/column 7/);
    expect(
      () =>
        new labs.OptimiserRace({
          expression: 'x^2',
          start: [0, 0],
          racers: [{ name: 'SGD', lr: -1 }],
        }),
    ).toThrow(/racers\[0\]\.lr/);
  });

  it('evaluates the grid the contours are drawn from', () => {
    const grid = labs.surfaceGrid('(x - 1)^2 + y^2', 3, -1, 1, -1, 1);
    expect(Array.from(grid)).toEqual([5, 2, 1, 4, 1, 0, 5, 2, 1]);
  });

  it('writes the surfaces as Python for the PyTorch code', () => {
    expect(pythonExpression('0.05*(x^2 + y^2) - 0.8*exp(-((x - 1.5)^2 + y^2)/0.4)')).toBe(
      '0.05*(x**2 + y**2) - 0.8*torch.exp(-((x - 1.5)**2 + y**2)/0.4)',
    );
  });
});
