#include "nnp/trainer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "nnp/error.h"
#include "nnp/metrics.h"

namespace nnp {
namespace {

constexpr int kEvalChunk = 512;  // rows per forward pass when evaluating or predicting

const TrainerConfig& validated(const TrainerConfig& c) {
  validate(c);
  return c;
}

}  // namespace

void validate(const TrainerConfig& c) {
  validate(c.data);
  validate(c.learner);
  if (c.batch_size < 1 || c.batch_size > 1000000)
    throw Error("batchSize must be an integer from 1 to 1000000, got " + std::to_string(c.batch_size));
  constexpr int kFeatures = 2, kTargets = 1;  // every dataset so far is 2-D with one 0/1 target
  const MlpSpec& m = c.learner.model;
  if (m.inputs != kFeatures)
    throw Error("model.inputs must be " + std::to_string(kFeatures) + " for data '" + c.data.name + "', got " +
                std::to_string(m.inputs));
  const LayerSpec& out = m.layers.back();
  const LossKind loss = c.learner.loss.kind;
  const bool classes = loss == LossKind::CrossEntropyLoss || loss == LossKind::NLLLoss || loss == LossKind::MultiMarginLoss;
  const int want = classes ? 2 : kTargets;
  if (out.units != want)
    throw Error("model.layers[" + std::to_string(m.layers.size() - 1) + "].units (the output layer) must be " +
                std::to_string(want) + " for data '" + c.data.name + "' with " + std::string(name_of(loss)) + ", got " +
                std::to_string(out.units));
}

Trainer::Trainer(const TrainerConfig& config)
    : config_(validated(config)),
      rng_(config.seed),
      split_(make_data(config.data, rng_)),
      learner_(config.learner, config.seed) {
  const int bs = std::min(config_.batch_size, split_.train.size());
  batch_x_.resize(static_cast<std::size_t>(bs) * split_.train.features);
  batch_y_.resize(static_cast<std::size_t>(bs) * split_.train.targets);
  order_.resize(static_cast<std::size_t>(split_.train.size()));
  for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<int>(i);
  next_epoch();
}

// A new permutation of the training rows for every epoch (Fisher–Yates from our generator).
void Trainer::next_epoch() {
  for (std::size_t i = order_.size(); i > 1; --i) std::swap(order_[i - 1], order_[rng_.below(static_cast<std::uint32_t>(i))]);
  cursor_ = 0;
}

float Trainer::step_once() {
  const Dataset& d = split_.train;
  const int n = std::min(config_.batch_size, d.size() - cursor_);  // the last batch may be partial
  const auto nf = static_cast<std::size_t>(d.features), nt = static_cast<std::size_t>(d.targets);
  for (int i = 0; i < n; ++i) {  // gather the batch's rows (plain loops: rows are a few floats)
    const auto r = static_cast<std::size_t>(order_[static_cast<std::size_t>(cursor_ + i)]);
    const auto o = static_cast<std::size_t>(i);
    for (std::size_t f = 0; f < nf; ++f) batch_x_[o * nf + f] = d.x[r * nf + f];
    for (std::size_t t = 0; t < nt; ++t) batch_y_[o * nt + t] = d.y[r * nt + t];
  }
  const float value = learner_.step(batch_x_.data(), batch_y_.data(), n, d.targets);
  cursor_ += n;
  progress_.step += 1;
  progress_.samples += n;
  if (cursor_ >= d.size()) {
    progress_.epoch += 1;
    next_epoch();
  }
  return value;
}

Progress Trainer::run(int steps) {
  if (steps < 0) throw Error("run: steps must be ≥ 0, got " + std::to_string(steps));
  double sum = 0.0;
  for (int i = 0; i < steps; ++i) sum += step_once();
  progress_.batch_loss = steps > 0 ? sum / steps : std::nan("");
  return progress_;
}

float Trainer::threshold() const { return config_.learner.loss.kind == LossKind::BCEWithLogitsLoss ? 0.0f : 0.5f; }

// Mean loss over the whole split, evaluated in chunks weighted by their rows.
Metrics Trainer::evaluate(const Dataset& d) {
  LossSpec mean_loss = config_.learner.loss;
  mean_loss.reduction = Reduction::Mean;
  double loss_sum = 0.0, correct = 0.0;
  const int n = d.size();
  for (int begin = 0; begin < n; begin += kEvalChunk) {
    const int rows = std::min(kEvalChunk, n - begin);
    float* x = const_cast<float*>(d.x.data()) + static_cast<std::size_t>(begin) * d.features;
    float* y = const_cast<float*>(d.y.data()) + static_cast<std::size_t>(begin) * d.targets;
    loss_sum += static_cast<double>(learner_.evaluate_loss(x, y, rows, d.targets, mean_loss)) * rows;
    correct += accuracy(learner_.last_output(), Tensor{y, rows, d.targets}, threshold()) * rows;
  }
  return Metrics{n > 0 ? loss_sum / n : 0.0, n > 0 ? correct / n : 0.0};
}

Confusion Trainer::confusion(const Dataset& d) {
  Confusion c;
  c.classes = model().outputs() == 1 ? 2 : model().outputs();
  c.counts.assign(static_cast<std::size_t>(c.classes) * c.classes, 0);
  for (int begin = 0; begin < d.size(); begin += kEvalChunk) {
    const int rows = std::min(kEvalChunk, d.size() - begin);
    const Tensor o = learner_.predict(d.x.data() + static_cast<std::size_t>(begin) * d.features, rows);
    float* y = const_cast<float*>(d.y.data()) + static_cast<std::size_t>(begin) * d.targets;
    confusion_matrix(o, Tensor{y, rows, d.targets}, threshold(), c.counts);
  }
  return c;
}

Evaluation Trainer::evaluate() { return Evaluation{evaluate(split_.train), evaluate(split_.test)}; }

void Trainer::predict(const float* x, int n, float* out) {
  for (int begin = 0; begin < n; begin += kEvalChunk) {
    const int rows = std::min(kEvalChunk, n - begin);
    const Tensor o = learner_.predict(x + static_cast<std::size_t>(begin) * model().inputs(), rows);
    std::memcpy(out + static_cast<std::size_t>(begin) * o.cols, o.data, sizeof(float) * o.size());
  }
}

// What the decision boundary shows: P(class 1) whatever the output layer emits (a probability,
// a logit, or log-probabilities), or the raw output for a regression loss.
float Trainer::class1_probability(const Tensor& o, int row) const {
  const Activation out = config_.learner.model.layers.back().activation.kind;
  if (o.cols == 1) {
    if (config_.learner.loss.kind == LossKind::BCEWithLogitsLoss) return 1.0f / (1.0f + std::exp(-o(row, 0)));
    return o(row, 0);
  }
  if (out == Activation::Softmax) return o(row, 1);
  if (out == Activation::LogSoftmax) return std::exp(o(row, 1));
  float m = o(row, 0);
  for (int c = 1; c < o.cols; ++c) m = std::max(m, o(row, c));
  float sum = 0.0f;
  for (int c = 0; c < o.cols; ++c) sum += std::exp(o(row, c) - m);
  return std::exp(o(row, 1) - m) / sum;  // softmax of logits
}

void Trainer::predict_grid(int res, float x_min, float x_max, float y_min, float y_max, float* out) {
  if (res < 1 || res > 1024) throw Error("predictGrid: resolution must be from 1 to 1024, got " + std::to_string(res));
  const int rows_per_chunk = std::max(1, kEvalChunk / res);
  std::vector<float>& xy = batch_x_;  // reuse: grows once to the chunk size
  if (xy.size() < static_cast<std::size_t>(rows_per_chunk) * res * 2) xy.resize(static_cast<std::size_t>(rows_per_chunk) * res * 2);
  for (int row0 = 0; row0 < res; row0 += rows_per_chunk) {
    const int rows = std::min(rows_per_chunk, res - row0);
    for (int r = 0; r < rows; ++r) {
      // Cell centres; row 0 is the top (y_max), as a canvas draws it.
      const float y = y_max - (y_max - y_min) * (static_cast<float>(row0 + r) + 0.5f) / static_cast<float>(res);
      for (int c = 0; c < res; ++c) {
        float* p = xy.data() + (static_cast<std::size_t>(r) * res + c) * 2;
        p[0] = x_min + (x_max - x_min) * (static_cast<float>(c) + 0.5f) / static_cast<float>(res);
        p[1] = y;
      }
    }
    const Tensor o = learner_.predict(xy.data(), rows * res);
    for (int i = 0; i < rows * res; ++i) out[static_cast<std::size_t>(row0) * res + i] = class1_probability(o, i);
  }
}

}  // namespace nnp
