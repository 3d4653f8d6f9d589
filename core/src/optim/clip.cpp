// Gradient clipping (torch.nn.utils, PyTorch 1.13) over the flat gradient slab. The slab's
// alignment padding is always zero, so it changes neither norm nor values.
#include <algorithm>
#include <cmath>

#include "../kernels/simd.h"
#include "nnp/error.h"
#include "nnp/format.h"
#include "nnp/optim.h"

namespace nnp {

// Squares summed in float, 16 lanes, over blocks of 1024 values (each lane adds 64 terms: a relative
// error of a few 1e-6, torch's own float32 norm is no closer), the block sums in double. Summing
// every square in double cost W3's step 5 % in wasm (f64x2 conversions); a block whose float sum
// overflows is summed again in double, so the finiteness check only fails on a non-finite gradient.
double grad_sum_of_squares(std::span<const float> grads) {
  using simd::Batch;
  constexpr std::size_t kW = simd::kWidth, kBlock = 1024;
  const float* g = grads.data();
  const std::size_t n = grads.size();
  const auto in_double = [g](std::size_t from, std::size_t to) {
    double s = 0.0;
    for (std::size_t i = from; i < to; ++i) s += static_cast<double>(g[i]) * g[i];
    return s;
  };
  // Blocks of up to kBlock values (the last one shorter) in float vectors; what is left of the
  // last block after whole groups of 4 vectors (under 16 values) in double. A network smaller than
  // a block used to be summed all in double, one dependent add per value (7 % of W1's step).
  double total = 0.0;
  for (std::size_t i = 0; i < n; i += kBlock) {
    const std::size_t end = std::min(i + kBlock, n), vend = i + (end - i) / (4 * kW) * (4 * kW);
    Batch s0(0.0f), s1(0.0f), s2(0.0f), s3(0.0f);
    for (std::size_t j = i; j < vend; j += 4 * kW) {
      const Batch a = Batch::load_unaligned(g + j), b = Batch::load_unaligned(g + j + kW);
      const Batch c = Batch::load_unaligned(g + j + 2 * kW), d = Batch::load_unaligned(g + j + 3 * kW);
      s0 = s0 + a * a;
      s1 = s1 + b * b;
      s2 = s2 + c * c;
      s3 = s3 + d * d;
    }
    const double block = static_cast<double>(xsimd::reduce_add((s0 + s1) + (s2 + s3)));
    total += (std::isfinite(block) ? block : in_double(i, vend)) + in_double(vend, end);
  }
  return total;
}

float grad_norm(std::span<const float> grads) { return static_cast<float>(std::sqrt(grad_sum_of_squares(grads))); }

// clip_coef = max_norm / (total_norm + 1e-6), clamped to at most 1, multiplies every gradient.
float clip_grad_norm(std::span<float> grads, float max_norm) {
  return clip_grad_norm(grads, max_norm, grad_norm(grads));
}

float clip_grad_norm(std::span<float> grads, float max_norm, float total) {
  if (!(max_norm > 0.0f)) throw Error("clip_grad_norm must be a number > 0, got " + format_f(max_norm, 6));
  const float coef = std::min(max_norm / (total + 1e-6f), 1.0f);
  if (coef < 1.0f)
    for (float& g : grads) g *= coef;
  return total;
}

void clip_grad_value(std::span<float> grads, float clip) {
  if (!(clip > 0.0f)) throw Error("clip_grad_value must be a number > 0, got " + format_f(clip, 6));
  for (float& g : grads) g = std::clamp(g, -clip, clip);
}

}  // namespace nnp
