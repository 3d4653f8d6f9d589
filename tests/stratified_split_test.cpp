// Stratified splits (core/src/data/datasets.cpp): a rare class reaches every set, a class too rare
// to is refused by name, every class's share is within one row of exact, regression data is cut
// as before.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "nnp/data.h"
#include "nnp/error.h"

namespace nnp {
namespace {

// A classification dataset as a CSV gives it: one feature (the row's number) and its class.
Dataset rows_of_classes(const std::vector<int>& counts) {
  Dataset d;
  d.features = 1;
  d.targets = 1;
  d.classes = static_cast<int>(counts.size());
  for (std::size_t c = 0; c < counts.size(); ++c)
    for (int i = 0; i < counts[c]; ++i) {
      d.x.push_back(static_cast<float>(d.x.size()));
      d.y.push_back(static_cast<float>(c));
    }
  return d;
}

std::vector<int> class_counts(const Dataset& d, int classes) {
  std::vector<int> n(static_cast<std::size_t>(classes), 0);
  for (float y : d.y) ++n[static_cast<std::size_t>(y)];
  return n;
}

TEST(StratifiedSplit, AClassOfThreeRowsReachesTrainingValidationAndTest) {
  const Dataset all = rows_of_classes({60, 37, 3});
  Pcg32 rng(4);
  const Split s = split_dataset(all, {.train = 0.6, .validation = 0.2}, rng);
  for (const Dataset* set : {&s.train, &s.validation, &s.test}) EXPECT_EQ(class_counts(*set, 3)[2], 1);
  const SplitSizes sizes = split_sizes(all.size(), {.train = 0.6, .validation = 0.2}, false);
  EXPECT_EQ(s.train.size(), sizes.train);
  EXPECT_EQ(s.validation.size(), sizes.validation);
  EXPECT_EQ(s.test.size(), sizes.test);
  std::set<float> seen;  // every row in exactly one set
  for (const Dataset* set : {&s.train, &s.validation, &s.test})
    for (float x : set->x) EXPECT_TRUE(seen.insert(x).second);
  EXPECT_EQ(seen.size(), 100u);
}

TEST(StratifiedSplit, AClassTooRareForEverySetIsRefusedByName) {
  const auto message = [](const std::vector<int>& counts, SplitFractions f, std::string_view last = "test") {
    Pcg32 rng(1);
    try {
      split_dataset(rows_of_classes(counts), f, rng, last);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message({50, 49, 1}, {.train = 0.6, .validation = 0.2}),
            "data: class 2 has 1 row, too few to reach the training, validation and test sets (the split gives each "
            "set rows of every class): add rows of class 2 (at least 3), remove its rows, or use fewer sets "
            "(data.validationFraction 0)");
  EXPECT_NE(message({50, 2, 48}, {.train = 0.6, .validation = 0.2}).find("class 1 has 2 rows"), std::string::npos);
  // Two sets: two rows are enough; one is not.
  EXPECT_EQ(message({50, 2}, {.train = 0.7}), "no error");
  EXPECT_NE(message({50, 1}, {.train = 0.7}).find("training and test sets"), std::string::npos);
  // Validation rows held out of data with its own test set (trainer.cpp) are named so.
  EXPECT_NE(message({50, 1}, {.train = 0.8}, "validation").find("training and validation sets"), std::string::npos);
}

// Every class's count in every set within one row of its exact share n_c · size / n, the counts
// adding up to the class's rows and to split_sizes' sizes, over many class mixes and fractions.
TEST(StratifiedSplit, EveryClassWithinOneRowOfItsExactShare) {
  Pcg32 pick(11);
  int checked = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::vector<int> counts(2 + pick.below(7));
    const std::uint32_t spread = std::array<std::uint32_t, 3>{5, 40, 300}[pick.below(3)];
    for (int& c : counts) c = 1 + static_cast<int>(pick.below(spread));
    SplitFractions g{.train = pick.uniform(0.05, 0.9)};
    if (pick.below(10) < 7) g.validation = pick.uniform(0.0, 0.95 - g.train);  // else no validation set
    int n = 0;
    for (int c : counts) n += c;
    const SplitSizes s = split_sizes(n, g, false);
    if (s.train < 1 || s.test < 1 || (g.validation > 0 && s.validation < 1)) continue;
    const std::array<int, 3> sizes{s.train, s.validation, s.test};
    std::vector<std::array<int, 3>> a = stratified_counts(counts, sizes);
    bool rare = false;
    for (std::size_t c = 0; c < counts.size(); ++c)
      for (std::size_t k = 0; k < 3; ++k)
        rare = rare || (sizes[k] > 0 && static_cast<double>(counts[c]) * sizes[k] / n < 1.0);
    for (std::size_t c = 0; c < counts.size(); ++c) EXPECT_EQ(a[c][0] + a[c][1] + a[c][2], counts[c]);
    for (std::size_t k = 0; k < 3; ++k) {
      int total = 0;
      for (std::size_t c = 0; c < counts.size(); ++c) {
        total += a[c][k];
        const double exact = static_cast<double>(counts[c]) * sizes[k] / n;
        if (!rare) {
          EXPECT_LE(std::abs(a[c][k] - exact), 1.0) << "class " << c << " set " << k << " trial " << trial;
        }
        if (sizes[k] >= static_cast<int>(counts.size()) && counts[c] >= 3) {  // every class reaches the set
          EXPECT_GE(a[c][k], 1);
        }
      }
      EXPECT_EQ(total, sizes[k]);
    }
    checked += rare ? 0 : 1;
  }
  EXPECT_GT(checked, 500);  // enough mixes without a rare class to mean something
}

TEST(StratifiedSplit, SplitDatasetGivesEachSetItsShareOfEveryClass) {
  const Dataset all = rows_of_classes({120, 45, 30, 5});
  Pcg32 rng(2);
  const SplitFractions f{.train = 0.7, .validation = 0.15};
  const Split s = split_dataset(all, f, rng);
  const SplitSizes sizes = split_sizes(all.size(), f, false);
  const std::array<const Dataset*, 3> sets{&s.train, &s.validation, &s.test};
  const std::array<int, 3> set_sizes{sizes.train, sizes.validation, sizes.test};
  for (std::size_t k = 0; k < 3; ++k) {
    const std::vector<int> got = class_counts(*sets[k], 4);
    for (std::size_t c = 0; c < 4; ++c) {
      const double exact = static_cast<double>(std::array{120, 45, 30, 5}[c]) * set_sizes[k] / all.size();
      EXPECT_LE(std::abs(got[c] - exact), 1.0) << "class " << c << " in set " << k;
    }
  }
}

// Regression data keeps the plain cut of one Fisher–Yates shuffle: train first, then validation, test.
TEST(StratifiedSplit, RegressionKeepsThePlainCut) {
  Dataset d = rows_of_classes({40});
  d.classes = 0;
  Pcg32 rng(5), same(5);
  const Split s = split_dataset(d, {.train = 0.5, .validation = 0.25}, rng);
  std::vector<int> order(40);
  for (int i = 0; i < 40; ++i) order[static_cast<std::size_t>(i)] = i;
  for (std::size_t i = order.size(); i > 1; --i)
    std::swap(order[i - 1], order[same.below(static_cast<std::uint32_t>(i))]);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(s.train.x[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(i)]);
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(s.validation.x[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(20 + i)]);
  EXPECT_EQ(s.test.x.front(), order[30]);
}

}  // namespace
}  // namespace nnp
