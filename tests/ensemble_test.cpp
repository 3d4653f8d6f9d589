// The ensemble predicts its members' mean probability, and its loss is the loss of that mean
// computed by the training losses (through Graph::loss, i.e. losses::forward).
#include "nnp/ensemble.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "nnp/arena.h"
#include "nnp/autograd.h"
#include "nnp/trainer.h"

namespace nnp {
namespace {

LearnerSpec spec(int inputs, Activation out, int outputs, LossKind loss) {
  LearnerSpec s;
  s.model = MlpSpec{.inputs = inputs, .layers = {{8, Activation::Tanh}, {outputs, out}}};
  s.loss = LossSpec{.kind = loss, .delta = 0.5f};
  return s;
}

// The loss of `prediction` against `targets` by the training losses.
float graph_loss(const Tensor& prediction, std::vector<float>& targets, LossKind kind, float delta = 1.0f) {
  Arena arena;
  Graph g(arena);
  const Var p = g.input(prediction);
  const Var t = g.input({targets.data(), prediction.rows, 1});
  return g.scalar(g.loss(p, t, {.kind = kind, .reduction = Reduction::Mean, .delta = delta}));
}

const std::vector<float> kX = {0.5f, -1.0f, 2.0f, 0.1f, -0.3f, -2.5f, 1.5f, 1.5f, 0.0f, 0.7f};  // 5 rows, 2 inputs

TEST(Ensemble, PredictsTheMeanOfItsMembersClassProbabilities) {
  Ensemble e({.members = 3}, spec(2, Activation::Identity, 3, LossKind::CrossEntropyLoss), false, 4, Pcg32(4), 10);
  std::vector<double> mean(15, 0.0);
  for (int m = 0; m < 3; ++m) {
    const Tensor o = e.member(m).predict(kX.data(), 5);
    for (int r = 0; r < 5; ++r) {
      double sum = 0.0;
      for (int c = 0; c < 3; ++c) sum += std::exp(static_cast<double>(o(r, c)));
      for (int c = 0; c < 3; ++c) mean[static_cast<std::size_t>(r) * 3 + c] += std::exp(o(r, c)) / sum / 3.0;
    }
  }
  const Tensor p = e.predict(kX.data(), 5);
  ASSERT_EQ(p.rows, 5);
  ASSERT_EQ(p.cols, 3);
  for (std::size_t i = 0; i < mean.size(); ++i) EXPECT_NEAR(p.data[i], mean[i], 1e-6) << i;
  EXPECT_NE(e.member(0).parameter("0.weight")[0], e.member(1).parameter("0.weight")[0]);  // own initialisation
}

TEST(Ensemble, ItsClassLossIsTheNegativeLogLikelihoodOfTheMeanProbability) {
  Ensemble e({.members = 3}, spec(2, Activation::Identity, 3, LossKind::CrossEntropyLoss), false, 4, Pcg32(4), 10);
  const Tensor p = e.predict(kX.data(), 5);
  std::vector<float> y = {0, 2, 1, 1, 0};
  std::vector<float> log_p(p.size());
  double by_hand = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) log_p[i] = std::log(p.data[i]);
  for (int r = 0; r < 5; ++r) by_hand -= std::log(static_cast<double>(p(r, static_cast<int>(y[r])))) / 5;
  const float loss = e.loss(p, {y.data(), 5, 1}, 3);
  EXPECT_EQ(loss, graph_loss({log_p.data(), 5, 3}, y, LossKind::NLLLoss));
  EXPECT_NEAR(loss, by_hand, 1e-6);
}

TEST(Ensemble, ItsBinaryLossIsTheCrossEntropyOfTheMeanProbability) {
  // Logit outputs: the mean of the members' σ(o). ±1 outputs (signed labels): of (o + 1)/2.
  for (const bool signed_labels : {false, true}) {
    const LearnerSpec s = signed_labels ? spec(2, Activation::Tanh, 1, LossKind::MSELoss)
                                        : spec(2, Activation::Identity, 1, LossKind::BCEWithLogitsLoss);
    Ensemble e({.members = 2}, s, signed_labels, 8, Pcg32(8), 10);
    std::vector<double> mean(5, 0.0);
    for (int m = 0; m < 2; ++m) {
      const Tensor o = e.member(m).predict(kX.data(), 5);
      for (int r = 0; r < 5; ++r)
        mean[static_cast<std::size_t>(r)] +=
            (signed_labels ? (o(r, 0) + 1.0) / 2.0 : 1.0 / (1.0 + std::exp(-static_cast<double>(o(r, 0))))) / 2.0;
    }
    const Tensor p = e.predict(kX.data(), 5);
    std::vector<float> labels = {1, 0, 0, 1, 1};
    std::vector<float> targets = labels;
    if (signed_labels)
      for (float& t : targets) t = 2.0f * t - 1.0f;
    double by_hand = 0.0;
    for (int r = 0; r < 5; ++r) {
      EXPECT_NEAR(p(r, 0), mean[static_cast<std::size_t>(r)], 1e-6);
      by_hand -= std::log(labels[static_cast<std::size_t>(r)] == 1.0f ? mean[static_cast<std::size_t>(r)]
                                                                      : 1.0 - mean[static_cast<std::size_t>(r)]) /
                 5;
    }
    const float loss = e.loss(p, {targets.data(), 5, 1}, 2);
    EXPECT_EQ(loss, graph_loss(p, labels, LossKind::BCELoss)) << signed_labels;
    EXPECT_NEAR(loss, by_hand, 1e-5) << signed_labels;
  }
}

TEST(Ensemble, ItsRegressionLossIsTheTrainingLossOfTheMeanOutput) {
  for (const LossKind kind : {LossKind::MSELoss, LossKind::L1Loss, LossKind::HuberLoss}) {
    Ensemble e({.members = 3}, spec(1, Activation::Identity, 1, kind), false, 2, Pcg32(2), 10);
    std::vector<double> mean(5, 0.0);
    for (int m = 0; m < 3; ++m) {
      const Tensor o = e.member(m).predict(kX.data(), 5);
      for (int r = 0; r < 5; ++r) mean[static_cast<std::size_t>(r)] += o(r, 0) / 3.0;
    }
    const Tensor p = e.predict(kX.data(), 5);
    for (int r = 0; r < 5; ++r) EXPECT_NEAR(p(r, 0), mean[static_cast<std::size_t>(r)], 1e-6);
    std::vector<float> y = {0.3f, -0.2f, 1.0f, 0.0f, 2.0f};
    EXPECT_EQ(e.loss(p, {y.data(), 5, 1}, 0), graph_loss(p, y, kind, 0.5f)) << name_of(kind);
  }
}

TEST(Ensemble, TheTrainerReportsTheLossOfItsMeanPrediction) {
  TrainerConfig c;
  c.seed = 3;
  c.data =
      DataSpec{.name = "blobs", .samples = 600, .noise = 0.6, .classes = 3, .split = {.train = 0.6, .validation = 0.2}};
  c.learner.model = MlpSpec{.inputs = 2, .layers = {{16, Activation::ReLU}, {3, Activation::Identity}}};
  c.learner.loss = LossSpec{.kind = LossKind::CrossEntropyLoss};
  c.learner.optimizer = OptimizerSpec{.kind = OptimizerKind::Adam, .lr = 0.01};
  c.training.batch_size = 32;
  c.training.ensemble = {.members = 3, .bootstrap = true};
  Trainer t(c);
  t.run_epochs(5);
  const Dataset& raw = t.raw().test;
  std::vector<float> p(static_cast<std::size_t>(raw.size()) * 3);
  t.predict(raw.x.data(), raw.size(), p.data());  // the ensemble's mean probabilities
  for (float& v : p) v = std::log(v);
  std::vector<float> y = t.inputs().test.y;
  EXPECT_DOUBLE_EQ(t.evaluate().test.loss, graph_loss({p.data(), raw.size(), 3}, y, LossKind::NLLLoss));
}

}  // namespace
}  // namespace nnp
