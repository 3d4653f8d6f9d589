#pragma once
// Float32 storage. All engine buffers are row-major, 2-D [rows, cols] and 16-byte aligned
// (the width of one wasm SIMD128 / SSE register), so kernels may use aligned loads on them.
#include <cstddef>
#include <vector>
#include <xsimd/xsimd.hpp>

namespace nnp {

inline constexpr std::size_t kAlignment = 16;
using AlignedVector = std::vector<float, xsimd::aligned_allocator<float, kAlignment>>;

// Rounds a float count up so that the next buffer in a slab starts aligned.
constexpr std::size_t aligned_count(std::size_t n) {
  constexpr std::size_t k = kAlignment / sizeof(float);
  return (n + k - 1) / k * k;
}

// A non-owning view of a [rows, cols] matrix.
struct Tensor {
  float* data = nullptr;
  int rows = 0;
  int cols = 0;
  std::size_t size() const { return static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols); }
  float& operator()(int r, int c) const { return data[static_cast<std::size_t>(r) * cols + c]; }
};

}  // namespace nnp
