// The building blocks of scene validation: check one field of untrusted JSON, or throw an Error
// that starts with the field's path and says what is accepted.
import { type Range, describeRange } from './limits.ts';

export type Fields = Record<string, unknown>;

function where(path: string): string {
  return path ? `scene.${path}` : 'scene';
}

/** A value as a message shows it: its JSON (else its String), cut to `limit` characters. */
export function shown(value: unknown, limit = Infinity): string {
  let text: string;
  try {
    // JSON.stringify returns undefined for undefined, a function or a symbol, whatever its type says.
    const json = JSON.stringify(value) as string | undefined;
    text = json ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}

export function fail(path: string, expected: string, value: unknown): never {
  if (value === undefined) throw new Error(`${where(path)}: missing; expected ${expected}`);
  throw new Error(`${where(path)}: expected ${expected}, got ${shown(value)}`);
}

/** A field that is well-formed but does not fit with the rest of the scene. */
export function reject(path: string, message: string): never {
  throw new Error(`${where(path)}: ${message}`);
}

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object whose keys are all in `keys`; `owner` names what the keys are arguments of. */
export function object(value: unknown, path: string, keys: readonly string[], owner = ''): Fields {
  if (!isObject(value)) fail(path, 'an object', value);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      const field = where(path ? `${path}.${key}` : key);
      const args = keys.filter((k) => k !== 'name');
      if (owner && args.length === 0) {
        throw new Error(`${field}: unknown field; ${owner} takes no arguments (accepted: name)`);
      }
      throw new Error(
        `${field}: unknown field${owner ? ` for ${owner}` : ''}; accepted: ${keys.join(', ')}`,
      );
    }
  }
  return value;
}

export function number(value: unknown, path: string, range: Range): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (range.integer && !Number.isInteger(value)) ||
    value < range.min ||
    value > range.max ||
    (range.minOpen && value === range.min) ||
    (range.maxOpen && value === range.max)
  ) {
    fail(path, describeRange(range), value);
  }
  return value;
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
  return value;
}

export function oneOf<T extends string | number>(
  value: unknown,
  path: string,
  allowed: readonly T[],
): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    fail(
      path,
      `one of ${allowed.map((v) => (typeof v === 'string' ? v : shown(v))).join(', ')}`,
      value,
    );
  }
  return value as T;
}
