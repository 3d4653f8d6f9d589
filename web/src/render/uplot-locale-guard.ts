// Imported by uplot-chart.ts before uPlot, so that it runs first: uPlot's module builds
// `new Intl.NumberFormat(navigator.language)` as it loads (uplot/dist/uPlot.esm.js, its `fmtNum`),
// and where navigator.language is not a valid tag (WebKit under LANG=C.UTF-8 says "C") that
// throws, and the page's whole module graph stops at "loading…" with nothing shown. The charts
// pass their own formatters (training-charts.ts), so uPlot's is never used to draw; it only must
// not throw. Replacing the navigator's getters is the one way in: uPlot reads the global.
import { guardNavigatorLanguages } from '../locale.ts';

guardNavigatorLanguages(navigator);
