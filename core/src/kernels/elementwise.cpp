// Elementwise kernels. Forward and backward of each activation sit side by side; every backward
// accumulates (dx +=) because a value may feed several ops.
#include <cstring>

#include "nnp/kernels.h"
#include "simd.h"

namespace nnp {

using simd::Batch;

void add_row(const float* x, const float* bias, float* y, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    const std::size_t o = static_cast<std::size_t>(r) * cols;
    simd::map3(x + o, bias, y + o, static_cast<std::size_t>(cols), [](Batch xv, Batch bv, Batch) { return xv + bv; });
  }
}

void sum_rows_acc(const float* dy, float* dbias, int rows, int cols) {
  for (int r = 0; r < rows; ++r)
    add_acc(dy + static_cast<std::size_t>(r) * cols, dbias, static_cast<std::size_t>(cols));
}

void add_acc(const float* src, float* dst, std::size_t n) {
  simd::map3(src, src, dst, n, [](Batch s, Batch, Batch d) { return d + s; });
}

void axpy(float alpha, const float* src, float* dst, std::size_t n) {
  const Batch va(alpha);
  simd::map3(src, src, dst, n, [va](Batch s, Batch, Batch d) { return xsimd::fma(va, s, d); });
}

// tanh: d tanh(x)/dx = 1 − tanh²(x), written with the saved output y.
void tanh_forward(const float* x, float* y, std::size_t n) {
  simd::map1(x, y, n, [](Batch v) { return simd::fast_tanh(v); });
}
void tanh_backward(const float* y, const float* dy, float* dx, std::size_t n) {
  const Batch one(1.0f);
  simd::map3(y, dy, dx, n, [one](Batch yv, Batch g, Batch d) { return d + g * (one - yv * yv); });
}

// σ(x) = 1 / (1 + e^−x); dσ/dx = σ(1 − σ).
void sigmoid_forward(const float* x, float* y, std::size_t n) {
  const Batch one(1.0f);
  simd::map1(x, y, n, [one](Batch v) { return one / (one + xsimd::exp(-v)); });
}
void sigmoid_backward(const float* y, const float* dy, float* dx, std::size_t n) {
  const Batch one(1.0f);
  simd::map3(y, dy, dx, n, [one](Batch yv, Batch g, Batch d) { return d + g * yv * (one - yv); });
}

// relu(x) = max(x, 0); its derivative is taken as 0 at x = 0, as PyTorch does.
void relu_forward(const float* x, float* y, std::size_t n) {
  const Batch zero(0.0f);
  simd::map1(x, y, n, [zero](Batch v) { return xsimd::max(v, zero); });
}
void relu_backward(const float* x, const float* dy, float* dx, std::size_t n) {
  const Batch zero(0.0f);
  simd::map3(x, dy, dx, n, [zero](Batch xv, Batch g, Batch d) { return d + xsimd::select(xv > zero, g, zero); });
}

}  // namespace nnp
