import { describe, expect, it } from 'vitest';
import { classLabels, confusionTable } from '../src/render/confusion-table.ts';
import { cellColor, cellTextColor } from '../src/render/confusion-view.ts';

describe('confusionTable', () => {
  // Actual 0: 8 right, 2 as class 1. Actual 1: 1 as 0, 4 right, 0 as 2. Actual 2: none.
  const counts = [8, 2, 0, 1, 4, 0, 0, 0, 0];

  it('gives rows of counts with their row fractions, totals and accuracy', () => {
    const t = confusionTable(counts, 3, ['cat', 'dog']);
    expect(t.names).toEqual(['cat', 'dog', 'class 2']);
    expect(t.total).toBe(15);
    expect(t.correct).toBe(12);
    expect(t.accuracy).toBeCloseTo(12 / 15, 12);
    expect(t.rows[0]!.cells.map((c) => c.fraction)).toEqual([0.8, 0.2, 0]);
    expect(t.rows[1]!.cells.map((c) => c.count)).toEqual([1, 4, 0]);
    expect(t.rows[1]!.recall).toBeCloseTo(0.8, 12);
    expect(t.rows[0]!.cells.map((c) => c.correct)).toEqual([true, false, false]);
    // An empty row has no fractions to shade and no recall.
    expect(t.rows[2]!.cells.map((c) => c.fraction)).toEqual([0, 0, 0]);
    expect(t.rows[2]!.recall).toBeNaN();
  });

  it('refuses counts of the wrong size, naming what it needs', () => {
    expect(() => confusionTable([1, 2, 3], 2)).toThrow(/2 classes need 4 counts, got 3/);
  });

  it('has no accuracy for an empty set', () => {
    expect(confusionTable([0, 0, 0, 0], 2).accuracy).toBeNaN();
  });
});

describe('classLabels', () => {
  it('uses the dataset names, else "class i"', () => {
    expect(classLabels(3, ['a'])).toEqual(['a', 'class 1', 'class 2']);
  });
});

describe('cellColor', () => {
  const channel = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ([r, g, b]: readonly number[]) =>
    0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  const hex = (text: string) => [1, 3, 5].map((i) => Number.parseInt(text.slice(i, i + 2), 16));

  it('runs from white (none of the row) to the dark blue (all of it)', () => {
    expect(cellColor(0)).toEqual([255, 255, 255]);
    expect(cellColor(1)).toEqual([0x06, 0x60, 0x9a]);
    expect(luminance(cellColor(0.3))).toBeGreaterThan(luminance(cellColor(0.7)));
  });

  it('keeps every count readable: AA contrast (4.5:1) at every shade', () => {
    for (let f = 0; f <= 1.0001; f += 0.01) {
      const [a, b] = [luminance(cellColor(f)), luminance(hex(cellTextColor(f)))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      expect(ratio, `fraction ${f.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
