// The CSV files for reports (export/csv/): their columns, quoting and numbers — every float32 bit,
// whatever the page's locale.
import { describe, expect, it } from 'vitest';
import { csvCell, csvNumber, csvText } from '../src/export/csv/csv-text.ts';
import { historyColumns, historyCsv } from '../src/export/csv/history-csv.ts';
import { CONFUSION_CORNER, confusionCsv } from '../src/export/csv/confusion-csv.ts';
import { classProbability, predictionsCsv } from '../src/export/csv/predictions-csv.ts';
import { RunHistory, SPLITS } from '../src/render/history.ts';
import { confusionTable } from '../src/render/confusion-table.ts';
import type { HistoryRecord } from '../src/wasm/core.mjs';

describe('csvNumber', () => {
  it('writes the shortest decimal that reads back as the same float32', () => {
    for (const v of [0.1, 1 / 3, -2.5e-8, 123456.789, 3.4028234663852886e38, 1.17549435e-38]) {
      const f = Math.fround(v);
      const text = csvNumber(v);
      expect(Math.fround(Number(text))).toBe(f);
      // One significant digit fewer would not read back: it is the shortest.
      const digits = Number(text).toExponential().split('e')[0]!.replace(/[-.]/g, '').length;
      if (digits > 1) expect(Math.fround(Number(f.toPrecision(digits - 1)))).not.toBe(f);
    }
    expect(csvNumber(Math.fround(0.1))).toBe('0.1');
    expect(csvNumber(0.5)).toBe('0.5');
    expect(csvNumber(-3)).toBe('-3');
  });

  it('ignores the locale: a point, no grouping, and spells out what is missing', () => {
    expect(csvNumber(1234567)).toBe('1234567');
    expect(csvNumber(0.25)).toBe('0.25');
    expect(csvNumber(null)).toBe('');
    expect(csvNumber(Number.NaN)).toBe('NaN');
    expect(csvNumber(-Infinity)).toBe('-Infinity');
  });

  it('quotes cells that hold a comma, a quote or a line break', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvText(['a', 'b'], [['1', 'x\ny']])).toBe('a,b\n1,"x\ny"\n');
  });
});

function record(epoch: number, loss: number, accuracy: number): HistoryRecord {
  const metrics = { loss, accuracy };
  return {
    epoch,
    step: epoch * 4,
    lr: 0.1,
    gradNorm: 2 * loss,
    train: metrics,
    validation: { loss: Number.NaN, accuracy: Number.NaN },
    test: { loss: loss + 0.5, accuracy },
    trainLoss: loss,
    trainAccuracy: accuracy,
    testLoss: loss + 0.5,
    testAccuracy: accuracy,
  };
}

describe('historyCsv', () => {
  it('writes a row per record under the documented columns, empty where a split has none', () => {
    const run = new RunHistory('run 1');
    run.append([record(1, 0.75, 0.5), record(2, Math.fround(0.3), 0.875)], 0);
    const lines = historyCsv(run).trimEnd().split('\n');
    expect(lines[0]).toBe(historyColumns(SPLITS).join(','));
    expect(historyColumns(SPLITS)).toEqual([
      'epoch',
      'step',
      'train_loss',
      'validation_loss',
      'test_loss',
      'train_accuracy',
      'validation_accuracy',
      'test_accuracy',
      'learning_rate',
      'gradient_norm',
    ]);
    expect(lines.slice(1)).toEqual([
      '1,4,0.75,,1.25,0.5,,0.5,0.1,1.5',
      '2,8,0.3,,0.8,0.875,,0.875,0.1,0.6',
    ]);
  });
});

describe('confusionCsv', () => {
  it('writes a row per actual class and a column per predicted class, with the names', () => {
    const table = confusionTable([5, 1, 0, 2, 7, 1, 0, 0, 9], 3, ['cat', 'dog, big']);
    expect(confusionCsv(table)).toBe(
      `${CONFUSION_CORNER},cat,"dog, big",class 2\ncat,5,1,0\n"dog, big",2,7,1\nclass 2,0,0,9\n`,
    );
  });
});

describe('predictionsCsv', () => {
  it('reads the predicted class’s probability from one output (P(class 1)) or several', () => {
    expect(classProbability([0.8], 0, 1, 1)).toBe(0.8);
    expect(classProbability([0.25], 0, 1, 0)).toBe(0.75);
    expect(classProbability([0.1, 0.2, 0.7, 0.5, 0.25, 0.25], 1, 3, 0)).toBe(0.5);
    expect(classProbability([0.1, 0.2, 0.7], 0, 3, 2)).toBe(0.7);
  });

  it('writes inputs, label, prediction and probability for a classification', () => {
    const csv = predictionsCsv({
      rows: 2,
      classes: 3,
      inputs: Float32Array.from([0.5, -1, 2, 3]),
      labels: Float32Array.from([2, 0]),
      predicted: Int32Array.from([2, 1]),
      outputs: Float32Array.from([0.1, 0.2, 0.7, 0.25, 0.5, 0.25]),
    });
    expect(csv).toBe('x1,x2,label,prediction,probability\n0.5,-1,2,2,0.7\n2,3,0,1,0.5\n');
  });

  it('writes no probability for a regression, and the data’s own column names when given', () => {
    const csv = predictionsCsv(
      {
        rows: 2,
        classes: 0,
        inputs: Float32Array.from([1, 2]),
        labels: Float32Array.from([0.5, -0.25]),
        predicted: new Int32Array(0),
        outputs: Float32Array.from([0.4, -0.3]),
      },
      ['hours'],
    );
    expect(csv).toBe('hours,label,prediction\n1,0.5,0.4\n2,-0.25,-0.3\n');
  });
});
