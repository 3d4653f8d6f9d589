#include "nnp/trainer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "nnp/error.h"
#include "nnp/kernels.h"

namespace nnp {
namespace {

constexpr int kEvalChunk = 512;  // rows per forward pass when evaluating or predicting

std::string num(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

void validate_lr(float lr) {
  if (!std::isfinite(lr) || lr <= 0.0f)
    throw Error("optimizer.lr must be a finite number > 0, got " + num(lr));
}

const TrainerConfig& validated(const TrainerConfig& c) {
  validate(c);
  return c;
}

}  // namespace

void validate(const TrainerConfig& c) {
  validate(c.data);
  validate(c.network);
  validate_lr(c.lr);
  if (c.batch_size < 1 || c.batch_size > 1000000)
    throw Error("batchSize must be an integer from 1 to 1000000, got " + std::to_string(c.batch_size));
  constexpr int kFeatures = 2, kTargets = 1;  // every dataset so far is 2-D with one 0/1 target
  if (c.network.inputs != kFeatures)
    throw Error("network.inputs must be " + std::to_string(kFeatures) + " for data '" + c.data.name +
                "', got " + std::to_string(c.network.inputs));
  const LayerSpec& out = c.network.layers.back();
  if (out.units != kTargets)
    throw Error("network.layers[" + std::to_string(c.network.layers.size() - 1) +
                "].units (the output layer) must be " + std::to_string(kTargets) + " for data '" +
                c.data.name + "', got " + std::to_string(out.units));
  if (c.loss == LossKind::BCELoss && out.activation != Activation::Sigmoid)
    throw Error("loss.name BCELoss takes probabilities: the output layer's activation must be Sigmoid, got " +
                std::string(name_of(out.activation)));
}

Trainer::Trainer(const TrainerConfig& config)
    : config_(validated(config)),
      rng_(config.seed),
      split_(make_data(config.data, rng_)),
      model_(config.network),
      sgd_(SgdOptions{.lr = config.lr}),
      graph_(arena_) {
  model_.init_default(rng_);
  order_.resize(static_cast<std::size_t>(split_.train.size()));
  for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<int>(i);
  next_epoch();
}

// A new permutation of the training rows for every epoch (Fisher–Yates from our generator).
void Trainer::next_epoch() {
  for (std::size_t i = order_.size(); i > 1; --i)
    std::swap(order_[i - 1], order_[rng_.below(static_cast<std::uint32_t>(i))]);
  cursor_ = 0;
}

Var Trainer::loss_node(Graph& g, Var prediction, Var target) const {
  switch (config_.loss) {
    case LossKind::MSELoss: return g.mse_loss(prediction, target);
    case LossKind::BCELoss: return g.bce_loss(prediction, target);
  }
  return g.mse_loss(prediction, target);
}

float Trainer::step_once() {
  const Dataset& d = split_.train;
  const int n = std::min(config_.batch_size, d.size() - cursor_);  // the last batch may be partial
  graph_.clear();
  float* xb = arena_.alloc(static_cast<std::size_t>(n) * d.features);
  float* yb = arena_.alloc(static_cast<std::size_t>(n) * d.targets);
  for (int i = 0; i < n; ++i) {
    const auto r = static_cast<std::size_t>(order_[static_cast<std::size_t>(cursor_ + i)]);
    std::memcpy(xb + static_cast<std::size_t>(i) * d.features, d.x.data() + r * d.features, sizeof(float) * d.features);
    std::memcpy(yb + static_cast<std::size_t>(i) * d.targets, d.y.data() + r * d.targets, sizeof(float) * d.targets);
  }
  Var x = graph_.input({xb, n, d.features});
  Var t = graph_.input({yb, n, d.targets});
  Var loss = loss_node(graph_, model_.forward(graph_, x), t);
  const float value = graph_.scalar(loss);
  if (!std::isfinite(value))
    throw DivergedError("diverged at step " + std::to_string(progress_.step + 1) + ": the loss is " +
                        (std::isnan(value) ? "NaN" : "infinite") +
                        "; the parameters keep their last finite values. Lower optimizer.lr (now " +
                        num(sgd_.lr()) + ") and reset.");
  model_.zero_grad();
  graph_.backward(loss);
  for (float g : model_.gradients())
    if (!std::isfinite(g))
      throw DivergedError("diverged at step " + std::to_string(progress_.step + 1) +
                          ": a gradient is not finite; the parameters keep their last finite values. "
                          "Lower optimizer.lr (now " + num(sgd_.lr()) + ") and reset.");
  sgd_.step(model_.parameters(), model_.gradients());

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

Metrics Trainer::evaluate(const Dataset& d) {
  double loss_sum = 0.0;
  int correct = 0;
  const int n = d.size();
  for (int begin = 0; begin < n; begin += kEvalChunk) {
    const int rows = std::min(kEvalChunk, n - begin);
    graph_.clear();
    Var x = graph_.input({const_cast<float*>(d.x.data()) + static_cast<std::size_t>(begin) * d.features, rows, d.features});
    Var t = graph_.input({const_cast<float*>(d.y.data()) + static_cast<std::size_t>(begin) * d.targets, rows, d.targets});
    Var out = model_.forward(graph_, x);
    loss_sum += static_cast<double>(graph_.scalar(loss_node(graph_, out, t))) * rows;
    const Tensor& o = graph_.value(out);
    for (int i = 0; i < rows; ++i) {
      const bool predicted = o(i, 0) >= 0.5f;
      const bool actual = d.y[static_cast<std::size_t>(begin + i) * d.targets] >= 0.5f;
      correct += predicted == actual ? 1 : 0;
    }
  }
  graph_.clear();
  return Metrics{n > 0 ? loss_sum / n : 0.0, n > 0 ? static_cast<double>(correct) / n : 0.0};
}

Evaluation Trainer::evaluate() { return Evaluation{evaluate(split_.train), evaluate(split_.test)}; }

void Trainer::predict(const float* x, int n, float* out) {
  const int outputs = model_.outputs();
  for (int begin = 0; begin < n; begin += kEvalChunk) {
    const int rows = std::min(kEvalChunk, n - begin);
    graph_.clear();
    Var xin = graph_.input({const_cast<float*>(x) + static_cast<std::size_t>(begin) * model_.inputs(), rows, model_.inputs()});
    const Tensor& o = graph_.value(model_.forward(graph_, xin));
    std::memcpy(out + static_cast<std::size_t>(begin) * outputs, o.data, sizeof(float) * o.size());
  }
  graph_.clear();
}

void Trainer::predict_grid(int res, float x_min, float x_max, float y_min, float y_max, float* out) {
  if (res < 1 || res > 1024) throw Error("predictGrid: resolution must be from 1 to 1024, got " + std::to_string(res));
  for (int row0 = 0; row0 < res; row0 += std::max(1, kEvalChunk / res)) {
    const int rows = std::min(std::max(1, kEvalChunk / res), res - row0);
    graph_.clear();
    float* xy = arena_.alloc(static_cast<std::size_t>(rows) * res * 2);
    for (int r = 0; r < rows; ++r) {
      // Cell centres; row 0 is the top (y_max), as a canvas draws it.
      const float y = y_max - (y_max - y_min) * (static_cast<float>(row0 + r) + 0.5f) / static_cast<float>(res);
      for (int c = 0; c < res; ++c) {
        float* p = xy + (static_cast<std::size_t>(r) * res + c) * 2;
        p[0] = x_min + (x_max - x_min) * (static_cast<float>(c) + 0.5f) / static_cast<float>(res);
        p[1] = y;
      }
    }
    const Tensor& o = graph_.value(model_.forward(graph_, graph_.input({xy, rows * res, 2})));
    for (int i = 0; i < rows * res; ++i) out[static_cast<std::size_t>(row0) * res + i] = o(i, 0);
  }
  graph_.clear();
}

void Trainer::set_learning_rate(float lr) {
  validate_lr(lr);
  sgd_.set_lr(lr);
}

}  // namespace nnp
