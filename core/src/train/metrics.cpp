#include "nnp/metrics.h"

#include <algorithm>
#include <cmath>

#include "nnp/error.h"

namespace nnp {

int class_count(const Tensor& outputs) { return outputs.cols == 1 ? 2 : outputs.cols; }

int predicted_class(const Tensor& o, int row, float threshold) {
  if (o.cols == 1) return o(row, 0) >= threshold ? 1 : 0;
  int best = 0;
  for (int c = 1; c < o.cols; ++c)
    if (o(row, c) > o(row, best)) best = c;
  return best;
}

int target_class(const Tensor& t, int row) {
  if (t.cols == 1) return std::max(0, static_cast<int>(std::lround(t(row, 0))));  // −1 of ±1 labels: class 0
  int best = 0;
  for (int c = 1; c < t.cols; ++c)
    if (t(row, c) > t(row, best)) best = c;
  return best;
}

double accuracy(const Tensor& o, const Tensor& t, float threshold) {
  if (o.rows == 0) return 0.0;
  int correct = 0;
  for (int r = 0; r < o.rows; ++r) correct += predicted_class(o, r, threshold) == target_class(t, r) ? 1 : 0;
  return static_cast<double>(correct) / o.rows;
}

void confusion_matrix(const Tensor& o, const Tensor& t, float threshold, std::vector<int>& counts) {
  const int k = class_count(o);
  if (counts.size() != static_cast<std::size_t>(k) * k) counts.assign(static_cast<std::size_t>(k) * k, 0);
  for (int r = 0; r < o.rows; ++r) {
    const int actual = target_class(t, r), predicted = predicted_class(o, r, threshold);
    if (actual < 0 || actual >= k)
      throw Error("confusion matrix: target class " + std::to_string(actual) + " in row " + std::to_string(r) +
                  " is outside 0.." + std::to_string(k - 1));
    ++counts[static_cast<std::size_t>(actual) * k + predicted];
  }
}

}  // namespace nnp
