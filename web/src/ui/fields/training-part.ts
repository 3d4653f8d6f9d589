// Fields inside an optional part of scene.training (augmentation, earlyStopping, ensemble): the
// part appears with its first value and goes when it ends up empty (or is switched off).
import type { Range, Scene } from '../../scene/index.ts';
import { checkbox, numeric, put, type CheckField, type NumberField, type Where } from './field.ts';

export type TrainingPart = 'augmentation' | 'earlyStopping' | 'ensemble';

const part = (scene: Scene, name: TrainingPart) =>
  scene.training[name] as Record<string, unknown> | undefined;

/** A number inside training.<part>; the part is removed when it ends up empty (or, with `off`,
 *  when this field is cleared or set to `off`). */
export function partNumber(
  name: TrainingPart,
  key: string,
  opts: Omit<Where, 'group' | 'path'> & {
    placeholder: string;
    integer?: boolean;
    limit?: Range;
    off?: number;
  },
): NumberField {
  const { off, ...where } = opts;
  return numeric({
    ...where,
    group: name,
    path: `training.${name}.${key}`,
    get: (s) => part(s, name)?.[key] as number | undefined,
    set: (next, value) => {
      const fields = { ...part(next, name) };
      put(fields, key, value);
      const cleared = off !== undefined && (value === undefined || value === off);
      if (cleared || Object.keys(fields).length === 0) delete next.training[name];
      else (next.training as Record<string, unknown>)[name] = fields;
    },
  });
}

/** A checkbox inside training.<part>, shown while the part is on. */
export function partCheck(
  name: TrainingPart,
  key: string,
  opts: Omit<Where, 'group' | 'path' | 'shown'> & { fallback: boolean },
): CheckField {
  const { fallback, ...where } = opts;
  return checkbox({
    ...where,
    group: name,
    path: `training.${name}.${key}`,
    shown: (s) => part(s, name) !== undefined,
    get: (s) => (part(s, name)?.[key] ?? fallback) === true,
    set: (next, value) => {
      const fields = part(next, name);
      if (fields) put(fields, key, value === fallback ? undefined : value);
    },
  });
}
