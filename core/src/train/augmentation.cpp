// Data augmentation on a training batch (nnp/augmentation.h):
//   jitter (torch: x + σ·torch.randn_like(x)):  x ← x + ε, ε ~ N(0, σ²);
//   mixup (Zhang et al. 2018):  λ ~ Beta(α, α), j = a shuffle of the batch,
//     x_i ← λ·x_i + (1 − λ)·x_j,  y_i ← λ·y_i + (1 − λ)·y_j  (class indices as one-hot rows).
#include "nnp/augmentation.h"

#include <algorithm>
#include <cmath>

namespace nnp {

double gamma_sample(double a, Pcg32& rng) {
  if (a < 1.0) return gamma_sample(a + 1.0, rng) * std::pow(rng.uniform(), 1.0 / a);
  const double d = a - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    const double x = rng.normal();
    double v = 1.0 + c * x;
    if (v <= 0.0) continue;
    v = v * v * v;
    const double u = rng.uniform();
    if (u < 1.0 - 0.0331 * x * x * x * x || std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

double beta_sample(double a, double b, Pcg32& rng) {
  const double ga = gamma_sample(a, rng), gb = gamma_sample(b, rng);
  return ga + gb > 0.0 ? ga / (ga + gb) : 0.5;
}

Augmentation::Augmentation(const AugmentationSpec& spec, std::uint64_t seed, const BatchShape& shape)
    : spec_(spec), shape_(shape), rng_(seed, 0x4f1bbcdcbfa53e0bULL) {
  if (spec_.mixup <= 0.0f) return;
  const auto rows = static_cast<std::size_t>(shape_.rows);
  mix_x_.resize(rows * static_cast<std::size_t>(shape_.features));
  mix_y_.resize(rows * static_cast<std::size_t>(shape_.targets));
  partner_.resize(rows);
}

int Augmentation::target_columns() const {
  return spec_.mixup > 0.0f && shape_.soft_classes > 0 ? std::max(shape_.soft_classes, shape_.targets) : shape_.targets;
}

int Augmentation::apply(float* x, float* y, int n) {
  const auto nf = static_cast<std::size_t>(shape_.features), nt = static_cast<std::size_t>(shape_.targets);
  const auto rows = static_cast<std::size_t>(n);
  if (spec_.jitter > 0.0f)
    for (std::size_t i = 0; i < rows * nf; ++i) x[i] += static_cast<float>(rng_.normal(0.0, spec_.jitter));
  if (spec_.mixup <= 0.0f || n < 2) return shape_.targets;
  // One λ per batch; each row mixes with the row a shuffle (Fisher–Yates) of the batch puts beside it.
  const auto lambda = static_cast<float>(beta_sample(spec_.mixup, spec_.mixup, rng_));
  for (std::size_t i = 0; i < rows; ++i) partner_[i] = static_cast<int>(i);
  for (int i = n; i > 1; --i)
    std::swap(partner_[static_cast<std::size_t>(i - 1)], partner_[rng_.below(static_cast<std::uint32_t>(i))]);
  std::copy(x, x + rows * nf, mix_x_.begin());
  std::copy(y, y + rows * nt, mix_y_.begin());
  for (std::size_t i = 0; i < rows; ++i) {
    const auto j = static_cast<std::size_t>(partner_[i]);
    for (std::size_t f = 0; f < nf; ++f)
      x[i * nf + f] = lambda * mix_x_[i * nf + f] + (1.0f - lambda) * mix_x_[j * nf + f];
  }
  if (shape_.soft_classes == 0) {  // 0/1 labels for the BCE losses, or values: mixed as they are
    for (std::size_t i = 0; i < rows; ++i) {
      const auto j = static_cast<std::size_t>(partner_[i]);
      for (std::size_t t = 0; t < nt; ++t)
        y[i * nt + t] = lambda * mix_y_[i * nt + t] + (1.0f - lambda) * mix_y_[j * nt + t];
    }
    return shape_.targets;
  }
  // Class indices → probability rows: λ on the row's class, 1 − λ on its partner's.
  const auto k = static_cast<std::size_t>(shape_.soft_classes);
  std::fill(y, y + rows * k, 0.0f);
  for (std::size_t i = 0; i < rows; ++i) {
    y[i * k + static_cast<std::size_t>(mix_y_[i])] += lambda;
    y[i * k + static_cast<std::size_t>(mix_y_[static_cast<std::size_t>(partner_[i])])] += 1.0f - lambda;
  }
  return shape_.soft_classes;
}

}  // namespace nnp
