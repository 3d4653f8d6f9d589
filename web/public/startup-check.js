// The page's first script, so that a start-up failure is shown and never leaves the page at
// "loading…". A classic script with no imports, in ES5: it runs in any browser, before the page's
// module (src/main.ts) and whatever becomes of it, and it is a file (not inline) so that a strict
// Content-Security-Policy (`script-src 'self'`) lets it run; the single-file build inlines it
// (vite.single.config.ts). It shows "The playground could not start in this browser: <reason>"
// in a box at the top of the page when
// - the browser has no WebAssembly, or no WebAssembly SIMD (the engine is built for SIMD128);
// - the page's module or one of its chunks does not load, or throws before the engine is up;
// - the engine's worker fails until the page gives up (<body data-engine="stopped">, the page's
//   own message in its #error banner naming why);
// - the page's module has not started after WAIT_MS (shown until it starts).
// The engine is up when <body data-engine> leaves "loading" for a run's state (ui/controls.ts);
// the module says it runs by setting <html data-started> (main.ts). Failures after that are the
// page's to report.
(function () {
  'use strict';

  var PREFIX = 'The playground could not start in this browser: ';
  var BROWSERS =
    ' It runs in Chrome and Edge 91 or later, Firefox 89 or later and Safari 16.4 or later.';
  var WAIT_MS = 20000;
  /** <body data-engine> values before the engine is up, and when the page gave up on it. */
  var STARTING = { loading: true, fetching: true };
  var GAVE_UP = 'stopped';

  /** The smallest module with a SIMD128 instruction: one function returning v128.const 0. */
  var SIMD_PROBE = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 5, 1, 0x60, 0, 1, 0x7b, 3, 2, 1, 0];
  var code = [0, 0xfd, 0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0b];
  SIMD_PROBE = SIMD_PROBE.concat([0x0a, code.length + 2, 1, code.length], code);

  /** The box shown, and what it says: 'missing' (a feature: it stays), 'failed' (lifted if the
   *  engine comes up after all), 'waiting' (lifted when the module starts). */
  var box = null;
  var shown = null;
  var started = false;
  var up = false;

  function missingFeature() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') {
      return 'it has no WebAssembly.';
    }
    var simd = false;
    try {
      simd = WebAssembly.validate(new Uint8Array(SIMD_PROBE));
    } catch (error) {
      // A browser that throws here has no SIMD either.
    }
    if (!simd) return 'its WebAssembly has no SIMD (SIMD128), which the engine is built for.';
    if (typeof Worker !== 'function') return 'it has no Web Workers.';
    if (!('noModule' in HTMLScriptElement.prototype)) return 'it does not run JavaScript modules.';
    return null;
  }

  function afterParse(then) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then);
    else then();
  }

  /** Shows `reason`: the first failure (later ones usually follow from it), over a 'waiting'. */
  function show(kind, reason) {
    if (shown === 'missing' || shown === 'failed' || (up && kind !== 'missing')) return;
    shown = kind;
    afterParse(function () {
      if (!box) {
        box = document.createElement('div');
        box.className = 'error startup-failure';
        box.setAttribute('role', 'alert');
        box.appendChild(document.createElement('span')).className = 'error-text';
        document.body.insertBefore(box, document.body.firstChild);
      }
      box.setAttribute('data-reason', kind);
      box.firstChild.textContent = PREFIX + reason + (/[.!?]$/.test(reason) ? '' : '.');
    });
  }

  /** Takes the box away if it says one of `kinds`. */
  function lift(kinds) {
    if (!shown || kinds.indexOf(shown) < 0) return;
    shown = null;
    afterParse(function () {
      if (box && !shown) {
        box.parentNode.removeChild(box);
        box = null;
      }
    });
  }

  function describe(error, fallback) {
    if (error && typeof error === 'object' && error.message) {
      return (error.name ? error.name + ': ' : '') + error.message;
    }
    return error ? String(error) : fallback;
  }

  var feature = missingFeature();
  if (feature) show('missing', feature + BROWSERS);

  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (target && target.tagName === 'SCRIPT') {
        show('failed', 'its script ' + (target.src || '(inline)') + ' did not load.');
      } else if (target === window || !target) {
        show('failed', 'its script failed: ' + describe(event.error, event.message));
      }
    },
    true // A script's failed load fires at the element and does not bubble: capture it.
  );
  window.addEventListener('unhandledrejection', function (event) {
    show('failed', 'its script failed: ' + describe(event.reason, 'a promise was rejected'));
  });

  new MutationObserver(function () {
    if (started || !document.documentElement.hasAttribute('data-started')) return;
    started = true;
    lift(['waiting']);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-started'] });
  setTimeout(function () {
    if (!started && !up) {
      show('waiting', 'its script has not started after ' + WAIT_MS / 1000 + ' s.');
    }
  }, WAIT_MS);

  afterParse(function () {
    var observer = new MutationObserver(watch);
    function watch() {
      var engine = document.body.getAttribute('data-engine');
      if (up || !engine || STARTING[engine]) return;
      if (engine === GAVE_UP) {
        var said = document.querySelector('#error .error-text');
        var why = said && said.textContent ? ' ' + said.textContent : '';
        show('failed', 'its engine did not start.' + why);
        return;
      }
      up = true;
      observer.disconnect();
      lift(['waiting', 'failed']);
    }
    observer.observe(document.body, { attributes: true, attributeFilter: ['data-engine'] });
    watch();
  });
})();
