// Gradient clipping (torch.nn.utils, PyTorch 1.13) over the flat gradient slab. The slab's
// alignment padding is always zero, so it changes neither norm nor values.
#include <algorithm>
#include <cmath>

#include "nnp/error.h"
#include "nnp/optim.h"

namespace nnp {

// Eight running sums, so the additions do not wait on each other (one chain was the longest pass
// of a large network's step); each float square is exact in double.
double grad_sum_of_squares(std::span<const float> grads) {
  constexpr std::size_t kLanes = 8;
  double s[kLanes] = {};
  const float* g = grads.data();
  const std::size_t n = grads.size();
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes)
    for (std::size_t j = 0; j < kLanes; ++j) s[j] += static_cast<double>(g[i + j]) * g[i + j];
  for (; i < n; ++i) s[0] += static_cast<double>(g[i]) * g[i];
  return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
}

float grad_norm(std::span<const float> grads) { return static_cast<float>(std::sqrt(grad_sum_of_squares(grads))); }

// clip_coef = max_norm / (total_norm + 1e-6), clamped to at most 1, multiplies every gradient.
float clip_grad_norm(std::span<float> grads, float max_norm) {
  return clip_grad_norm(grads, max_norm, grad_norm(grads));
}

float clip_grad_norm(std::span<float> grads, float max_norm, float total) {
  if (!(max_norm > 0.0f)) throw Error("clip_grad_norm must be a number > 0, got " + std::to_string(max_norm));
  const float coef = std::min(max_norm / (total + 1e-6f), 1.0f);
  if (coef < 1.0f)
    for (float& g : grads) g *= coef;
  return total;
}

void clip_grad_value(std::span<float> grads, float clip) {
  if (!(clip > 0.0f)) throw Error("clip_grad_value must be a number > 0, got " + std::to_string(clip));
  for (float& g : grads) g = std::clamp(g, -clip, clip);
}

}  // namespace nnp
