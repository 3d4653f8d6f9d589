// Gradient clipping (torch.nn.utils, PyTorch 1.13) over the flat gradient slab. The slab's
// alignment padding is always zero, so it changes neither norm nor values.
#include <algorithm>
#include <cmath>

#include "nnp/error.h"
#include "nnp/optim.h"

namespace nnp {

double grad_sum_of_squares(std::span<const float> grads) {
  double s = 0.0;
  for (float g : grads) s += static_cast<double>(g) * g;
  return s;
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
