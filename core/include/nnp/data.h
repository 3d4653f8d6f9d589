#pragma once
// Datasets: features x [size, features] and targets y [size, targets], row-major. Generators follow
// TensorFlow Playground (src/dataset.ts) and draw only from our Pcg32, so native and wasm agree.
//
//   nnp::Pcg32 rng(1);
//   nnp::Split s = nnp::make_data({.name = "circle", .samples = 500, .noise = 0.0, .train_fraction = 0.5}, rng);
#include <string>
#include <vector>

#include "nnp/rng.h"

namespace nnp {

struct Dataset {
  int features = 0;
  int targets = 0;
  int classes = 0;  // 0 for regression; else targets hold class indices 0 … classes−1
  std::vector<float> x;
  std::vector<float> y;
  int size() const { return features == 0 ? 0 : static_cast<int>(x.size() / features); }
};

struct DataSpec {
  std::string name = "circle";
  int samples = 500;
  double noise = 0.0;  // TensorFlow Playground's slider / 100, 0 … 0.5
  double train_fraction = 0.5;
};

struct Split {
  Dataset train;
  Dataset test;
};

// Names the generators accept, for error messages.
std::string dataset_names();
void validate(const DataSpec& spec);
// Generates, shuffles once and splits. Classification labels are 0 / 1.
Split make_data(const DataSpec& spec, Pcg32& rng);

}  // namespace nnp
