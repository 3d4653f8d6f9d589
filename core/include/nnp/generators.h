#pragma once
// Synthetic datasets, generated from a seed and a noise level with our Pcg32 only, so native and
// wasm runs draw identical points. Classification sets have one target column holding the class
// index 0 … k−1 (TensorFlow Playground's labels map +1 → 1, −1 → 0); regression sets have one
// target column holding the value. At noise 0 the 2-D sets lie in TF Playground's [−6, 6]² plane
// (Gaussian noise in gauss, blobs and moons can carry points beyond it). Every generator makes all
// its draws whatever the noise, so one seed gives the same clean points at every noise level.
// Every make_* returns exactly `samples` points: for the TF generators, TF's sequence with its
// last point left off when the count is odd (TF's own UI only uses even counts).
//
//   nnp::Pcg32 rng(1);
//   nnp::Dataset d = nnp::generate({.name = "spirals", .samples = 600, .noise = 0.1, .classes = 3}, rng);
#include <span>
#include <string>
#include <string_view>

#include "nnp/data.h"
#include "nnp/rng.h"

namespace nnp {

enum class Task { Classification, Regression };

struct GeneratorSpec {
  std::string name = "circle";
  int samples = 500;
  double noise = 0.0;  // 0 … 1; TF Playground's slider / 100 (its UI offers 0 … 0.5)
  int classes = 2;     // blobs (2 … 6) and spirals (2 … 5); ignored by the others, which fix their own
};

struct GeneratorInfo {
  std::string_view name;
  std::string_view title;  // the page's display name
  Task task;
  int features;                  // 2, or 1 for the 1-D curves
  int min_classes, max_classes;  // 0, 0 for regression
  std::string_view description;  // one line for the page
};

// Every generator, in the order the page lists them.
std::span<const GeneratorInfo> generators();
const GeneratorInfo* find_generator(std::string_view name);
// Validates (errors name data.name, data.samples, data.noise, data.classes and the accepted
// values), then generates spec.samples points. Generators that draw points per class balance the
// classes to within one point; xor labels uniform points by position, and label noise (circle,
// xor, checkerboard) flips labels on purpose, so those are balanced only on average.
Dataset generate(const GeneratorSpec& spec, Pcg32& rng);

// TensorFlow Playground (src/dataset.ts), exactly: the same distributions, the same label-noise
// rules (circle and xor take the label from a noisy copy of the point, stored clean; gauss and
// spiral move the points), the same order of draws.
Dataset make_circle(int samples, double noise, Pcg32& rng);
Dataset make_xor(int samples, double noise, Pcg32& rng);
Dataset make_gauss(int samples, double noise, Pcg32& rng);
Dataset make_spiral(int samples, double noise, Pcg32& rng);
Dataset make_plane(int samples, double noise, Pcg32& rng);       // TF "reg-plane"
Dataset make_multigauss(int samples, double noise, Pcg32& rng);  // TF "reg-gauss"
// Beyond TF Playground.
Dataset make_moons(int samples, double noise, Pcg32& rng);
Dataset make_blobs(int samples, double noise, int classes, Pcg32& rng);
Dataset make_spirals(int samples, double noise, int arms, Pcg32& rng);
Dataset make_checkerboard(int samples, double noise, Pcg32& rng);
Dataset make_sine(int samples, double noise, Pcg32& rng);        // 1-D: x → sin-shaped y
Dataset make_polynomial(int samples, double noise, Pcg32& rng);  // 1-D: x → cubic y

}  // namespace nnp
