/** Whether this JavaScript engine validates relaxed SIMD's f32x4.relaxed_madd. */
export function hasRelaxedSimd(): boolean;
/** The module the engine loads first: core-fma.wasm where relaxed SIMD runs, else core.wasm. */
export function engineWasm(): 'core.wasm' | 'core-fma.wasm';
