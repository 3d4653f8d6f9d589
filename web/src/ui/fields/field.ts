// The shape every training control has (a number, a checkbox or a select, each with its torch
// name, a one-line hint, where it lives in the scene and when it applies), and the builders the
// groups' files (one per fieldset of the panel) make their fields with. Pure (no DOM).
import type { Range, Scene } from '../../scene/index.ts';

export type GroupId =
  | 'loss'
  | 'optimizer'
  | 'scheduler'
  | 'init'
  | 'regularization'
  | 'augmentation'
  | 'earlyStopping'
  | 'ensemble'
  | 'clipping'
  | 'batching';

export const GROUPS: readonly { id: GroupId; title: string }[] = [
  { id: 'loss', title: 'Loss' },
  { id: 'optimizer', title: 'Optimiser' },
  { id: 'regularization', title: 'Regularisation' },
  { id: 'scheduler', title: 'Learning-rate schedule' },
  { id: 'init', title: 'Initialisation' },
  { id: 'batching', title: 'Batches' },
  { id: 'clipping', title: 'Gradient clipping' },
  { id: 'augmentation', title: 'Augmentation' },
  { id: 'earlyStopping', title: 'Early stopping' },
  { id: 'ensemble', title: 'Ensemble' },
];

interface Base {
  /** The data-control id (TF Playground's where one exists); the element id is "tc-" + id. */
  id: string;
  group: GroupId;
  /** The torch name, shown as the label. */
  label: string;
  /** One line, shown on hover and keyboard focus. */
  hint: string;
  /** The scene path its errors name (checkScene's "scene.<path>: …"). */
  path: string;
  shown(scene: Scene): boolean;
}

export interface NumberField extends Base {
  kind: 'number';
  integer?: boolean;
  /** A size the user sets: the engine catalogue's limit, shown beside the control. */
  limit?: Range;
  /** torch's default, shown when the field is empty (empty = leave it out = the default). */
  placeholder(scene: Scene): string;
  read(scene: Scene): number | undefined;
  write(scene: Scene, value: number | undefined): Scene;
}

export interface CheckField extends Base {
  kind: 'check';
  read(scene: Scene): boolean;
  write(scene: Scene, value: boolean): Scene;
}

export interface SelectField extends Base {
  kind: 'select';
  options(scene: Scene): readonly { value: string; label: string }[];
  read(scene: Scene): string;
  /** The next scene, and a note on anything else the choice changed. */
  write(scene: Scene, value: string): { scene: Scene; note: string | null };
}

export type Field = NumberField | CheckField | SelectField;

export const always = () => true;
export const names = (list: readonly string[]) => list.map((value) => ({ value, label: value }));
export const clone = (scene: Scene): Scene => structuredClone(scene);

/** Sets `key` of `target` to `value`, or removes it for undefined (exactOptionalPropertyTypes). */
export function put<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

export type Where = Omit<Base, 'shown'> & { shown?: (scene: Scene) => boolean };

/** A number field: `get` reads it from a scene, `set` writes it into the copy the write makes. */
export function numeric(
  where: Where & {
    integer?: boolean;
    limit?: Range;
    placeholder: string | ((scene: Scene) => string);
    get: (scene: Scene) => number | undefined;
    set: (next: Scene, value: number | undefined) => void;
  },
): NumberField {
  const { get, set, placeholder, shown, integer, ...base } = where;
  return {
    ...base,
    kind: 'number',
    ...(integer ? { integer } : {}),
    shown: shown ?? always,
    placeholder: typeof placeholder === 'string' ? () => placeholder : placeholder,
    read: get,
    write: (scene, value) => {
      const next = clone(scene);
      set(next, value);
      return next;
    },
  };
}

/** A checkbox, built as `numeric` is. */
export function checkbox(
  where: Where & {
    get: (scene: Scene) => boolean;
    set: (next: Scene, value: boolean) => void;
  },
): CheckField {
  const { get, set, shown, ...base } = where;
  return {
    ...base,
    kind: 'check',
    shown: shown ?? always,
    read: get,
    write: (scene, value) => {
      const next = clone(scene);
      set(next, value);
      return next;
    },
  };
}

/** Reads what a number field holds: undefined when empty; throws naming the path otherwise. */
export function parseNumber(field: NumberField, text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    throw new Error(`scene.${field.path}: expected a number, got "${trimmed}"`);
  }
  return value;
}
