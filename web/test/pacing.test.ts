import { describe, expect, it } from 'vitest';
import { ChunkSizer, Throttle } from '../src/engine/pacing.ts';

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
