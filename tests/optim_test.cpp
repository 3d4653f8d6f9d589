#include <gtest/gtest.h>

#include "nnp/autograd.h"
#include "nnp/mlp.h"
#include "nnp/optim.h"

namespace nnp {
namespace {

// One SGD step on a 1 → 1 linear model, worked by hand:
//   batch x = (2, −1), t = (1, 0); w = 0.5, b = 0.1 → y = (1.1, −0.4)
//   MSE = ((0.1)² + (−0.4)²)/2 = 0.085
//   dL/dy = 2(y − t)/2 = (0.1, −0.4) → dw = 0.1·2 + (−0.4)(−1) = 0.6, db = 0.1 − 0.4 = −0.3
//   lr 0.1 → w = 0.5 − 0.06 = 0.44, b = 0.1 + 0.03 = 0.13
TEST(Sgd, OneStepMatchesHandWorkedNumbers) {
  Mlp net(MlpSpec{.inputs = 1, .layers = {{1, Activation::Identity}}});
  net.weight(0).data[0] = 0.5f;
  net.bias(0).data[0] = 0.1f;
  float x[2] = {2.0f, -1.0f}, t[2] = {1.0f, 0.0f};
  Arena arena;
  Graph g(arena);
  Var loss = g.mse_loss(net.forward(g, g.input({x, 2, 1})), g.input({t, 2, 1}));
  EXPECT_NEAR(g.scalar(loss), 0.085f, 1e-7f);
  net.zero_grad();
  g.backward(loss);
  EXPECT_NEAR(net.gradients()[net.named_parameters()[0].offset], 0.6f, 1e-6f);
  EXPECT_NEAR(net.gradients()[net.named_parameters()[1].offset], -0.3f, 1e-6f);
  Optimizer sgd(OptimizerSpec{.kind = OptimizerKind::SGD, .lr = 0.1}, net.segments());
  sgd.step(net.parameters(), net.gradients());
  EXPECT_NEAR(net.weight(0).data[0], 0.44f, 1e-7f);
  EXPECT_NEAR(net.bias(0).data[0], 0.13f, 1e-7f);
}

TEST(Mlp, ParametersAreNamedAndShapedAsTorchSequential) {
  Mlp net(MlpSpec{.inputs = 2, .layers = {{4, Activation::Tanh}, {1, Activation::Sigmoid}}});
  const auto& p = net.named_parameters();
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].name, "0.weight");
  EXPECT_EQ(p[0].rows, 4);
  EXPECT_EQ(p[0].cols, 2);
  EXPECT_EQ(p[1].name, "0.bias");
  EXPECT_EQ(p[2].name, "2.weight");
  EXPECT_EQ(p[3].name, "2.bias");
}

TEST(Mlp, DefaultInitStaysWithinOneOverSqrtFanIn) {
  Mlp net(MlpSpec{.inputs = 16, .layers = {{8, Activation::Tanh}, {1, Activation::Identity}}});
  Pcg32 rng(3);
  net.init_default(rng);
  const Tensor w0 = net.weight(0);
  for (std::size_t i = 0; i < w0.size(); ++i) EXPECT_LE(std::fabs(w0.data[i]), 0.25f);
  const Tensor w1 = net.weight(1);
  float max_abs = 0.0f;
  for (std::size_t i = 0; i < w1.size(); ++i) max_abs = std::max(max_abs, std::fabs(w1.data[i]));
  EXPECT_LE(max_abs, 1.0f / std::sqrt(8.0f));
  EXPECT_GT(max_abs, 0.05f);  // actually random, not zero
}

}  // namespace
}  // namespace nnp
