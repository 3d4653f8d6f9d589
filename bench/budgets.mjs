// Issue 13's budgets, written once: bench/bench-budgets.mjs reports against them and
// e2e/budgets.spec.ts fails when a size budget is broken. 1 KB = 1000 bytes.
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
  /** Each wasm module, gzipped. */
  wasmGzipBytes: 150_000,
  /** Every byte the default page fetches until the engine is ready, gzipped as sent. */
  firstLoadGzipBytes: 300_000,
  /** Navigation start → the ready mark (web/src/render/page-frame.ts READY_MARK), headless
   *  Chromium, a local server, a cold cache. A bench figure, not a test. */
  readyMs: 500,
};

/** The gzip level the bench's server sends and the size checks assume (the smallest gzip). */
export const GZIP_LEVEL = 9;

/** `bytes` as a server sends them gzipped (deterministic for the same bytes). */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: GZIP_LEVEL }).length;
}
