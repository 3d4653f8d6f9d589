#include <cmath>
#include <utility>

#include "nnp/data.h"
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

void push_point(Dataset& d, double x, double y, float label) {
  d.x.push_back(static_cast<float>(x));
  d.x.push_back(static_cast<float>(y));
  d.y.push_back(label);
}

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

// TensorFlow Playground's classifyCircleData: half the points inside radius 2.5, half in the ring
// 3.5 … 5. The label is taken from a noisy copy of the point (offset U(−5, 5)·noise per axis) while
// the point is stored clean, so noise flips labels near the gap without moving points.
Dataset make_circle(int samples, double noise, Pcg32& rng) {
  constexpr double kRadius = 5.0;
  constexpr double kTwoPi = 6.283185307179586;
  Dataset d;
  d.features = 2;
  d.targets = 1;
  auto generate = [&](double r_min, double r_max) {
    for (int i = 0; i < samples / 2; ++i) {
      const double r = rng.uniform(r_min, r_max);
      const double angle = rng.uniform(0.0, kTwoPi);
      const double x = r * std::sin(angle);
      const double y = r * std::cos(angle);
      const double nx = x + rng.uniform(-kRadius, kRadius) * noise;
      const double ny = y + rng.uniform(-kRadius, kRadius) * noise;
      push_point(d, x, y, std::hypot(nx, ny) < kRadius * 0.5 ? 1.0f : 0.0f);
    }
  };
  generate(0.0, kRadius * 0.5);
  generate(kRadius * 0.7, kRadius);
  return d;
}

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
