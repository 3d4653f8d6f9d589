// parseCsv: the user's CSV file → the engine's SuppliedDataset, every problem reported with its
// line; and the parsed data trained in the real wasm engine.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  formatCsvError,
  formatCsvErrors,
  MAX_ERRORS,
  parseCsv,
  type CsvError,
  type CsvFailure,
  type CsvOptions,
  type CsvSuccess,
} from '../src/data/csv.ts';
import createCore, { type CoreModule, type EngineConfig, type Trainer } from '../src/wasm/core.mjs';

function fixture(name: string): string {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
}

function ok(text: string, options?: CsvOptions): CsvSuccess {
  const result = parseCsv(text, options);
  if (!result.ok) throw new Error(`expected success, got:\n${formatCsvErrors(result).join('\n')}`);
  return result;
}

function failed(text: string, options?: CsvOptions): CsvFailure {
  const result = parseCsv(text, options);
  if (result.ok) throw new Error('expected errors, but the file was accepted');
  return result;
}

/** The errors as "line N[, column "c"]: message" strings. */
function messages(text: string, options?: CsvOptions): string[] {
  return failed(text, options).errors.map(formatCsvError);
}

const IRIS = `sepal_length,sepal_width,petal_length,petal_width,species
5.1,3.5,1.4,0.2,setosa
7.0,3.2,4.7,1.4,versicolor
6.3,3.3,6.0,2.5,virginica
4.9,3.0,1.4,0.2,setosa
6.4,3.2,4.5,1.5,versicolor
5.8,2.7,5.1,1.9,virginica
`;

