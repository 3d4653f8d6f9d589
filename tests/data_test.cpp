#include "nnp/data.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "nnp/error.h"
#include "nnp/generators.h"

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

TEST(Split, SameSeedSameSplitDisjointAndSized) {
  Pcg32 g(9);
  const Dataset all = make_circle(500, 0.1, g);
  Pcg32 r1(9), r2(9), r3(10);
  const SplitFractions f{.train = 0.6, .validation = 0.2};
  Split a = split_dataset(all, f, r1), b = split_dataset(all, f, r2), c = split_dataset(all, f, r3);
  EXPECT_EQ(a.train.x, b.train.x);
  EXPECT_EQ(a.test.y, b.test.y);
  EXPECT_NE(a.train.x, c.train.x);
  EXPECT_EQ(a.train.size(), 300);
  EXPECT_EQ(a.validation.size(), 100);
  EXPECT_EQ(a.test.size(), 100);
  EXPECT_EQ(a.train.classes, 2);
  std::set<std::pair<float, float>> seen;
  for (const Dataset* d : {&a.train, &a.validation, &a.test})
    for (int i = 0; i < d->size(); ++i)
      EXPECT_TRUE(seen.insert({d->x[2 * i], d->x[2 * i + 1]}).second) << "a point in two sets";
  EXPECT_EQ(seen.size(), 500u);
  // 180 × 0.7 is 125.99… in floating point; the split still gives 126 rows, as TF Playground would.
  Pcg32 g2(1), r4(1);
  EXPECT_EQ(split_dataset(make_circle(180, 0.0, g2), {.train = 0.7}, r4).train.size(), 126);
}

// split_sizes (what the page shows beside the sliders) is what split_dataset cuts, row for row,
// including 180 × 0.7 = 125.99… in floating point.
TEST(Split, SizesAreTheRowsSplitDatasetCuts) {
  struct Case {
    int rows;
    SplitFractions f;
  };
  for (const Case& c : {Case{500, {0.5, 0.0}}, Case{500, {0.5, 0.2}}, Case{10, {0.55, 0.25}}, Case{7, {0.5, 0.3}},
                        Case{180, {0.7, 0.0}}, Case{10, {0.7, 0.1}}}) {
    Pcg32 rng(3);
    const Split s = split_dataset(make_circle(c.rows, 0.0, rng), c.f, rng);
    const SplitSizes sizes = split_sizes(c.rows, c.f, false);
    EXPECT_EQ(sizes.train, s.train.size()) << c.rows << " rows at " << c.f.train;
    EXPECT_EQ(sizes.validation, s.validation.size()) << c.rows << " rows at " << c.f.validation;
    EXPECT_EQ(sizes.test, s.test.size()) << c.rows << " rows";
  }
  EXPECT_EQ(split_sizes(180, {0.7, 0.0}, false).train, 126);
  // A separate test set: the validation fraction of the rows is held out, the rest trains.
  const SplitSizes separate = split_sizes(100, {0.5, 0.25}, true);
  EXPECT_EQ(separate.train, 75);
  EXPECT_EQ(separate.validation, 25);
  EXPECT_EQ(separate.test, -1);
  EXPECT_EQ(split_sizes(100, {0.5, 0.0}, true).train, 100);
}

TEST(Split, RefusesFractionsThatLeaveASetEmptyNamingTheField) {
  auto message = [](SplitFractions f, int n) {
    try {
      validate(f, n);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message({.train = 1.0}, 100), "data.trainFraction must be a number between 0 and 1 (exclusive), got 1");
  EXPECT_EQ(message({.train = 0.5, .validation = 0.5}, 100),
            "data.trainFraction + data.validationFraction must stay below 1 (the test set takes the rest), got 1");
  EXPECT_NE(message({.train = 0.5, .validation = 0.001}, 100).find("leave a set empty"), std::string::npos);
  EXPECT_EQ(message({.train = 0.5, .validation = 0.0}, 100), "no error");
}

// The page's splitSizes reaches split_sizes with any fractions (issue 17's Embind fuzzing found NaN
// and 1e300 cast to a row count, undefined behaviour): each is refused by name.
TEST(Split, SizesRefuseFractionsOutsideZeroToOneNamingTheField) {
  auto message = [](SplitFractions f, int rows) {
    try {
      split_sizes(rows, f, false);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message({.train = std::nan("")}, 10), "data.trainFraction must be a number from 0 to 1, got nan");
  EXPECT_EQ(message({.train = 1e300}, 10), "data.trainFraction must be a number from 0 to 1, got 1e+300");
  EXPECT_EQ(message({.train = 0.5, .validation = -0.5}, 10),
            "data.validationFraction must be a number from 0 to 1, got -0.5");
  EXPECT_EQ(message({.train = 0.5}, -1), "the data's rows must be ≥ 0, got -1");
  EXPECT_EQ(message({.train = 1.0, .validation = 0.0}, 10), "no error");  // the bounds are counts still
}

TEST(InputPipeline, FeaturesInTfPlaygroundOrderAndStandardisationFromTrainOnly) {
  InputPipeline p({Feature::X1, Feature::X2Squared, Feature::X1TimesX2, Feature::SinX2}, false, 2);
  const float raw[2] = {2.0f, -3.0f};
  float out[4];
  p.apply(raw, 1, out);
  EXPECT_FLOAT_EQ(out[0], 2.0f);
  EXPECT_FLOAT_EQ(out[1], 9.0f);
  EXPECT_FLOAT_EQ(out[2], -6.0f);
  EXPECT_FLOAT_EQ(out[3], std::sin(-3.0f));
  Dataset train;
  train.features = 2;
  train.targets = 1;
  train.x = {0, 10, 2, 10, 4, 10};  // x1: mean 2, std √(8/3); x2 constant
  train.y = {0, 1, 0};
  InputPipeline s({}, true, 2);
  s.fit(train);
  EXPECT_FLOAT_EQ(s.mean()[0], 2.0f);
  EXPECT_NEAR(s.stddev()[0], std::sqrt(8.0f / 3.0f), 1e-6f);
  EXPECT_FLOAT_EQ(s.stddev()[1], 1.0f);  // a constant feature is not divided by zero
  const float test_point[2] = {4.0f, 10.0f};
  s.apply(test_point, 1, out);
  EXPECT_NEAR(out[0], 2.0f / std::sqrt(8.0f / 3.0f), 1e-6f);
  EXPECT_FLOAT_EQ(out[1], 0.0f);
  EXPECT_EQ(parse_feature("x1*x2"), Feature::X1TimesX2);
  EXPECT_FALSE(parse_feature("x3"));
  EXPECT_THROW(InputPipeline({Feature::X1}, false, 3), Error);
}

}  // namespace
}  // namespace nnp
