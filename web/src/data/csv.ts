// The user's own data from a CSV file, turned into the engine's SuppliedDataset.
//
// The file: a header row of unique column names, then one row per example. Every column except
// the target is a numeric feature; the target (default: the last column) holds class labels or
// a number to predict. PapaParse reads the file (quoting, escaped quotes, line breaks inside
// quotes, delimiter detection); this module checks every row and cell and reports each problem
// with its line number. Nothing is dropped silently: a data row is either used or reported.
//
// Rules (each reported as a CsvError when broken):
// - A header row is required; names are trimmed, must be non-empty and unique. A column with no
//   name and no value in any row (a trailing delimiter on every line) is ignored with a warning.
// - Every data row has exactly the header's number of fields.
// - Every feature cell is a finite decimal number ("1", "-2.5", ".5", "1e-3"; surrounding spaces
//   are ignored). Empty cells, "NaN", "Infinity", hex and decimal commas ("1,5") are reported.
//   A column with no number in any row is reported once rather than once per row.
// - Blank lines at the end are fine; a blank line before the last data row is reported.
// - At least 2 data rows and 1 feature column; at most `maxRows` data rows (default: the
//   catalogue's rows limit) and the catalogue's inputs limit of feature columns.
// - The task (option `task`, default 'auto'):
//   · a target whose cells are mostly (over half) not numbers holds text labels: classification;
//   · otherwise the target is numeric and each cell that is not a number is reported; it is
//     classification when every value is an integer, there are 2 … 20 distinct values and at
//     most one distinct value per two rows (a 0/1/2 label column is classification, a count
//     like "age" usually is not), else regression. A warning says so when integers decided it.
//   task 'classification' takes every cell as a label (numbers when all are numbers, else text);
//   task 'regression' requires a finite number in every target cell.
//   Classification needs 2 … 50 classes.
// - Class indices: numeric labels in ascending numeric order; text labels sorted with a
//   numeric-aware collation ("class 2" before "class 10", ties broken by code units), so the
//   mapping does not depend on the order of the rows. classNames[i] names class index i.
// - Delimiters: comma, semicolon, tab or pipe, detected by PapaParse from the first rows; any
//   but the comma is mentioned in the warnings. A UTF-8 byte-order mark is stripped.
//
// Errors are sorted by line; at most MAX_ERRORS are kept and `omitted` counts the rest
// (formatCsvErrors adds "… and N more").
import Papa from 'papaparse';
import type { SuppliedDataset } from '../wasm/core.mjs';
import { compareNatural } from '../locale.ts';
import { LIMITS } from '../scene/limits.ts';

export type CsvTask = 'classification' | 'regression';

export interface CsvOptions {
  /** The target column: its header name, or its 0-based index (negative counts from the end). Default: the last column. */
  target?: string | number;
  /** 'auto' (default) applies the rule in this file's header comment. */
  task?: 'auto' | CsvTask;
  /** Most data rows accepted (default DEFAULT_MAX_ROWS); a longer file is an error, not truncated. */
  maxRows?: number;
}

export interface CsvError {
  /** 1-based line of the file; the header is line 1. A row with a quoted line break starts on this line. */
  line: number;
  /** The column's header name, when the problem is in one column. */
  column?: string;
  message: string;
}

export interface CsvSuccess {
  ok: true;
  /** x: rows × features row-major; y: class indices (classification) or values (regression, classes 0). */
  dataset: SuppliedDataset & { x: Float32Array; y: Float32Array };
  /** The feature columns in file order, one per dataset feature. */
  featureNames: string[];
  targetName: string;
  task: CsvTask;
  /** classNames[i] is the label of class index i; empty for regression. */
  classNames: string[];
  /** Data rows used (all of them). */
  rows: number;
  /** The detected delimiter: ',', ';', '\t' or '|'. */
  delimiter: string;
  /** Things worth telling the user that did not stop the import. */
  warnings: string[];
}

export interface CsvFailure {
  ok: false;
  /** The first MAX_ERRORS problems, sorted by line. */
  errors: CsvError[];
  /** How many further problems were found but left out of `errors`. */
  omitted: number;
}

