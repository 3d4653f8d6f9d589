#include "nnp/perceptron.h"

#include <gtest/gtest.h>

#include "nnp/error.h"

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

TEST(Perceptron, RefusesBadInput) {
  EXPECT_THROW(Perceptron(0, {}), Error);
  EXPECT_THROW(Perceptron(2, {.lr = -1.0}), Error);
  Perceptron p(3, {});
  EXPECT_THROW(p.epoch(points({0, 0}, {1})), Error);  // 2 features, not 3
}

}  // namespace
}  // namespace nnp
