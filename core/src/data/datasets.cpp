#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string>
#include <utility>

#include "nnp/data.h"
#include "nnp/error.h"

namespace nnp {

Dataset take_rows(const Dataset& src, const std::vector<int>& rows, std::size_t begin, std::size_t end) {
  Dataset d;
  d.features = src.features;
  d.targets = src.targets;
  d.classes = src.classes;
  d.x.reserve((end - begin) * static_cast<std::size_t>(src.features));
  d.y.reserve((end - begin) * static_cast<std::size_t>(src.targets));
  for (std::size_t i = begin; i < end; ++i) {
    const auto r = static_cast<std::size_t>(rows[i]);
    d.x.insert(d.x.end(), src.x.begin() + static_cast<std::ptrdiff_t>(r * src.features),
               src.x.begin() + static_cast<std::ptrdiff_t>((r + 1) * src.features));
    d.y.insert(d.y.end(), src.y.begin() + static_cast<std::ptrdiff_t>(r * src.targets),
               src.y.begin() + static_cast<std::ptrdiff_t>((r + 1) * src.targets));
  }
  return d;
}

std::size_t rows_of(int n, double f) { return static_cast<std::size_t>(std::floor(n * f + 1e-9)); }

SplitSizes split_sizes(int rows, const SplitFractions& f, bool separate_test) {
  // rows_of's ⌊n·f⌋ is a count only for f in [0, 1] (NaN or 1e300 would be an undefined cast): the
  // page's splitSizes may be called with any fractions, before the scene rules have seen them.
  if (!(f.train >= 0.0 && f.train <= 1.0))
    throw Error("data.trainFraction must be a number from 0 to 1, got " + format_number(f.train));
  if (!(f.validation >= 0.0 && f.validation <= 1.0))
    throw Error("data.validationFraction must be a number from 0 to 1, got " + format_number(f.validation));
  if (rows < 0) throw Error("the data's rows must be ≥ 0, got " + std::to_string(rows));
  if (separate_test) {
    const int train = f.validation > 0.0 ? static_cast<int>(rows_of(rows, 1.0 - f.validation)) : rows;
    return {.train = train, .validation = rows - train, .test = -1};
  }
  const auto train = static_cast<int>(rows_of(rows, f.train));
  const auto validation = static_cast<int>(rows_of(rows, f.validation));
  return {.train = train, .validation = validation, .test = rows - train - validation};
}

void validate(const SplitFractions& f, int samples) {
  if (!(f.train > 0.0 && f.train < 1.0))
    throw Error("data.trainFraction must be a number between 0 and 1 (exclusive), got " + format_number(f.train));
  if (!(f.validation >= 0.0 && f.validation < 1.0))
    throw Error("data.validationFraction must be a number from 0 to below 1, got " + format_number(f.validation));
  if (!(f.train + f.validation < 1.0))
    throw Error("data.trainFraction + data.validationFraction must stay below 1 (the test set takes the rest), got " +
                format_number(f.train + f.validation));
  const auto n_train = static_cast<int>(rows_of(samples, f.train));
  const auto n_val = static_cast<int>(rows_of(samples, f.validation));
  if (n_train < 1 || samples - n_train - n_val < 1 || (f.validation > 0.0 && n_val < 1))
    throw Error("data.trainFraction " + format_number(f.train) + " and data.validationFraction " +
                format_number(f.validation) + " of " + std::to_string(samples) +
                " samples leave a set empty; use more samples or other fractions");
}

namespace {

constexpr const char* kSetNames[] = {"training", "validation", "test"};

std::string listed(const std::vector<std::string>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) s += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return s;
}

// The refusal of a class with fewer rows than there are non-empty sets (it cannot reach them all),
// naming the class, its count and what to change; "" when every class can. Returned, not thrown:
// everything it allocates is gone before the caller throws, as it must be in wasm (nnp/error.h).
std::string rare_class_problem(const Dataset& all, const std::array<int, 3>& sizes, std::string_view last_set) {
  std::vector<int> counts(static_cast<std::size_t>(all.classes), 0);
  for (int r = 0; r < all.size(); ++r)
    ++counts[static_cast<std::size_t>(all.y[static_cast<std::size_t>(r) * all.targets])];
  std::vector<std::string> sets;
  for (std::size_t k = 0; k < sizes.size(); ++k)
    if (sizes[k] > 0) sets.emplace_back(k + 1 == sizes.size() ? std::string(last_set) : kSetNames[k]);
  const auto needed = static_cast<int>(sets.size());
  for (std::size_t c = 0; c < counts.size(); ++c)
    if (counts[c] > 0 && counts[c] < needed)
      return "data: class " + std::to_string(c) + " has " + std::to_string(counts[c]) +
             (counts[c] == 1 ? " row" : " rows") + ", too few to reach the " + listed(sets) +
             " sets (the split gives each set rows of every class): add rows of class " + std::to_string(c) +
             " (at least " + std::to_string(needed) + "), remove its rows, or use fewer sets" +
             (sizes[1] > 0 || last_set == "validation" ? " (data.validationFraction 0)" : "");
  return {};
}

}  // namespace

