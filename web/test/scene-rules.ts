// The engine's scene rules (checkScene) for tests under node: the real wasm module, loaded once
// per test file before its tests.
import { readFileSync } from 'node:fs';
import { beforeAll } from 'vitest';
import { loadSceneRules } from '../src/engine/scene-rules.ts';
import createCore, { type CoreModule } from '../src/wasm/core.mjs';

/** The engine the browser loads, read from disk. */
export function loadTestCore(): Promise<CoreModule> {
  const wasmBinary = readFileSync(new URL('../src/wasm/core.wasm', import.meta.url));
  return createCore({ wasmBinary });
}

/** Loads the engine's scene rules before the calling file's tests. */
export function withSceneRules(): void {
  beforeAll(() => loadSceneRules(loadTestCore));
}
