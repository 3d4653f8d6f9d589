#include "nnp/mlp_step.h"

#include <algorithm>

#include "../autograd/losses.h"
#include "../kernels/simd.h"
#include "nnp/kernels.h"

namespace nnp {
namespace {

// Grows only: after the first step of the largest batch nothing is allocated.
float* sized(AlignedVector& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
  return v.data();
}

using simd::Batch;
constexpr int kW = static_cast<int>(simd::kWidth);

// Products this small skip gemm(): its packing and blocking cost more than the arithmetic here.
// gemm adds each element of C in one running sum over k in ascending order from +0 (k ≤ its
// 256-deep block) and then adds that sum to the zeroed C; dense() makes the same sums in the same
// order (both through simd::block_sums), so the bits are the same (tests/mlp_step_test.cpp compares
// them with the tape).
bool tiny(int m, int n, int k) { return k <= 256 && static_cast<long>(m) * n * k <= 16 * 1024; }

// R rows × V vectors of C from row i0 and column j (R·V independent sums hide the multiply-add
// latency); `cols` < V·kW stores only those.
template <int R, int V>
void dense_block(int k, const float* ai, std::size_t sa_i, std::size_t sa_k, const float* bj, std::size_t ldb,
                 const float* bias, float* ci, std::size_t ldc, int cols) {
  Batch acc[R][V];
  simd::block_sums(k, ai, sa_i, sa_k, bj, ldb, acc);
  for (int r = 0; r < R; ++r) {
    float* cr = ci + static_cast<std::size_t>(r) * ldc;
    if (cols == V * kW) {
      for (int v = 0; v < V; ++v) {
        const Batch out = bias != nullptr ? acc[r][v] + Batch::load_unaligned(bias + v * kW) : acc[r][v];
        out.store_unaligned(cr + v * kW);
      }
      continue;
    }
    alignas(16) float lanes[V * kW];
    for (int v = 0; v < V; ++v) acc[r][v].store_aligned(lanes + v * kW);
    for (int q = 0; q < cols; ++q) cr[q] = bias != nullptr ? lanes[q] + bias[q] : lanes[q];
  }
}

template <int R>
void dense_rows(int n_vec, int n, int k, const float* ai, std::size_t sa_i, std::size_t sa_k, const float* b,
                std::size_t ldb, const float* bias, float* ci, std::size_t ldc) {
  int j = 0;
  for (; j + 2 * kW <= n_vec; j += 2 * kW)
    dense_block<R, 2>(k, ai, sa_i, sa_k, b + j, ldb, bias != nullptr ? bias + j : nullptr, ci + j, ldc,
                      std::min(2 * kW, n - j));
  for (; j < n_vec; j += kW)
    dense_block<R, 1>(k, ai, sa_i, sa_k, b + j, ldb, bias != nullptr ? bias + j : nullptr, ci + j, ldc,
                      std::min(kW, n - j));
}

// C[i, j] = Σ_k A(i, k)·B(k, j) (+ bias[j] after the sum, as add_row adds it), with A(i, k) at
// a[i·sa_i + k·sa_k] and B row-major with leading dimension ldb. Where B's rows are padded with
// readable zeros to a multiple of the vector width (b_padded: the forward's Wᵀ copy), the last
// columns are computed as a vector too and only the real ones stored. Any order of the loops gives
// the same bits: each element is its own running sum over k.
void dense(int m, int n, int k, const float* a, std::size_t sa_i, std::size_t sa_k, const float* b, std::size_t ldb,
           bool b_padded, const float* bias, float* c, std::size_t ldc) {
  const int n_vec = b_padded ? n : n / kW * kW;  // columns done by vectors along j
  for (int i0 = 0; i0 < m; i0 += 4) {
    const float* ai = a + static_cast<std::size_t>(i0) * sa_i;
    float* ci = c + static_cast<std::size_t>(i0) * ldc;
    switch (std::min(4, m - i0)) {
      case 4: dense_rows<4>(n_vec, n, k, ai, sa_i, sa_k, b, ldb, bias, ci, ldc); break;
      case 3: dense_rows<3>(n_vec, n, k, ai, sa_i, sa_k, b, ldb, bias, ci, ldc); break;
      case 2: dense_rows<2>(n_vec, n, k, ai, sa_i, sa_k, b, ldb, bias, ci, ldc); break;
      default: dense_rows<1>(n_vec, n, k, ai, sa_i, sa_k, b, ldb, bias, ci, ldc);
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
        for (int q = 0; q < kW; ++q)
          c[static_cast<std::size_t>(i + q) * ldc + j] = bias != nullptr ? lanes[q] + bias[j] : lanes[q];
      }
  for (; i < m; ++i) {
    const float* ai = a + static_cast<std::size_t>(i) * sa_i;
    for (int j = n_vec; j < n; ++j) {  // the same multiply-add, in scalar form
      float acc = 0.0f;
      for (int p = 0; p < k; ++p)
        acc = simd::madd(ai[static_cast<std::size_t>(p) * sa_k], b[static_cast<std::size_t>(p) * ldb + j], acc);
      c[static_cast<std::size_t>(i) * ldc + j] = bias != nullptr ? acc + bias[j] : acc;
    }
  }
}

// db[j] = Σ_r dz[r, j], rows in order from +0: the sums sum_rows_acc makes into a zeroed db,
// without its call per row.
void bias_grad(const float* dz, float* db, int rows, int cols) {
  int j = 0;
  for (; j + kW <= cols; j += kW) {
    Batch acc(0.0f);
    for (int r = 0; r < rows; ++r) acc = acc + Batch::load_unaligned(dz + static_cast<std::size_t>(r) * cols + j);
    acc.store_unaligned(db + j);
  }
  for (; j < cols; ++j) {
    float acc = 0.0f;
    for (int r = 0; r < rows; ++r) acc = acc + dz[static_cast<std::size_t>(r) * cols + j];
    db[j] = acc;
  }
}

// The activation as Graph::activation records it: the row-wise two by rows, the rest elementwise.
void activate(const ActivationSpec& s, const float* z, float* a, int rows, int cols) {
  if (s.kind == Activation::Softmax)
    softmax_rows(z, a, rows, cols);
  else if (s.kind == Activation::LogSoftmax)
    log_softmax_rows(z, a, rows, cols);
  else
    activation_forward(s, z, a, static_cast<std::size_t>(rows) * cols);
}

void activate_backward(const ActivationSpec& s, const float* z, const float* a, const float* da, float* dz, int rows,
                       int cols) {
  if (s.kind == Activation::Softmax)
    softmax_rows_backward(a, da, dz, rows, cols);
  else if (s.kind == Activation::LogSoftmax)
    log_softmax_rows_backward(a, da, dz, rows, cols);
  else
    activation_backward(s, z, a, da, dz, static_cast<std::size_t>(rows) * cols);
}

}  // namespace

// Every activation and loss of the spec language is covered today; this is where a layer kind the
// fast path cannot do would send the Learner back to the tape.
bool MlpStep::accepts(const MlpSpec& spec) { return !spec.layers.empty(); }

// As Mlp::forward records it: z = x·Wᵀ + b (the A·Bᵀ GEMM, then the bias row), act(z) (Identity
// passes z through), then dropout's mask drawn element by element from the same generator.
float MlpStep::forward(Mlp& model, const LossSpec& loss, const float* x, const float* y, int n, int y_cols,
                       Pcg32* dropout_rng) {
  const MlpSpec& spec = model.spec();
  layers_.resize(spec.layers.size());
  x_ = x;
  n_ = n;
  const float* in = x;
  int in_cols = spec.inputs;
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const LayerSpec& ls = spec.layers[i];
    Layer& l = layers_[i];
    const std::size_t size = static_cast<std::size_t>(n) * ls.units;
    const Tensor w = model.weight(i), b = model.bias(i);
    float* z = sized(l.z, size);
    if (tiny(n, ls.units, in_cols)) {
      // Wᵀ [in, out], its rows zero-padded to whole vectors so narrow layers stay vectorised. The
      // buffer is this layer's alone and only each row's first `units` are written, so the padding
      // is zeroed once, when the buffer is made (a fill per row per step was most of W1's memset).
      const int ldw = (ls.units + kW - 1) / kW * kW;
      const std::size_t wt_size = static_cast<std::size_t>(in_cols) * ldw;
      if (l.wt.size() != wt_size) l.wt.assign(wt_size, 0.0f);
      float* wt = l.wt.data();
      for (int p = 0; p < in_cols; ++p) {
        float* row = wt + static_cast<std::size_t>(p) * ldw;
        for (int j = 0; j < ls.units; ++j) row[j] = w(j, p);
      }
      dense(n, ls.units, in_cols, in, static_cast<std::size_t>(in_cols), 1, wt, static_cast<std::size_t>(ldw), true,
            b.data, z, static_cast<std::size_t>(ls.units));
    } else {
      gemm(false, true, n, ls.units, in_cols, 1.0f, in, in_cols, w.data, w.cols, 0.0f, z, ls.units);
      add_row(z, b.data, z, n, ls.units);
    }
    float* a = z;
    if (ls.activation.kind != Activation::Identity) {
      a = sized(l.a, size);
      activate(ls.activation, z, a, n, ls.units);
    }
    l.dropped = dropout_rng != nullptr && ls.dropout > 0.0f;
    l.out = a;
    if (l.dropped) {
      float* mask = sized(l.mask, size);
      float* h = sized(l.h, size);
      const float scale = 1.0f / (1.0f - ls.dropout);
      for (std::size_t k = 0; k < size; ++k) {
        const float u = static_cast<float>(dropout_rng->next_u32() >> 8) * 0x1.0p-24f;  // as Graph::dropout
        mask[k] = u < ls.dropout ? 0.0f : scale;
        h[k] = a[k] * mask[k];
      }
      l.out = h;
    }
    in = l.out;
    in_cols = ls.units;
  }
  const Tensor p{const_cast<float*>(in), n, in_cols};
  target_ = Tensor{const_cast<float*>(y), n, y_cols};
  int rows = 1, cols = 1;
  losses::check(loss, p, target_, rows, cols);
  float value = 0.0f;
  losses::forward(loss, p, target_, &value, sized(scratch_, static_cast<std::size_t>(in_cols)));
  return value;
}

// The reverse sweep of the recorded graph, layer by layer. Where the Graph accumulates into a
// freshly zeroed buffer (0 + v) this writes v: the same value, and the sums it feeds start from
// +0 either way, so the gradients' bits do not change. GEMMs with beta 0 zero C before adding, as
// beta 1 on a zeroed buffer does.
void MlpStep::backward(Mlp& model, const LossSpec& loss) {
  const MlpSpec& spec = model.spec();
  const std::size_t last = spec.layers.size() - 1;
  const int n = n_;
  {
    const int units = spec.layers[last].units;
    const std::size_t size = static_cast<std::size_t>(n) * units;
    float* dp = sized(layers_[last].dh, size);
    std::fill(dp, dp + size, 0.0f);
    const float one = 1.0f;
    losses::backward(loss, Tensor{const_cast<float*>(layers_[last].out), n, units}, target_, &one, dp, nullptr);
  }
  float* grads = model.gradients().data();
  const std::vector<ParamInfo>& info = model.named_parameters();
  for (std::size_t i = last + 1; i-- > 0;) {
    const LayerSpec& ls = spec.layers[i];
    Layer& l = layers_[i];
    const int units = ls.units;
    const int in_cols = i == 0 ? spec.inputs : spec.layers[i - 1].units;
    const float* in = i == 0 ? x_ : layers_[i - 1].out;
    const std::size_t size = static_cast<std::size_t>(n) * units;
    float* g = l.dh.data();
    if (l.dropped)  // dropout: ∂a = mask·∂h
      for (std::size_t k = 0; k < size; ++k) g[k] *= l.mask[k];
    float* dz = g;
    if (ls.activation.kind != Activation::Identity) {
      dz = sized(l.dz, size);
      std::fill(dz, dz + size, 0.0f);
      activate_backward(ls.activation, l.z.data(), l.a.data(), g, dz, n, units);
    }
    float* db = grads + info[2 * i + 1].offset;
    bias_grad(dz, db, n, units);
    const float* w = model.parameters_view().data() + info[2 * i].offset;
    const std::size_t u = static_cast<std::size_t>(units), ic = static_cast<std::size_t>(in_cols);
    if (i > 0) {  // ∂in = ∂z·W (the input of layer 0 is data: no gradient)
      float* din = sized(layers_[i - 1].dh, static_cast<std::size_t>(n) * in_cols);
      if (tiny(n, in_cols, units))
        dense(n, in_cols, units, dz, u, 1, w, ic, false, nullptr, din, ic);
      else
        gemm(false, false, n, in_cols, units, 1.0f, dz, units, w, in_cols, 0.0f, din, in_cols);
    }
    // ∂W = ∂zᵀ·in
    float* dw = grads + info[2 * i].offset;
    if (tiny(units, in_cols, n))
      dense(units, in_cols, n, dz, 1, u, in, ic, false, nullptr, dw, ic);
    else
      gemm(true, false, units, in_cols, n, 1.0f, dz, units, in, in_cols, 0.0f, dw, in_cols);
  }
}

}  // namespace nnp