describe('parseCsv: well-formed files', () => {
  it('reads numeric features and a text class column (iris-like)', () => {
    const r = ok(IRIS);
    expect(r.task).toBe('classification');
    expect(r.featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(r.targetName).toBe('species');
    expect(r.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(r.rows).toBe(6);
    expect(r.delimiter).toBe(',');
    expect(r.warnings).toEqual([]);
    expect(r.dataset.features).toBe(4);
    expect(r.dataset.classes).toBe(3);
    expect(r.dataset.x).toBeInstanceOf(Float32Array);
    expect(Array.from(r.dataset.x.slice(0, 8))).toEqual(
      [5.1, 3.5, 1.4, 0.2, 7.0, 3.2, 4.7, 1.4].map(Math.fround),
    );
    expect(Array.from(r.dataset.y)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('reads a regression target', () => {
    const r = ok('x,y\n1,0.5\n2,1.25\n3,-2e-1\n4,+7\n');
    expect(r.task).toBe('regression');
    expect(r.classNames).toEqual([]);
    expect(r.dataset.classes).toBe(0);
    expect(Array.from(r.dataset.y)).toEqual([0.5, 1.25, -0.2, 7].map(Math.fround));
    expect(Array.from(r.dataset.x)).toEqual([1, 2, 3, 4]);
  });

  it('accepts numbers with spaces around them, leading points and exponents', () => {
    const r = ok('a , b,t\n 1 ,.5,1.5\n-0.,1E3,2.5\n');
    expect(r.featureNames).toEqual(['a', 'b']);
    expect(Array.from(r.dataset.x)).toEqual([1, 0.5, -0, 1000]);
  });

  it('handles quoted fields: delimiters, doubled quotes and line breaks inside quotes', () => {
    const text = [
      'a,"weight, kg",label',
      '1,"2.5","say ""hi"""',
      '2,3,"two,',
      'lines"',
      '3,"4",plain',
      '4,x,plain', // line 6: the line count continues correctly after the quoted line break
    ].join('\n');
    expect(messages(text)).toEqual(['line 6, column "weight, kg": "x" is not a number']);
    const r = ok(text.split('\n').slice(0, 5).join('\n'));
    expect(r.featureNames).toEqual(['a', 'weight, kg']);
    expect(r.classNames).toEqual(['plain', 'say "hi"', 'two,\nlines']);
    expect(Array.from(r.dataset.y)).toEqual([1, 2, 0]);
    expect(Array.from(r.dataset.x)).toEqual([1, 2.5, 2, 3, 3, 4]);
  });

  it('strips a UTF-8 byte-order mark', () => {
    const r = ok('\ufeffa,b,t\n1,2,3.5\n4,5,6.5\n');
    expect(r.featureNames).toEqual(['a', 'b']);
  });

  it('detects semicolons and tabs, and says so in the warnings', () => {
    const semi = ok('a;b;t\n1.5;2;x\n3;4;y\n');
    expect(semi.delimiter).toBe(';');
    expect(semi.featureNames).toEqual(['a', 'b']);
    expect(Array.from(semi.dataset.x)).toEqual([1.5, 2, 3, 4]);
    expect(semi.warnings[0]).toMatch(/semicolons/);
    const tabs = ok('a\tb\tt\n1\t2\tx\n3\t4\ty\n');
    expect(tabs.delimiter).toBe('\t');
    expect(tabs.warnings[0]).toMatch(/tabs/);
    // A header-only preview and a single data row are enough to detect it.
    expect(ok('a;t\n1;0.5\n2;0.7').delimiter).toBe(';');
  });

  it('reads CRLF line endings with the right line numbers', () => {
    expect(messages('a,t\r\n1,x\r\n2,y\r\nz,x\r\n')).toEqual([
      'line 4, column "a": "z" is not a number',
    ]);
    expect(ok('a,t\r\n1,x\r\n2,y\r\n').rows).toBe(2);
  });

  it('counts lines across quoted line breaks and any line ending, deep into a long file', () => {
    const rows = ['a,b,t'];
    for (let i = 0; i < 3000; i += 1) {
      rows.push(`${i},${i / 4},${i % 100 === 0 ? '"two\nlines"' : `c${i % 3}`}`);
    }
    rows[2001] = '1,x,c0'; // data row 2000, after 20 quoted line breaks
    for (const linebreak of ['\n', '\r\n', '\r']) {
      expect(messages(rows.join(linebreak))).toEqual([
        'line 2022, column "b": "x" is not a number',
      ]);
    }
  });

  it('accepts blank lines at the end', () => {
    const r = ok('a,t\n1,x\n2,y\n3,x\n4,y\n\n  \n\n');
    expect(r.rows).toBe(4);
    expect(r.warnings).toEqual([]);
  });

  it('reads the committed fixtures', () => {
    const blobs = ok(fixture('blobs.csv'));
    expect(blobs).toMatchObject({
      task: 'classification',
      rows: 180,
      classNames: ['amber', 'blue', 'coral'],
      featureNames: ['length', 'width', 'depth', 'weight, kg'],
      targetName: 'colour',
      warnings: [],
    });
    const linear = ok(fixture('linear.csv'));
    expect(linear).toMatchObject({ task: 'regression', rows: 200, delimiter: ';' });
    expect(linear.featureNames).toEqual(['x1', 'x2']);
  });
});

describe('parseCsv: the target column and the task', () => {
  const TEXT = 'a,b,c\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n';

  it('defaults to the last column', () => {
    expect(ok(TEXT).targetName).toBe('c');
  });

  it('is chosen by name', () => {
    const r = ok(TEXT.replace(/x/g, '9').replace(/y/g, '10'), { target: 'a' });
    expect(r.targetName).toBe('a');
    expect(r.featureNames).toEqual(['b', 'c']);
    expect(r.task).toBe('regression');
    expect(Array.from(r.dataset.y)).toEqual([1, 3, 5, 7]);
    expect(Array.from(r.dataset.x)).toEqual([2, 9, 4, 10, 6, 9, 8, 10]);
  });

  it('is chosen by 0-based index, negative from the end', () => {
    const text = 'a,t,b\n1,x,2\n3,y,4\n';
    expect(ok(text, { target: 1 }).featureNames).toEqual(['a', 'b']);
    expect(ok(text, { target: -2 }).targetName).toBe('t');
  });

  it('reports an unknown name or an index out of range', () => {
    expect(messages(TEXT, { target: 'C' })).toEqual([
      'line 1: there is no column named "C" for the target (did you mean "c"?)',
    ]);
    expect(messages(TEXT, { target: 'd' })[0]).toMatch(/no column named "d".*"a", "b", "c"/);
    expect(messages(TEXT, { target: 3 })[0]).toMatch(/index 3 is out of range/);
    expect(messages(TEXT, { target: -4 })[0]).toMatch(/index -4 is out of range/);
  });

  it('classifies a few repeated integers, and says so', () => {
    const r = ok('a,label\n1,0\n2,1\n3,2\n4,0\n5,1\n6,2\n');
    expect(r.task).toBe('classification');
    expect(r.classNames).toEqual(['0', '1', '2']);
    expect(r.warnings).toEqual([expect.stringMatching(/3 distinct integers, so each is a class/)]);
  });

  it('predicts integers as numbers when they barely repeat or are too many', () => {
    const distinct = ok('a,age\n1,30\n2,41\n3,52\n4,30\n');
    expect(distinct.task).toBe('regression'); // 3 values in 4 rows: more than one per two rows
    expect(distinct.warnings).toEqual([expect.stringMatching(/predicted as a number/)]);
    const rows = Array.from({ length: 60 }, (_, i) => `${i},${i % 21}`).join('\n');
    expect(ok(`a,t\n${rows}`).task).toBe('regression'); // 21 distinct values > 20
    expect(ok('a,t\n1,0.5\n2,1.5\n3,0.5\n4,1.5\n').task).toBe('regression'); // not integers
  });

  it('follows the task option', () => {
    const floats = ok('a,t\n1,0.5\n2,1.5\n3,0.5\n4,-1\n', { task: 'classification' });
    expect(floats.classNames).toEqual(['-1', '0.5', '1.5']);
    expect(Array.from(floats.dataset.y)).toEqual([1, 2, 1, 0]);
    const ints = ok('a,label\n1,0\n2,1\n3,2\n4,0\n5,1\n6,2\n', { task: 'regression' });
    expect(ints.task).toBe('regression');
    expect(ints.dataset.classes).toBe(0);
    expect(ints.warnings).toEqual([]);
    expect(Array.from(ints.dataset.y)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('reports text in a regression target', () => {
    expect(messages('a,t\n1,2.5\n2,x\n3,4\n', { task: 'regression' })).toEqual([
      'line 3, column "t": "x" is not a number (choose classification to use its values as class labels)',
    ]);
    expect(messages(IRIS, { task: 'regression' })).toEqual([
      'line 2, column "species": holds no numbers in any row (lines 2–7), e.g. "setosa"; ' +
        'choose classification to use its values as class labels',
    ]);
  });

  it('reports stray words in a mostly numeric target, unless told it is classification', () => {
    const text = 'a,t\n1,2.5\n2,3.5\n3,oops\n4,7.25\n';
    expect(messages(text)).toEqual([
      'line 4, column "t": "oops" is not a number (it is numeric in most rows; ' +
        'choose classification to use every value as a class label)',
    ]);
    expect(ok(text, { task: 'classification' }).classNames).toEqual(['2.5', '3.5', '7.25', 'oops']);
  });

  it('orders classes: numbers by value, text sorted with numbers inside compared as numbers', () => {
    const numeric = ok('a,t\n1,10\n2,9\n3,-1\n4,1.0\n5,1\n6,10\n7,9\n8,-1\n');
    expect(numeric.classNames).toEqual(['-1', '1', '9', '10']);
    expect(Array.from(numeric.dataset.y)).toEqual([3, 2, 0, 1, 1, 3, 2, 0]);
    const text = ok('a,t\n1,class 10\n2,class 2\n3,Beta\n4,alpha\n5,class 2\n');
    expect(text.classNames).toEqual(['alpha', 'Beta', 'class 2', 'class 10']);
    expect(Array.from(text.dataset.y)).toEqual([3, 2, 1, 0, 2]);
    // The mapping does not depend on the order of the rows.
    const reversed = ok('a,t\n5,class 2\n4,alpha\n3,Beta\n2,class 2\n1,class 10\n');
    expect(reversed.classNames).toEqual(text.classNames);
  });

  it('warns about classes with one row', () => {
    expect(ok('a,t\n1,x\n2,x\n3,y\n').warnings).toEqual(['class "y" has only one row']);
  });

  it('needs 2 to 50 classes', () => {
    expect(messages('a,t\n1,x\n2,x\n')).toEqual([
      'line 1, column "t": has only the label "x"; classification needs at least 2 classes',
    ]);
    const many = Array.from({ length: 51 }, (_, i) => `${i},c${i}`).join('\n');
    expect(messages(`a,t\n${many}\n`)).toEqual([
      'line 1, column "t": has 51 distinct values; classification allows at most 50 classes',
    ]);
    const ints = Array.from({ length: 120 }, (_, i) => `${i},${i % 60}`).join('\n');
    expect(messages(`a,t\n${ints}\n`, { task: 'classification' })[0]).toMatch(
      /60 distinct values.*at most 50 classes \(for a numeric target choose regression\)/,
    );
  });
});

describe('parseCsv: malformed files', () => {
  it('reports a short row and a non-numeric cell with their lines and columns', () => {
    const text = IRIS.replace('7.0,3.2,4.7,1.4,versicolor', '7.0,3.2,versicolor').replace(
      '5.8,2.7,5.1,1.9,virginica',
      '5.8,2.7,5.1,abc,virginica',
    );
    const result = failed(text);
    expect(result.errors).toEqual<CsvError[]>([
      { line: 3, message: 'has 3 fields, but the header has 5' },
      { line: 7, column: 'petal_width', message: '"abc" is not a number' },
    ]);
    expect(result.omitted).toBe(0);
    expect(formatCsvErrors(result)).toEqual([
      'line 3: has 3 fields, but the header has 5',
      'line 7, column "petal_width": "abc" is not a number',
    ]);
  });

  it('reports every bad cell, sorted by line, up to a cap', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `x${i},1,y${i},a`).join('\n');
    const result = failed(`p,q,r,t\n${rows}\n1,2,3,b\n`);
    expect(result.errors).toHaveLength(MAX_ERRORS);
    expect(result.omitted).toBe(80 - MAX_ERRORS);
    expect(result.errors.slice(0, 3)).toEqual([
      { line: 2, column: 'p', message: '"x0" is not a number' },
      { line: 2, column: 'r', message: '"y0" is not a number' },
      { line: 3, column: 'p', message: '"x1" is not a number' },
    ]);
    const lines = result.errors.map((e) => e.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(formatCsvErrors(result).at(-1)).toBe('… and 30 more problems');
  });

  it('reports a column with no numbers at all once', () => {
    expect(messages('name,a,t\nann,1,x\nbob,2,y\ncid,3,x\n')).toEqual([
      'line 2, column "name": holds no numbers in any row (lines 2–4), e.g. "ann"; ' +
        'only the target column may hold labels',
    ]);
  });

  it('reports empty cells, NaN, infinities, hex, decimal commas and float32 overflow', () => {
    const text = 'a,t\n,x\nNaN,y\nInfinity,x\n0x10,y\n"1,5",x\n1e39,y\n2,x\n';
    expect(messages(text)).toEqual([
      'line 2, column "a": the cell is empty (missing values are not supported)',
      'line 3, column "a": "NaN" is not a number',
      'line 4, column "a": "Infinity" is not a number',
      'line 5, column "a": "0x10" is not a number',
      'line 6, column "a": "1,5" is not a number (write decimals with a point: 1.5)',
      'line 7, column "a": "1e39" is too large (the engine uses 32-bit floats)',
    ]);
    expect(messages('a,t\n1,x\n2,\n3,y\n')).toEqual([
      'line 3, column "t": the target cell is empty',
    ]);
  });

  it('reports rows with too many fields, and blank lines between rows', () => {
    expect(messages('a,t\n1,x\n\n2,y,3\n3,x\n   \n4,y\n\n')).toEqual([
      'line 3: blank line between data rows (blank lines are allowed only at the end)',
      'line 4: has 3 fields, but the header has 2',
      'line 6: blank line between data rows (blank lines are allowed only at the end)',
    ]);
    expect(messages('\na,t\n1,x\n2,y\n')).toEqual([
      'line 1: blank line before the header (the header must be line 1)',
    ]);
  });

  it('reports duplicate and empty header names', () => {
    expect(messages('a,b,a,t\n1,2,3,x\n4,5,6,y\n')).toEqual([
      'line 1, column "a": is the name of columns 1 and 3',
    ]);
    expect(messages('a, ,t\n1,2,x\n4,5,y\n')).toEqual(['line 1: column 2 has no name']);
  });

  it('ignores a nameless, empty column (a trailing delimiter on every line) with a warning', () => {
    const r = ok('a,b,t,\n1,2,x,\n3,4,y,\n5,6,x,\n7,8,y,\n');
    expect(r.featureNames).toEqual(['a', 'b']);
    expect(r.targetName).toBe('t');
    expect(r.warnings).toEqual(['column 4 has no name and no values; it is ignored']);
  });

  it('reports an empty file, a header alone, one row, and one column', () => {
    expect(messages('')).toEqual(['line 1: the file is empty']);
    expect(messages('\n \r\n')).toEqual(['line 1: the file is empty']);
    expect(messages('\ufeff')).toEqual(['line 1: the file is empty']);
    expect(messages('a,b,t\n')).toEqual([
      'line 1: the file has a header but no data rows (at least 2 are needed)',
    ]);
    expect(messages('a,b,t')).toEqual([
      'line 1: the file has a header but no data rows (at least 2 are needed)',
    ]);
    expect(messages('a,b,t\n1,2,x\n')).toEqual([
      'line 1: the file has 1 data row; at least 2 are needed',
    ]);
    expect(messages('a\n1\n2\n')).toEqual([
      'line 1: the header has 1 column (no comma, semicolon, tab or pipe delimiter was found); ' +
        'at least one feature column and a target column are needed',
    ]);
  });

  it('reports an unclosed quote and a quote followed by text', () => {
    expect(messages('a,t\n1,x\n2,"y\n3,x\n4,y\n')).toEqual([
      'line 3: a quoted field is never closed, so its quote takes in the rest of the file',
    ]);
    expect(messages('a,t\n1,x\n2,"y"z\n3,x\n')[0]).toMatch(
      /^line 3: a quoted field has text after its closing quote/,
    );
  });

  it('rejects more rows than maxRows rather than truncating', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i},${i % 2 ? 'x' : 'y'}`).join('\n');
    expect(ok(`a,t\n${rows}\n`, { maxRows: 12 }).rows).toBe(12);
    expect(messages(`a,t\n${rows}\n`, { maxRows: 10 })).toEqual([
      'line 12: the file has 12 data rows; at most 10 are accepted (this is the first row past the limit)',
    ]);
  });
});

describe('CSV data in the engine', () => {
  let core: CoreModule;
  const live: { delete(): void }[] = [];

  beforeAll(async () => {
    const wasmBinary = readFileSync(new URL('../src/wasm/core.wasm', import.meta.url));
    core = await createCore({ wasmBinary });
  });

  afterEach(() => {
    for (const handle of live.splice(0)) handle.delete();
  });

  function config(r: CsvSuccess): EngineConfig {
    const classification = r.task === 'classification';
    return {
      seed: 3,
      data: { name: 'supplied', trainFraction: 0.7 },
      model: {
        inputs: r.dataset.features,
        layers: [
          { units: 8, activation: 'ReLU' },
          { units: classification ? r.dataset.classes : 1, activation: 'Identity' },
        ],
      },
      loss: { name: classification ? 'CrossEntropyLoss' : 'MSELoss' },
      optimizer: { name: 'Adam', lr: 0.01 },
      training: { batchSize: 16 },
    };
  }

  function trainer(r: CsvSuccess): Trainer {
    const t = new core.Trainer(config(r), r.dataset);
    live.push(t);
    return t;
  }

  it('learns a separable 3-class CSV', () => {
    const r = ok(fixture('blobs.csv'));
    const t = trainer(r);
    expect(t.evaluate().testAccuracy).toBeLessThan(0.8);
    t.runEpochs(40);
    const after = t.evaluate();
    expect(after.testAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(after.trainAccuracy).toBeGreaterThanOrEqual(0.95);
    const { classes, counts } = t.confusion('test');
    expect(classes).toBe(3);
    const sum = (c: Int32Array): number => c.reduce((a, b) => a + b, 0);
    expect(sum(counts) + sum(t.confusion('train').counts)).toBe(180);
    expect(sum(counts)).toBeGreaterThan(50);
  });

  it('fits a linear regression CSV', () => {
    const r = ok(fixture('linear.csv'));
    const t = trainer(r);
    const before = t.evaluate().testLoss;
    t.runEpochs(60);
    const after = t.evaluate();
    expect(Number.isNaN(after.testAccuracy)).toBe(true);
    expect(after.testLoss).toBeLessThan(before * 0.02);
    expect(after.testLoss).toBeLessThan(0.2);
  });
});
