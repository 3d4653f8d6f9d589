// Types of core-labs.mjs (scripts/build-wasm.sh): the labs' engine, built from wasm/lab_bindings.cpp
// (only what the teaching labs call; web/src/labs/lab-engine.ts loads it). Keep in step with it.
import type { CoreOptions } from './core.mjs';

export interface LabsCoreModule {
  /** The SIMD architecture the module was built for ("wasm32 SIMD128"). */
  simdArch(): string;
}

export default function createLabsCore(options?: CoreOptions): Promise<LabsCoreModule>;
