// L1 regularisation (nnp/regularization.h): the penalty λ·Σ|w| over weight matrices and its
// gradient λ·sign(w), each one pass over the parameter slab instead of abs/sum nodes per layer
// (torch: loss + l1 * sum(p.abs().sum() for weights)). Weight decay lives in the optimiser:
// coupled g + wd·w (SGD, Adam, …) or decoupled w·(1 − lr·wd) (AdamW), core/src/optim/optimizer.cpp.
#include "nnp/regularization.h"

#include <cmath>

namespace nnp {

float l1_penalty(const Mlp& model, float l1) {
  const std::span<const float> params = model.parameters_view();
  double sum_abs = 0.0;
  for (const ParamInfo& p : model.named_parameters())
    if (!p.is_bias)
      for (int i = 0; i < p.rows * p.cols; ++i) sum_abs += std::fabs(params[p.offset + static_cast<std::size_t>(i)]);
  return l1 * static_cast<float>(sum_abs);
}

void add_l1_gradient(Mlp& model, float l1) {
  const std::span<const float> params = model.parameters_view();
  const std::span<float> grads = model.gradients();
  for (const ParamInfo& p : model.named_parameters())
    if (!p.is_bias)
      for (int i = 0; i < p.rows * p.cols; ++i) {
        const std::size_t k = p.offset + static_cast<std::size_t>(i);
        grads[k] += l1 * static_cast<float>((params[k] > 0.0f) - (params[k] < 0.0f));
      }
}

}  // namespace nnp
