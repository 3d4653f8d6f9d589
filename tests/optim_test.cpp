#include "nnp/optim.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "nnp/autograd.h"
#include "nnp/error.h"
#include "nnp/mlp.h"
#include "nnp/rng.h"

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

namespace nnp {
namespace {

std::vector<double> schedule(SchedulerSpec spec, double base, int steps) {
  Scheduler s(spec, base);
  std::vector<double> lrs{s.lr()};
  for (int i = 0; i < steps; ++i) {
    s.step();
    lrs.push_back(s.lr());
  }
  return lrs;
}

TEST(Scheduler, StepAndExponentialFollowTheirClosedForms) {
  const auto step = schedule({.kind = SchedulerKind::StepLR, .step_size = 2, .gamma = 0.5}, 1.0, 6);
  const std::vector<double> expected_step{1, 1, 0.5, 0.5, 0.25, 0.25, 0.125};
  for (std::size_t i = 0; i < step.size(); ++i) EXPECT_DOUBLE_EQ(step[i], expected_step[i]) << i;
  const auto exp = schedule({.kind = SchedulerKind::ExponentialLR, .gamma = 0.9}, 0.1, 5);
  for (std::size_t i = 0; i < exp.size(); ++i) EXPECT_NEAR(exp[i], 0.1 * std::pow(0.9, i), 1e-15) << i;
}

TEST(Scheduler, CosineAnnealingMatchesTheClosedFormAndKeepsGoingPastTMax) {
  const double base = 0.1, eta = 0.001;
  const int t_max = 4;
  const auto lrs = schedule({.kind = SchedulerKind::CosineAnnealingLR, .t_max = t_max, .eta_min = eta}, base, 12);
  for (std::size_t e = 0; e < lrs.size(); ++e) {
    const double closed = eta + (base - eta) * (1 + std::cos(M_PI * static_cast<double>(e) / t_max)) / 2;
    EXPECT_NEAR(lrs[e], closed, 1e-12) << "epoch " << e;
  }
  EXPECT_NEAR(lrs[4], eta, 1e-12);   // the minimum at T_max
  EXPECT_NEAR(lrs[8], base, 1e-12);  // and back up at 2·T_max, as torch 1.13 does
}

TEST(Scheduler, LinearLRWarmsUpFromStartFactorAtConstruction) {
  const auto lrs =
      schedule({.kind = SchedulerKind::LinearLR, .start_factor = 0.25, .end_factor = 1.0, .total_iters = 3}, 0.4, 5);
  const std::vector<double> expected{0.1, 0.2, 0.3, 0.4, 0.4, 0.4};
  for (std::size_t i = 0; i < lrs.size(); ++i) EXPECT_NEAR(lrs[i], expected[i], 1e-12) << i;
}

TEST(Clip, NormScalesOnlyWhenAboveMaxAndValueClamps) {
  std::vector<float> g{3.0f, 4.0f};  // norm 5
  EXPECT_FLOAT_EQ(clip_grad_norm(g, 10.0f), 5.0f);
  EXPECT_EQ(g[0], 3.0f);  // untouched below max_norm
  clip_grad_norm(g, 1.0f);
  EXPECT_NEAR(g[0], 0.6f, 1e-6f);
  EXPECT_NEAR(g[1], 0.8f, 1e-6f);
  std::vector<float> v{-0.3f, 0.01f, 0.2f};
  clip_grad_value(v, 0.1f);
  EXPECT_EQ(v, (std::vector<float>{-0.1f, 0.01f, 0.1f}));
  EXPECT_THROW(clip_grad_norm(g, 0.0f), Error);
}

TEST(Clip, SumOfSquaresIsCloseToDoubleAndOnlyNonFiniteGradientsMakeItNonFinite) {
  Pcg32 rng(3);
  std::vector<float> g(5000 + 7);  // whole blocks of 1024 and a tail
  for (float& v : g) v = static_cast<float>(rng.uniform(-2.0, 2.0));
  double exact = 0.0;
  for (float v : g) exact += static_cast<double>(v) * v;
  EXPECT_NEAR(grad_sum_of_squares(g), exact, 1e-6 * exact);
  g[1500] = 3e20f;  // its square overflows float: the block is summed again in double
  EXPECT_TRUE(std::isfinite(grad_sum_of_squares(g)));
  EXPECT_NEAR(grad_sum_of_squares(g), 9e40, 1e34);
  g[4000] = std::numeric_limits<float>::quiet_NaN();
  EXPECT_FALSE(std::isfinite(grad_sum_of_squares(g)));
  g[4000] = std::numeric_limits<float>::infinity();
  EXPECT_FALSE(std::isfinite(grad_sum_of_squares(g)));
}

TEST(Optimizer, RefusesBadHyperParametersNamingTheField) {
  auto message = [](OptimizerSpec s) {
    try {
      Optimizer o(s, {});
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message({.kind = OptimizerKind::Adam, .lr = 1e-3, .beta2 = 1.0}),
            "optimizer.betas[1] must be in [0, 1), got 1");
  EXPECT_EQ(message({.kind = OptimizerKind::SGD, .lr = 0.1, .eps = -1}),
            "optimizer.eps must be a finite number ≥ 0, got -1");
  EXPECT_NE(message({.kind = OptimizerKind::SGD, .lr = 0.1, .nesterov = true}).find("nesterov needs momentum > 0"),
            std::string::npos);
}

TEST(Optimizer, NoDecayBiasLeavesBiasesUndecayed) {
  // Zero gradients: SGD with weight decay shrinks weights by lr·wd·w; biases only without the flag.
  Mlp net(MlpSpec{.inputs = 1, .layers = {{1, Activation::Identity}}});
  net.weight(0).data[0] = 1.0f;
  net.bias(0).data[0] = 1.0f;
  Optimizer opt(OptimizerSpec{.kind = OptimizerKind::SGD, .lr = 0.1, .weight_decay = 0.5, .no_decay_bias = true},
                net.segments());
  opt.step(net.parameters(), net.gradients());
  EXPECT_FLOAT_EQ(net.weight(0).data[0], 0.95f);
  EXPECT_FLOAT_EQ(net.bias(0).data[0], 1.0f);
}

TEST(Init, SchemesHaveTheirBoundsAndZerosShowsTheSymmetryProblem) {
  Pcg32 rng(9);
  MlpSpec spec{.inputs = 100, .layers = {{50, Activation::Tanh}, {50, Activation::ReLU}, {1, Activation::Identity}}};
  Mlp net(spec);
  auto max_abs = [](Tensor t) {
    float m = 0.0f;
    for (std::size_t i = 0; i < t.size(); ++i) m = std::max(m, std::fabs(t.data[i]));
    return m;
  };
  auto stddev = [](Tensor t) {
    double s = 0.0;
    for (std::size_t i = 0; i < t.size(); ++i) s += static_cast<double>(t.data[i]) * t.data[i];
    return std::sqrt(s / static_cast<double>(t.size()));
  };
  net.init({.weight = InitKind::XavierUniform}, rng);  // tanh gain 5/3: bound 5/3·√(6/150)
  EXPECT_LE(max_abs(net.weight(0)), 5.0f / 3.0f * std::sqrt(6.0f / 150.0f) + 1e-6f);
  EXPECT_GT(max_abs(net.weight(0)), 0.9f * 5.0f / 3.0f * std::sqrt(6.0f / 150.0f));
  EXPECT_EQ(max_abs(net.bias(0)), 0.0f);
  net.init({.weight = InitKind::KaimingNormal}, rng);  // relu gain √2: std √2/√50 for layer 1
  EXPECT_NEAR(stddev(net.weight(1)), std::sqrt(2.0 / 50.0), 0.02);
  net.init({.weight = InitKind::XavierNormal}, rng);
  EXPECT_NEAR(stddev(net.weight(1)), std::sqrt(2.0) * std::sqrt(2.0 / 100.0), 0.02);
  net.init({.weight = InitKind::KaimingUniform, .bias_value = 0.1f}, rng);
  EXPECT_LE(max_abs(net.weight(0)), 5.0f / 3.0f * std::sqrt(3.0f / 100.0f) + 1e-6f);
  EXPECT_FLOAT_EQ(net.bias(0).data[7], 0.1f);
  // TensorFlow Playground's U(−0.5, 0.5) whatever the fan-in, biases 0.1: the draws fill the
  // range (min and max near its ends, mean near 0) and never leave it.
  net.init({.weight = InitKind::Uniform, .a = -0.5f, .b = 0.5f, .bias_value = 0.1f}, rng);
  for (int layer = 0; layer < 3; ++layer) EXPECT_LE(max_abs(net.weight(layer)), 0.5f);
  EXPECT_GT(max_abs(net.weight(0)), 0.49f);
  EXPECT_NEAR(stddev(net.weight(0)), 1.0 / std::sqrt(12.0), 0.01);  // U(−½, ½) has σ = 1/√12
  EXPECT_FLOAT_EQ(net.bias(2).data[0], 0.1f);
  net.init({.weight = InitKind::Uniform, .a = 2.0f, .b = 3.0f}, rng);  // a range off zero
  const Tensor w = net.weight(0);
  EXPECT_GE(*std::min_element(w.data, w.data + w.size()), 2.0f);
  EXPECT_LE(*std::max_element(w.data, w.data + w.size()), 3.0f);

  // Constant weights: every hidden unit computes the same thing and gets the same gradient.
  Mlp sym(MlpSpec{.inputs = 2, .layers = {{3, Activation::Tanh}, {1, Activation::Sigmoid}}});
  sym.init({.weight = InitKind::Constant, .constant = 0.3f}, rng);
  Arena arena;
  Graph g(arena);
  float x[4] = {1.0f, -2.0f, 0.5f, 0.25f}, t[2] = {1.0f, 0.0f};
  g.backward(g.bce_loss(sym.forward(g, g.input({x, 2, 2})), g.input({t, 2, 1})));
  const auto grads = sym.gradients();
  const ParamInfo& w0 = sym.named_parameters()[0];
  for (int unit = 1; unit < 3; ++unit)
    for (int in = 0; in < 2; ++in)
      EXPECT_EQ(grads[w0.offset + unit * 2 + in], grads[w0.offset + in]) << "unit " << unit;
}

}  // namespace
}  // namespace nnp
