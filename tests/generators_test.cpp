#include "nnp/generators.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "nnp/error.h"

namespace nnp {
namespace {

constexpr double kPi = 3.141592653589793;

const std::vector<std::string> kPageOrder = {"circle",  "xor",          "gauss", "spiral",     "moons", "blobs",
                                             "spirals", "checkerboard", "plane", "multigauss", "sine",  "polynomial"};

Dataset gen(const std::string& name, int samples, double noise, int classes = 2, std::uint64_t seed = 1) {
  Pcg32 rng(seed);
  return generate({.name = name, .samples = samples, .noise = noise, .classes = classes}, rng);
}

// The class counts a generator can be asked for: blobs 2 … 6, spirals 2 … 5, the others their own.
std::vector<int> class_options(const GeneratorInfo& g) {
  std::vector<int> ks;
  for (int k = std::max(g.min_classes, 2); k <= std::max(g.max_classes, 2); ++k) ks.push_back(k);
  return ks;
}

std::vector<int> class_counts(const Dataset& d) {
  std::vector<int> counts(static_cast<std::size_t>(d.classes), 0);
  for (float v : d.y) ++counts.at(static_cast<std::size_t>(v));
  return counts;
}

double mean(const std::vector<double>& v) {
  double s = 0;
  for (double e : v) s += e;
  return s / static_cast<double>(v.size());
}

double stddev(const std::vector<double>& v) {
  const double m = mean(v);
  double s = 0;
  for (double e : v) s += (e - m) * (e - m);
  return std::sqrt(s / static_cast<double>(v.size()));
}

double px(const Dataset& d, int i) { return d.x[static_cast<std::size_t>(d.features) * i]; }
double py(const Dataset& d, int i) { return d.x[static_cast<std::size_t>(d.features) * i + 1]; }
double label(const Dataset& d, int i) { return d.y[static_cast<std::size_t>(i)]; }

// ---------------------------------------------------------------------------------------------
// Catalogue

TEST(Generators, CatalogueListsEveryGeneratorInPageOrder) {
  std::vector<std::string> names;
  for (const GeneratorInfo& g : generators()) {
    names.emplace_back(g.name);
    EXPECT_FALSE(g.description.empty()) << g.name;
    const bool one_d = g.name == "sine" || g.name == "polynomial";
    EXPECT_EQ(g.features, one_d ? 1 : 2) << g.name;
    const bool regression = g.name == "plane" || g.name == "multigauss" || one_d;
    EXPECT_EQ(g.task, regression ? Task::Regression : Task::Classification) << g.name;
    const int max = g.name == "blobs" ? 6 : g.name == "spirals" ? 5 : 2;
    EXPECT_EQ(g.min_classes, regression ? 0 : 2) << g.name;
    EXPECT_EQ(g.max_classes, regression ? 0 : max) << g.name;
  }
  EXPECT_EQ(names, kPageOrder);
}

TEST(Generators, FindGeneratorByExactName) {
  const GeneratorInfo* g = find_generator("spirals");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->name, "spirals");
  EXPECT_EQ(g->max_classes, 5);
  EXPECT_EQ(find_generator("polynomial"), &generators().back());
  EXPECT_EQ(find_generator("Spirals"), nullptr);
  EXPECT_EQ(find_generator("spiral "), nullptr);
  EXPECT_EQ(find_generator(""), nullptr);
}

// ---------------------------------------------------------------------------------------------
// Every generator

class EveryGenerator : public ::testing::TestWithParam<std::string> {
 protected:
  const GeneratorInfo& info() const { return *find_generator(GetParam()); }
};

TEST_P(EveryGenerator, ShapeLabelsAndRange) {
  const GeneratorInfo& g = info();
  for (int samples : {2, 3, 10, 501})
    for (double noise : {0.0, 0.3, 1.0})
      for (int k : class_options(g)) {
        SCOPED_TRACE(testing::Message() << samples << " samples, noise " << noise << ", classes " << k);
        const Dataset d = gen(std::string(g.name), samples, noise, k);
        ASSERT_EQ(d.size(), samples);
        EXPECT_EQ(d.features, g.features);
        EXPECT_EQ(d.targets, 1);
        EXPECT_EQ(d.classes, g.task == Task::Regression ? 0 : k);
        ASSERT_EQ(d.x.size(), static_cast<std::size_t>(samples * g.features));
        ASSERT_EQ(d.y.size(), static_cast<std::size_t>(samples));
        for (float v : d.x) {
          ASSERT_TRUE(std::isfinite(v));
          if (noise == 0.0) {
            ASSERT_LE(std::abs(v), 6.0f);  // TF Playground's plane
          }
        }
        for (float v : d.y) {
          ASSERT_TRUE(std::isfinite(v));
          if (g.task == Task::Classification) {
            ASSERT_EQ(v, std::floor(v));
            ASSERT_GE(v, 0.0f);
            ASSERT_LT(v, static_cast<float>(k));
          }
        }
      }
}

TEST_P(EveryGenerator, SameSeedSameDataOtherSeedOtherData) {
  for (int k : class_options(info())) {
    const Dataset a = gen(GetParam(), 300, 0.2, k, 5), b = gen(GetParam(), 300, 0.2, k, 5);
    const Dataset c = gen(GetParam(), 300, 0.2, k, 6);
    EXPECT_EQ(a.x, b.x);
    EXPECT_EQ(a.y, b.y);
    EXPECT_NE(a.x, c.x);
    if (info().task == Task::Regression) {
      EXPECT_NE(a.y, c.y);
    }
  }
}

// generate() must reach the generator the name says, with the classes it was given.
TEST_P(EveryGenerator, GenerateCallsTheNamedMakeFunction) {
  using Make = std::function<Dataset(int, double, int, Pcg32&)>;
  const std::vector<std::pair<std::string, Make>> makes = {
      {"circle", [](int n, double e, int, Pcg32& r) { return make_circle(n, e, r); }},
      {"xor", [](int n, double e, int, Pcg32& r) { return make_xor(n, e, r); }},
      {"gauss", [](int n, double e, int, Pcg32& r) { return make_gauss(n, e, r); }},
      {"spiral", [](int n, double e, int, Pcg32& r) { return make_spiral(n, e, r); }},
      {"moons", [](int n, double e, int, Pcg32& r) { return make_moons(n, e, r); }},
      {"blobs", [](int n, double e, int k, Pcg32& r) { return make_blobs(n, e, k, r); }},
      {"spirals", [](int n, double e, int k, Pcg32& r) { return make_spirals(n, e, k, r); }},
      {"checkerboard", [](int n, double e, int, Pcg32& r) { return make_checkerboard(n, e, r); }},
      {"plane", [](int n, double e, int, Pcg32& r) { return make_plane(n, e, r); }},
      {"multigauss", [](int n, double e, int, Pcg32& r) { return make_multigauss(n, e, r); }},
      {"sine", [](int n, double e, int, Pcg32& r) { return make_sine(n, e, r); }},
      {"polynomial", [](int n, double e, int, Pcg32& r) { return make_polynomial(n, e, r); }},
  };
  const auto it = std::find_if(makes.begin(), makes.end(), [&](const auto& m) { return m.first == GetParam(); });
  ASSERT_NE(it, makes.end());
  for (int k : class_options(info())) {
    Pcg32 rng(21);
    const Dataset expected = it->second(257, 0.25, k, rng);
    const Dataset d = gen(GetParam(), 257, 0.25, k, 21);
    EXPECT_EQ(d.x, expected.x) << k;
    EXPECT_EQ(d.y, expected.y) << k;
    EXPECT_EQ(d.classes, expected.classes);
  }
}

INSTANTIATE_TEST_SUITE_P(Generators, EveryGenerator, ::testing::ValuesIn(kPageOrder),
                         [](const auto& p) { return p.param; });

// The generators that draw a fixed number of points per class: balanced to within one point at
// every count. Where noise only moves points (not circle's or checkerboard's labels) at every noise.
class BalancedGenerator : public ::testing::TestWithParam<std::string> {};

TEST_P(BalancedGenerator, ClassCountsDifferByAtMostOne) {
  const GeneratorInfo& g = *find_generator(GetParam());
  const bool label_noise = GetParam() == "circle" || GetParam() == "checkerboard";
  for (int samples : {2, 7, 500, 501, 997})
    for (double noise : {0.0, 0.7})
      for (int k : class_options(g)) {
        if (label_noise && noise > 0) continue;
        const std::vector<int> counts = class_counts(gen(GetParam(), samples, noise, k));
        const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
        EXPECT_LE(*hi - *lo, 1) << samples << " samples, noise " << noise << ", classes " << k;
      }
}

INSTANTIATE_TEST_SUITE_P(Generators, BalancedGenerator,
                         ::testing::Values("circle", "gauss", "spiral", "moons", "blobs", "spirals", "checkerboard"),
                         [](const auto& p) { return p.param; });

// ---------------------------------------------------------------------------------------------
// Label noise (circle, xor, checkerboard): the label is read at a noisy copy, the point stored clean.

TEST(Generators, LabelNoiseFlipsLabelsWithoutMovingPoints) {
  for (const char* name : {"circle", "xor", "checkerboard"}) {
    SCOPED_TRACE(name);
    const Dataset clean = gen(name, 2000, 0.0, 2, 3), noisy = gen(name, 2000, 0.5, 2, 3);
    EXPECT_EQ(clean.x, noisy.x);
    int flipped = 0;
    for (int i = 0; i < clean.size(); ++i) flipped += label(clean, i) != label(noisy, i) ? 1 : 0;
    EXPECT_GT(flipped, 100);
    EXPECT_LT(flipped, 1000);
  }
}

// gauss, spiral, moons, blobs, spirals: noise moves the points and never touches the labels.
TEST(Generators, PositionNoiseMovesPointsNotLabels) {
  for (const char* name : {"gauss", "spiral", "moons", "blobs", "spirals"}) {
    SCOPED_TRACE(name);
    const Dataset clean = gen(name, 600, 0.0, 3, 3), noisy = gen(name, 600, 0.5, 3, 3);
    EXPECT_EQ(clean.y, noisy.y);
    int moved = 0;
    for (std::size_t i = 0; i < clean.x.size(); ++i) moved += clean.x[i] != noisy.x[i] ? 1 : 0;
    EXPECT_EQ(moved, static_cast<int>(clean.x.size()));
  }
}

// TF's loops run to numSamples / 2 per class; we keep TF's sequence and leave off its last point.
TEST(Generators, OddCountsKeepTensorFlowsSequenceAndGiveTheFirstClassTheExtraPoint) {
  for (const char* name : {"circle", "gauss"}) {
    SCOPED_TRACE(name);
    const Dataset even = gen(name, 500, 0.2), odd = gen(name, 501, 0.2);
    ASSERT_EQ(odd.size(), 501);
    // The first class (TF's +1) is drawn first: 251 points, the first 250 of them TF's.
    EXPECT_TRUE(std::equal(even.x.begin(), even.x.begin() + 500, odd.x.begin()));
    const Dataset clean = gen(name, 501, 0.0);
    for (int i = 0; i < 501; ++i) ASSERT_EQ(label(clean, i), i < 251 ? 1.0f : 0.0f) << i;
  }
}

// ---------------------------------------------------------------------------------------------
// TensorFlow Playground, generator by generator

// classifyCircleData's draws, point by point: radius, angle, then the label's two noise offsets.
TEST(Generators, CircleFollowsTensorFlowsDraws) {
  const double noise = 0.3;
  Pcg32 ref(10);
  const Dataset d = gen("circle", 301, noise, 2, 10);
  for (int i = 0; i < d.size(); ++i) {
    const bool inside = i < 151;
    const double r = inside ? ref.uniform(0, 2.5) : ref.uniform(3.5, 5);
    const double angle = ref.uniform(0, 2 * kPi);
    const double x = r * std::sin(angle), y = r * std::cos(angle);
    const double nx = x + ref.uniform(-5, 5) * noise, ny = y + ref.uniform(-5, 5) * noise;
    ASSERT_EQ(d.x[2 * i], static_cast<float>(x)) << i;
    ASSERT_EQ(d.x[2 * i + 1], static_cast<float>(y)) << i;
    ASSERT_EQ(label(d, i), std::sqrt(nx * nx + ny * ny) < 2.5 ? 1.0f : 0.0f) << i;
  }
}

TEST(Generators, XorPaddedAwayFromTheAxesAndLabelledBySign) {
  const Dataset d = gen("xor", 4000, 0.0);
  double min_abs = 10;
  int quadrants[4] = {0, 0, 0, 0};
  for (int i = 0; i < d.size(); ++i) {
    const double x = px(d, i), y = py(d, i);
    min_abs = std::min({min_abs, std::abs(x), std::abs(y)});
    ASSERT_LE(std::abs(x), 5.3 + 1e-6);
    ASSERT_LE(std::abs(y), 5.3 + 1e-6);
    ASSERT_EQ(label(d, i), x * y >= 0 ? 1.0f : 0.0f) << x << ", " << y;
    ++quadrants[(x > 0 ? 1 : 0) + (y > 0 ? 2 : 0)];
  }
  EXPECT_GE(min_abs, 0.3 - 1e-6);
  EXPECT_LT(min_abs, 0.32);  // the padding is 0.3, not more
  for (int q : quadrants) EXPECT_GT(q, 800);
}

// xor's labels follow uniform positions (TF's draws), so its balance holds only in expectation.
TEST(Generators, XorBalancedInExpectation) {
  const std::vector<int> counts = class_counts(gen("xor", 10000, 0.0, 2, 8));
  EXPECT_LT(std::abs(counts[1] - 5000), 200);  // 4 standard deviations
}

TEST(Generators, XorFollowsTensorFlowsDrawsAndNoiseRule) {
  const double noise = 0.35;
  Pcg32 ref(11);
  const Dataset d = gen("xor", 300, noise, 2, 11);
  for (int i = 0; i < d.size(); ++i) {
    double x = ref.uniform(-5, 5);
    x += x > 0 ? 0.3 : -0.3;
    double y = ref.uniform(-5, 5);
    y += y > 0 ? 0.3 : -0.3;
    const double nx = ref.uniform(-5, 5) * noise;
    const double ny = ref.uniform(-5, 5) * noise;
    ASSERT_EQ(d.x[2 * i], static_cast<float>(x)) << i;
    ASSERT_EQ(d.x[2 * i + 1], static_cast<float>(y)) << i;
    ASSERT_EQ(label(d, i), (x + nx) * (y + ny) >= 0 ? 1.0f : 0.0f) << i;
  }
}

TEST(Generators, GaussMeansAtPlusMinusTwoAndSpreadGrowingWithNoise) {
  for (double noise : {0.0, 0.25, 0.5}) {
    SCOPED_TRACE(noise);
    const double expected_std = std::sqrt(0.5 + 7 * noise);  // variance 0.5 → 4 over noise 0 → 0.5
    const Dataset d = gen("gauss", 20000, noise);
    std::vector<double> coords[2];
    for (int i = 0; i < d.size(); ++i) {
      const auto c = static_cast<std::size_t>(label(d, i));
      coords[c].push_back(px(d, i));
      coords[c].push_back(py(d, i));
    }
    EXPECT_NEAR(mean(coords[1]), 2.0, 0.05);
    EXPECT_NEAR(mean(coords[0]), -2.0, 0.05);
    EXPECT_NEAR(stddev(coords[1]), expected_std, 0.03 * expected_std);
    EXPECT_NEAR(stddev(coords[0]), expected_std, 0.03 * expected_std);
  }
}

// TF draws the same uniforms at every noise level, so noise rescales each point's offset from its
// centre by sqrt(variance / 0.5), with variance = 0.5 + 7·noise (d3's linear scale, unclamped).
TEST(Generators, GaussNoiseScalesOffsetsBySqrtOfTheVariance) {
  const Dataset base = gen("gauss", 400, 0.0, 2, 4);
  for (double noise : {0.5, 1.0}) {
    const Dataset d = gen("gauss", 400, noise, 2, 4);
    const double ratio = std::sqrt((0.5 + 7 * noise) / 0.5);
    for (int i = 0; i < d.size(); ++i) {
      const double c = label(d, i) == 1.0f ? 2.0 : -2.0;
      ASSERT_NEAR(px(d, i) - c, ratio * (px(base, i) - c), 1e-5 * ratio * 8) << noise << " " << i;
      ASSERT_NEAR(py(d, i) - c, ratio * (py(base, i) - c), 1e-5 * ratio * 8) << noise << " " << i;
    }
  }
}

// normalRandom(mean, variance): Marsaglia's polar method, v1 kept, sqrt(variance) as the scale.
TEST(Generators, GaussFollowsTensorFlowsNormalRandom) {
  const double noise = 0.1, variance = 0.5 + 3.5 * (noise / 0.5);
  Pcg32 ref(12);
  auto normal_random = [&](double m) {
    double v1, v2, s;
    do {
      v1 = 2 * ref.uniform() - 1;
      v2 = 2 * ref.uniform() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s > 1);
    return m + std::sqrt(variance) * (std::sqrt(-2 * std::log(s) / s) * v1);
  };
  const Dataset d = gen("gauss", 200, noise, 2, 12);
  for (int i = 0; i < d.size(); ++i) {
    const double c = i < 100 ? 2.0 : -2.0;
    const double x = normal_random(c), y = normal_random(c);
    ASSERT_EQ(d.x[2 * i], static_cast<float>(x)) << i;
    ASSERT_EQ(d.x[2 * i + 1], static_cast<float>(y)) << i;
  }
}

TEST(Generators, SpiralTwoArmsOnTensorFlowsCurve) {
  for (int samples : {500, 501}) {
    SCOPED_TRACE(samples);
    const Dataset d = gen("spiral", samples, 0.0);
    const double n = samples / 2.0;
    const int first = (samples + 1) / 2;
    for (int j = 0; j < samples; ++j) {
      const bool arm0 = j < first;
      const int i = arm0 ? j : j - first;
      const double r = 5.0 * i / n, t = 1.75 * 2 * kPi * i / n + (arm0 ? 0.0 : kPi);
      ASSERT_EQ(label(d, j), arm0 ? 1.0f : 0.0f) << j;
      ASSERT_NEAR(px(d, j), r * std::sin(t), 1e-5) << j;
      ASSERT_NEAR(py(d, j), r * std::cos(t), 1e-5) << j;
      ASSERT_LT(std::hypot(px(d, j), py(d, j)), 5.0);
      // The second arm is the first turned by π.
      if (!arm0) {
        ASSERT_NEAR(px(d, j), -px(d, i), 1e-5);
        ASSERT_NEAR(py(d, j), -py(d, i), 1e-5);
      }
    }
    EXPECT_GT(std::hypot(px(d, first - 1), py(d, first - 1)), 4.95);  // arms reach out to radius 5
  }
}

// classifySpiralData's draws: the x offset, then the y offset, U(−1, 1)·noise each.
TEST(Generators, SpiralFollowsTensorFlowsDraws) {
  const double noise = 0.3;
  Pcg32 ref(15);
  const Dataset d = gen("spiral", 201, noise, 2, 15);
  const double n = 100.5;
  for (int j = 0; j < d.size(); ++j) {
    const int i = j < 101 ? j : j - 101;
    const double r = i / n * 5;
    const double t = 1.75 * i / n * 2 * kPi + (j < 101 ? 0.0 : kPi);
    const double x = r * std::sin(t) + ref.uniform(-1, 1) * noise;
    const double y = r * std::cos(t) + ref.uniform(-1, 1) * noise;
    ASSERT_EQ(d.x[2 * j], static_cast<float>(x)) << j;
    ASSERT_EQ(d.x[2 * j + 1], static_cast<float>(y)) << j;
  }
}

TEST(Generators, SpiralNoiseMovesEachCoordinateByAtMostNoise) {
  const Dataset clean = gen("spiral", 1000, 0.0, 2, 9), noisy = gen("spiral", 1000, 0.4, 2, 9);
  double largest = 0;
  for (std::size_t i = 0; i < clean.x.size(); ++i)
    largest = std::max(largest, std::abs(double{noisy.x[i]} - clean.x[i]));
  EXPECT_LE(largest, 0.4 + 1e-5);
  EXPECT_GT(largest, 0.39);
}

TEST(Generators, PlaneLabelIsTheSumOverTenAtNoiseZero) {
  const Dataset d = gen("plane", 3000, 0.0);
  double largest = 0;
  for (int i = 0; i < d.size(); ++i) {
    ASSERT_NEAR(label(d, i), (px(d, i) + py(d, i)) / 10, 1e-6) << i;
    largest = std::max(largest, std::abs(label(d, i)));
  }
  EXPECT_LE(largest, 1.2 + 1e-6);
  EXPECT_GT(largest, 1.1);  // not clamped to ±1
}

TEST(Generators, PlaneFollowsTensorFlowsDrawsAndNoisyLabel) {
  const double noise = 0.3;
  Pcg32 ref(13);
  const Dataset d = gen("plane", 300, noise, 2, 13);
  for (int i = 0; i < d.size(); ++i) {
    const double x = ref.uniform(-6, 6), y = ref.uniform(-6, 6);
    const double nx = ref.uniform(-6, 6) * noise, ny = ref.uniform(-6, 6) * noise;
    ASSERT_EQ(d.x[2 * i], static_cast<float>(x)) << i;
    ASSERT_EQ(d.x[2 * i + 1], static_cast<float>(y)) << i;
    ASSERT_EQ(label(d, i), static_cast<float>(((x + nx) + (y + ny)) / 10)) << i;
  }
}

// An independent reading of TF's regressGaussian label: the strongest of six cones.
double multigauss_label(double x, double y) {
  const double bumps[6][3] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  double best = 0;
  for (const auto& b : bumps) {
    const double v = b[2] * std::clamp(1 - std::hypot(x - b[0], y - b[1]) / 2, 0.0, 1.0);
    if (std::abs(v) > std::abs(best)) best = v;
  }
  return best;
}

TEST(Generators, MultigaussValueIsTheStrongestBump) {
  const Dataset d = gen("multigauss", 4000, 0.0);
  int near_centre = 0, far = 0;
  double largest = 0;
  for (int i = 0; i < d.size(); ++i) {
    const double x = px(d, i), y = py(d, i), v = label(d, i);
    ASSERT_NEAR(v, multigauss_label(x, y), 1e-5) << x << ", " << y;
    ASSERT_LE(std::abs(v), 1.0);
    largest = std::max(largest, std::abs(v));
    // Within 0.25 of a centre: at least 1 − 0.25/2 with the bump's sign.
    if (std::hypot(x + 4, y - 2.5) < 0.25 || std::hypot(x, y + 2.5) < 0.25) {
      ++near_centre;
      EXPECT_GE(v, 0.875 - 1e-6);
    }
    if (std::hypot(x, y - 2.5) < 0.25 || std::hypot(x - 4, y + 2.5) < 0.25) {
      ++near_centre;
      EXPECT_LE(v, -0.875 + 1e-6);
    }
    // Two or more from every centre (the bands |y| > 4.5 and |y| < 0.5): exactly 0.
    const bool outside = std::abs(y) > 4.5 || std::abs(y) < 0.5;
    if (outside) {
      ++far;
      EXPECT_EQ(v, 0.0f);
    }
  }
  EXPECT_GT(near_centre, 5);
  EXPECT_GT(far, 200);
  EXPECT_GT(largest, 0.95);
}

TEST(Generators, MultigaussLabelIsReadAtTheNoisyCopy) {
  const double noise = 0.4;
  Pcg32 ref(14);
  const Dataset d = gen("multigauss", 500, noise, 2, 14);
  int moved = 0;
  for (int i = 0; i < d.size(); ++i) {
    const double x = ref.uniform(-6, 6), y = ref.uniform(-6, 6);
    const double nx = ref.uniform(-6, 6) * noise, ny = ref.uniform(-6, 6) * noise;
    ASSERT_EQ(d.x[2 * i], static_cast<float>(x)) << i;
    ASSERT_NEAR(label(d, i), multigauss_label(x + nx, y + ny), 1e-6) << i;
    moved += std::abs(label(d, i) - multigauss_label(x, y)) > 0.05 ? 1 : 0;
  }
  EXPECT_GT(moved, 50);
}

// ---------------------------------------------------------------------------------------------
// Beyond TF Playground

// Unscaled, class 0 lies on the upper unit half circle, class 1 on the lower one centred (1, 0.5).
TEST(Generators, MoonsTwoInterleavingHalfCirclesFillingMinusFiveToFive) {
  const Dataset d = gen("moons", 2000, 0.0);
  double min_x = 0, max_x = 0;
  for (int i = 0; i < d.size(); ++i) {
    const double u = px(d, i) * 0.3 + 0.5, v = py(d, i) * 0.3 + 0.25;
    min_x = std::min(min_x, px(d, i));
    max_x = std::max(max_x, px(d, i));
    ASSERT_LE(std::abs(py(d, i)), 2.5 + 1e-5);
    if (label(d, i) == 0.0f) {
      ASSERT_NEAR(std::hypot(u, v), 1.0, 1e-5) << i;
      ASSERT_GE(v, -1e-6);
    } else {
      ASSERT_NEAR(std::hypot(u - 1, v - 0.5), 1.0, 1e-5) << i;
      ASSERT_LE(v, 0.5 + 1e-6);
    }
  }
  EXPECT_LT(min_x, -4.9);
  EXPECT_GT(max_x, 4.9);
  const std::vector<int> counts = class_counts(gen("moons", 501, 0.0));
  EXPECT_EQ(counts[0], 250);  // sklearn: n // 2 outer, the rest inner
  EXPECT_EQ(counts[1], 251);
}

TEST(Generators, MoonsNoiseIsGaussianWithStdTwiceNoise) {
  const Dataset clean = gen("moons", 4000, 0.0, 2, 5), noisy = gen("moons", 4000, 0.3, 2, 5);
  const Dataset noisier = gen("moons", 4000, 0.6, 2, 5);
  std::vector<double> offsets;
  for (std::size_t i = 0; i < clean.x.size(); ++i) {
    offsets.push_back(double{noisy.x[i]} - clean.x[i]);
    ASSERT_NEAR(double{noisier.x[i]} - clean.x[i], 2 * offsets.back(), 1e-5);
  }
  EXPECT_NEAR(mean(offsets), 0.0, 0.02);
  EXPECT_NEAR(stddev(offsets), 0.6, 0.03);
}

TEST(Generators, BlobsClustersAroundACircleOfRadiusThreeAndAHalf) {
  for (int k = 2; k <= 6; ++k) {
    SCOPED_TRACE(k);
    const Dataset d = gen("blobs", 1000 * k + 1, 0.0, k);
    std::vector<std::vector<double>> xs(static_cast<std::size_t>(k)), ys(static_cast<std::size_t>(k));
    for (int i = 0; i < d.size(); ++i) {
      xs[static_cast<std::size_t>(label(d, i))].push_back(px(d, i));
      ys[static_cast<std::size_t>(label(d, i))].push_back(py(d, i));
    }
    for (int c = 0; c < k; ++c) {
      const double angle = kPi / 4 + 2 * kPi * c / k;
      const auto s = static_cast<std::size_t>(c);
      EXPECT_NEAR(mean(xs[s]), 3.5 * std::cos(angle), 0.06) << c;
      EXPECT_NEAR(mean(ys[s]), 3.5 * std::sin(angle), 0.06) << c;
      EXPECT_NEAR(stddev(xs[s]), 0.5, 0.04) << c;
      EXPECT_NEAR(stddev(ys[s]), 0.5, 0.04) << c;
    }
  }
}

TEST(Generators, BlobsSpreadGrowsWithNoise) {
  // The same normal draws at every noise level: offsets scale by std(noise) / std(0) = (0.5 + 1.5·noise) / 0.5.
  const Dataset base = gen("blobs", 600, 0.0, 4, 2);
  double previous = 0;
  for (double noise : {0.0, 0.2, 0.5, 1.0}) {
    const Dataset d = gen("blobs", 600, noise, 4, 2);
    std::vector<double> offsets;
    for (int i = 0; i < d.size(); ++i) {
      const double angle = kPi / 4 + 2 * kPi * label(d, i) / 4;
      offsets.push_back(px(d, i) - 3.5 * std::cos(angle));
      const double expected = (px(base, i) - 3.5 * std::cos(angle)) * (0.5 + 1.5 * noise) / 0.5;
      ASSERT_NEAR(offsets.back(), expected, 1e-4) << noise << " " << i;
    }
    EXPECT_GT(stddev(offsets), previous);
    previous = stddev(offsets);
  }
}

TEST(Generators, SpiralsArmsAreTensorFlowsSpiralTurnedByTwoPiOverK) {
  for (int k = 2; k <= 5; ++k) {
    SCOPED_TRACE(k);
    const int samples = 100 * k + k - 1;  // uneven arms: the first k - 1 get one more point
    const Dataset d = gen("spirals", samples, 0.0, k);
    const double m = static_cast<double>(samples) / k;
    int j = 0;
    for (int a = 0; a < k; ++a) {
      const int count = samples / k + (a < samples % k ? 1 : 0);
      for (int i = 0; i < count; ++i, ++j) {
        const double r = 5.0 * i / m, t = 1.75 * 2 * kPi * i / m + 2 * kPi * a / k;
        ASSERT_EQ(label(d, j), static_cast<float>(a)) << j;
        ASSERT_NEAR(px(d, j), r * std::sin(t), 1e-5) << j;
        ASSERT_NEAR(py(d, j), r * std::cos(t), 1e-5) << j;
      }
    }
    EXPECT_EQ(j, samples);
  }
}

TEST(Generators, SpiralsTwoArmsAreTensorFlowsSpiralWithLabelsSwapped) {
  const Dataset two = gen("spirals", 400, 0.3, 2, 17), tf = gen("spiral", 400, 0.3, 2, 17);
  EXPECT_EQ(two.x, tf.x);
  for (int i = 0; i < two.size(); ++i) ASSERT_EQ(label(two, i), 1.0f - label(tf, i));
}

TEST(Generators, SpiralsNoiseMovesEachCoordinateByAtMostNoise) {
  const Dataset clean = gen("spirals", 1000, 0.0, 5, 9), noisy = gen("spirals", 1000, 0.4, 5, 9);
  double largest = 0;
  for (std::size_t i = 0; i < clean.x.size(); ++i)
    largest = std::max(largest, std::abs(double{noisy.x[i]} - clean.x[i]));
  EXPECT_LE(largest, 0.4 + 1e-5);
  EXPECT_GT(largest, 0.39);
}

TEST(Generators, CheckerboardSixteenSquaresUniformlyFilledAndLabelledByParity) {
  const Dataset d = gen("checkerboard", 4000, 0.0, 2, 2);
  int per_square[4][4] = {};
  for (int i = 0; i < d.size(); ++i) {
    const int col = static_cast<int>(std::floor((px(d, i) + 6) / 3));
    const int row = static_cast<int>(std::floor((py(d, i) + 6) / 3));
    ASSERT_TRUE(col >= 0 && col < 4 && row >= 0 && row < 4) << px(d, i) << ", " << py(d, i);
    ++per_square[col][row];
    ASSERT_EQ(label(d, i), (col + row) % 2 == 0 ? 1.0f : 0.0f) << px(d, i) << ", " << py(d, i);
  }
  for (const auto& column : per_square)
    for (int n : column) {
      EXPECT_GT(n, 250 - 75);
      EXPECT_LT(n, 250 + 75);
    }
  // [0, 3)² is class 1, as xor's first quadrant is.
  for (int i = 0; i < d.size(); ++i)
    if (px(d, i) > 0 && px(d, i) < 3 && py(d, i) > 0 && py(d, i) < 3) {
      EXPECT_EQ(label(d, i), 1.0f);
    }
}

// The offset is U(−3, 3)·noise, ±0.6 at noise 0.2: only labels within 0.6 of a line can flip.
TEST(Generators, CheckerboardNoiseFlipsOnlyLabelsWithinReachOfAnEdge) {
  const Dataset clean = gen("checkerboard", 4000, 0.0, 2, 6), noisy = gen("checkerboard", 4000, 0.2, 2, 6);
  int flipped = 0;
  for (int i = 0; i < clean.size(); ++i) {
    const double fx = std::fmod(px(clean, i) + 6, 3.0), fy = std::fmod(py(clean, i) + 6, 3.0);
    const double to_edge = std::min({fx, 3 - fx, fy, 3 - fy});
    if (label(clean, i) != label(noisy, i)) {
      ++flipped;
      ASSERT_LE(to_edge, 0.6 + 1e-6) << i;
    }
  }
  EXPECT_GT(flipped, 400);
}

// Draw by draw: a column, a row of the class's parity, the position in the square, the two offsets;
// the label is the colour of the square under the noisy copy, the board continuing past its edges.
TEST(Generators, CheckerboardLabelIsTheColourUnderTheNoisyCopy) {
  const double noise = 0.8;
  Pcg32 ref(16);
  const Dataset d = gen("checkerboard", 401, noise, 2, 16);
  int off_board = 0;
  for (int i = 0; i < d.size(); ++i) {
    const int c = i < 201 ? 1 : 0;
    const int col = static_cast<int>(ref.below(4));
    const int row = 2 * static_cast<int>(ref.below(2)) + (c == 1 ? col % 2 : 1 - col % 2);
    const double x = -6 + 3 * col + ref.uniform(0, 3), y = -6 + 3 * row + ref.uniform(0, 3);
    const double nx = x + ref.uniform(-3, 3) * noise, ny = y + ref.uniform(-3, 3) * noise;
    ASSERT_NEAR(d.x[2 * i], x, 1e-6) << i;
    ASSERT_NEAR(d.x[2 * i + 1], y, 1e-6) << i;
    const auto square = static_cast<long>(std::floor(nx / 3) + std::floor(ny / 3));
    ASSERT_EQ(label(d, i), square % 2 == 0 ? 1.0f : 0.0f) << nx << ", " << ny;
    off_board += std::abs(nx) > 6 || std::abs(ny) > 6 ? 1 : 0;
  }
  EXPECT_GT(off_board, 10);
}

TEST(Generators, SineSinOfXPlusGaussianNoise) {
  const Dataset clean = gen("sine", 4000, 0.0, 2, 3), noisy = gen("sine", 4000, 0.2, 2, 3);
  EXPECT_EQ(clean.x, noisy.x);
  std::vector<double> residuals;
  double lo = 0, hi = 0;
  for (int i = 0; i < clean.size(); ++i) {
    const double x = clean.x[static_cast<std::size_t>(i)];
    ASSERT_NEAR(label(clean, i), std::sin(x), 1e-6) << x;
    lo = std::min(lo, label(clean, i));
    hi = std::max(hi, label(clean, i));
    residuals.push_back(label(noisy, i) - std::sin(x));
  }
  EXPECT_LT(lo, -0.99);
  EXPECT_GT(hi, 0.99);
  EXPECT_NEAR(mean(residuals), 0.0, 0.015);
  EXPECT_NEAR(stddev(residuals), 0.2, 0.01);
}

TEST(Generators, PolynomialFixedCubicScaledToPlusMinusOnePlusGaussianNoise) {
  const Dataset clean = gen("polynomial", 4000, 0.0, 2, 3), noisy = gen("polynomial", 4000, 0.5, 2, 3);
  EXPECT_EQ(clean.x, noisy.x);
  std::vector<double> residuals;
  double lo = 0, hi = 0;
  for (int i = 0; i < clean.size(); ++i) {
    const double x = clean.x[static_cast<std::size_t>(i)];
    const double expected = (x * x * x - 27 * x) / 54;
    ASSERT_NEAR(label(clean, i), expected, 1e-5) << x;
    ASSERT_LE(std::abs(label(clean, i)), 1.0 + 1e-6);
    lo = std::min(lo, label(clean, i));
    hi = std::max(hi, label(clean, i));
    residuals.push_back(label(noisy, i) - expected);
  }
  EXPECT_LT(lo, -0.99);
  EXPECT_GT(hi, 0.99);
  EXPECT_NEAR(mean(residuals), 0.0, 0.04);
  EXPECT_NEAR(stddev(residuals), 0.5, 0.025);
}

// ---------------------------------------------------------------------------------------------
// Validation

std::string error_of(const GeneratorSpec& spec) {
  Pcg32 rng(1);
  try {
    generate(spec, rng);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(Generators, RejectsBadSpecsNamingTheFieldAndTheAcceptedValues) {
  EXPECT_EQ(error_of({.name = "spirall"}),
            "data.name: unknown dataset 'spirall'; accepted: circle, xor, gauss, spiral, moons, blobs, spirals, "
            "checkerboard, plane, multigauss, sine, polynomial");
  EXPECT_EQ(error_of({.name = "Circle", .samples = 0}).substr(0, 35), "data.name: unknown dataset 'Circle'");
  EXPECT_EQ(error_of({.samples = 1}), "data.samples must be an integer from 2 to 1000000, got 1");
  EXPECT_EQ(error_of({.samples = -5}), "data.samples must be an integer from 2 to 1000000, got -5");
  EXPECT_EQ(error_of({.samples = 1000001}), "data.samples must be an integer from 2 to 1000000, got 1000001");
  EXPECT_EQ(error_of({.noise = -0.1}), "data.noise must be a number from 0 to 1, got -0.1");
  EXPECT_EQ(error_of({.noise = 1.5}), "data.noise must be a number from 0 to 1, got 1.5");
  EXPECT_EQ(error_of({.noise = std::nan("")}), "data.noise must be a number from 0 to 1, got nan");
  EXPECT_EQ(error_of({.noise = INFINITY}), "data.noise must be a number from 0 to 1, got inf");
  EXPECT_EQ(error_of({.name = "blobs", .classes = 7}), "data.classes must be from 2 to 6 for blobs, got 7");
  EXPECT_EQ(error_of({.name = "blobs", .classes = 1}), "data.classes must be from 2 to 6 for blobs, got 1");
  EXPECT_EQ(error_of({.name = "spirals", .classes = 6}), "data.classes must be from 2 to 5 for spirals, got 6");
  EXPECT_EQ(error_of({.name = "spirals", .samples = 1, .classes = 6}),
            "data.samples must be an integer from 2 to 1000000, got 1");
}

TEST(Generators, AcceptsTheBoundsAndIgnoresClassesWhereTheGeneratorFixesThem) {
  EXPECT_EQ(error_of({.samples = 2}), "no error");
  EXPECT_EQ(error_of({.noise = 0.0}), "no error");
  EXPECT_EQ(error_of({.noise = 1.0}), "no error");
  EXPECT_EQ(error_of({.name = "blobs", .classes = 2}), "no error");
  EXPECT_EQ(error_of({.name = "blobs", .classes = 6}), "no error");
  EXPECT_EQ(error_of({.name = "spirals", .classes = 5}), "no error");
  EXPECT_EQ(gen("plane", 1000000, 0.1).size(), 1000000);
  EXPECT_EQ(gen("circle", 10, 0.0, 7).classes, 2);
  EXPECT_EQ(gen("checkerboard", 10, 0.0, -1).classes, 2);
  EXPECT_EQ(gen("sine", 10, 0.0, 99).classes, 0);
  EXPECT_EQ(gen("circle", 100, 0.1, 7).x, gen("circle", 100, 0.1, 2).x);
}

}  // namespace
}  // namespace nnp
