// Predictions: raw inputs through the input pipeline and the network(s), in evaluation mode (no
// dropout; torch: model.eval() under torch.no_grad()). An ensemble predicts its members' mean
// probability (Ensemble::predict); so does the decision-boundary grid for one network, since the
// page shows P(class 1) whatever the output layer emits.
#include "nnp/predictions.h"

#include <algorithm>

#include "nnp/error.h"
#include "nnp/metrics.h"

namespace nnp {

template <class Predict>
void Trainer::over_rows(const float* raw_x, int n, float* out, Predict predict_chunk) {
  const int nf = pipeline_.features();
  for (int begin = 0; begin < n; begin += kChunkRows) {
    const int rows = std::min(kChunkRows, n - begin);
    scratch_.resize(static_cast<std::size_t>(rows) * nf);
    pipeline_.apply(raw_x + static_cast<std::size_t>(begin) * raw_.train.features, rows, scratch_.data());
    const Tensor o = predict_chunk(scratch_.data(), rows);
    std::copy(o.data, o.data + o.size(), out + static_cast<std::size_t>(begin) * o.cols);
  }
}

void Trainer::predict(const float* raw_x, int n, float* out) {
  // One network: its outputs as they are; an ensemble: the members' mean probabilities.
  over_rows(raw_x, n, out, [&](const float* x, int rows) {
    return members() == 1 ? learner().predict(x, rows) : ensemble_.predict(x, rows);
  });
}

void Trainer::predict_probabilities(const float* raw_x, int n, float* out) {
  over_rows(raw_x, n, out, [&](const float* x, int rows) { return ensemble_.predict(x, rows); });
}

void Trainer::grid_inputs(int res, int row0, int rows, float x_min, float x_max, float y_min, float y_max) {
  std::vector<float>& xy = batch_x_;  // reused buffers: they grow once to the chunk size
  xy.resize(std::max(xy.size(), static_cast<std::size_t>(rows) * res * 2));
  scratch_.resize(std::max(scratch_.size(), static_cast<std::size_t>(rows) * res * pipeline_.features()));
  for (int r = 0; r < rows; ++r) {
    // Cell centres; row 0 is the top (y_max), as a canvas draws it.
    const float y = y_max - (y_max - y_min) * (static_cast<float>(row0 + r) + 0.5f) / static_cast<float>(res);
    for (int c = 0; c < res; ++c) {
      float* p = xy.data() + (static_cast<std::size_t>(r) * res + c) * 2;
      p[0] = x_min + (x_max - x_min) * (static_cast<float>(c) + 0.5f) / static_cast<float>(res);
      p[1] = y;
    }
  }
  pipeline_.apply(xy.data(), rows * res, scratch_.data());
}

void Trainer::check_prediction_grid(int res) const {
  if (res < 1 || res > 1024)
    throw Error("the prediction grid's resolution must be from 1 to 1024, got " + std::to_string(res));
  if (raw_.train.features != 2)
    throw Error("the prediction grid needs 2-D data; this data has " + std::to_string(raw_.train.features) +
                " features");
}

std::size_t Trainer::grid_size(int res, bool every_class) const {
  check_prediction_grid(res);
  const int per_cell = every_class ? config_.learner.model.layers.back().units : 1;
  return static_cast<std::size_t>(res) * static_cast<std::size_t>(res) * static_cast<std::size_t>(per_cell);
}

// The ensemble over the res × res grid, in chunks of whole grid rows (at most kChunkRows cells);
// write(row0, p) stores the outputs p of the chunk that starts at grid row row0.
template <class Write>
void Trainer::over_grid(int res, float x_min, float x_max, float y_min, float y_max, Write write) {
  check_prediction_grid(res);
  const int rows_per_chunk = std::max(1, kChunkRows / res);
  for (int row0 = 0; row0 < res; row0 += rows_per_chunk) {
    const int rows = std::min(rows_per_chunk, res - row0);
    grid_inputs(res, row0, rows, x_min, x_max, y_min, y_max);
    write(row0, ensemble_.predict(scratch_.data(), rows * res));
  }
}

void Trainer::predict_grid(int res, float x_min, float x_max, float y_min, float y_max, float* out) {
  // What the decision boundary shows: P(class 1) whatever the output layer emits (a probability,
  // a logit, log-probabilities), or the raw output for a regression — the column of class 1
  // among the class probabilities.
  over_grid(res, x_min, x_max, y_min, y_max, [&](int row0, const Tensor& p) {
    float* dst = out + static_cast<std::size_t>(row0) * res;
    for (int i = 0; i < p.rows; ++i) dst[i] = p(i, p.cols == 1 ? 0 : 1);
  });
}

void Trainer::predict_grid_probabilities(int res, float x_min, float x_max, float y_min, float y_max, float* out) {
  over_grid(res, x_min, x_max, y_min, y_max, [&](int row0, const Tensor& p) {
    std::copy(p.data, p.data + p.size(), out + static_cast<std::size_t>(row0) * res * p.cols);
  });
}

ClassPredictions predict_classes(Trainer& trainer, const Dataset& d) {
  ClassPredictions p;
  if (d.classes == 0) return p;
  p.classes = d.classes;
  p.predicted.resize(static_cast<std::size_t>(d.size()));
  p.actual.resize(static_cast<std::size_t>(d.size()));
  const float threshold = trainer.threshold();
  for (int begin = 0; begin < d.size(); begin += Trainer::kChunkRows) {
    const int rows = std::min(Trainer::kChunkRows, d.size() - begin);
    const Tensor o = trainer.learner().predict(d.x.data() + static_cast<std::size_t>(begin) * d.features, rows);
    const Tensor y{const_cast<float*>(d.y.data()) + static_cast<std::size_t>(begin) * d.targets, rows, d.targets};
    for (int r = 0; r < rows; ++r) {
      const std::size_t i = static_cast<std::size_t>(begin) + static_cast<std::size_t>(r);
      p.predicted[i] = predicted_class(o, r, threshold);
      p.actual[i] = target_class(y, r);
    }
  }
  return p;
}

}  // namespace nnp
