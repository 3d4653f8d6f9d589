/** Rewrites every prototype f32x4.fma (0xfd 0xaf 0x01) of a module into f32x4.relaxed_madd. */
export function patchRelaxedMadd(bytes: Uint8Array): { bytes: Uint8Array; patched: number };
