#pragma once
// SIMD kernels (xsimd; wasm SIMD128 in the browser, SSE2 natively). Each has a scalar twin in
// ref.h that the tests compare it with. Buffers may be unaligned unless stated; none may overlap
// unless stated.
#include <cstddef>
#include <string>

#include "nnp/spec.h"

namespace nnp {

// The xsimd architecture the kernels were compiled for, e.g. "wasm/4" or "sse2/4".
std::string simd_arch();
// Whether this build's products use a fused multiply-add (relaxed SIMD: core-fma.wasm); simd_arch()
// then ends in "+madd".
bool fused_multiply_add();

// C[m×n] = alpha·op(A)·op(B) + beta·C, row-major with leading dimensions lda, ldb, ldc.
// op(A) is A[m×k] or, with trans_a, Aᵀ where A is [k×m]; likewise op(B) is [k×n] or Bᵀ of B[n×k].
// Transposes are never materialised: they are folded into packing. beta == 0 ignores C's contents.
void gemm(bool trans_a, bool trans_b, int m, int n, int k, float alpha, const float* a, int lda, const float* b,
          int ldb, float beta, float* c, int ldc);

// Benchmark rooflines (bench/browser, core_bench). muladd_peak runs `iters` rounds of independent
// vector multiplies and adds in registers, muladd_peak_flops(iters) of them: this machine's SIMD
// multiply-add ceiling. Returns a checksum so the work is kept: 11.625 + 6·iters (exact below 2²⁴);
// where fused_multiply_add(), 12 chains of fused multiply-adds instead: 16.5 + 6·iters.
float muladd_peak(long iters);
long muladd_peak_flops(long iters);
// The GEMM micro-kernel alone, `reps` times on packed panels that stay in L1 (no packing, no
// blocking); gemm_kernel_flops(reps) multiply-adds ×2. Returns a checksum of the C tile.
float gemm_kernel_repeat(long reps);
long gemm_kernel_flops(long reps);

// y[r, c] = x[r, c] + bias[c]  (y may alias x)
void add_row(const float* x, const float* bias, float* y, int rows, int cols);
// dbias[c] += Σ_r dy[r, c]
void sum_rows_acc(const float* dy, float* dbias, int rows, int cols);
// dst[i] += src[i]
void add_acc(const float* src, float* dst, std::size_t n);
// dst[i] += alpha·src[i]
void axpy(float alpha, const float* src, float* dst, std::size_t n);

void tanh_forward(const float* x, float* y, std::size_t n);
// dx += dy·(1 − y²)
void tanh_backward(const float* y, const float* dy, float* dx, std::size_t n);
void sigmoid_forward(const float* x, float* y, std::size_t n);
// dx += dy·y·(1 − y)
void sigmoid_backward(const float* y, const float* dy, float* dx, std::size_t n);
void relu_forward(const float* x, float* y, std::size_t n);
// dx += dy·[x > 0]
void relu_backward(const float* x, const float* dy, float* dx, std::size_t n);

// Every activation of ActivationSpec over x [rows, cols]: elementwise, or over each row for Softmax
// and LogSoftmax. The tape's Activation op and the fused training step both call these.
void activation_forward(const ActivationSpec& s, const float* x, float* y, int rows, int cols);
// dx += dy·f'(x), given the input x and the output y = f(x) (a row's Jacobian for the row-wise two).
void activation_backward(const ActivationSpec& s, const float* x, const float* y, const float* dy, float* dx, int rows,
                         int cols);

// Row-wise softmax and log-softmax over [rows, cols], shifted by each row's max for stability.
void softmax_rows(const float* x, float* y, int rows, int cols);
void log_softmax_rows(const float* x, float* y, int rows, int cols);
// dx += y ⊙ (dy − Σ_row dy·y)
void softmax_rows_backward(const float* y, const float* dy, float* dx, int rows, int cols);
// dx += dy − exp(y)·Σ_row dy
void log_softmax_rows_backward(const float* y, const float* dy, float* dx, int rows, int cols);

}  // namespace nnp
