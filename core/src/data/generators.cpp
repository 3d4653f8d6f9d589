#include <cmath>

#include "nnp/error.h"
#include "nnp/generators.h"

namespace nnp {
namespace {

void push_point(Dataset& d, double x, double y, float label) {
  d.x.push_back(static_cast<float>(x));
  d.x.push_back(static_cast<float>(y));
  d.y.push_back(label);
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
  d.classes = 2;
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

}  // namespace nnp
