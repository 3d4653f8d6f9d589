// Activation kernels, each forward beside its derivative (the tape's Activation op and the fused
// step both call activation_forward/backward), following PyTorch's CPU formulas
// (aten/src/ATen/native/cpu/Activation.cpp) so values at kinks match: LeakyReLU and ELU take the
// negative branch at x = 0, ReLU's derivative at 0 is 0.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "nnp/kernels.h"
#include "simd.h"

namespace nnp {

using simd::Batch;

namespace {

constexpr float kSqrt1_2 = 0.70710678118654752440f;
constexpr float kInvSqrt2Pi = 0.39894228040143267794f;  // 1/√(2π)
constexpr float kGeluBeta = 0.79788456080286535588f;    // √(2/π)
constexpr float kGeluKappa = 0.044715f;

Batch sigmoid(Batch x) { return Batch(1.0f) / (Batch(1.0f) + xsimd::exp(-x)); }

}  // namespace

void activation_forward(const ActivationSpec& s, const float* x, float* y, int rows, int cols) {
  const Batch zero(0.0f), one(1.0f), half(0.5f);
  const std::size_t n = static_cast<std::size_t>(rows) * cols;
  switch (s.kind) {
    case Activation::Identity: std::copy(x, x + n, y); return;
    case Activation::Sigmoid: simd::map1(x, y, n, [](Batch v) { return sigmoid(v); }); return;
    case Activation::Tanh: simd::map1(x, y, n, [](Batch v) { return simd::fast_tanh(v); }); return;
    case Activation::ReLU: simd::map1(x, y, n, [zero](Batch v) { return xsimd::max(v, zero); }); return;
    case Activation::LeakyReLU: {  // x > 0 ? x : slope·x
      const Batch slope(s.negative_slope);
      simd::map1(x, y, n, [=](Batch v) { return xsimd::select(v > zero, v, slope * v); });
      return;
    }
    case Activation::ELU: {  // x > 0 ? x : α(eˣ − 1)
      const Batch alpha(s.alpha);
      simd::map1(x, y, n, [=](Batch v) { return xsimd::select(v > zero, v, alpha * xsimd::expm1(v)); });
      return;
    }
    case Activation::GELU:
      if (s.approximate_tanh) {  // ½x(1 + tanh(√(2/π)(x + 0.044715x³)))
        const Batch beta(kGeluBeta), kappa(kGeluKappa);
        simd::map1(x, y, n, [=](Batch v) { return half * v * (one + xsimd::tanh(beta * (v + kappa * v * v * v))); });
      } else {  // x·Φ(x) = ½x(1 + erf(x/√2))
        const Batch r(kSqrt1_2);
        simd::map1(x, y, n, [=](Batch v) { return half * v * (one + xsimd::erf(v * r)); });
      }
      return;
    case Activation::SiLU:  // x·σ(x)
      simd::map1(x, y, n, [](Batch v) { return v * sigmoid(v); });
      return;
    case Activation::Softplus: {  // βx > threshold ? x : log(1 + e^{βx})/β
      const Batch beta(s.beta), thr(s.threshold);
      simd::map1(x, y, n, [=](Batch v) {
        const Batch bx = beta * v;
        return xsimd::select(bx > thr, v, xsimd::log1p(xsimd::exp(bx)) / beta);
      });
      return;
    }
    case Activation::Softmax: softmax_rows(x, y, rows, cols); return;
    case Activation::LogSoftmax: log_softmax_rows(x, y, rows, cols); return;
  }
}

void activation_backward(const ActivationSpec& s, const float* x, const float* y, const float* dy, float* dx, int rows,
                         int cols) {
  const Batch zero(0.0f), one(1.0f), half(0.5f);
  const std::size_t n = static_cast<std::size_t>(rows) * cols;
  switch (s.kind) {
    case Activation::Identity:  // 1
      add_acc(dy, dx, n);
      return;
    case Activation::Sigmoid:  // σ(1 − σ)
      simd::map3(y, dy, dx, n, [one](Batch yv, Batch g, Batch d) { return d + g * yv * (one - yv); });
      return;
    case Activation::Tanh:  // 1 − tanh²
      simd::map3(y, dy, dx, n, [one](Batch yv, Batch g, Batch d) { return d + g * (one - yv * yv); });
      return;
    case Activation::ReLU:  // [x > 0]
      simd::map3(x, dy, dx, n, [zero](Batch xv, Batch g, Batch d) { return d + xsimd::select(xv > zero, g, zero); });
      return;
    case Activation::LeakyReLU: {  // x > 0 ? 1 : slope
      const Batch slope(s.negative_slope);
      simd::map3(x, dy, dx, n, [=](Batch xv, Batch g, Batch d) { return d + xsimd::select(xv > zero, g, g * slope); });
      return;
    }
    case Activation::ELU: {  // x > 0 ? 1 : α·eˣ
      const Batch alpha(s.alpha);
      simd::map3(x, dy, dx, n, [=](Batch xv, Batch g, Batch d) {
        return d + xsimd::select(xv > zero, g, g * alpha * xsimd::exp(xv));
      });
      return;
    }
    case Activation::GELU:
      if (s.approximate_tanh) {
        // d/dx = ½(1 + t) + ½x(1 − t²)·β(1 + 3κx²), t = tanh(β(x + κx³))
        const Batch beta(kGeluBeta), kappa(kGeluKappa), three(3.0f);
        simd::map3(x, dy, dx, n, [=](Batch v, Batch g, Batch d) {
          const Batch x2 = v * v;
          const Batch t = xsimd::tanh(beta * (v + kappa * x2 * v));
          const Batch left = half * v;
          const Batch right = one + t;
          const Batch dright = left * (one - t * t) * beta * (one + three * kappa * x2);
          return d + g * (half * right + dright);
        });
      } else {  // d/dx = Φ(x) + x·φ(x)
        const Batch r(kSqrt1_2), c(kInvSqrt2Pi), mhalf(-0.5f);
        simd::map3(x, dy, dx, n, [=](Batch v, Batch g, Batch d) {
          const Batch cdf = half * (one + xsimd::erf(v * r));
          const Batch pdf = c * xsimd::exp(mhalf * v * v);
          return d + g * (cdf + v * pdf);
        });
      }
      return;
    case Activation::SiLU:  // σ(x)(1 + x(1 − σ(x)))
      simd::map3(x, dy, dx, n, [one](Batch v, Batch g, Batch d) {
        const Batch sg = sigmoid(v);
        return d + g * sg * (one + v * (one - sg));
      });
      return;
    case Activation::Softplus: {  // βx > threshold ? 1 : z/(z + 1), z = e^{βx}
      const Batch beta(s.beta), thr(s.threshold);
      simd::map3(x, dy, dx, n, [=](Batch v, Batch g, Batch d) {
        const Batch bx = beta * v;
        const Batch z = xsimd::exp(bx);
        return d + xsimd::select(bx > thr, g, g * z / (z + one));
      });
      return;
    }
    case Activation::Softmax: softmax_rows_backward(y, dy, dx, rows, cols); return;
    case Activation::LogSoftmax: log_softmax_rows_backward(y, dy, dx, rows, cols); return;
  }
}

// softmax(x)_j = e^{x_j − m} / Σ_k e^{x_k − m}, m = max_k x_k
void softmax_rows(const float* x, float* y, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    const float* xr = x + static_cast<std::size_t>(r) * cols;
    float* yr = y + static_cast<std::size_t>(r) * cols;
    const float m = *std::max_element(xr, xr + cols);
    float sum = 0.0f;
    for (int c = 0; c < cols; ++c) sum += (yr[c] = std::exp(xr[c] - m));
    const float inv = 1.0f / sum;
    for (int c = 0; c < cols; ++c) yr[c] *= inv;
  }
}