export type CsvResult = CsvSuccess | CsvFailure;

export const MAX_ERRORS = 50;
/** The engine catalogue's limits (core/src/spec/catalogue.cpp): rows, feature columns, classes. */
export const DEFAULT_MAX_ROWS = LIMITS.rows.max;
export const MAX_FEATURES = LIMITS.inputs.max;
export const MAX_CLASSES = LIMITS.classes.max;
/** The auto rule's most distinct integer values for classification. */
export const MAX_AUTO_CLASSES = 20;

const DELIMITERS = [',', ';', '\t', '|'];
const DELIMITER_NAMES: Record<string, string> = {
  ',': 'commas',
  ';': 'semicolons',
  '\t': 'tabs',
  '|': 'pipes (|)',
};
/** A plain decimal number: what a feature or regression cell must be. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
const FLOAT32_MAX = 3.4028234663852886e38;

/** "line 7, column "petal_width": "abc" is not a number". */
export function formatCsvError(error: CsvError): string {
  const where = error.column === undefined ? '' : `, column ${quote(error.column)}`;
  return `line ${error.line}${where}: ${error.message}`;
}

/** Every kept error as a line of text, then "… and N more" when some were left out. */
export function formatCsvErrors(failure: CsvFailure): string[] {
  const lines = failure.errors.map(formatCsvError);
  if (failure.omitted > 0) {
    lines.push(`… and ${failure.omitted} more ${failure.omitted === 1 ? 'problem' : 'problems'}`);
  }
  return lines;
}

interface Row {
  line: number;
  cells: string[];
}

