// Every locale-dependent format of the page goes through here, with a locale this JavaScript
// engine is known to accept (or, for the numbers, without Intl at all: see formatNumber). An invalid tag makes Intl throw a RangeError, and browsers do hand
// them out: WebKit under LANG=C.UTF-8 (minimal Linux images) reports navigator.language "C".
// The page's words are English, so its numbers are too ("1,000 rows"), whatever the browser's
// language; the tag is still checked, so a JavaScript engine without it falls back to its default
// rather than failing.

/** The locale of the page's numbers: the language its text is written in. */
export const PAGE_LOCALE = 'en-US';

/** `tag`, canonicalised, if this JavaScript engine accepts and supports it as a locale; else
 *  undefined, which Intl reads as its default locale. Never throws. */
export function safeLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag)[0];
  } catch {
    return undefined; // RangeError: not a BCP 47 tag ("C", "en_US.UTF-8").
  }
}

// Made on first use: only a CSV file's columns are sorted, and Intl's first use costs the page's
// start 50–130 ms (issue 13's ready budget).
let collator: Intl.Collator | undefined;

/** A number with thousands separators and at most three decimals: "123,492", "0.5" — what
 *  `new Intl.NumberFormat('en-US').format` gives, written out because ICU's first use costs the
 *  page's start 50–130 ms of its main thread (issue 13's ready budget), before the engine's
 *  download can even begin. Like Intl, it rounds the shortest decimal that reads back as `value`
 *  (so 1.0005 → "1.001"), half away from zero, and keeps the sign of a negative that rounds to 0. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞`;
  const [whole, fraction] = roundedDigits(Math.abs(value), MAX_FRACTION_DIGITS);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return sign + grouped + (fraction ? `.${fraction}` : '');
}

const MAX_FRACTION_DIGITS = 3;

/** The integer digits and the fraction digits (trailing zeros dropped) of `magnitude` rounded to
 *  `places` decimals, from its shortest round-trip decimal (JavaScript's own `String`). */
function roundedDigits(magnitude: number, places: number): [string, string] {
  // "1.2345e-7" → digits "12345", the point after 1 digit, shifted by the exponent.
  const [mantissa = '', exponent = '0'] = String(magnitude).split('e');
  const [head = '', tail = ''] = mantissa.split('.');
  let digits = head + tail;
  let point = head.length + Number(exponent);
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const keep = point + places;
  if (digits.length > keep) {
    const roundUp = digits.charCodeAt(keep) >= 53; // '5'
    digits = digits.slice(0, keep);
    if (roundUp) {
      const carried = incrementDigits(digits);
      if (carried.length > digits.length) point += 1;
      digits = carried;
    }
  }
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  return [whole, digits.slice(point).replace(/0+$/, '')];
}

/** A string of decimal digits plus one in its last place ("199" → "200", "99" → "100"). */
function incrementDigits(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i -= 1;
  if (i < 0) return '1' + '0'.repeat(digits.length);
  return digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(digits.length - i - 1);
}

/** Text order with numbers compared by value ("class 2" before "class 10"). */
export function compareNatural(a: string, b: string): number {
  collator ??= new Intl.Collator(safeLocale(PAGE_LOCALE), { numeric: true });
  return collator.compare(a, b);
}

/** The part of `navigator` that code outside the page (uPlot) reads its locale from. */
export interface NavigatorLanguages {
  readonly language: string;
  readonly languages: readonly string[];
}

/**
 * Makes `nav.language` and `nav.languages` valid locale tags when they are not: own getters on
 * the object shadow the browser's (the prototype's), returning the valid tags, or else Intl's
 * default locale. Needed because a library may build `new Intl.NumberFormat(navigator.language)`
 * when its module loads (uPlot does: render/uplot-chart.ts loadCharts), and that RangeError would
 * stop the page before anything could report it. Returns whether it changed anything.
 */
export function guardNavigatorLanguages(nav: NavigatorLanguages): boolean {
  const language = safeLocale(nav.language);
  const languages = nav.languages.map(safeLocale).filter((tag) => tag !== undefined);
  if (language !== undefined && languages.length === nav.languages.length) return false;
  const fallback = language ?? languages[0] ?? new Intl.NumberFormat().resolvedOptions().locale;
  const list = Object.freeze(languages.length > 0 ? languages : [fallback]);
  Object.defineProperty(nav, 'language', { configurable: true, get: () => fallback });
  Object.defineProperty(nav, 'languages', { configurable: true, get: () => list });
  return true;
}
