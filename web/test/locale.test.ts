// The page's one locale helper (src/locale.ts): invalid tags fall back to the default locale
// instead of throwing, and the navigator guard that lets uPlot load under them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareNatural,
  formatNumber,
  guardNavigatorLanguages,
  safeLocale,
  type NavigatorLanguages,
} from '../src/locale.ts';

/** What browsers have been seen to report: WebKit under LANG=C.UTF-8 says "C". */
const INVALID = ['C', '', 'en_US.UTF-8', 'C.UTF-8', 'x'];

describe('safeLocale', () => {
  it('keeps valid tags, canonicalised', () => {
    expect(safeLocale('en-US')).toBe('en-US');
    expect(safeLocale('de-DE')).toBe('de-DE');
    expect(safeLocale('fr')).toBe('fr');
    expect(safeLocale('en-us')).toBe('en-US');
  });

  it.each(INVALID)('falls back to the default locale for %j', (tag) => {
    // Intl itself refuses them (the page's failure without the helper)…
    if (tag !== '') expect(() => new Intl.NumberFormat(tag)).toThrow(RangeError);
    // …the helper answers undefined, Intl's default locale.
    expect(safeLocale(tag)).toBeUndefined();
    expect(() => new Intl.NumberFormat(safeLocale(tag)).format(1234.5)).not.toThrow();
  });

  it('takes a missing tag as the default', () => {
    expect(safeLocale(undefined)).toBeUndefined();
    expect(safeLocale(null)).toBeUndefined();
  });
});

describe("the page's formats", () => {
  it('groups thousands and keeps up to three decimals, in English', () => {
    expect(formatNumber(123492)).toBe('123,492');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(0.00012)).toBe('0');
    expect(formatNumber(-1500.25)).toBe('-1,500.25');
  });

  it('orders text with numbers by value', () => {
    expect(['class 10', 'class 2', 'class 1'].sort(compareNatural)).toEqual([
      'class 1',
      'class 2',
      'class 10',
    ]);
  });
});

/** A navigator whose getters live on its prototype, as a browser's do. */
function navigatorSaying(language: string, languages: string[]): NavigatorLanguages {
  const proto = {
    get language() {
      return language;
    },
    get languages() {
      return languages;
    },
  };
  return Object.create(proto) as NavigatorLanguages;
}

describe('guardNavigatorLanguages', () => {
  it('leaves a navigator with valid tags alone', () => {
    const nav = navigatorSaying('de-DE', ['de-DE', 'en']);
    expect(guardNavigatorLanguages(nav)).toBe(false);
    expect(Object.getOwnPropertyNames(nav)).toEqual([]);
    expect(nav.language).toBe('de-DE');
  });

  it.each(INVALID)('replaces language %j by the default locale', (tag) => {
    const nav = navigatorSaying(tag, [tag]);
    expect(guardNavigatorLanguages(nav)).toBe(true);
    const fallback = new Intl.NumberFormat().resolvedOptions().locale;
    expect(nav.language).toBe(fallback);
    expect(nav.languages).toEqual([fallback]);
    // What uPlot does when its module loads.
    expect(() => new Intl.NumberFormat(nav.language)).not.toThrow();
  });

  it('keeps the valid tags of the list, the first as the language', () => {
    const nav = navigatorSaying('C', ['C', 'fr-CA', 'en_GB', 'en']);
    guardNavigatorLanguages(nav);
    expect(nav.language).toBe('fr-CA');
    expect(nav.languages).toEqual(['fr-CA', 'en']);
  });

  it('keeps a valid language and drops the invalid tags of the list', () => {
    const nav = navigatorSaying('en-GB', ['en-GB', 'C']);
    expect(guardNavigatorLanguages(nav)).toBe(true);
    expect(nav.language).toBe('en-GB');
    expect(nav.languages).toEqual(['en-GB']);
  });
});

describe('formatNumber against Intl', () => {
  const intl = new Intl.NumberFormat('en-US');

  it('writes what Intl writes at the edges', () => {
    const edges = [0, -0, -0.0001, 0.0005, -0.0005, 1.0005, 2.0005, 999.9996, 999_999.9995, 1e21];
    const more = [1.5e-7, 5e-324, 1e300, 2 ** 53 + 2, 0.1 + 0.2, NaN, Infinity, -Infinity];
    for (const value of [...edges, ...more])
      expect(formatNumber(value), String(value)).toBe(intl.format(value));
  });

  it('writes what Intl writes for any double', () => {
    fc.assert(
      fc.property(fc.double(), (value) => formatNumber(value) === intl.format(value)),
      { numRuns: 20_000 },
    );
  });

  it('writes what Intl writes for numbers a page shows (a few decimals, any scale)', () => {
    const shown = fc
      .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 8 }))
      .map(([n, places]) => n / 10 ** places);
    fc.assert(
      fc.property(shown, (value) => formatNumber(value) === intl.format(value)),
      {
        numRuns: 20_000,
      },
    );
  });
});
