#include "nnp/perceptron.h"

#include <gtest/gtest.h>

#include <cmath>

#include "nnp/error.h"
#include "nnp/generators.h"

namespace nnp {
namespace {

Dataset points(std::vector<float> x, std::vector<float> y) {
  Dataset d;
  d.features = 2;
  d.targets = 1;
  d.classes = 2;
  d.x = std::move(x);
  d.y = std::move(y);
  return d;
}

TEST(Perceptron, ConvergesOnSeparableDataWithHandWorkedUpdates) {
  // AND: only (1, 1) is class 1.
  const Dataset d = points({0, 0, 0, 1, 1, 0, 1, 1}, {0, 0, 0, 1});
  Perceptron p(2, {.lr = 1.0});
  // Epoch 1 by hand, from w = (0, 0), b = 0 (ŷ = [w·x + b ≥ 0]):
  // (0,0): ŷ 1, t 0 → w (0,0), b −1; (0,1): ŷ 0 ok; (1,0): ŷ 0 ok; (1,1): ŷ 0, t 1 → w (1,1), b 0.
  EXPECT_EQ(p.epoch(d), 2);
  EXPECT_EQ(p.weights(), (std::vector<double>{1, 1}));
  EXPECT_EQ(p.bias(), 0.0);
  while (!p.converged() && p.epochs() < 50) p.epoch(d);
  EXPECT_TRUE(p.converged());
  EXPECT_FALSE(p.cycling());
  EXPECT_DOUBLE_EQ(p.accuracy(d), 1.0);
  EXPECT_EQ(p.mistakes_per_epoch().back(), 0);
}

TEST(Perceptron, CyclesOnXorAndNeverGetsAllFourRight) {
  const Dataset d = points({0, 0, 0, 1, 1, 0, 1, 1}, {0, 1, 1, 0});
  Perceptron p(2, {.lr = 1.0});
  while (!p.converged() && !p.cycling() && p.epochs() < 200) p.epoch(d);
  EXPECT_FALSE(p.converged());
  EXPECT_TRUE(p.cycling());
  EXPECT_GT(p.cycle_length(), 0);
  EXPECT_LT(p.accuracy(d), 1.0);
  for (int m : p.mistakes_per_epoch()) EXPECT_GT(m, 0);
}

TEST(Perceptron, StepShowsOneSampleAndItsUpdate) {
  // AND again, one sample at a time: the same hand-worked epoch as above.
  const Dataset d = points({0, 0, 0, 1, 1, 0, 1, 1}, {0, 0, 0, 1});
  Perceptron p(2, {.lr = 0.5});
  PerceptronStep s = p.step(d);
  EXPECT_EQ(s.sample, 0);
  EXPECT_TRUE(s.mistake);
  EXPECT_EQ(s.predicted, 1);
  EXPECT_EQ(s.label, 0);
  EXPECT_EQ(s.delta_w, (std::vector<double>{0, 0}));  // x = (0, 0)
  EXPECT_EQ(s.delta_b, -0.5);
  EXPECT_EQ(p.bias(), -0.5);
  EXPECT_FALSE(s.epoch_end);
  s = p.step(d);
  EXPECT_FALSE(s.mistake);
  EXPECT_EQ(s.delta_b, 0.0);
  p.step(d);
  EXPECT_EQ(p.position(), 3);
  EXPECT_EQ(p.epoch_mistakes(), 1);
  EXPECT_EQ(p.epochs(), 0);
  s = p.step(d);
  EXPECT_EQ(s.sample, 3);
  EXPECT_TRUE(s.mistake);
  EXPECT_EQ(s.delta_w, (std::vector<double>{0.5, 0.5}));
  EXPECT_TRUE(s.epoch_end);
  EXPECT_EQ(p.epochs(), 1);
  EXPECT_EQ(p.mistakes_per_epoch().back(), 2);
  EXPECT_EQ(p.position(), 0);
}

TEST(Perceptron, StepsAndEpochsReachTheSameWeights) {
  const Dataset d = points({0, 0, 0, 1, 1, 0, 1, 1, 0.5f, 0.2f}, {0, 1, 1, 0, 1});
  for (bool shuffle : {false, true}) {
    Perceptron by_epoch(2, {.lr = 0.3, .shuffle = shuffle, .seed = 7});
    Perceptron by_step(2, {.lr = 0.3, .shuffle = shuffle, .seed = 7});
    for (int e = 0; e < 12; ++e) {
      by_epoch.epoch(d);
      for (int i = 0; i < d.size(); ++i) by_step.step(d);
    }
    EXPECT_EQ(by_step.weights(), by_epoch.weights());
    EXPECT_EQ(by_step.bias(), by_epoch.bias());
    EXPECT_EQ(by_step.mistakes_per_epoch(), by_epoch.mistakes_per_epoch());
    EXPECT_EQ(by_step.cycle_length(), by_epoch.cycle_length());
  }
  // An epoch called halfway finishes the epoch under way.
  Perceptron p(2, {});
  p.step(d);
  p.step(d);
  p.epoch(d);
  EXPECT_EQ(p.epochs(), 1);
  EXPECT_EQ(p.position(), 0);
}

TEST(Perceptron, OnGridPointsXorIsCaughtCyclingWhileBlobsConverge) {
  Pcg32 rng(1);
  const Dataset xor_points = snap_to_grid(make_xor(40, 0.0, rng), 0.5);
  for (float v : xor_points.x) EXPECT_EQ(v * 2.0f, std::round(v * 2.0f));
  Perceptron p(2, {});
  while (!p.converged() && !p.cycling() && p.epochs() < 500) p.epoch(xor_points);
  EXPECT_TRUE(p.cycling());
  EXPECT_GT(p.cycle_length(), 0);
  for (int m : p.mistakes_per_epoch()) EXPECT_GT(m, 0);
  const Dataset blobs = snap_to_grid(make_blobs(40, 0.0, 2, rng), 0.5);
  Perceptron q(2, {});
  while (!q.converged() && q.epochs() < 500) q.epoch(blobs);
  EXPECT_TRUE(q.converged());
  EXPECT_THROW(snap_to_grid(blobs, 0.0), Error);
}

TEST(Perceptron, RefusesBadInput) {
  EXPECT_THROW(Perceptron(0, {}), Error);
  EXPECT_THROW(Perceptron(2, {.lr = -1.0}), Error);
  Perceptron p(3, {});
  EXPECT_THROW(p.epoch(points({0, 0}, {1})), Error);  // 2 features, not 3
  Perceptron q(2, {});
  EXPECT_THROW(q.step(points({}, {})), Error);  // no samples
}

}  // namespace
}  // namespace nnp
