// Python literals for the exported script: numbers exact (a float32 widened to a double prints as
// the shortest text that reads back as that double, so torch.tensor(…, dtype=float32) gets the
// same bits), strings quoted, and long number lists wrapped so the script stays readable.

/** A number as Python reads it back exactly (−0 kept; integers stay integers). */
export function pyNumber(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`cannot write ${x} into a Python script`);
  if (Object.is(x, -0)) return '-0.0';
  return String(x);
}

/** A number that Python must read as a float (1 → "1.0"). */
export function pyFloat(x: number): string {
  const text = pyNumber(x);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

export function pyString(s: string): string {
  return JSON.stringify(s);
}

export function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

/** A keyword argument's value: number, boolean, string or a pair of numbers. */
export function pyValue(v: unknown): string {
  if (typeof v === 'number') return pyFloat(v);
  if (typeof v === 'boolean') return pyBool(v);
  if (typeof v === 'string') return pyString(v);
  if (Array.isArray(v)) return `(${v.map(pyValue).join(', ')})`;
  throw new Error(`cannot write ${JSON.stringify(v)} into a Python script`);
}

/** `[a, b, …]` broken into lines of at most `width` characters, each indented by `indent`. */
export function pyList(values: readonly number[], indent: string, width = 100): string {
  if (values.length === 0) return '[]';
  const lines: string[] = [];
  let line = '';
  for (const text of values.map(pyNumber)) {
    if (line && indent.length + line.length + text.length + 2 > width) {
      lines.push(line);
      line = '';
    }
    line += (line ? ' ' : '') + text + ',';
  }
  lines.push(line);
  return `[\n${lines.map((l) => `${indent}    ${l}`).join('\n')}\n${indent}]`;
}

/** `name=value` pairs for a torch constructor call. */
export function pyKwargs(args: readonly [string, unknown][]): string {
  return args.map(([name, value]) => `${name}=${pyValue(value)}`).join(', ');
}
