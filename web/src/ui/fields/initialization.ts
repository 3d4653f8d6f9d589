// The Initialisation group: the nn.init scheme and its arguments, with the symmetry problem of
// the schemes that start every unit of a layer alike.
import { INITS, type Scene } from '../../scene/index.ts';
import type { InitName } from '../../wasm/core.mjs';
import { always, clone, numeric, put, type Field } from './field.ts';

const INIT_LABELS: Record<InitName, string> = {
  default: 'default: U(±1/√fan_in)',
  zeros: 'zeros_',
  constant: 'constant_',
  uniform: 'uniform_: U(a, b)',
  xavier_uniform: 'xavier_uniform_',
  xavier_normal: 'xavier_normal_',
  kaiming_uniform: 'kaiming_uniform_',
  kaiming_normal: 'kaiming_normal_',
};

/** The symmetry problem, for the schemes that give every unit of a layer the same weights. */
export function initNote(scene: Scene): string | null {
  const weight = scene.init?.weight ?? 'default';
  if (weight === 'zeros') {
    return 'Symmetry problem: with every weight 0, all units of a layer compute the same thing and get the same gradient, so they stay identical (and through Tanh no gradient reaches the hidden layers at all): the network cannot learn.';
  }
  if (weight === 'constant') {
    return 'Symmetry problem: every unit of a layer starts with the same weights, gets the same gradient and stays a copy of the others, so a layer acts as a single unit.';
  }
  return null;
}

/** A number of scene.init, shown for the schemes in `schemes`. */
function initNumber(
  key: 'constant' | 'a' | 'b' | 'bias',
  id: string,
  label: string,
  hint: string,
  placeholder: string,
  schemes: readonly InitName[],
): Field {
  return numeric({
    id,
    group: 'init',
    label,
    hint,
    path: `init.${key}`,
    shown: (s) => schemes.includes(s.init?.weight ?? 'default'),
    placeholder,
    get: (s) => s.init?.[key],
    set: (next, value) => next.init && put(next.init, key, value),
  });
}

export const initFields: Field[] = [
  {
    kind: 'select',
    id: 'init',
    group: 'init',
    label: 'nn.init',
    hint: 'How the weights start; xavier suits Tanh/Sigmoid, kaiming suits ReLU.',
    path: 'init.weight',
    shown: always,
    options: () => INITS.map((value) => ({ value, label: INIT_LABELS[value] })),
    read: (s) => s.init?.weight ?? 'default',
    write: (s, value) => {
      const next = clone(s);
      const weight = value as InitName;
      if (weight === 'default') delete next.init;
      else {
        next.init = { weight };
        if (weight === 'constant') next.init.constant = s.init?.constant ?? 0.5;
        if (weight === 'uniform') {
          next.init.a = s.init?.a ?? -0.5; // TF Playground's range
          next.init.b = s.init?.b ?? 0.5;
        }
        if (s.init?.bias !== undefined) next.init.bias = s.init.bias;
      }
      return { scene: next, note: null };
    },
  },
  initNumber('constant', 'initConstant', 'val', 'constant_’s value for every weight.', 'required', [
    'constant',
  ]),
  initNumber(
    'a',
    'initA',
    'a',
    'uniform_’s lower end: every weight starts in U(a, b), whatever the layer’s fan-in.',
    '0',
    ['uniform'],
  ),
  initNumber('b', 'initB', 'b', 'uniform_’s upper end (at least a).', '1', ['uniform']),
  initNumber(
    'bias',
    'initBias',
    'bias',
    'Every bias starts at this value (default 0) with any scheme but nn.Linear’s own.',
    '0',
    INITS.filter((name) => name !== 'default'),
  ),
];
