#include "nnp/gradient_flow.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>

#include "nnp/error.h"
#include "nnp/generators.h"

namespace nnp {
namespace {

LearnerSpec net(std::vector<LayerSpec> layers, InitKind init, double lr = 0.1) {
  LearnerSpec s;
  s.model.inputs = 2;
  s.model.layers = std::move(layers);
  s.loss.kind = LossKind::BCEWithLogitsLoss;
  s.optimizer.lr = lr;
  s.init.weight = init;
  return s;
}

Dataset circle(int samples) {
  Pcg32 rng(3);
  Dataset d = make_circle(samples, 0.0, rng);
  for (float& v : d.x) v /= 6.0f;  // TF's [−6, 6] plane to [−1, 1]
  return d;
}

TEST(GradientFlow, HistogramBinsAndClampsToTheActivationsRange) {
  const std::vector<float> v = {0.0f, 0.01f, 0.5f, 0.99f, 1.0f, -3.0f, 7.0f};
  const std::vector<int> h = activation_histogram(Activation::Sigmoid, v);
  ASSERT_EQ(h.size(), static_cast<std::size_t>(kHistogramBins));
  EXPECT_EQ(h.front(), 3);  // 0, 0.01 and −3 (clamped)
  EXPECT_EQ(h[kHistogramBins / 2], 1);
  EXPECT_EQ(h.back(), 3);  // 0.99, 1 and 7 (clamped)
  EXPECT_EQ(histogram_range(Activation::Tanh).lo, -1.0);
  EXPECT_EQ(histogram_range(Activation::ReLU).lo, 0.0);
}

TEST(GradientFlow, CountsSaturatedUnitsOnlyNearTheBounds) {
  // tanh: |a| > 1 − 2·margin is saturated.
  const std::vector<float> t = {0.99f, -0.97f, 0.95f, 0.0f};
  EXPECT_DOUBLE_EQ(saturated_share(Activation::Tanh, t), 0.5);
  const std::vector<float> s = {0.01f, 0.5f, 0.985f, 0.97f};
  EXPECT_DOUBLE_EQ(saturated_share(Activation::Sigmoid, s), 0.5);
  EXPECT_TRUE(std::isnan(saturated_share(Activation::ReLU, s)));
}

TEST(GradientFlow, ADeadUnitIsZeroOnEverySample) {
  // 3 rows × 4 units: unit 0 dead, unit 1 alive on one row only, unit 2 dead, unit 3 alive.
  const std::vector<float> a = {0, 0, 0, 1, 0, 0.5f, 0, 2, 0, 0, 0, 3};
  EXPECT_DOUBLE_EQ(dead_share(a, 3, 4), 0.5);
  EXPECT_DOUBLE_EQ(dead_share(std::vector<float>(8, 0.0f), 2, 4), 1.0);
}

TEST(GradientFlow, GradientNormsMatchFiniteDifferences) {
  const LearnerSpec spec = net({{3, Activation::Tanh}, {1, Activation::Identity}}, InitKind::XavierUniform);
  const Dataset d = circle(8);
  GradientFlow flow(spec, d, {.batch = 8, .seed = 5});
  Learner ref(spec, 5);  // the same initial weights
  flow.step(true);
  // Central differences of the batch's loss for every weight of layer 0.
  for (const char* name : {"0.weight", "0.bias"}) {
    std::vector<float> w(ref.parameter(name).begin(), ref.parameter(name).end());
    double sum = 0.0;
    for (std::size_t j = 0; j < w.size(); ++j) {
      const float h = 1e-2f, keep = w[j];
      w[j] = keep + h;
      ref.set_parameter(name, w);
      const double up = ref.evaluate_loss(d.x.data(), d.y.data(), d.size(), 1, spec.loss);
      w[j] = keep - h;
      ref.set_parameter(name, w);
      const double down = ref.evaluate_loss(d.x.data(), d.y.data(), d.size(), 1, spec.loss);
      w[j] = keep;
      ref.set_parameter(name, w);
      sum += std::pow((up - down) / (2.0 * h), 2);
    }
    const double expected = std::sqrt(sum);
    const LayerFlow& f = flow.layers()[0];
    const double got = std::string(name) == "0.weight" ? f.weight_grad_norm : f.bias_grad_norm;
    EXPECT_GT(expected, 1e-4) << name;
    EXPECT_NEAR(got, expected, 2e-3 * expected + 1e-6) << name;
  }
}

TEST(GradientFlow, UpdateRatioIsLrTimesGradientOverWeightsForSgd) {
  const LearnerSpec spec = net({{4, Activation::ReLU}, {1, Activation::Identity}}, InitKind::KaimingUniform, 0.05);
  GradientFlow flow(spec, circle(16), {.batch = 16, .seed = 2});
  const std::vector<float> w(flow.learner().parameter("0.weight").begin(), flow.learner().parameter("0.weight").end());
  flow.step(true);
  const LayerFlow& f = flow.layers()[0];
  // Δw is rounded to float in the update: agreement to a few parts in 10⁵.
  EXPECT_NEAR(f.update_ratio, 0.05 * f.weight_grad_norm / l2_norm(w), 1e-4 * f.update_ratio);
  EXPECT_TRUE(std::isnan(f.saturated));
  EXPECT_GE(f.dead, 0.0);
}

TEST(GradientFlow, ZeroInitKeepsEveryUnitOfALayerIdenticalToTheBit) {
  const std::vector<LayerSpec> layers = {{8, Activation::Sigmoid}, {6, Activation::Sigmoid}, {1, Activation::Identity}};
  GradientFlow zero(net(layers, InitKind::Zeros, 0.5), circle(64), {.batch = 16, .seed = 1});
  GradientFlow random(net(layers, InitKind::XavierUniform, 0.5), circle(64), {.batch = 16, .seed = 1});
  for (int i = 0; i < 200; ++i) {
    zero.step(i % 50 == 0);
    random.step(false);
  }
  // The weights moved (this is learning, not standing still) …
  EXPECT_GT(l2_norm(zero.learner().parameter("2.weight")), 0.0);
  EXPECT_GT(l2_norm(zero.learner().parameter("0.weight")), 0.0);
  // … but every unit got the same update: one distinct unit per layer, rows equal bit for bit.
  EXPECT_EQ(distinct_units(zero.learner().model(), 0), 1);
  EXPECT_EQ(distinct_units(zero.learner().model(), 1), 1);
  const std::span<const float> w = zero.learner().parameter("2.weight");  // [6, 8]
  // Bit patterns (memcpy: Emscripten's libc++ has no std::bit_cast), so −0 and 0 would differ.
  const auto bits = [](float f) {
    std::uint32_t b = 0;
    std::memcpy(&b, &f, sizeof b);
    return b;
  };
  for (int u = 1; u < 6; ++u)
    for (int i = 0; i < 8; ++i) EXPECT_EQ(bits(w[i]), bits(w[8 * u + i])) << u << ',' << i;
  EXPECT_EQ(distinct_units(random.learner().model(), 0), 8);
  EXPECT_EQ(distinct_units(random.learner().model(), 1), 6);
}

TEST(GradientFlow, DeepSigmoidsVanishWhereReluWithHeDoesNot) {
  std::vector<LayerSpec> sigmoid(6, {16, Activation::Sigmoid});
  std::vector<LayerSpec> relu(6, {16, Activation::ReLU});
  sigmoid.push_back({1, Activation::Identity});
  relu.push_back({1, Activation::Identity});
  GradientFlow s(net(sigmoid, InitKind::Default), circle(64), {.batch = 32, .seed = 4});
  GradientFlow r(net(relu, InitKind::KaimingUniform), circle(64), {.batch = 32, .seed = 4});
  s.step(true);
  r.step(true);
  // Each sigmoid layer scales the gradient by at most ¼·‖W‖: the first layer's is orders smaller.
  EXPECT_LT(s.layers()[0].weight_grad_norm, 1e-2 * r.layers()[0].weight_grad_norm);
  EXPECT_LT(s.layers()[0].weight_grad_norm, 1e-2 * s.layers()[5].weight_grad_norm);
}

TEST(GradientFlow, RefusesDataThatDoesNotFit) {
  const LearnerSpec spec = net({{1, Activation::Identity}}, InitKind::Default);
  Dataset d = circle(4);
  EXPECT_THROW(GradientFlow(spec, Dataset{}, {}), Error);
  EXPECT_THROW(GradientFlow(spec, d, {.batch = 0}), Error);
  d.features = 1;
  EXPECT_THROW(GradientFlow(spec, d, {}), Error);
  GradientFlow ok(net({{4, Activation::ReLU}, {1, Activation::Identity}}, InitKind::Default), circle(4), {});
  EXPECT_THROW(distinct_units(ok.learner().model(), 2), Error);
}

}  // namespace
}  // namespace nnp
