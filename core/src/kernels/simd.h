#pragma once
// Private helpers for the kernels: the batch type and a map that runs the tail through the same
// vector code (padded), so every element is computed by one formula whatever its position.
#include <algorithm>
#include <cstddef>
#include <xsimd/xsimd.hpp>

namespace nnp::simd {

using Batch = xsimd::batch<float>;
inline constexpr std::size_t kWidth = Batch::size;

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

}  // namespace nnp::simd
