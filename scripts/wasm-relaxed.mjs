// Rewrites LLVM 14's prototype fused multiply-add into the standard relaxed-SIMD instruction.
//
// Debian 12's emscripten (3.1.6, clang 14) emits `__builtin_wasm_fma_f32x4` as the relaxed-SIMD
// prototype's `f32x4.fma` (0xfd 0xaf 0x01); browsers implement the standardised
// `f32x4.relaxed_madd` (0xfd 0x85 0x02, a·b + c). Both encodings are two-byte LEBs, so the module is
// patched in place, found by decoding every function body instruction by instruction (a byte search
// could match an immediate). The kernels call the builtin as fma(a, b, c) meaning a·b + c, which is
// the standard instruction's operand order. Only this builtin is used (core/src/kernels/simd.h,
// madd); the patched module is validated afterwards, which refuses any other prototype opcode.
//
// Usage: node scripts/wasm-relaxed.mjs in.wasm out.wasm [--check-glue its.mjs base.mjs]
// (prints how many it rewrote; --check-glue fails unless its.mjs is base.mjs but for the file name,
// so that base.mjs can load either module).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { setFlagsFromString } from 'node:v8';

const PROTO_FMA = 0xaf;
const RELAXED_MADD = 0x105;

export function patchRelaxedMadd(bytes) {
  const out = Uint8Array.from(bytes);
  let pos = 0;
  const fail = (what) => {
    throw new Error(`wasm-relaxed: ${what} at byte ${pos}`);
  };
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = out[pos++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) return result;
      if (shift > 35) fail('LEB128 too long');
    }
  };
  const skipLeb = () => {
    while (out[pos++] & 0x80);
  };
  const memarg = () => {
    skipLeb();
    skipLeb();
  };
  const blockType = () => {
    const b = out[pos];
    if (b === 0x40 || (b >= 0x6f && b <= 0x7f)) pos++;
    else skipLeb(); // a type index (s33)
  };

  // One SIMD (0xfd-prefixed) instruction, the prefix already read.
  const simd = () => {
    const opStart = pos;
    const op = u32();
    if (op === PROTO_FMA) {
      if (pos - opStart !== 2) fail('unexpected encoding of f32x4.fma');
      out[opStart] = 0x80 | (RELAXED_MADD & 0x7f);
      out[opStart + 1] = RELAXED_MADD >> 7;
      return 1;
    }
    if (op <= 11 || op === 92 || op === 93)
      memarg(); // loads, stores, load32/64_zero
    else if (op === 12 || op === 13)
      pos += 16; // v128.const, i8x16.shuffle
    else if (op >= 21 && op <= 34)
      pos += 1; // extract / replace lane
    else if (op >= 84 && op <= 91) {
      memarg(); // load / store lane
      pos += 1;
    }
    return 0;
  };

  const misc = () => {
    const op = u32();
    if (op <= 7) return; // saturating truncations
    if (op === 8) {
      skipLeb(); // memory.init: data index, memory 0
      pos += 1;
    } else if (op === 9) skipLeb();
    else if (op === 10)
      pos += 2; // memory.copy
    else if (op === 11)
      pos += 1; // memory.fill
    else if (op === 12 || op === 14) {
      skipLeb();
      skipLeb();
    } else if (op === 13 || (op >= 15 && op <= 17)) skipLeb();
    else fail(`unknown 0xfc opcode ${op}`);
  };

  // One function body [pos, end).
  const body = (end) => {
    let patched = 0;
    const groups = u32();
    for (let i = 0; i < groups; i++) {
      skipLeb();
      pos += 1;
    }
    while (pos < end) {
      const op = out[pos++];
      if (op === 0xfd) patched += simd();
      else if (op === 0xfc) misc();
      else if (op === 0x02 || op === 0x03 || op === 0x04) blockType();
      else if (op === 0x0c || op === 0x0d || op === 0x10 || op === 0xd2) skipLeb();
      else if (op === 0x0e) {
        const n = u32();
        for (let i = 0; i <= n; i++) skipLeb();
      } else if (op === 0x11) {
        skipLeb();
        skipLeb();
      } else if (op === 0x1c) {
        const n = u32();
        pos += n;
      } else if (op >= 0x20 && op <= 0x26) skipLeb();
      else if (op >= 0x28 && op <= 0x3e) memarg();
      else if (op === 0x3f || op === 0x40 || op === 0xd0) pos += 1;
      else if (op === 0x41 || op === 0x42) skipLeb();
      else if (op === 0x43) pos += 4;
      else if (op === 0x44) pos += 8;
      else if (
        op === 0xfe ||
        op === 0x06 ||
        op === 0x07 ||
        op === 0x08 ||
        op === 0x09 ||
        op === 0x18 ||
        op === 0x19
      )
        fail(`unsupported opcode 0x${op.toString(16)} (threads or exceptions)`);
      // every other opcode has no immediates
    }
    if (pos !== end || out[end - 1] !== 0x0b) fail('function body did not end where its size says');
    return patched;
  };

  if (out[0] !== 0x00 || out[1] !== 0x61 || out[2] !== 0x73 || out[3] !== 0x6d)
    fail('not a wasm module');
  pos = 8;
  let patched = 0;
  while (pos < out.length) {
    const id = out[pos++];
    const size = u32();
    const end = pos + size;
    if (id === 10) {
      const count = u32();
      for (let f = 0; f < count; f++) {
        const bodySize = u32();
        patched += body(pos + bodySize);
      }
      if (pos !== end) fail('code section size mismatch');
    }
    pos = end;
  }
  return { bytes: out, patched };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output, flag, glue, baseGlue] = process.argv.slice(2);
  if (!input || !output || (flag && (flag !== '--check-glue' || !baseGlue))) {
    console.error(
      'usage: node scripts/wasm-relaxed.mjs in.wasm out.wasm [--check-glue its.mjs base.mjs]',
    );
    process.exit(2);
  }
  const { bytes, patched } = patchRelaxedMadd(readFileSync(input));
  if (patched === 0) {
    console.error(
      `wasm-relaxed: ${input} holds no f32x4.fma to rewrite (was it built with -mrelaxed-simd?)`,
    );
    process.exit(1);
  }
  setFlagsFromString('--experimental-wasm-relaxed-simd'); // Node 20; later versions have it on
  if (!WebAssembly.validate(bytes)) {
    console.error(`wasm-relaxed: the rewritten ${input} does not validate`);
    process.exit(1);
  }
  if (flag) {
    const baseWasm = basename(baseGlue).replace(/\.mjs$/, '.wasm');
    const own = readFileSync(glue, 'utf8').replaceAll(basename(output), baseWasm);
    if (own !== readFileSync(baseGlue, 'utf8')) {
      console.error(
        `wasm-relaxed: ${glue} differs from ${baseGlue}: the two modules need one glue`,
      );
      process.exit(1);
    }
  }
  writeFileSync(output, bytes);
  console.log(`wasm-relaxed: ${patched} f32x4.fma → f32x4.relaxed_madd in ${output}`);
}
