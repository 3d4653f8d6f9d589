// How the page writes its numbers, read back: the end-to-end suites compare what it shows.

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The number a readout shows: "97.2 %" → 97.2, "3.1×10⁻⁴" → 0.00031, "1,234" → 1234,
 *  "–" → NaN. */
export function parseShownNumber(shown: string): number {
  const text = shown.replaceAll(',', '');
  const [mantissa = '', exponent] = text.split('×10');
  const power = Array.from(exponent ?? '0', (c) => {
    const digit = SUPERSCRIPTS.indexOf(c);
    return c === '⁻' ? '-' : digit >= 0 ? String(digit) : c;
  }).join('');
  return Number.parseFloat(mantissa) * 10 ** Number.parseInt(power, 10);
}
