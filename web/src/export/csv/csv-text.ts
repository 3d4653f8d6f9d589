// CSV text as spreadsheets and pandas read it: comma-separated, "\n" line ends, a cell quoted
// when it holds a comma, a quote or a line break. Numbers are locale-independent (a point for the
// decimal, no grouping: the page's locale.ts formats for reading, not for files) and keep every
// bit of the engine's float32 values. Pure: web/test/csv-export.test.ts.

/** The shortest decimal that reads back as the same float32 ("0.1", not "0.100000001"); an empty
 *  cell for a missing value (null); "NaN", "Infinity", "-Infinity" as JavaScript writes them. */
export function csvNumber(value: number | null): string {
  if (value === null) return '';
  if (!Number.isFinite(value)) return String(value);
  const f = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const text = f.toPrecision(digits);
    if (Math.fround(Number(text)) === f) return String(Number(text));
  }
  return String(f);
}

/** An integer (a count, an epoch) as it is. */
export function csvInteger(value: number): string {
  return String(Math.trunc(value));
}

export function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and rows of cells (already formatted) as CSV text, ending with a line break. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\n') + '\n';
}
