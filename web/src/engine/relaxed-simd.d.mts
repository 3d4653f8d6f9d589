/** Whether this JavaScript engine validates relaxed SIMD's f32x4.relaxed_madd. */
export function hasRelaxedSimd(): boolean;
