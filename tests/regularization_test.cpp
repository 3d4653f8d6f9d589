// The L1 penalty λ·Σ|w| over weight matrices and its gradient λ·sign(w).
#include "nnp/regularization.h"

#include <gtest/gtest.h>

#include <cmath>

namespace nnp {
namespace {

TEST(Regularization, L1PenalisesWeightsNotBiasesAndItsGradientIsLambdaSignW) {
  Mlp net(MlpSpec{.inputs = 3, .layers = {{4, Activation::Tanh}, {2, Activation::Identity}}});
  std::span<float> w = net.parameters();
  double sum_abs = 0.0;
  int i = 0;
  for (const ParamInfo& p : net.named_parameters())
    for (int k = 0; k < p.rows * p.cols; ++k, ++i) {
      const float v = i % 5 == 0 ? 0.0f : std::sin(static_cast<float>(i));  // some weights exactly 0
      w[p.offset + static_cast<std::size_t>(k)] = v;
      if (!p.is_bias) sum_abs += std::fabs(v);
    }
  const float l1 = 0.5f;
  EXPECT_NEAR(l1_penalty(net, l1), l1 * sum_abs, 1e-6);
  std::fill(net.gradients().begin(), net.gradients().end(), 0.25f);
  add_l1_gradient(net, l1);
  const std::span<const float> g = net.gradients_view();
  for (const ParamInfo& p : net.named_parameters())
    for (int k = 0; k < p.rows * p.cols; ++k) {
      const std::size_t j = p.offset + static_cast<std::size_t>(k);
      const float sign = static_cast<float>((w[j] > 0.0f) - (w[j] < 0.0f));
      EXPECT_EQ(g[j], p.is_bias ? 0.25f : 0.25f + l1 * sign) << p.name << " " << k;
      // The gradient against central finite differences of the penalty (where |w| is smooth
      // across the step).
      const float saved = w[j], h = 1e-2f;
      if (p.is_bias || std::fabs(saved) <= h) continue;
      w[j] = saved + h;
      const float up = l1_penalty(net, l1);
      w[j] = saved - h;
      const float down = l1_penalty(net, l1);
      w[j] = saved;
      EXPECT_NEAR((up - down) / (2 * h), g[j] - 0.25f, 1e-3) << p.name << " " << k;
    }
}

}  // namespace
}  // namespace nnp
