#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "nnp/data.h"
#include "nnp/generators.h"
#include "nnp/error.h"

namespace nnp {
namespace {

TEST(Circle, ShapeBalanceAndRadiiFollowTensorFlowPlayground) {
  Pcg32 rng(1);
  Dataset d = make_circle(500, 0.0, rng);
  ASSERT_EQ(d.size(), 500);
  ASSERT_EQ(d.features, 2);
  int positives = 0;
  for (int i = 0; i < d.size(); ++i) {
    const double r = std::hypot(d.x[2 * i], d.x[2 * i + 1]);
    if (d.y[i] == 1.0f) {
      ++positives;
      EXPECT_LT(r, 2.5 + 1e-6);
    } else {
      EXPECT_EQ(d.y[i], 0.0f);
      EXPECT_GE(r, 3.5 - 1e-6);
      EXPECT_LE(r, 5.0 + 1e-6);
    }
  }
  EXPECT_EQ(positives, 250);
}

TEST(Circle, NoiseFlipsLabelsWithoutMovingPoints) {
  Pcg32 rng(2);
  Dataset d = make_circle(2000, 0.5, rng);
  int flipped = 0;
  for (int i = 0; i < d.size(); ++i) {
    const double r = std::hypot(d.x[2 * i], d.x[2 * i + 1]);
    EXPECT_TRUE(r < 2.5 + 1e-6 || (r >= 3.5 - 1e-6 && r <= 5.0 + 1e-6));  // clean positions
    flipped += (r < 3.0) != (d.y[i] == 1.0f) ? 1 : 0;
  }
  EXPECT_GT(flipped, 100);
}

TEST(MakeData, SameSeedSameDataAndDisjointSplit) {
  DataSpec spec{.name = "circle", .samples = 500, .noise = 0.1, .train_fraction = 0.6};
  Pcg32 r1(9), r2(9), r3(10);
  Split a = make_data(spec, r1), b = make_data(spec, r2), c = make_data(spec, r3);
  EXPECT_EQ(a.train.x, b.train.x);
  EXPECT_EQ(a.test.y, b.test.y);
  EXPECT_NE(a.train.x, c.train.x);
  EXPECT_EQ(a.train.size(), 300);
  EXPECT_EQ(a.test.size(), 200);
  std::set<std::pair<float, float>> train;
  for (int i = 0; i < a.train.size(); ++i) train.insert({a.train.x[2 * i], a.train.x[2 * i + 1]});
  for (int i = 0; i < a.test.size(); ++i) EXPECT_EQ(train.count({a.test.x[2 * i], a.test.x[2 * i + 1]}), 0u);
}

TEST(MakeData, RejectsBadSpecsNamingTheField) {
  Pcg32 rng(1);
  auto message = [&](DataSpec s) {
    try {
      make_data(s, rng);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message({.name = "spirall"}).find("data.name: unknown dataset 'spirall'; accepted: circle"), std::string::npos);
  EXPECT_NE(message({.samples = 1}).find("data.samples"), std::string::npos);
  EXPECT_NE(message({.noise = -0.1}).find("data.noise"), std::string::npos);
  EXPECT_NE(message({.train_fraction = 1.0}).find("data.trainFraction"), std::string::npos);
  EXPECT_NE(message({.noise = std::nan("")}).find("data.noise"), std::string::npos);
}

}  // namespace
}  // namespace nnp
