// The roofline for the GEMM benchmarks: this build's single-thread SIMD multiply + add throughput.
// SIMD128 has no fused multiply-add (relaxed SIMD's, in core-fma.wasm, is measured below), so a
// multiply-add is a vector multiply and a vector add, issued to different execution ports. kChains independent multiply
// chains and kChains independent add chains keep both ports busy: each chain waits only for its own previous result,
// and there are enough of them to cover the latency (x86-64: 3–4 cycles, 2 of each per cycle). Everything lives in
// registers (12 chains + 2 operands ≤ the 15 XMM registers V8 allocates), so no load competes for
// issue slots. (Chaining a·m + c in one accumulator instead would be latency-bound: ~35 GFLOP/s.)
#include <string>

#include "nnp/kernels.h"
#include "simd.h"

namespace nnp {

// Here, among the product sources, because the relaxed build differs.
bool fused_multiply_add() {
#if defined(NNP_RELAXED_SIMD)
  return true;
#else
  return false;
#endif
}

std::string simd_arch() {
  using Arch = xsimd::default_arch;
  return std::string(Arch::name()) + "/" + std::to_string(simd::kWidth) + (fused_multiply_add() ? "+madd" : "");
}

#if defined(NNP_RELAXED_SIMD)
// With a fused multiply-add the peak is kFused independent a·s + t chains (2 per cycle, latency 4
// on x86-64: 8 in flight at least); 12 chains + 2 operands still fit the 15 registers.
constexpr int kFused = 12;

float muladd_peak(long iters) {
  using simd::Batch;
  static volatile float one = 1.0f;
  const Batch s(one), t(one * 0.5f);
  Batch a[kFused];
  for (int i = 0; i < kFused; ++i) a[i] = Batch(0.25f * static_cast<float>(i));
#if defined(__clang__)
#pragma clang loop unroll_count(4)
#endif
  for (long it = 0; it < iters; ++it)
    for (int i = 0; i < kFused; ++i) a[i] = simd::madd(a[i], s, t);
  Batch sum(0.0f);
  for (int i = 0; i < kFused; ++i) sum = sum + a[i];
  return sum.get(0);
}

long muladd_peak_flops(long iters) { return iters * kFused * 2 * static_cast<long>(simd::kWidth); }
#else
constexpr int kChains = 6;

float muladd_peak(long iters) {
  using simd::Batch;
  // Read through volatiles so the compiler can neither fold the chains nor hoist them.
  static volatile float one = 1.0f;
  const Batch s(one), t(one);
  Batch m[kChains], a[kChains];
  for (int i = 0; i < kChains; ++i) {
    m[i] = Batch(1.0f + 0.125f * static_cast<float>(i));
    a[i] = Batch(0.25f * static_cast<float>(i));
  }
#if defined(__clang__)
#pragma clang loop unroll_count(4)
#endif
  for (long it = 0; it < iters; ++it) {
    for (int i = 0; i < kChains; ++i) m[i] = m[i] * s;
    for (int i = 0; i < kChains; ++i) a[i] = a[i] + t;
  }
  Batch sum(0.0f);
  for (int i = 0; i < kChains; ++i) sum = sum + m[i] + a[i];
  return sum.get(0);
}

long muladd_peak_flops(long iters) { return iters * kChains * 2 * static_cast<long>(simd::kWidth); }
#endif

}  // namespace nnp
