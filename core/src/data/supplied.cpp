#include "nnp/supplied.h"

#include <cmath>

#include "nnp/error.h"

namespace nnp {
namespace {

// One output unit per class, and a network's widest layer is 4096 units (mlp.cpp's guard); the
// confusion matrix holds classes² counts. Past it, the split's and the metrics' per-class arrays
// threw std::bad_alloc or std::length_error instead of naming the field (issue 17's Embind fuzzing).
constexpr int kMaxClasses = 4096;

}  // namespace

void check_supplied(const Dataset& d, const std::string& what) {
  if (d.features < 1 || d.x.size() != d.y.size() * static_cast<std::size_t>(d.features))
    throw Error(what + ": x holds " + std::to_string(d.x.size()) + " values, which is not rows × features = " +
                std::to_string(d.y.size()) + " × " + std::to_string(d.features));
  if (d.classes < 0 || d.classes == 1 || d.classes > kMaxClasses)
    throw Error(what + ".classes must be 0 (regression) or from 2 to " + std::to_string(kMaxClasses) + ", got " +
                std::to_string(d.classes));
  for (std::size_t i = 0; i < d.y.size(); ++i) {
    const float v = d.y[i];
    if (!std::isfinite(v) || (d.classes > 0 && !(v >= 0 && v < static_cast<float>(d.classes) && std::floor(v) == v)))
      throw Error(
          what + ".y: row " + std::to_string(i) + " = " + format_number(v) +
          (d.classes > 0 ? " is not a class index from 0 to " + std::to_string(d.classes - 1) : " is not finite"));
  }
  for (std::size_t i = 0; i < d.x.size(); ++i)
    if (!std::isfinite(d.x[i]))
      throw Error(what + ".x: row " + std::to_string(i / static_cast<std::size_t>(d.features)) + ", feature " +
                  std::to_string(i % static_cast<std::size_t>(d.features)) + " is not a finite number");
}

std::vector<float> plot_points(const Dataset& d) {
  if (d.features > 2) return {};
  std::vector<float> xyl(static_cast<std::size_t>(d.size()) * 3);
  for (std::size_t i = 0; i < static_cast<std::size_t>(d.size()); ++i) {
    const float target = d.y[i * static_cast<std::size_t>(d.targets)];
    xyl[3 * i] = d.x[i * static_cast<std::size_t>(d.features)];
    xyl[3 * i + 1] = d.features == 2 ? d.x[i * 2 + 1] : target;
    xyl[3 * i + 2] = target;
  }
  return xyl;
}

}  // namespace nnp
