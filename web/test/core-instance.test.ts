// The page compiles the engine once and instantiates that module for its scene rules and in every
// worker (issue 13's ready budget: no second fetch or compile): engine/core-instance.ts
// instantiates a compiled WebAssembly.Module through the glue.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instantiateCore } from '../src/engine/core-instance.ts';
import { defaultScene } from '../src/scene/index.ts';
import { loadTestCore } from './scene-rules.ts';

const bytes = readFileSync(new URL('../src/wasm/core.wasm', import.meta.url));

describe('the engine from a compiled module', () => {
  it('instantiates a module compiled elsewhere, as many times as asked, each its own engine', async () => {
    const module = await WebAssembly.compile(bytes);
    const core = await instantiateCore(module);
    const again = await instantiateCore(module);
    expect(again).not.toBe(core);
    for (const engine of [core, again]) {
      expect(engine.simdArch()).toMatch(/^wasm/);
      expect(engine.validateScene(defaultScene(), null)).toEqual([]);
    }
  });

  it('runs the rules as the engine loaded from its bytes does', async () => {
    const rules = await instantiateCore(await WebAssembly.compile(bytes));
    const own = await loadTestCore();
    const bad = { ...defaultScene(), loss: { name: 'CrossEntropyLoss' } };
    expect(rules.validateScene(defaultScene(), null)).toEqual([]);
    expect(rules.validateScene(bad, null).length).toBeGreaterThan(0);
    expect(rules.validateScene(bad, null)).toEqual(own.validateScene(bad, null));
  });

  it('says why when the module is not the engine', async () => {
    const empty = new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    await expect(instantiateCore(empty, { printErr: () => {} })).rejects.toThrow();
  });
});
