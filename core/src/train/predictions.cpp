#include "nnp/predictions.h"

#include <algorithm>

#include "nnp/metrics.h"

namespace nnp {

namespace {
constexpr int kChunk = 512;  // rows per forward pass
}

ClassPredictions predict_classes(Trainer& trainer, const Dataset& d) {
  ClassPredictions p;
  if (d.classes == 0) return p;
  p.classes = d.classes;
  p.predicted.resize(static_cast<std::size_t>(d.size()));
  p.actual.resize(static_cast<std::size_t>(d.size()));
  const float threshold = trainer.threshold();
  for (int begin = 0; begin < d.size(); begin += kChunk) {
    const int rows = std::min(kChunk, d.size() - begin);
    const Tensor o = trainer.learner().predict(d.x.data() + static_cast<std::size_t>(begin) * d.features, rows);
    const Tensor y{const_cast<float*>(d.y.data()) + static_cast<std::size_t>(begin) * d.targets, rows, d.targets};
    for (int r = 0; r < rows; ++r) {
      p.predicted[static_cast<std::size_t>(begin + r)] = predicted_class(o, r, threshold);
      p.actual[static_cast<std::size_t>(begin + r)] = target_class(y, r);
    }
  }
  return p;
}

}  // namespace nnp
