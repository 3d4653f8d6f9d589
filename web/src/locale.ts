// Every locale-dependent format of the page goes through here, with a locale this JavaScript
// engine is known to accept. An invalid tag makes Intl throw a RangeError, and browsers do hand
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

const locale = safeLocale(PAGE_LOCALE);
const numbers = new Intl.NumberFormat(locale);
// Made on first use: only a CSV file's columns are sorted, and a collator's data costs ~10 ms
// when the page starts (issue 13's ready budget).
let collator: Intl.Collator | undefined;

/** A number with thousands separators and at most three decimals: "123,492", "0.5". */
export function formatNumber(value: number): string {
  return numbers.format(value);
}

/** Text order with numbers compared by value ("class 2" before "class 10"). */
export function compareNatural(a: string, b: string): number {
  collator ??= new Intl.Collator(locale, { numeric: true });
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
 * when its module loads (uPlot does: render/uplot-locale-guard.ts), and that RangeError would
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
