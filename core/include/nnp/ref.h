#pragma once
// Scalar reference twins of kernels.h: plain loops, the definition each SIMD kernel is tested against.
#include <cstddef>

namespace nnp::ref {

void gemm(bool trans_a, bool trans_b, int m, int n, int k, float alpha, const float* a, int lda, const float* b,
          int ldb, float beta, float* c, int ldc);
void add_row(const float* x, const float* bias, float* y, int rows, int cols);
void sum_rows_acc(const float* dy, float* dbias, int rows, int cols);
void tanh_forward(const float* x, float* y, std::size_t n);
void tanh_backward(const float* y, const float* dy, float* dx, std::size_t n);
void sigmoid_forward(const float* x, float* y, std::size_t n);
void sigmoid_backward(const float* y, const float* dy, float* dx, std::size_t n);
void relu_forward(const float* x, float* y, std::size_t n);
void relu_backward(const float* x, const float* dy, float* dx, std::size_t n);

}  // namespace nnp::ref
