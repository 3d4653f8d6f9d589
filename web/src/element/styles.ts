// The element's styles as constructable stylesheets (adoptedStyleSheets), not <style> elements:
// a strict CSP (style-src 'self', no 'unsafe-inline') blocks inline <style> but not these. Built
// once per page and shared by every <nn-playground> on it.
import pageCss from '../style.css?inline';
import elementCss from '../styles/element.css?inline';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';

let sheets: CSSStyleSheet[] | null = null;

/** The page's sheet (its :root rules also match :host), uPlot's after it as on the page, then
 *  the element's own. */
export function playgroundSheets(): CSSStyleSheet[] {
  sheets ??= [pageCss, uplotCss, elementCss].map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  return sheets;
}
