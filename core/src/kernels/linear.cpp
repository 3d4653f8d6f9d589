// torch.nn.Linear, z = x·Wᵀ + b, and its three gradients. Large products go to gemm(); products
// this small skip it (its packing and blocking cost more than the arithmetic) for dense() below,
// which makes the same sums in the same order, so either path gives the same bits.
#include <algorithm>

#include "layers.h"
#include "nnp/kernels.h"
#include "simd.h"

namespace nnp {
namespace {

using simd::Batch;
constexpr int kW = static_cast<int>(simd::kWidth);

// gemm adds each element of C in one running sum over k in ascending order from +0 (k ≤ its
// 256-deep block) and then adds that sum to C; dense() makes the same sums through the same
// simd::block_sums (tests/mlp_step_test.cpp compares the tape and the fused step bit for bit).
bool tiny(int m, int n, int k) { return k <= 256 && static_cast<long>(m) * n * k <= 16 * 1024; }

// What dense() adds to each finished sum: nothing, the bias row (as add_row adds it) or C's old
// value (accumulate, as gemm's beta 1 adds it). A template argument, so each form compiles to its
// own loop without a test per element.
enum class Add { None, Bias, ToC };

// The bias at column j (null unless Add::Bias: no arithmetic on a null pointer).
template <Add A>
const float* bias_at(const float* bias, int j) {
  return A == Add::Bias ? bias + j : nullptr;
}

template <Add A>
float finish(float sum, const float* bias, const float* c) {
  if constexpr (A == Add::Bias) return sum + *bias;
  if constexpr (A == Add::ToC) return sum + *c;
  return sum;
}

template <Add A>
Batch finish(Batch sum, const float* bias, const float* c) {
  if constexpr (A == Add::Bias) return sum + Batch::load_unaligned(bias);
  if constexpr (A == Add::ToC) return sum + Batch::load_unaligned(c);
  return sum;
}

// R rows × V vectors of C from row i0 and column j (R·V independent sums hide the multiply-add
// latency); `cols` < V·kW stores only those. bias: at column j.
template <Add A, int R, int V>
void dense_block(int k, const float* ai, std::size_t sa_i, std::size_t sa_k, const float* bj, std::size_t ldb,
                 const float* bias, float* ci, std::size_t ldc, int cols) {
  Batch acc[R][V];
  simd::block_sums(k, ai, sa_i, sa_k, bj, ldb, acc);
  for (int r = 0; r < R; ++r) {
    float* cr = ci + static_cast<std::size_t>(r) * ldc;
    if (cols == V * kW) {
      for (int v = 0; v < V; ++v)
        finish<A>(acc[r][v], bias_at<A>(bias, v * kW), cr + v * kW).store_unaligned(cr + v * kW);
      continue;
    }
    alignas(16) float lanes[V * kW];
    for (int v = 0; v < V; ++v) acc[r][v].store_aligned(lanes + v * kW);
    for (int q = 0; q < cols; ++q) cr[q] = finish<A>(lanes[q], bias_at<A>(bias, q), cr + q);
  }
}

template <Add A, int R>
void dense_rows(int n_vec, int n, int k, const float* ai, std::size_t sa_i, std::size_t sa_k, const float* b,
                std::size_t ldb, const float* bias, float* ci, std::size_t ldc) {
  int j = 0;
  for (; j + 2 * kW <= n_vec; j += 2 * kW)
    dense_block<A, R, 2>(k, ai, sa_i, sa_k, b + j, ldb, bias_at<A>(bias, j), ci + j, ldc, std::min(2 * kW, n - j));
  for (; j < n_vec; j += kW)
    dense_block<A, R, 1>(k, ai, sa_i, sa_k, b + j, ldb, bias_at<A>(bias, j), ci + j, ldc, std::min(kW, n - j));
}

// C[i, j] = Σ_k A(i, k)·B(k, j) (+ the addend after the sum), with A(i, k) at a[i·sa_i + k·sa_k] and
// B row-major with leading dimension ldb. Where B's rows are padded with readable zeros to a
// multiple of the vector width (b_padded: the forward's Wᵀ copy), the last columns are computed as
// a vector too and only the real ones stored. Any order of the loops gives the same bits: each
// element is its own running sum over k. bias: used by Add::Bias only.
template <Add A>
void dense(int m, int n, int k, const float* a, std::size_t sa_i, std::size_t sa_k, const float* b, std::size_t ldb,
           bool b_padded, const float* bias, float* c, std::size_t ldc) {
  const int n_vec = b_padded ? n : n / kW * kW;  // columns done by vectors along j
  for (int i0 = 0; i0 < m; i0 += 4) {
    const float* ai = a + static_cast<std::size_t>(i0) * sa_i;
    float* ci = c + static_cast<std::size_t>(i0) * ldc;
    switch (std::min(4, m - i0)) {
      case 4: dense_rows<A, 4>(n_vec, n, k, ai, sa_i, sa_k, b, ldb, bias, ci, ldc); break;
      case 3: dense_rows<A, 3>(n_vec, n, k, ai, sa_i, sa_k, b, ldb, bias, ci, ldc); break;
      case 2: dense_rows<A, 2>(n_vec, n, k, ai, sa_i, sa_k, b, ldb, bias, ci, ldc); break;
      default: dense_rows<A, 1>(n_vec, n, k, ai, sa_i, sa_k, b, ldb, bias, ci, ldc);
    }
  }
  if (n_vec == n) return;
  // The last n − n_vec columns: four rows at a time where A's rows are adjacent (sa_i = 1: A = ∂zᵀ
  // in ∂W, e.g. the first layer's two input columns), one at a time otherwise.
  int i = 0;
  if (sa_i == 1)
    for (; i + kW <= m; i += kW)
      for (int j = n_vec; j < n; ++j) {
        Batch acc(0.0f);
        const float* ap = a + i;
        const float* bp = b + j;
        for (int p = 0; p < k; ++p, ap += sa_k, bp += ldb) acc = simd::madd(Batch::load_unaligned(ap), Batch(*bp), acc);
        alignas(16) float lanes[kW];
        acc.store_aligned(lanes);
        for (int q = 0; q < kW; ++q) {
          float* cij = c + static_cast<std::size_t>(i + q) * ldc + j;
          *cij = finish<A>(lanes[q], bias_at<A>(bias, j), cij);
        }
      }
  for (; i < m; ++i) {
    const float* ai = a + static_cast<std::size_t>(i) * sa_i;
    for (int j = n_vec; j < n; ++j) {  // the same multiply-add, in scalar form
      float acc = 0.0f;
      for (int p = 0; p < k; ++p)
        acc = simd::madd(ai[static_cast<std::size_t>(p) * sa_k], b[static_cast<std::size_t>(p) * ldb + j], acc);
      float* cij = c + static_cast<std::size_t>(i) * ldc + j;
      *cij = finish<A>(acc, bias_at<A>(bias, j), cij);
    }
  }
}

// C = A·B or, accumulating, C += A·B, through dense() (B unpadded, no bias).
void dense_product(bool accumulate, int m, int n, int k, const float* a, std::size_t sa_i, std::size_t sa_k,
                   const float* b, std::size_t ldb, float* c, std::size_t ldc) {
  if (accumulate)
    dense<Add::ToC>(m, n, k, a, sa_i, sa_k, b, ldb, false, nullptr, c, ldc);
  else
    dense<Add::None>(m, n, k, a, sa_i, sa_k, b, ldb, false, nullptr, c, ldc);
}

// Wᵀ [in, out], its rows zero-padded to whole vectors so narrow layers stay vectorised.
int padded(int out) { return (out + kW - 1) / kW * kW; }

// db[j] (+)= Σ_r dz[r, j], rows in order from +0: the sums sum_rows_acc makes into a zeroed db,
// without its call per row. Accumulating adds the finished sum, as torch adds a gradient to .grad.
void bias_grad(const float* dz, float* db, int rows, int cols, bool accumulate) {
  int j = 0;
  for (; j + kW <= cols; j += kW) {
    Batch acc(0.0f);
    for (int r = 0; r < rows; ++r) acc = acc + Batch::load_unaligned(dz + static_cast<std::size_t>(r) * cols + j);
    (accumulate ? Batch::load_unaligned(db + j) + acc : acc).store_unaligned(db + j);
  }
  for (; j < cols; ++j) {
    float acc = 0.0f;
    for (int r = 0; r < rows; ++r) acc = acc + dz[static_cast<std::size_t>(r) * cols + j];
    db[j] = accumulate ? db[j] + acc : acc;
  }
}

}  // namespace

std::size_t linear_scratch_size(int n, int in, int out) {
  return tiny(n, out, in) ? static_cast<std::size_t>(in) * padded(out) : 0;
}

// z = x·Wᵀ + b: the A·Bᵀ product, the bias added to each finished sum (as add_row adds it).
void linear_forward(const float* x, const float* w, const float* b, float* z, int n, int in, int out, float* wt) {
  if (!tiny(n, out, in)) {
    gemm(false, true, n, out, in, 1.0f, x, in, w, in, 0.0f, z, out);
    add_row(z, b, z, n, out);
    return;
  }
  const int ldw = padded(out);
  for (int p = 0; p < in; ++p) {
    float* row = wt + static_cast<std::size_t>(p) * ldw;
    for (int j = 0; j < out; ++j) row[j] = w[static_cast<std::size_t>(j) * in + p];
  }
  dense<Add::Bias>(n, out, in, x, static_cast<std::size_t>(in), 1, wt, static_cast<std::size_t>(ldw), true, b, z,
                   static_cast<std::size_t>(out));
}

// ∂x = ∂z·W,  ∂W = ∂zᵀ·x,  ∂b = Σ_rows ∂z
void linear_backward(const float* x, const float* w, const float* dz, float* dx, float* dw, float* db, int n, int in,
                     int out, bool accumulate) {
  const std::size_t u = static_cast<std::size_t>(out), ic = static_cast<std::size_t>(in);
  const float beta = accumulate ? 1.0f : 0.0f;
  if (db != nullptr) bias_grad(dz, db, n, out, accumulate);
  if (dx != nullptr) {
    if (tiny(n, in, out))
      dense_product(accumulate, n, in, out, dz, u, 1, w, ic, dx, ic);
    else
      gemm(false, false, n, in, out, 1.0f, dz, out, w, in, beta, dx, in);
  }
  if (dw != nullptr) {
    if (tiny(out, in, n))
      dense_product(accumulate, out, in, n, dz, 1, u, x, ic, dw, ic);
    else
      gemm(true, false, out, in, n, 1.0f, dz, out, x, in, beta, dw, in);
  }
}

}  // namespace nnp