export function parseCsv(text: string, options: CsvOptions = {}): CsvResult {
  const errors: CsvError[] = [];
  const warnings: string[] = [];
  const fail = (line: number, message: string, column?: string): void => {
    errors.push(column === undefined ? { line, message } : { line, column, message });
  };
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (!(Number.isInteger(maxRows) && maxRows >= 2)) {
    throw new RangeError(`parseCsv: maxRows must be an integer ≥ 2, got ${maxRows}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return failure([{ line: 1, message: 'the file is empty' }]);

  const delimiter = detectDelimiter(text);

  // Read every record, noting the line it starts on and whether PapaParse had trouble with it.
  let header: Row | undefined;
  const rows: Row[] = [];
  const blanks: number[] = [];
  let dataRows = 0;
  let firstOverLimit = 0;
  let line = 1;
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const rowLine = line;
      const end = result.meta.cursor;
      line += lineBreaks(text, start, end);
      start = end;
      const cells = result.data;
      const blank = cells.every((cell) => cell.trim() === '');
      for (const error of result.errors) {
        const detail =
          error.code === 'MissingQuotes'
            ? 'a quoted field is never closed, so its quote takes in the rest of the file'
            : error.code === 'InvalidQuotes'
              ? 'a quoted field has text after its closing quote (write a quote inside quotes as "")'
              : error.message;
        fail(rowLine, `${error.type === 'Quotes' ? '' : `${error.type}: `}${detail}`);
      }
      if (header === undefined) {
        if (!blank) header = { line: rowLine, cells };
        else blanks.push(rowLine);
        return;
      }
      if (blank) {
        blanks.push(rowLine);
        return;
      }
      dataRows += 1;
      if (dataRows > maxRows) {
        if (firstOverLimit === 0) firstOverLimit = rowLine;
        return;
      }
      if (result.errors.length === 0) rows.push({ line: rowLine, cells });
      else rows.push({ line: rowLine, cells: [] }); // Reported above; kept for the blank-line check.
    },
  });
  if (header === undefined) return failure([{ line: 1, message: 'the file is empty' }]);

  // Blank lines are fine after the last data row only.
  const lastDataLine = rows.length > 0 ? rows[rows.length - 1]!.line : header.line;
  for (const blankLine of blanks) {
    if (blankLine < header.line) {
      fail(blankLine, 'blank line before the header (the header must be line 1)');
    } else if (blankLine < lastDataLine) {
      fail(blankLine, 'blank line between data rows (blank lines are allowed only at the end)');
    }
  }
  if (firstOverLimit > 0) {
    fail(
      firstOverLimit,
      `the file has ${dataRows} data rows; at most ${maxRows} are accepted (this is the first row past the limit)`,
    );
  }

  // The header.
  const names = header.cells.map((cell) => cell.trim());
  const width = names.length;
  const wellFormed = rows.filter((row) => row.cells.length > 0);
  for (const row of wellFormed) {
    if (row.cells.length !== width) {
      fail(
        row.line,
        `has ${row.cells.length} ${row.cells.length === 1 ? 'field' : 'fields'}, but the header has ${width}`,
      );
    }
  }
  const complete = wellFormed.filter((row) => row.cells.length === width);
  const ignored = new Set<number>();
  const firstIndex = new Map<string, number>();
  names.forEach((name, index) => {
    if (name === '') {
      if (complete.every((row) => row.cells[index]!.trim() === '')) {
        ignored.add(index);
        warnings.push(`column ${index + 1} has no name and no values; it is ignored`);
      } else {
        fail(header!.line, `column ${index + 1} has no name`);
      }
      return;
    }
    const earlier = firstIndex.get(name);
    if (earlier === undefined) firstIndex.set(name, index);
    else fail(header!.line, `is the name of columns ${earlier + 1} and ${index + 1}`, name);
  });
  const used = names.map((_, index) => index).filter((index) => !ignored.has(index));
  if (used.length < 2) {
    const detected =
      delimiter === ','
        ? ' (no comma, semicolon, tab or pipe delimiter was found)'
        : ` (delimiter: ${DELIMITER_NAMES[delimiter]})`;
    fail(
      header.line,
      `the header has ${used.length} ${used.length === 1 ? 'column' : 'columns'}${detected}; ` +
        'at least one feature column and a target column are needed',
    );
    return failure(errors);
  }

  // The target column.
  const target = resolveTarget(options.target, names, used);
  if (typeof target === 'string') {
    fail(header.line, target);
    return failure(errors);
  }
  const targetName = names[target]!;
  const features = used.filter((index) => index !== target);
  if (features.length > MAX_FEATURES) {
    fail(
      header.line,
      `the file has ${features.length} feature columns; at most ${MAX_FEATURES} are accepted (a network's inputs); ` +
        'leave columns out of the file',
    );
    return failure(errors);
  }
  if (dataRows < 2) {
    fail(
      header.line,
      dataRows === 0
        ? 'the file has a header but no data rows (at least 2 are needed)'
        : 'the file has 1 data row; at least 2 are needed',
    );
  }

  // Feature cells.
  const x = new Float32Array(complete.length * features.length);
  features.forEach((column, f) => {
    checkNumbers(complete, column, names, errors, undefined, (r, value) => {
      x[r * features.length + f] = value;
    });
  });
  const constant = features.filter((column) => {
    const first = complete[0]?.cells[column]?.trim();
    return complete.length > 1 && complete.every((row) => row.cells[column]!.trim() === first);
  });
  for (const column of constant) {
    warnings.push(`feature ${quote(names[column]!)} has the same value in every row`);
  }

  // The target: is it numeric, which task, then its values.
  const labels = complete.map((row) => row.cells[target]!.trim());
  const numbers = labels.map(parseNumber);
  const numericCells = numbers.filter((n) => n !== undefined).length;
  // A numeric target has each cell checked as a number; otherwise its cells are text labels.
  const numericTarget =
    options.task === 'regression' ||
    (options.task === 'classification'
      ? numericCells === labels.length
      : numericCells * 2 >= labels.length);
  let task: CsvTask;
  if (options.task === 'classification' || options.task === 'regression') {
    task = options.task;
  } else if (!numericTarget) {
    task = 'classification';
  } else {
    const values = new Set(numbers.filter((n) => n !== undefined));
    const integers = [...values].every(Number.isInteger);
    const fewEnough = values.size >= 2 && values.size <= MAX_AUTO_CLASSES;
    const repeated = values.size * 2 <= labels.length;
    task = integers && fewEnough && repeated ? 'classification' : 'regression';
    // Say so when integer labels made the choice and the other one was possible.
    if (integers && values.size >= 2 && values.size <= MAX_CLASSES) {
      warnings.push(
        task === 'classification'
          ? `the target ${quote(targetName)} holds ${values.size} distinct integers, so each is a class ` +
              '(choose regression to predict it as a number)'
          : `the target ${quote(targetName)} holds ${values.size} distinct integers in ${labels.length} rows, ` +
              'so it is predicted as a number (choose classification to treat each value as a class)',
      );
    }
  }

  const y = new Float32Array(complete.length);
  let classNames: string[] = [];
  if (numericTarget) {
    const hint =
      options.task === 'regression'
        ? 'choose classification to use its values as class labels'
        : 'it is numeric in most rows; choose classification to use every value as a class label';
    checkNumbers(complete, target, names, errors, hint, (r, value) => {
      y[r] = value;
    });
  } else {
    complete.forEach((row, r) => {
      if (labels[r] === '') fail(row.line, 'the target cell is empty', targetName);
    });
  }
  if (task === 'regression') {
    if (new Set(numbers).size === 1 && labels.length > 1) {
      warnings.push(`the target ${quote(targetName)} has the same value in every row`);
    }
  } else {
    // Numeric labels: one class per value ("1" and "1.0" are one class), in ascending order.
    // Text labels: one class per text, sorted (see the header comment).
    const values = numericTarget
      ? [...new Set(numbers.filter((n) => n !== undefined))].sort((a, b) => a - b)
      : [...new Set(labels.filter((label) => label !== ''))].sort(compareLabels);
    classNames = values.map(String);
    const index = new Map<number | string, number>(values.map((value, i) => [value, i]));
    for (let r = 0; r < labels.length; r += 1) {
      y[r] = index.get(numericTarget ? numbers[r]! : labels[r]!) ?? 0;
    }
    if (classNames.length > MAX_CLASSES) {
      fail(
        header.line,
        `has ${classNames.length} distinct values; classification allows at most ${MAX_CLASSES} classes` +
          (numericCells > 0 ? ' (for a numeric target choose regression)' : ''),
        targetName,
      );
    } else if (classNames.length < 2 && complete.length >= 2 && complete.length === dataRows) {
      // (Skipped when rows were rejected: the missing rows may hold the other classes.)
      fail(
        header.line,
        `has ${classNames.length === 0 ? 'no labels' : `only the label ${quote(classNames[0]!)}`}; ` +
          'classification needs at least 2 classes',
        targetName,
      );
    } else {
      const counts = new Array<number>(classNames.length).fill(0);
      for (const label of y) counts[label]! += 1;
      const single = classNames.filter((_, i) => counts[i] === 1);
      if (single.length > 0) {
        warnings.push(
          `${single.length === 1 ? 'class' : 'classes'} ${single.map(quote).join(', ')} ` +
            `${single.length === 1 ? 'has' : 'have'} only one row`,
        );
      }
    }
  }

  if (errors.length > 0) return failure(errors);
  if (delimiter !== ',') {
    warnings.unshift(
      `columns are separated by ${DELIMITER_NAMES[delimiter]} (detected automatically)`,
    );
  }
  return {
    ok: true,
    dataset: {
      x,
      y,
      features: features.length,
      classes: task === 'classification' ? classNames.length : 0,
    },
    featureNames: features.map((column) => names[column]!),
    targetName,
    task,
    classNames,
    rows: complete.length,
    delimiter,
    warnings,
  };
}

/**
 * PapaParse's delimiter guess, run on the first rows with blank lines skipped (a trailing newline
 * otherwise counts as a one-field row and can defeat the guess). Comma when nothing fits.
 */
function detectDelimiter(text: string): string {
  const guess = Papa.parse<string[]>(text, {
    preview: 10,
    skipEmptyLines: 'greedy',
    delimitersToGuess: DELIMITERS,
  });
  const found = guess.meta.delimiter;
  return guess.errors.some((error) => error.code === 'UndetectableDelimiter') ||
    !DELIMITERS.includes(found)
    ? ','
    : found;
}

/** The target's column index, or an error message. */
function resolveTarget(
  target: string | number | undefined,
  names: string[],
  used: number[],
): number | string {
  if (target === undefined) return used[used.length - 1]!;
  if (typeof target === 'number') {
    const index = target < 0 ? names.length + target : target;
    if (!Number.isInteger(target) || index < 0 || index >= names.length) {
      return `the target column index ${target} is out of range (the header has ${names.length} columns: 0 … ${names.length - 1}, or −1 … −${names.length} from the end)`;
    }
    if (!used.includes(index)) return `the target column ${index + 1} has no name and no values`;
    return index;
  }
  const wanted = target.trim();
  const exact = names.indexOf(wanted);
  if (exact >= 0) return exact;
  const similar = names.find((name) => name.toLowerCase() === wanted.toLowerCase());
  return (
    `there is no column named ${quote(wanted)} for the target` +
    (similar === undefined
      ? ` (the columns are ${names
          .filter((n) => n !== '')
          .map(quote)
          .join(', ')})`
      : ` (did you mean ${quote(similar)}?)`)
  );
}

/**
 * Checks that `column` holds a finite number in every row, calling `store` with each; reports
 * every other cell, or the column once when none of its cells is a number. `hint` (for the
 * target) says what else the user can do; a feature's hint is that only the target holds labels.
 */
function checkNumbers(
  rows: Row[],
  column: number,
  names: string[],
  errors: CsvError[],
  hint: string | undefined,
  store: (row: number, value: number) => void,
): void {
  const name = names[column]!;
  const bad: CsvError[] = [];
  rows.forEach((row, r) => {
    const cell = row.cells[column]!;
    const value = parseNumber(cell.trim());
    if (value === undefined) {
      const message = describeBadNumber(cell);
      bad.push({ line: row.line, column: name, message: hint ? `${message} (${hint})` : message });
    } else if (Math.abs(value) > FLOAT32_MAX) {
      bad.push({
        line: row.line,
        column: name,
        message: `${quote(cell.trim())} is too large (the engine uses 32-bit floats)`,
      });
    } else {
      store(r, value);
    }
  });
  if (bad.length > 2 && bad.length === rows.length) {
    const example = rows.map((row) => row.cells[column]!.trim()).find((cell) => cell !== '');
    errors.push({
      line: rows[0]!.line,
      column: name,
      message:
        `holds no numbers in any row (lines ${rows[0]!.line}–${rows[rows.length - 1]!.line})` +
        (example === undefined ? ', every cell is empty' : `, e.g. ${quote(example)}`) +
        `; ${hint ?? 'only the target column may hold labels'}`,
    });
  } else {
    errors.push(...bad);
  }
}

function parseNumber(cell: string): number | undefined {
  if (!NUMBER.test(cell)) return undefined;
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
}

function describeBadNumber(cell: string): string {
  const trimmed = cell.trim();
  if (trimmed === '') return 'the cell is empty (missing values are not supported)';
  if (DECIMAL_COMMA.test(trimmed)) {
    return `${quote(trimmed)} is not a number (write decimals with a point: ${trimmed.replace(',', '.')})`;
  }
  return `${quote(trimmed)} is not a number`;
}

function compareLabels(a: string, b: string): number {
  return compareNatural(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Line breaks (LF, CRLF or a lone CR, as an editor counts them) in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n += 1;
  }
  return n;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function failure(errors: CsvError[]): CsvFailure {
  const sorted = errors
    .map((error, order) => ({ error, order }))
    .sort((a, b) => a.error.line - b.error.line || a.order - b.order)
    .map(({ error }) => error);
  return {
    ok: false,
    errors: sorted.slice(0, MAX_ERRORS),
    omitted: Math.max(0, sorted.length - MAX_ERRORS),
  };
}
