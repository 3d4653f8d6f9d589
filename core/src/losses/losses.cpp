// The losses of torch.nn (PyTorch 1.13, aten/src/ATen/native/Loss*.cpp), each value beside its
// derivative. Sums are accumulated in double. Reduction: mean divides by the number of elements
// (elementwise losses) or of rows (CrossEntropy, NLL, MultiMargin), as torch does without weights.
#include "losses.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "nnp/error.h"

namespace nnp::losses {
namespace {

std::string shape(const Tensor& t) { return "[" + std::to_string(t.rows) + ", " + std::to_string(t.cols) + "]"; }

// Elementwise losses: value and derivative with respect to the prediction.
struct Elementwise {
  float value;
  float dpred;
};

// Inlined into the loops over elements (a call per element was ~3 % of W1's step).
[[gnu::always_inline]] inline Elementwise elementwise(const LossSpec& s, float p, float t) {
  switch (s.kind) {
    case LossKind::MSELoss: {  // (p − t)², 2(p − t)
      const float d = p - t;
      return {d * d, 2.0f * d};
    }
    case LossKind::L1Loss: {  // |p − t|, sign(p − t) (0 at 0)
      const float d = p - t;
      return {std::fabs(d), static_cast<float>((d > 0.0f) - (d < 0.0f))};
    }
    case LossKind::HuberLoss: {  // |d| < δ ? ½d² : δ(|d| − ½δ);  clamp(d, −δ, δ)
      const float d = p - t, z = std::fabs(d), delta = s.delta;
      return {z < delta ? 0.5f * z * z : delta * (z - 0.5f * delta), std::clamp(d, -delta, delta)};
    }
    case LossKind::BCELoss: {
      // (t − 1)·max(log(1 − p), −100) − t·max(log p, −100);  (p − t) / max((1 − p)p, 1e-12)
      const float log_p = std::max(std::log(p), -100.0f);
      const float log_1mp = std::max(std::log1p(-p), -100.0f);
      return {(t - 1.0f) * log_1mp - t * log_p, (p - t) / std::max((1.0f - p) * p, 1e-12f)};
    }
    case LossKind::BCEWithLogitsLoss: {
      // (1 − t)x + m + log(e^{−m} + e^{−x−m}), m = max(−x, 0);  σ(x) − t
      const float m = std::max(-p, 0.0f);
      const float value = (1.0f - t) * p + m + std::log(std::exp(-m) + std::exp(-p - m));
      return {value, 1.0f / (1.0f + std::exp(-p)) - t};
    }
    default: return {0.0f, 0.0f};
  }
}

bool has_target_grad(LossKind k) { return k == LossKind::MSELoss || k == LossKind::L1Loss || k == LossKind::HuberLoss; }

int class_of(const Tensor& t, int r) { return static_cast<int>(t.data[r]); }

bool soft_targets(const LossSpec& s, const Tensor& p, const Tensor& t) {
  return s.kind == LossKind::CrossEntropyLoss && t.cols == p.cols && !(t.cols == 1 && p.cols == 1);
}

// One row of CrossEntropyLoss: writes log-softmax into logp, returns the row's loss.
// Index target y with smoothing ε over C classes: −(1 − ε)·logp_y − (ε/C)·Σ_c logp_c.
// Probability target t: t' = (1 − ε)t + ε/C, loss −Σ_c t'_c·logp_c.
double ce_row(const LossSpec& s, const float* z, const Tensor& t, int r, bool soft, int C, float* logp) {
  const float m = *std::max_element(z, z + C);
  double sum = 0.0;
  for (int c = 0; c < C; ++c) sum += std::exp(static_cast<double>(z[c]) - m);
  const auto log_sum = static_cast<float>(std::log(sum));
  double all = 0.0;
  for (int c = 0; c < C; ++c) all += (logp[c] = (z[c] - m) - log_sum);
  const double eps = s.label_smoothing;
  if (!soft) return -(1.0 - eps) * logp[class_of(t, r)] - eps / C * all;
  double loss = 0.0;
  const float* tr = t.data + static_cast<std::size_t>(r) * C;
  for (int c = 0; c < C; ++c) loss -= ((1.0 - eps) * tr[c] + eps / C) * logp[c];
  return loss;
}

}  // namespace

bool per_row(const LossSpec& s) {
  return s.kind == LossKind::CrossEntropyLoss || s.kind == LossKind::NLLLoss || s.kind == LossKind::MultiMarginLoss;
}

void check(const LossSpec& s, const Tensor& p, const Tensor& t, int& out_rows, int& out_cols) {
  const auto name = [&] { return std::string(name_of(s.kind)); };  // built only for a message
  if (t.rows != p.rows)
    throw Error(name() + ": prediction " + shape(p) + " and target " + shape(t) + " have different batch sizes");
  out_rows = p.rows;
  out_cols = per_row(s) ? 1 : p.cols;
  if (!per_row(s)) {
    if (t.cols != p.cols)
      throw Error(name() + ": prediction " + shape(p) + " and target " + shape(t) + " differ in shape");
    return;
  }
  if (soft_targets(s, p, t)) return;  // class probabilities, one row per sample
  if (t.cols != 1)
    throw Error(name() + ": target " + shape(t) + " must hold one class index per row (or, for " +
                "CrossEntropyLoss, one probability per class)");
  for (int r = 0; r < t.rows; ++r) {
    const float v = t.data[r];
    if (!(v >= 0.0f && v < static_cast<float>(p.cols) && std::floor(v) == v))
      throw Error(name() + ": target class " + format_number(v) + " in row " + std::to_string(r) +
                  " is not a class index from 0 to " + std::to_string(p.cols - 1));
  }
}

void forward(const LossSpec& s, const Tensor& p, const Tensor& t, float* out, float* logp) {
  const bool none = s.reduction == Reduction::None;
  double total = 0.0;
  if (!per_row(s)) {
    for (std::size_t i = 0; i < p.size(); ++i) {
      const float v = elementwise(s, p.data[i], t.data[i]).value;
      if (none) out[i] = v;
      total += v;
    }
    if (!none)
      out[0] = static_cast<float>(s.reduction == Reduction::Mean ? total / static_cast<double>(p.size()) : total);
    return;
  }
  const int C = p.cols;
  const bool soft = soft_targets(s, p, t);
  for (int r = 0; r < p.rows; ++r) {
    const float* z = p.data + static_cast<std::size_t>(r) * C;
    double v = 0.0;
    if (s.kind == LossKind::CrossEntropyLoss) {
      v = ce_row(s, z, t, r, soft, C, logp);
    } else if (s.kind == LossKind::NLLLoss) {  // −x_y
      v = -z[class_of(t, r)];
    } else {  // MultiMarginLoss, p = 1: Σ_{j≠y} max(0, margin − x_y + x_j) / C
      const int y = class_of(t, r);
      for (int j = 0; j < C; ++j)
        if (j != y) v += std::max(0.0f, s.margin - z[y] + z[j]);
      v /= C;
    }
    if (none) out[r] = static_cast<float>(v);
    total += v;
  }
  if (!none) out[0] = static_cast<float>(s.reduction == Reduction::Mean ? total / p.rows : total);
}

void backward(const LossSpec& s, const Tensor& p, const Tensor& t, const float* dy, float* dp, float* dt) {
  const bool none = s.reduction == Reduction::None;
  if (!per_row(s)) {
    const float scale = s.reduction == Reduction::Mean ? dy[0] / static_cast<float>(p.size()) : dy[0];
    const bool tgrad = dt != nullptr && has_target_grad(s.kind);
    for (std::size_t i = 0; i < p.size(); ++i) {
      const float g = (none ? dy[i] : scale) * elementwise(s, p.data[i], t.data[i]).dpred;
      dp[i] += g;
      if (tgrad) dt[i] -= g;
    }
    return;
  }
  const int C = p.cols;
  const bool soft = soft_targets(s, p, t);
  const float eps = s.label_smoothing;
  for (int r = 0; r < p.rows; ++r) {
    const float g = none ? dy[r] : (s.reduction == Reduction::Mean ? dy[0] / static_cast<float>(p.rows) : dy[0]);
    const float* z = p.data + static_cast<std::size_t>(r) * C;
    float* d = dp + static_cast<std::size_t>(r) * C;
    if (s.kind == LossKind::CrossEntropyLoss) {
      // ∂/∂z_c = softmax_c·Σt' − t'_c
      const float m = *std::max_element(z, z + C);
      double sum = 0.0;
      for (int c = 0; c < C; ++c) sum += std::exp(static_cast<double>(z[c]) - m);
      const float* tr = soft ? t.data + static_cast<std::size_t>(r) * C : nullptr;
      double tsum = 1.0;
      if (soft) {
        tsum = 0.0;
        for (int c = 0; c < C; ++c) tsum += (1.0 - eps) * tr[c] + eps / C;
      }
      const int y = soft ? -1 : class_of(t, r);
      for (int c = 0; c < C; ++c) {
        const double pc = std::exp(static_cast<double>(z[c]) - m) / sum;
        const double tc = soft ? (1.0 - eps) * tr[c] + eps / C : (c == y ? 1.0 - eps : 0.0) + eps / C;
        d[c] += g * static_cast<float>(pc * tsum - tc);
      }
    } else if (s.kind == LossKind::NLLLoss) {
      d[class_of(t, r)] -= g;
    } else {
      const int y = class_of(t, r);
      for (int j = 0; j < C; ++j) {
        if (j == y || s.margin - z[y] + z[j] <= 0.0f) continue;
        d[j] += g / static_cast<float>(C);
        d[y] -= g / static_cast<float>(C);
      }
    }
  }
}

}  // namespace nnp::losses
