#include <cmath>
#include <utility>

#include "nnp/data.h"
#include "nnp/generators.h"
#include "nnp/error.h"

namespace nnp {

std::string dataset_names() { return "circle"; }

void validate(const DataSpec& spec) {
  if (spec.name != "circle")
    throw Error("data.name: unknown dataset '" + spec.name + "'; accepted: " + dataset_names());
  if (spec.samples < 2 || spec.samples > 1000000)
    throw Error("data.samples must be an integer from 2 to 1000000, got " + std::to_string(spec.samples));
  if (!(spec.noise >= 0.0 && spec.noise <= 1.0))
    throw Error("data.noise must be a number from 0 to 1, got " + std::to_string(spec.noise));
  if (!(spec.train_fraction > 0.0 && spec.train_fraction < 1.0))
    throw Error("data.trainFraction must be a number between 0 and 1 (exclusive), got " +
                std::to_string(spec.train_fraction));
  const int n_train = static_cast<int>(std::floor(spec.samples * spec.train_fraction));
  if (n_train < 1 || n_train >= spec.samples)
    throw Error("data.trainFraction " + std::to_string(spec.train_fraction) + " of " +
                std::to_string(spec.samples) + " samples leaves the train or the test set empty");
}

namespace {

Dataset take_rows(const Dataset& src, const std::vector<int>& rows, std::size_t begin, std::size_t end) {
  Dataset d;
  d.features = src.features;
  d.targets = src.targets;
  for (std::size_t i = begin; i < end; ++i) {
    const auto r = static_cast<std::size_t>(rows[i]);
    d.x.insert(d.x.end(), src.x.begin() + r * src.features, src.x.begin() + (r + 1) * src.features);
    d.y.insert(d.y.end(), src.y.begin() + r * src.targets, src.y.begin() + (r + 1) * src.targets);
  }
  return d;
}

}  // namespace

Split make_data(const DataSpec& spec, Pcg32& rng) {
  validate(spec);
  Dataset all = make_circle(spec.samples, spec.noise, rng);
  // Shuffle once (Fisher–Yates), then split by train_fraction, as TF Playground does.
  std::vector<int> rows(static_cast<std::size_t>(all.size()));
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<int>(i);
  for (std::size_t i = rows.size(); i > 1; --i)
    std::swap(rows[i - 1], rows[rng.below(static_cast<std::uint32_t>(i))]);
  const auto n_train = static_cast<std::size_t>(std::floor(all.size() * spec.train_fraction));
  return Split{take_rows(all, rows, 0, n_train), take_rows(all, rows, n_train, rows.size())};
}

}  // namespace nnp
