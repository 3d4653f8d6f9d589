#pragma once
// Datasets and the input pipeline: splits, TF Playground's 2-D input features, standardisation.
// A Dataset holds features x [size, features] and targets y [size, targets], row-major.
//
//   nnp::Split s = nnp::split_dataset(all, {.train = 0.6, .validation = 0.2}, rng);   // rest: test
//   nnp::InputPipeline p({nnp::Feature::X1, nnp::Feature::X1Sq}, /*standardize=*/true, 2);
//   p.fit(s.train);
//   nnp::Dataset train = p.transform(s.train);
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nnp/rng.h"

namespace nnp {

struct Dataset {
  int features = 0;
  int targets = 0;
  int classes = 0;  // 0 for regression; else targets hold class indices 0 … classes−1
  std::vector<float> x;
  std::vector<float> y;
  int size() const { return features == 0 ? 0 : static_cast<int>(x.size() / static_cast<std::size_t>(features)); }
};

// Rows [begin, end) of `rows` taken from src, in that order.
Dataset take_rows(const Dataset& src, const std::vector<int>& rows, std::size_t begin, std::size_t end);

struct SplitFractions {
  double train = 0.5;
  double validation = 0.0;  // the test set gets the rest
};

struct Split {
  Dataset train;
  Dataset validation;  // may be empty
  Dataset test;
};

// Throws nnp::Error naming data.trainFraction / data.validationFraction when a set would be
// empty (validation may be 0) or the fractions exceed 1.
void validate(const SplitFractions& f, int samples);
// ⌊n·f⌋, the rows a fraction f of n rows gets (without the floating-point shortfall that makes
// 180 × 0.7 = 125.99…, as TF Playground, which computes n·percent/100 on whole numbers).
std::size_t rows_of(int n, double f);
// The rows each set gets from `rows` rows, as split_dataset cuts them: ⌊rows·train⌋, ⌊rows·validation⌋
// and the rest. With a separate test set (separate_test) the rows give train and validation only —
// the validation fraction of them is held out — and test is -1. A set may come out empty: whether
// that is allowed is the scene rules' call (core/src/spec/scene_rules.cpp).
struct SplitSizes {
  int train = 0, validation = 0, test = 0;
};
SplitSizes split_sizes(int rows, const SplitFractions& f, bool separate_test);
// Shuffles once (Fisher–Yates from rng) and cuts: train = ⌊n·train⌋ rows, validation =
// ⌊n·validation⌋, test = the rest — as TF Playground splits, plus the validation set. Classification
// data (classes > 0) is stratified, as scikit-learn's train_test_split(stratify=y): each set gets
// its share of every class (stratified_counts), in the same set sizes; a class with fewer rows than
// there are non-empty sets throws nnp::Error naming it. `last_set` names the third set in that
// message ("validation" when the caller holds out validation rows as this split's test set).
Split split_dataset(const Dataset& all, const SplitFractions& f, Pcg32& rng, std::string_view last_set = "test");
// The rows of each class (counts[c]) each set gets (sizes: training, validation, test), adding up
// to both; the rule and why it is so are in datasets.cpp.
std::vector<std::array<int, 3>> stratified_counts(const std::vector<int>& counts, const std::array<int, 3>& sizes);

// TensorFlow Playground's input features for 2-D data (its INPUTS order).
enum class Feature { X1, X2, X1Squared, X2Squared, X1TimesX2, SinX1, SinX2 };
std::optional<Feature> parse_feature(
    std::string_view name);  // "x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"
std::string_view name_of(Feature f);
std::string feature_names();

// Raw inputs → network inputs: the chosen features (2-D data only; none = the raw columns), then,
// optionally, standardisation with the mean and standard deviation of the training split only.
class InputPipeline {
 public:
  InputPipeline() = default;
  InputPipeline(std::vector<Feature> features, bool standardize, int raw_features);
  void fit(const Dataset& train);
  int features() const;
  // raw [rows, raw_features] → out [rows, features()]
  void apply(const float* raw, int rows, float* out) const;
  Dataset transform(const Dataset& raw) const;
  const std::vector<float>& mean() const { return mean_; }
  const std::vector<float>& stddev() const { return std_; }

 private:
  std::vector<Feature> features_;
  bool standardize_ = false;
  int raw_features_ = 0;
  std::vector<float> mean_, std_;  // per output feature; identity until fit()
};

}  // namespace nnp
