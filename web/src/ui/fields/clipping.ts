// The Gradient clipping group: clip_grad_norm_ and clip_grad_value_ (empty: off).
import { numeric, put, type Field } from './field.ts';

function clipField(id: string, key: 'clip_grad_norm' | 'clip_grad_value', hint: string): Field {
  return numeric({
    id,
    group: 'clipping',
    label: key,
    hint,
    path: key,
    placeholder: 'off',
    get: (s) => s[key] ?? undefined,
    set: (next, value) => put(next, key, value),
  });
}
export const clippingFields: Field[] = [
  clipField(
    'clipGradNorm',
    'clip_grad_norm',
    'clip_grad_norm_: rescales the whole gradient when its 2-norm exceeds this.',
  ),
  clipField(
    'clipGradValue',
    'clip_grad_value',
    'clip_grad_value_: clamps every gradient entry to ±this.',
  ),
];