// log_softmax(x)_j = (x_j − m) − log Σ_k e^{x_k − m}; subtracting m first keeps the digits that
// x − (m + log Σ) would lose for large logits (as PyTorch's kernel does).
void log_softmax_rows(const float* x, float* y, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    const float* xr = x + static_cast<std::size_t>(r) * cols;
    float* yr = y + static_cast<std::size_t>(r) * cols;
    const float m = *std::max_element(xr, xr + cols);
    float sum = 0.0f;
    for (int c = 0; c < cols; ++c) sum += std::exp(xr[c] - m);
    const float log_sum = std::log(sum);
    for (int c = 0; c < cols; ++c) yr[c] = (xr[c] - m) - log_sum;
  }
}

// dx += y ⊙ (dy − Σ_row dy·y)
void softmax_rows_backward(const float* y, const float* dy, float* dx, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    const std::size_t o = static_cast<std::size_t>(r) * cols;
    float dot = 0.0f;
    for (int c = 0; c < cols; ++c) dot += dy[o + c] * y[o + c];
    for (int c = 0; c < cols; ++c) dx[o + c] += y[o + c] * (dy[o + c] - dot);
  }
}

// dx += dy − eʸ·Σ_row dy   (eʸ: the softmax)
void log_softmax_rows_backward(const float* y, const float* dy, float* dx, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    const std::size_t o = static_cast<std::size_t>(r) * cols;
    float sum = 0.0f;
    for (int c = 0; c < cols; ++c) sum += dy[o + c];
    for (int c = 0; c < cols; ++c) dx[o + c] += dy[o + c] - std::exp(y[o + c]) * sum;
  }
}

}  // namespace nnp
