#pragma once
// Private helpers for the kernels: the batch type and a map that runs the tail through the same
// vector code (padded), so every element is computed by one formula whatever its position.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <xsimd/xsimd.hpp>

namespace nnp::simd {

using Batch = xsimd::batch<float>;
inline constexpr std::size_t kWidth = Batch::size;

// a·b + c for the products (GEMM and the tape-free step's in-place products, which must agree bit
// for bit) and tanh's polynomials. The relaxed build (core-fma.wasm, NNP_RELAXED_SIMD) issues one fused instruction:
// wasm SIMD128 has no multiply-add, and a separate multiply and add cost the GEMM micro-kernel a
// third of its issue slots. LLVM 14 spells it __builtin_wasm_fma_f32x4, the relaxed-SIMD
// prototype's opcode, which scripts/wasm-relaxed.mjs rewrites to the standard f32x4.relaxed_madd
// (a·b + c). Elsewhere: xsimd's fma, a multiply and an add on SSE2 and SIMD128.
inline Batch madd(Batch a, Batch b, Batch c) {
#if defined(NNP_RELAXED_SIMD)
  using F4 = float __attribute__((__vector_size__(16)));
  return Batch(static_cast<xsimd::batch<float>::register_type>(
      __builtin_wasm_fma_f32x4(static_cast<F4>(a.data), static_cast<F4>(b.data), static_cast<F4>(c.data))));
#else
  return xsimd::fma(a, b, c);
#endif
}

// The scalar a·b + c that madd computes in each lane (fused exactly where madd is, whatever the
// hardware does with relaxed madd), for the tails of the products.
inline float madd(float a, float b, float c) {
#if defined(NNP_RELAXED_SIMD)
  return madd(Batch(a), Batch(b), Batch(c)).get(0);
#else
  return a * b + c;
#endif
}

// acc[r][v] = Σ_p A(r, p)·B(p, v·kWidth …), R rows of A read in place (element (r, p) at
// a[r·sa_r + p·sa_p]) times V vectors of a row-major B (leading dimension ldb): every element one
// running madd sum from +0 in ascending p. Each B vector is loaded once per p for all R rows, and
// the pointers are stepped (emscripten builds without loop strength reduction). gemm's small path
// and the tape-free step's products share it, so their bits agree.
template <int R, int V>
inline void block_sums(int k, const float* a, std::size_t sa_r, std::size_t sa_p, const float* b, std::size_t ldb,
                       Batch (&acc)[R][V]) {
  for (auto& row : acc)
    for (Batch& v : row) v = Batch(0.0f);
  for (int p = 0; p < k; ++p, a += sa_p, b += ldb) {
    Batch bv[V];
    for (int v = 0; v < V; ++v) bv[v] = Batch::load_unaligned(b + v * kWidth);
    for (int r = 0; r < R; ++r) {
      const Batch av(a[static_cast<std::size_t>(r) * sa_r]);
      for (int v = 0; v < V; ++v) acc[r][v] = madd(av, bv[v], acc[r][v]);
    }
  }
}

// y[i] = f(x[i]) for a vector functor f.
template <class F>
inline void map1(const float* x, float* y, std::size_t n, F f) {
  std::size_t i = 0;
  for (; i + kWidth <= n; i += kWidth) f(Batch::load_unaligned(x + i)).store_unaligned(y + i);
  if (i < n) {
    alignas(16) float buf[kWidth] = {};
    std::copy(x + i, x + n, buf);
    f(Batch::load_aligned(buf)).store_aligned(buf);
    std::copy(buf, buf + (n - i), y + i);
  }
}

// d[i] = f(a[i], b[i], d[i]) for a vector functor f.
template <class F>
inline void map3(const float* a, const float* b, float* d, std::size_t n, F f) {
  std::size_t i = 0;
  for (; i + kWidth <= n; i += kWidth) {
    Batch r = f(Batch::load_unaligned(a + i), Batch::load_unaligned(b + i), Batch::load_unaligned(d + i));
    r.store_unaligned(d + i);
  }
  if (i < n) {
    alignas(16) float ba[kWidth] = {}, bb[kWidth] = {}, bd[kWidth] = {};
    std::copy(a + i, a + n, ba);
    std::copy(b + i, b + n, bb);
    std::copy(d + i, d + n, bd);
    f(Batch::load_aligned(ba), Batch::load_aligned(bb), Batch::load_aligned(bd)).store_aligned(bd);
    std::copy(bd, bd + (n - i), d + i);
  }
}

// d[i] = f(a[i], b[i], c[i], d[i]) for a vector functor f.
template <class F>
inline void map4(const float* a, const float* b, const float* c, float* d, std::size_t n, F f) {
  std::size_t i = 0;
  for (; i + kWidth <= n; i += kWidth) {
    Batch r = f(Batch::load_unaligned(a + i), Batch::load_unaligned(b + i), Batch::load_unaligned(c + i),
                Batch::load_unaligned(d + i));
    r.store_unaligned(d + i);
  }
  if (i < n) {
    alignas(16) float ba[kWidth] = {}, bb[kWidth] = {}, bc[kWidth] = {}, bd[kWidth] = {};
    std::copy(a + i, a + n, ba);
    std::copy(b + i, b + n, bb);
    std::copy(c + i, c + n, bc);
    std::copy(d + i, d + n, bd);
    f(Batch::load_aligned(ba), Batch::load_aligned(bb), Batch::load_aligned(bc), Batch::load_aligned(bd))
        .store_aligned(bd);
    std::copy(bd, bd + (n - i), d + i);
  }
}

// tanh without branches or exp's overflow handling (xsimd::tanh costs ~4× as much per vector,
// which dominated small tanh networks): below |x| = 0.625 the odd minimax polynomial of Cephes'
// tanhf; above, 1 − 2/(e^{2|x|} + 1) with 2|x| capped at 20 (tanh rounds to 1 in float from 9.1 on) and
// e^y = 2^k·e^r, k = round(y/ln 2), r = y − k·ln 2 in two parts (Cody–Waite), e^r by Cephes' expf
// polynomial, in madd (fused in core-fma.wasm). Within 2 ulp of tanh on every float, in both
// builds (tests/kernels_test.cpp); NaN stays NaN.
inline Batch fast_tanh(Batch x) {
  const Batch a = xsimd::abs(x);
  const Batch z = a * a;
  Batch p(-5.70498872745e-3f);
  p = madd(p, z, Batch(2.06390887954e-2f));
  p = madd(p, z, Batch(-5.37397155531e-2f));
  p = madd(p, z, Batch(1.33314422036e-1f));
  p = madd(p, z, Batch(-3.33332819422e-1f));
  const Batch small = madd(p * z, a, a);

  const Batch y = xsimd::min(a + a, Batch(20.0f));
  const Batch shifter(0x1.8p23f);  // adding it rounds to an integer, held in the low mantissa bits
  const Batch kf = madd(y, Batch(1.44269504088896341f), shifter);
  const Batch k = kf - shifter;
  Batch r = y - k * Batch(0.693359375f);  // ln 2 = 0.693359375 − 2.12194440e-4, the first part exact
  r = r + k * Batch(2.12194440e-4f);
  Batch e(1.9875691500e-4f);
  e = madd(e, r, Batch(1.3981999507e-3f));
  e = madd(e, r, Batch(8.3334519073e-3f));
  e = madd(e, r, Batch(4.1665795894e-2f));
  e = madd(e, r, Batch(1.6666665459e-1f));
  e = madd(e, r, Batch(5.0000001201e-1f));
  e = madd(e, r * r, r) + Batch(1.0f);
  using Ints = xsimd::batch<std::int32_t>;
  const Ints bits = xsimd::bitwise_cast<std::int32_t>(kf) - xsimd::bitwise_cast<std::int32_t>(shifter);
  const Batch two_k = xsimd::bitwise_cast<float>((bits + Ints(127)) << 23);
  const Batch large = Batch(1.0f) - Batch(2.0f) / madd(e, two_k, Batch(1.0f));

  const Batch t = xsimd::select(a < Batch(0.625f), small, large) | xsimd::bitofsign(x);
  return xsimd::select(xsimd::isnan(x), x, t);
}

}  // namespace nnp::simd
