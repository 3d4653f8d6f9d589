// CSS colours as SVG 1.1 writes them: "#rrggbb" plus an opacity. The views use CSS Color 4
// forms ("rgb(0 0 0 / 0.25)"), which browsers read in SVG but slide and drawing programs often
// do not. Pure.

export interface SvgColor {
  hex: string;
  opacity: number;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const RGB = /^rgba?\(\s*([^)]*)\)$/i;

function hex2(value: number): string {
  return Math.round(Math.min(Math.max(value, 0), 255))
    .toString(16)
    .padStart(2, '0');
}

/** `css` as hex and opacity; "none" (opacity 0) for "transparent"; throws on a form the views
 *  never use, naming it. */
export function svgColor(css: string): SvgColor {
  const text = css.trim();
  if (text === 'transparent') return { hex: 'none', opacity: 0 };
  const hex = HEX.exec(text);
  if (hex) {
    const digits = hex[1]!;
    const full = digits.length === 3 ? digits.replace(/./g, '$&$&') : digits;
    return { hex: `#${full.toLowerCase()}`, opacity: 1 };
  }
  const rgb = RGB.exec(text);
  if (rgb) {
    const parts = rgb[1]!.split(/[\s,/]+/).filter((p) => p.length > 0);
    const [r, g, b, a] = parts.map((p) =>
      p.endsWith('%') ? Number(p.slice(0, -1)) / 100 : Number(p),
    );
    if ([r, g, b].every((v) => v !== undefined && Number.isFinite(v))) {
      const opacity = a === undefined ? 1 : Math.min(Math.max(a, 0), 1);
      return { hex: `#${hex2(r!)}${hex2(g!)}${hex2(b!)}`, opacity };
    }
  }
  throw new Error(`svgColor: cannot write the colour "${css}" in SVG (use #rrggbb or rgb())`);
}
