// Whether this JavaScript engine runs relaxed SIMD's fused multiply-add (f32x4.relaxed_madd): where
// it does, the engine loads core-fma.wasm, the module whose products use it (a third fewer
// instructions in the GEMM micro-kernel), instead of core.wasm (plain SIMD128, every browser).
// Plain JavaScript so that the benchmark workers, served without a bundler, share it.

// The smallest module holding the instruction: one function returning relaxed_madd(0, 0, 0).
const ZERO_V128 = [0xfd, 0x0c, ...new Array(16).fill(0)];
const BODY = [0x00, ...ZERO_V128, ...ZERO_V128, ...ZERO_V128, 0xfd, 0x85, 0x02, 0x0b];
const PROBE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version 1
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7b, // types: () -> v128
  0x03,
  0x02,
  0x01,
  0x00, // one function of type 0
  0x0a,
  BODY.length + 2,
  0x01,
  BODY.length,
  ...BODY, // its code
]);

/** @returns {boolean} */
export function hasRelaxedSimd() {
  try {
    return WebAssembly.validate(PROBE);
  } catch {
    return false;
  }
}

/** The module the engine loads first: core-fma.wasm where relaxed SIMD runs, else core.wasm.
 *  @returns {'core.wasm' | 'core-fma.wasm'} */
export function engineWasm() {
  return hasRelaxedSimd() ? 'core-fma.wasm' : 'core.wasm';
}
