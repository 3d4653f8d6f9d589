// The variants worker's unit of work (labs/variants/variant-job.ts) under node: a job advanced an
// epoch at a time ends where one whole run of the same scene ends, to the bit; its updates carry
// the whole history once; a range test's rates are the scheduler's and it stops by its rule.
import { describe, expect, it } from 'vitest';
import { TrainingSession } from '../src/engine/session.ts';
import { regularisationVariants } from '../src/labs/regularisation/scenes.ts';
import { RANGE_GAMMA, RANGE_TEST, rangeScene, rateScenes } from '../src/labs/sweeps/scenes.ts';
import { RANGE_BLOWUP, type VariantJob } from '../src/labs/variants/protocol.ts';
import { VariantTrack } from '../src/labs/variants/track.ts';
import { RunningJob } from '../src/labs/variants/variant-job.ts';
import type { Scene } from '../src/scene/index.ts';
import { loadTestCore, withSceneRules } from './scene-rules.ts';

withSceneRules();

/** Runs `job` to its end as the worker does, its updates gathered into a track. */
async function runJob(job: VariantJob): Promise<VariantTrack> {
  const running = new RunningJob(await loadTestCore(), job);
  const track = new VariantTrack();
  try {
    while (!running.finished) {
      running.advance();
      const update = running.update();
      if (update) track.take(update);
    }
    expect(running.update()).toBeNull(); // nothing changed since
  } finally {
    running.dispose();
  }
  return track;
}

async function wholeRun(scene: Scene, epochs: number) {
  const session = TrainingSession.create(await loadTestCore(), scene);
  try {
    session.runEpochs(epochs);
    return session.snapshot(false, undefined, 1);
  } finally {
    session.dispose();
  }
}

const job = (id: string, scene: Scene, epochs: number): VariantJob => ({
  id,
  scene,
  epochs,
  mode: 'epochs',
  grid: 8,
});

describe('a variant job', () => {
  const settings = { noise: 0.3, units: 32, epochs: 60 };
  for (const variant of regularisationVariants(settings).filter((v) =>
    ['none', 'early', 'ensemble'].includes(v.id),
  )) {
    it(`ends where one whole run ends (${variant.id})`, async () => {
      const track = await runJob(job(variant.id, variant.scene, settings.epochs));
      const whole = await wholeRun(variant.scene, settings.epochs);
      expect(track.done).toBe(true);
      expect(track.evaluation).toEqual(whole.evaluation);
      expect(track.progress).toEqual({ ...whole.progress, batchLoss: track.progress!.batchLoss });
      expect(track.history).toEqual(whole.history);
      expect(track.grid.length).toBe(64);
      expect(track.trainPoints.length).toBe(3 * track.trainRows);
      if (variant.id === 'early') expect(track.progress!.epoch).toBeLessThan(settings.epochs);
      else expect(track.progress!.epoch).toBe(settings.epochs);
    });
  }

  it('takes epochs × steps per epoch steps', async () => {
    const scene = rateScenes()[3]!;
    const track = await runJob(job('lr3', scene, 7));
    expect(track.progress!.step).toBe(7 * track.stepsPerEpoch);
    expect(track.progress!.samples).toBe(7 * track.trainRows);
  });
});

describe('a range test job', () => {
  it('records the rate each step used and stops once the loss blows up', async () => {
    const track = await runJob({
      id: 'range',
      scene: rangeScene(),
      epochs: 0,
      mode: 'range',
      rangeSteps: RANGE_TEST.steps,
      grid: 0,
    });
    const { rates, losses } = track;
    expect(rates.length).toBe(losses.length);
    expect(rates[0]).toBe(RANGE_TEST.start);
    for (let i = 1; i < rates.length; i++)
      expect(rates[i]! / rates[i - 1]!).toBeCloseTo(RANGE_GAMMA, 9);
    const first = losses[0]!;
    for (const loss of losses.slice(0, -1)) expect(loss).toBeLessThanOrEqual(RANGE_BLOWUP * first);
    const last = losses.at(-1)!;
    expect(rates.length === RANGE_TEST.steps || last > RANGE_BLOWUP * first).toBe(true);
    // This scene's rate grows far past any use: the test ends before its last step.
    expect(rates.length).toBeLessThan(RANGE_TEST.steps);
  });
});
