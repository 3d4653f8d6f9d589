// The browsers the cross-browser suite and the engine benchmark run: Debian's Chromium, Firefox
// ESR and WebKitGTK (Safari's engine). WebKit runs under two locales, a usual one and the C
// locale of minimal Linux images, where its navigator.language is "C" (issue 18).
import { launchChromium, launchFirefox } from './puppeteer.ts';
import type { Engine } from './session.ts';
import { launchWebKit } from './webkit.ts';

/** The footer's #simd-arch per module (web/src/engine/wasm.ts picks one). */
export const RELAXED_ARCH = 'wasm/4+madd'; // core-fma.wasm: relaxed SIMD's fused multiply-add
export const SIMD128_ARCH = 'wasm/4'; // core.wasm: SIMD128, every browser with wasm SIMD

/** The module file the page loaded, from the footer's #simd-arch. */
export function wasmModule(arch: string): string {
  if (arch === RELAXED_ARCH) return 'core-fma.wasm';
  if (arch === SIMD128_ARCH) return 'core.wasm';
  return `an unknown module (${arch})`;
}

export const CHROMIUM: Engine = { name: 'Chromium', arch: RELAXED_ARCH, launch: launchChromium };
export const FIREFOX: Engine = { name: 'Firefox', arch: RELAXED_ARCH, launch: launchFirefox };

/** WebKit under `lang`, where its navigator.language is `language`. It has SIMD128 but not
 *  relaxed SIMD: it refuses core-fma.wasm and the page falls back to core.wasm. */
export function webkit(lang: string, language: string): Engine {
  return {
    name: `WebKit (LANG=${lang})`,
    arch: SIMD128_ARCH,
    language,
    launch: () => launchWebKit(lang),
  };
}
