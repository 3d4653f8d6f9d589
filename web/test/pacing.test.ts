import { describe, expect, it } from 'vitest';
import { ChunkSizer, SPEEDS, StepPacer, Throttle } from '../src/engine/pacing.ts';

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
    expect(() => pacer.setRate(0)).toThrow(/setSpeed: stepsPerSecond must be a positive number/);
    expect(() => pacer.setRate(Number.NaN)).toThrow(/got NaN/);
    pacer.setRate(null);
    expect(pacer.stepsPerSecond).toBeNull();
  });

  it('offers 1 step/s up to unlimited, in order', () => {
    expect(SPEEDS[0]).toBe(1);
    expect(SPEEDS.at(-1)).toBeNull();
    const rates = SPEEDS.slice(0, -1) as number[];
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
  });
});