// The one allocation rule (the PyTorch export writes the same in Python: web/src/export/pytorch/data.ts).
// Each class c of n_c rows should give set k its exact share e = n_c · size_k / n; the counts must
// add up to every class's rows and to every set's size (split_sizes, which the page shows).
//  1. One row of every class to every non-empty set that has room for one of each, so a rare class
//     reaches every set (a class with fewer rows than sets was refused before).
//  2. Each (class, set) up to ⌊e⌋, while the class has rows and the set room, class by class.
//  3. The rows left, class by class: one each to the sets with the most room left (ties: the set
//     furthest below its share, then training, validation, test), again while rows are left.
// Step 3 is Ryser's construction of a 0/1 matrix with given row and column sums: it always fits,
// so without rare classes every count is within one row of its exact share; step 1 may take a
// row more from a large class for a rare one. Everything is integer or computed the same way in
// double, so the export reproduces it bit for bit.
std::vector<std::array<int, 3>> stratified_counts(const std::vector<int>& counts, const std::array<int, 3>& sizes) {
  const int n = std::accumulate(counts.begin(), counts.end(), 0);
  const int present = static_cast<int>(std::count_if(counts.begin(), counts.end(), [](int c) { return c > 0; }));
  std::vector<std::array<int, 3>> a(counts.size(), {0, 0, 0});
  std::vector<int> left = counts;
  std::array<int, 3> room = sizes;
  const auto share = [&](std::size_t c, std::size_t k) {
    return static_cast<double>(counts[c]) * static_cast<double>(sizes[k]) / static_cast<double>(n);
  };
  const auto give = [&](std::size_t c, std::size_t k, int rows) {
    a[c][k] += rows;
    left[c] -= rows;
    room[k] -= rows;
  };
  for (std::size_t k = 0; k < 3; ++k)
    if (sizes[k] > 0 && sizes[k] >= present)
      for (std::size_t c = 0; c < counts.size(); ++c)
        if (left[c] > 0) give(c, k, 1);
  for (std::size_t c = 0; c < counts.size(); ++c)
    for (std::size_t k = 0; k < 3; ++k) {
      const int floor_share = static_cast<int>(std::floor(share(c, k)));
      give(c, k, std::max(0, std::min({floor_share - a[c][k], left[c], room[k]})));
    }
  for (std::size_t c = 0; c < counts.size(); ++c)
    while (left[c] > 0) {
      const auto before = [&](std::size_t i, std::size_t j) {
        if (room[i] != room[j]) return room[i] > room[j];
        return share(c, i) - a[c][i] > share(c, j) - a[c][j];
      };
      // A stable insertion sort of the three sets (std::stable_sort's general code cost the
      // module 2.4 KB for three items).
      std::array<std::size_t, 3> order{0, 1, 2};
      for (std::size_t i = 1; i < 3; ++i)
        for (std::size_t j = i; j > 0 && before(order[j], order[j - 1]); --j) std::swap(order[j], order[j - 1]);
      for (std::size_t k : order)
        if (left[c] > 0 && room[k] > 0) give(c, k, 1);
    }
  return a;
}

Split split_dataset(const Dataset& all, const SplitFractions& f, Pcg32& rng, std::string_view last_set) {
  validate(f, all.size());
  const SplitSizes sizes = split_sizes(all.size(), f, false);
  const std::array<int, 3> set_sizes{sizes.train, sizes.validation, sizes.test};
  if (all.classes > 0)  // refused before any row is taken
    if (std::string problem = rare_class_problem(all, set_sizes, last_set); !problem.empty())
      throw Error(std::move(problem));
  std::vector<int> rows(static_cast<std::size_t>(all.size()));
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<int>(i);
  for (std::size_t i = rows.size(); i > 1; --i) std::swap(rows[i - 1], rows[rng.below(static_cast<std::uint32_t>(i))]);
  const auto n_train = static_cast<std::size_t>(sizes.train), n_val = static_cast<std::size_t>(sizes.validation);
  if (all.classes > 0) {
    // Stratified: the shuffled order's first rows of each class go to training, the next to
    // validation, the rest to test, in the counts stratified_counts gives; each set keeps the
    // shuffled order (so each class's rows are shuffled, and the draws are those of the plain cut).
    std::vector<int> counts(static_cast<std::size_t>(all.classes), 0);
    const auto class_of = [&](int r) {
      return static_cast<std::size_t>(all.y[static_cast<std::size_t>(r) * all.targets]);
    };
    for (int r : rows) ++counts[class_of(r)];
    std::vector<std::array<int, 3>> quota = stratified_counts(counts, set_sizes);
    std::array<std::vector<int>, 3> sets;
    for (int r : rows) {
      std::array<int, 3>& q = quota[class_of(r)];
      const std::size_t k = q[0] > 0 ? 0 : q[1] > 0 ? 1 : 2;
      --q[k];
      sets[k].push_back(r);
    }
    return Split{take_rows(all, sets[0], 0, sets[0].size()), take_rows(all, sets[1], 0, sets[1].size()),
                 take_rows(all, sets[2], 0, sets[2].size())};
  }
  return Split{take_rows(all, rows, 0, n_train), take_rows(all, rows, n_train, n_train + n_val),
               take_rows(all, rows, n_train + n_val, rows.size())};
}

