// How numbers appear in the readouts. Pure, so the unit tests pin the formats down.
import { formatNumber } from '../locale.ts';

const DASH = '–';

/** A loss with three decimals, or two significant digits below 0.001 (a trained network's loss
 *  is small but not zero: "0.000" would say it is); a dash when unknown or diverged. */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return DASH;
  if (loss === 0 || Math.abs(loss) >= 0.001) return loss.toFixed(3);
  const [mantissa = '', exponent = ''] = loss.toExponential(1).split('e');
  return `${mantissa}×10${superscript(exponent)}`;
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '+': '' };
'⁰¹²³⁴⁵⁶⁷⁸⁹'.split('').forEach((digit, i) => (SUPERSCRIPT[String(i)] = digit));

function superscript(text: string): string {
  return Array.from(text, (c) => SUPERSCRIPT[c] ?? c).join('');
}

/** A fraction in [0, 1] as a percentage with one decimal, e.g. "97.2 %". */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)} %` : DASH;
}

/** A counter (epochs, steps) with thousands separators, e.g. "123,492". */
export function formatCount(count: number): string {
  return Number.isFinite(count) ? formatNumber(Math.trunc(count)) : DASH;
}
