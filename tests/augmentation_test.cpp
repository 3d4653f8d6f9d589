// Mixup's Beta sampler and what mixup and jitter do to a batch.
#include "nnp/augmentation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace nnp {
namespace {

struct Moments {
  double mean = 0.0, variance = 0.0;
};
template <class Draw>
Moments moments(int n, Draw draw) {
  double sum = 0.0, sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double v = draw();
    sum += v;
    sum_sq += v * v;
  }
  const double mean = sum / n;
  return {mean, sum_sq / n - mean * mean};
}

TEST(Augmentation, GammaHasMeanAndVarianceA) {
  for (double a : {0.3, 1.0, 2.5}) {
    Pcg32 rng(11);
    const Moments m = moments(40000, [&] { return gamma_sample(a, rng); });
    EXPECT_NEAR(m.mean, a, 0.03 * std::max(a, 1.0)) << a;
    EXPECT_NEAR(m.variance, a, 0.08 * std::max(a, 1.0)) << a;
  }
}

TEST(Augmentation, BetaHasMeanAOverAPlusB) {
  // Beta(a, b): mean a/(a + b), variance ab / ((a + b)²(a + b + 1)).
  for (const std::pair<double, double> ab : {std::pair{0.4, 0.4}, {2.0, 5.0}, {0.5, 3.0}, {1.0, 1.0}}) {
    const double a = ab.first, b = ab.second;  // named, not bound: clang 14 cannot capture a binding
    Pcg32 rng(5);
    const Moments m = moments(40000, [&] {
      const double x = beta_sample(a, b, rng);
      EXPECT_TRUE(x >= 0.0 && x <= 1.0);
      return x;
    });
    EXPECT_NEAR(m.mean, a / (a + b), 0.006) << a << ", " << b;
    EXPECT_NEAR(m.variance, a * b / ((a + b) * (a + b) * (a + b + 1)), 0.004) << a << ", " << b;
  }
}

// Rows x_i = e_i (one-hot in n features), so a mixed row shows λ and the partner it mixed with.
TEST(Augmentation, MixupMixesEachRowWithAPartnerByOneLambda) {
  const int n = 8, classes = 3;
  Augmentation aug({.mixup = 0.4f}, 3, {.rows = n, .features = n, .targets = 1, .soft_classes = classes});
  ASSERT_EQ(aug.target_columns(), classes);
  for (int batch = 0; batch < 20; ++batch) {
    std::vector<float> x(n * n, 0.0f), y(n * classes, 0.0f);
    for (int i = 0; i < n; ++i) {
      x[static_cast<std::size_t>(i) * n + i] = 1.0f;
      y[static_cast<std::size_t>(i)] = static_cast<float>(i % classes);  // class indices
    }
    ASSERT_EQ(aug.apply(x.data(), y.data(), n), classes);  // now probability rows
    float lambda = -1.0f;
    std::vector<int> partners;
    for (int i = 0; i < n; ++i) {
      const float* row = x.data() + static_cast<std::size_t>(i) * n;
      int partner = i;
      for (int j = 0; j < n; ++j)
        if (j != i && row[j] != 0.0f) partner = j;
      partners.push_back(partner);
      const float own = row[i], other = partner == i ? 0.0f : row[partner];
      if (partner != i) {
        if (lambda < 0.0f) lambda = own;
        EXPECT_EQ(own, lambda);  // one λ for the whole batch
        EXPECT_EQ(other, 1.0f - lambda);
      }
      const float* p = y.data() + static_cast<std::size_t>(i) * classes;
      EXPECT_NEAR(p[0] + p[1] + p[2], 1.0f, 1e-6f);
      const float expected_own = partner == i ? 1.0f : (i % classes == partner % classes ? 1.0f : own);
      EXPECT_NEAR(p[i % classes], expected_own, 1e-6f);
    }
    std::sort(partners.begin(), partners.end());
    for (int i = 0; i < n; ++i) EXPECT_EQ(partners[static_cast<std::size_t>(i)], i);  // a shuffle of the batch
  }
}

TEST(Augmentation, MixupMixesValueTargetsAsTheyAre) {
  Augmentation aug({.mixup = 1.0f}, 9, {.rows = 4, .features = 1, .targets = 1});
  std::vector<float> x = {0.0f, 1.0f, 2.0f, 3.0f}, y = {0.0f, 10.0f, 20.0f, 30.0f};
  ASSERT_EQ(aug.apply(x.data(), y.data(), 4), 1);
  for (int i = 0; i < 4; ++i)
    EXPECT_NEAR(y[static_cast<std::size_t>(i)], 10.0f * x[static_cast<std::size_t>(i)], 1e-4f);
}

TEST(Augmentation, JitterAddsGaussianNoiseOfSigmaToTheInputsOnly) {
  const int n = 1000, features = 4;
  Augmentation aug({.jitter = 0.3f}, 1, {.rows = n, .features = features, .targets = 1});
  std::vector<float> x(n * features, 2.0f), y(n, 1.0f);
  ASSERT_EQ(aug.apply(x.data(), y.data(), n), 1);
  std::size_t i = 0;
  const Moments m = moments(n * features, [&] { return x[i++] - 2.0; });
  EXPECT_NEAR(m.mean, 0.0, 0.03);
  EXPECT_NEAR(std::sqrt(m.variance), 0.3, 0.02);
  EXPECT_EQ(y, std::vector<float>(n, 1.0f));
}

}  // namespace
}  // namespace nnp