namespace {

constexpr std::pair<Feature, std::string_view> kFeatures[] = {
    {Feature::X1, "x1"},          {Feature::X2, "x2"},           {Feature::X1Squared, "x1^2"},
    {Feature::X2Squared, "x2^2"}, {Feature::X1TimesX2, "x1*x2"}, {Feature::SinX1, "sin(x1)"},
    {Feature::SinX2, "sin(x2)"}};

// sin in double, rounded once to float (what torch.sin gives a float32 to within its last bit):
// the module links double sin for the generators anyway, and float sinf would add ~1 KB gzipped.
float sin_of(float x) { return static_cast<float>(std::sin(double{x})); }

float feature_value(Feature f, float x1, float x2) {
  switch (f) {
    case Feature::X1: return x1;
    case Feature::X2: return x2;
    case Feature::X1Squared: return x1 * x1;
    case Feature::X2Squared: return x2 * x2;
    case Feature::X1TimesX2: return x1 * x2;
    case Feature::SinX1: return sin_of(x1);
    case Feature::SinX2: return sin_of(x2);
  }
  return 0.0f;
}

}  // namespace

std::optional<Feature> parse_feature(std::string_view name) {
  for (const auto& [f, n] : kFeatures)
    if (n == name) return f;
  return std::nullopt;
}

std::string_view name_of(Feature f) {
  for (const auto& [k, n] : kFeatures)
    if (k == f) return n;
  return "?";
}

std::string feature_names() {
  std::string s;
  for (const auto& [f, n] : kFeatures) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

InputPipeline::InputPipeline(std::vector<Feature> chosen, bool standardize, int raw_features)
    : features_(std::move(chosen)), standardize_(standardize), raw_features_(raw_features) {
  if (!features_.empty() && raw_features_ != 2)
    throw Error("data.features apply to 2-D data only; this data has " + std::to_string(raw_features_) + " features");
  mean_.assign(static_cast<std::size_t>(features()), 0.0f);
  std_.assign(static_cast<std::size_t>(features()), 1.0f);
}

int InputPipeline::features() const { return features_.empty() ? raw_features_ : static_cast<int>(features_.size()); }

void InputPipeline::apply(const float* raw, int rows, float* out) const {
  const auto nf = static_cast<std::size_t>(features());
  for (int r = 0; r < rows; ++r) {
    const float* in = raw + static_cast<std::size_t>(r) * raw_features_;
    float* o = out + static_cast<std::size_t>(r) * nf;
    for (std::size_t j = 0; j < nf; ++j) {
      const float v = features_.empty() ? in[j] : feature_value(features_[j], in[0], in[1]);
      o[j] = (v - mean_[j]) / std_[j];
    }
  }
}

// Mean and (population) standard deviation of each transformed feature over the training split;
// a constant feature keeps std 1 so it maps to 0 instead of dividing by zero.
void InputPipeline::fit(const Dataset& train) {
  if (!standardize_ || train.size() == 0) return;
  const auto nf = static_cast<std::size_t>(features());
  std::fill(mean_.begin(), mean_.end(), 0.0f);
  std::fill(std_.begin(), std_.end(), 1.0f);
  std::vector<float> t(static_cast<std::size_t>(train.size()) * nf);
  apply(train.x.data(), train.size(), t.data());
  for (std::size_t j = 0; j < nf; ++j) {
    double s = 0.0, ss = 0.0;
    for (int r = 0; r < train.size(); ++r) {
      const double v = t[static_cast<std::size_t>(r) * nf + j];
      s += v;
      ss += v * v;
    }
    const double mean = s / train.size();
    const double var = std::max(ss / train.size() - mean * mean, 0.0);
    mean_[j] = static_cast<float>(mean);
    std_[j] = var > 1e-12 ? static_cast<float>(std::sqrt(var)) : 1.0f;
  }
}

Dataset InputPipeline::transform(const Dataset& raw) const {
  Dataset d;
  d.features = features();
  d.targets = raw.targets;
  d.classes = raw.classes;
  d.y = raw.y;
  d.x.resize(static_cast<std::size_t>(raw.size()) * static_cast<std::size_t>(d.features));
  apply(raw.x.data(), raw.size(), d.x.data());
  return d;
}

}  // namespace nnp
