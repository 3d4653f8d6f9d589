import { describe, expect, it } from 'vitest';
import {
  CLASSROOM_PACE,
  nearestChoice,
  PACES,
  paceLabel,
  parsePace,
  checkPace,
  stepsPerSecond,
  type Pace,
} from '../src/engine/pace.ts';
import { ChunkSizer, StepPacer, Throttle } from '../src/engine/pacing.ts';

describe('ChunkSizer', () => {
  it('grows by at most 2× per chunk while chunks are quick', () => {
    const sizer = new ChunkSizer(8);
    expect(sizer.record(0.01)).toBe(2);
    expect(sizer.record(0.01)).toBe(4);
    expect(sizer.record(0)).toBe(8);
  });

  it('settles where a chunk takes the target time', () => {
    const sizer = new ChunkSizer(8);
    const msPerStep = 0.004;
    for (let i = 0; i < 40; i++) sizer.record(sizer.steps * msPerStep);
    expect(sizer.steps).toBe(2000);
  });

  it('shrinks by at most 2× per chunk, never below one step', () => {
    const sizer = new ChunkSizer(8, 1_000_000, 64);
    expect(sizer.record(1000)).toBe(32);
    for (let i = 0; i < 20; i++) sizer.record(1000);
    expect(sizer.steps).toBe(1);
  });

  it('respects the maximum', () => {
    const sizer = new ChunkSizer(8, 100);
    for (let i = 0; i < 20; i++) sizer.record(0);
    expect(sizer.steps).toBe(100);
  });
});

describe('Throttle', () => {
  it('lets one event through per interval', () => {
    const throttle = new Throttle(33);
    expect(throttle.take(0)).toBe(true);
    expect(throttle.take(10)).toBe(false);
    expect(throttle.take(32.9)).toBe(false);
    expect(throttle.take(33)).toBe(true);
    throttle.mark(50);
    expect(throttle.take(70)).toBe(false);
    expect(throttle.take(83)).toBe(true);
  });
});

describe('StepPacer', () => {
  it('lets everything through when unlimited', () => {
    const pacer = new StepPacer(null);
    expect(pacer.take(0, 500)).toBe(500);
    expect(pacer.wait(0)).toBe(0);
  });

  it('gives one step per interval at a slow rate, the first at once', () => {
    const pacer = new StepPacer(1);
    expect(pacer.take(100, 64)).toBe(1);
    expect(pacer.take(600, 64)).toBe(0);
    expect(pacer.wait(600)).toBe(500);
    expect(pacer.take(1100, 64)).toBe(1);
    let steps = 2;
    for (let t = 1100; t <= 10_110; t += 7) steps += pacer.take(t, 64);
    expect(steps).toBe(11); // one a second: due at 2100, 3100, …, 10100
  });

  it('takes the steps a late wake-up owes, up to the chunk size', () => {
    const pacer = new StepPacer(100); // 10 ms apart
    expect(pacer.take(0, 64)).toBe(1);
    expect(pacer.take(45, 64)).toBe(4); // due at 10, 20, 30, 40
    expect(pacer.wait(45)).toBe(5);
  });

  it('drops a backlog instead of bursting to catch up', () => {
    const pacer = new StepPacer(1000);
    pacer.take(0, 8);
    expect(pacer.take(5000, 8)).toBe(8);
    expect(pacer.take(5000.5, 8)).toBe(0);
    expect(pacer.take(5001, 8)).toBe(1);
  });

  it('restarts after a pause and refuses a bad rate', () => {
    const pacer = new StepPacer(1);
    pacer.take(0, 8);
    pacer.restart();
    expect(pacer.take(10, 8)).toBe(1);
    expect(() => pacer.setRate(0)).toThrow(/StepPacer: stepsPerSecond must be a positive number/);
    expect(() => pacer.setRate(Number.NaN)).toThrow(/got NaN/);
    pacer.setRate(null);
    expect(pacer.stepsPerSecond).toBeNull();
  });
});

describe('paces', () => {
  /** Steps per second of a choice for the default scene (25 steps an epoch), Infinity for fast. */
  const rate = (pace: Pace) => stepsPerSecond(pace, 25) ?? Infinity;

  it('offers one step a second up to as fast as it goes, in order, fast one notch above the default', () => {
    const rates = PACES.map(rate);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(PACES[0]).toEqual({ stepsPerSecond: 1 });
    expect(PACES.indexOf('fast')).toBe(PACES.indexOf(CLASSROOM_PACE) + 1);
  });

  it('is about one epoch per animation frame by default', () => {
    expect(paceLabel(CLASSROOM_PACE)).toBe('1 epoch / frame');
    expect(stepsPerSecond(CLASSROOM_PACE, 25)).toBe(1500);
    expect(stepsPerSecond(CLASSROOM_PACE, 0)).toBe(60); // an empty epoch still paces
    expect(stepsPerSecond('fast', 25)).toBeNull();
    expect(stepsPerSecond({ stepsPerSecond: 5 }, 25)).toBe(5);
  });

  it('reads in the course’s units', () => {
    expect(PACES.map(paceLabel)).toEqual([
      '1 step/s',
      '3 steps/s',
      '10 steps/s',
      '1 epoch/s',
      '5 epochs/s',
      '20 epochs/s',
      '1 epoch / frame',
      'as fast as it goes',
    ]);
    expect(paceLabel({ epochsPerSecond: 120 })).toBe('2 epochs / frame');
    expect(paceLabel({ epochsPerSecond: 1500 })).toBe('25 epochs / frame');
    expect(paceLabel({ epochsPerSecond: 0.5 })).toBe('0.5 epochs/s');
    expect(paceLabel({ stepsPerSecond: 1000 })).toBe('1,000 steps/s');
  });

  it('takes a pace by name, and says what it accepts otherwise', () => {
    expect(parsePace('classroom')).toBe(CLASSROOM_PACE);
    expect(parsePace(' Fast ')).toBe('fast');
    expect(parsePace('5')).toEqual({ epochsPerSecond: 5 });
    expect(parsePace('0.5')).toEqual({ epochsPerSecond: 0.5 });
    for (const bad of ['', 'slow', '0', '-1', 'NaN', 'Infinity', '1e9']) {
      expect(() => parsePace(bad)).toThrow(
        `pace: expected "classroom", "fast" or epochs per second (a number above 0, at most 100,000), got "${bad}"`,
      );
    }
    expect(() => checkPace({ epochsPerSecond: -1 })).toThrow(
      /setPace: the rate must be a number above 0/,
    );
    expect(() => checkPace({} as Pace)).toThrow(/got undefined/);
    expect(checkPace({ stepsPerSecond: 2 })).toEqual({ stepsPerSecond: 2 });
  });

  it('shows a named pace on the nearest notch in its own unit', () => {
    expect(nearestChoice(CLASSROOM_PACE)).toBe(6);
    expect(nearestChoice({ epochsPerSecond: 60 })).toBe(6);
    expect(nearestChoice('fast')).toBe(7);
    expect(nearestChoice({ epochsPerSecond: 4 })).toBe(4);
    expect(nearestChoice({ epochsPerSecond: 1000 })).toBe(6);
    expect(nearestChoice({ stepsPerSecond: 1.5 })).toBe(0);
    expect(nearestChoice({ stepsPerSecond: 4 })).toBe(1);
  });
});
