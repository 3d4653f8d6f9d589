#include "nnp/trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "nnp/error.h"
#include "nnp/generators.h"
#include "nnp/metrics.h"
#include "nnp/validate_scene.h"

namespace nnp {
namespace {

constexpr int kEvalChunk = 512;  // rows per forward pass when evaluating or predicting
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const TrainerConfig& validated(const TrainerConfig& c) {
  validate(c);
  return c;
}

Split generated(const TrainerConfig& c, Pcg32& rng) {
  const Dataset all =
      generate({.name = c.data.name, .samples = c.data.samples, .noise = c.data.noise, .classes = c.data.classes}, rng);
  return split_dataset(all, c.data.split, rng);
}

Split supplied(const TrainerConfig& c, SuppliedData d, Pcg32& rng) {
  if (d.data.size() == 0 || d.data.features < 1 || d.data.targets != 1)
    throw Error("the supplied data needs at least one row, one feature and one target column");
  if (!d.test) return split_dataset(d.data, c.data.split, rng);
  if (d.test->features != d.data.features || d.test->classes != d.data.classes)
    throw Error("the supplied test set has " + std::to_string(d.test->features) + " features and " +
                std::to_string(d.test->classes) + " classes; the training data has " + std::to_string(d.data.features) +
                " and " + std::to_string(d.data.classes));
  // A separate test set: the data gives train and validation (validationFraction of it) only.
  Split s;
  if (c.data.split.validation > 0.0) {
    Split tv = split_dataset(d.data, {.train = 1.0 - c.data.split.validation, .validation = 0.0}, rng);
    s.train = std::move(tv.train);
    s.validation = std::move(tv.test);
  } else {
    s.validation = take_rows(d.data, {}, 0, 0);
    s.train = std::move(d.data);
  }
  s.test = std::move(*d.test);
  return s;
}

}  // namespace

Trainer::Trainer(const TrainerConfig& config) : Trainer(validated(config), Split{}, false) {}

Trainer::Trainer(const TrainerConfig& config, SuppliedData data)
    : Trainer(
          validated(config),
          [&] {
            Pcg32 rng(config.seed);
            return supplied(config, std::move(data), rng);
          }(),
          true) {}

// Generated data: the generator and the per-epoch shuffle share one stream seeded by config.seed;
// the Learner's initialisation and dropout use their own streams.
Trainer::Trainer(const TrainerConfig& config, Split raw, bool is_supplied)
    : config_(config),
      rng_(config.seed),
      raw_(is_supplied ? std::move(raw) : generated(config, rng_)),
      pipeline_(config.data.features, config.data.standardize, raw_.train.features),
      learner_(config.learner, config.seed),
      augment_rng_(config.seed, 0x4f1bbcdcbfa53e0bULL) {
  // The split already happened (and checked its sizes); the rest of the data's rules run here.
  Problems problems;
  const DataShape shape{.rows = raw_.train.size() + raw_.validation.size() + raw_.test.size(),
                        .features = raw_.train.features,
                        .classes = raw_.train.classes};
  check_against_data(config_, shape, raw_.train.size(), problems);
  throw_first(problems);
  pipeline_.fit(raw_.train);
  inputs_ =
      Split{pipeline_.transform(raw_.train), pipeline_.transform(raw_.validation), pipeline_.transform(raw_.test)};
  if (config_.data.signed_labels)  // the network's targets only: raw_ keeps the classes 0 and 1
    for (Dataset* s : {&inputs_.train, &inputs_.validation, &inputs_.test})
      for (float& y : s->y) y = 2.0f * y - 1.0f;
  const Dataset& d = inputs_.train;
  const int bs = std::min(config_.training.batch_size, d.size());
  batch_x_.resize(static_cast<std::size_t>(bs) * d.features);
  const bool soft_classes = d.classes > 0 && config_.learner.loss.kind == LossKind::CrossEntropyLoss;
  batch_y_.resize(static_cast<std::size_t>(bs) *
                  static_cast<std::size_t>(soft_classes ? std::max(d.classes, d.targets) : d.targets));
  if (config_.training.augmentation.mixup > 0.0f) {
    mix_x_.resize(static_cast<std::size_t>(bs) * d.features);
    mix_y_.resize(batch_y_.size());
    mix_order_.resize(static_cast<std::size_t>(bs));
  }
  // order_: row indices of this epoch; with bootstrap, a fixed resample (repeats allowed) that
  // each epoch re-orders.
  const auto rows_for = [&](Pcg32& rng) {
    std::vector<int> order(static_cast<std::size_t>(d.size()));
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = config_.training.ensemble.bootstrap ? static_cast<int>(rng.below(static_cast<std::uint32_t>(d.size())))
                                                     : static_cast<int>(i);
    return order;
  };
  order_ = rows_for(rng_);
  history_.reserve(1024);  // grows by doubling past that; steady state allocates nothing before
  best_params_.resize(learner_.model().parameters().size());
  for (int m = 1; m < config_.training.ensemble.members; ++m) {
    const std::uint64_t seed = config_.seed + 0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(m);
    Extra e{std::make_unique<Learner>(config_.learner, seed), {}, Pcg32(seed, 0xda3e39cb94b95bdbULL), {}};
    e.order = rows_for(e.rng);
    e.best.resize(e.learner->model().parameters().size());
    extras_.push_back(std::move(e));
  }
  // Ensemble evaluation and grid predictions: a chunk's rows (at least one grid row of up to 1024
  // cells) × the outputs.
  average_.resize(static_cast<std::size_t>(std::max(kEvalChunk, 1024)) *
                  static_cast<std::size_t>(learner_.model().outputs()));
  next_epoch();
}

Learner& Trainer::member(int m) {
  if (m < 0 || m >= members())
    throw Error("member " + std::to_string(m) + " does not exist; the ensemble has " + std::to_string(members()));
  return m == 0 ? learner_ : *extras_[static_cast<std::size_t>(m - 1)].learner;
}

// A new permutation of the training rows every epoch (Fisher–Yates from our generator), unless
// shuffle is off: then the split's order stays, as in TF Playground.
void Trainer::next_epoch() {
  const auto shuffle = [](std::vector<int>& order, Pcg32& rng) {
    for (std::size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[rng.below(static_cast<std::uint32_t>(i))]);
  };
  if (config_.training.shuffle) {
    shuffle(order_, rng_);
    for (Extra& e : extras_) shuffle(e.order, e.rng);
  }
  cursor_ = 0;
}

void Trainer::gather(const std::vector<int>& order, int n) {
  const Dataset& d = inputs_.train;
  const auto nf = static_cast<std::size_t>(d.features), nt = static_cast<std::size_t>(d.targets);
  for (int i = 0; i < n; ++i) {
    const auto r = static_cast<std::size_t>(order[static_cast<std::size_t>(cursor_ + i)]);
    const auto o = static_cast<std::size_t>(i);
    for (std::size_t f = 0; f < nf; ++f) batch_x_[o * nf + f] = d.x[r * nf + f];
    for (std::size_t t = 0; t < nt; ++t) batch_y_[o * nt + t] = d.y[r * nt + t];
  }
}

float Trainer::step_once() {
  const Dataset& d = inputs_.train;
  const int n = std::min(config_.training.batch_size, d.size() - cursor_);  // the last batch may be partial
  gather(order_, n);
  float value = learner_.step(batch_x_.data(), batch_y_.data(), n, augment(n));
  for (Extra& e : extras_) {  // each member its own batch of its own order; the mean objective
    gather(e.order, n);
    value += e.learner->step(batch_x_.data(), batch_y_.data(), n, augment(n));
  }
  value /= static_cast<float>(members());
  cursor_ += n;
  progress_.step += 1;
  progress_.samples += n;
  const int left = d.size() - cursor_;
  if (left <= 0 || (config_.training.drop_last && left < config_.training.batch_size)) {
    progress_.epoch += 1;
    end_of_epoch();
    next_epoch();
  }
  return value;
}

namespace {

// Gamma(a, 1) by Marsaglia and Tsang (2000), with the a < 1 boost; from our generator only.
double gamma_sample(double a, Pcg32& rng) {
  if (a < 1.0) return gamma_sample(a + 1.0, rng) * std::pow(rng.uniform(), 1.0 / a);
  const double d = a - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    const double x = rng.normal();
    double v = 1.0 + c * x;
    if (v <= 0.0) continue;
    v = v * v * v;
    const double u = rng.uniform();
    if (u < 1.0 - 0.0331 * x * x * x * x || std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

}  // namespace

int Trainer::augment(int n) {
  const Dataset& d = inputs_.train;
  const AugmentationSpec& a = config_.training.augmentation;
  const auto nf = static_cast<std::size_t>(d.features);
  if (a.jitter > 0.0f)
    for (std::size_t i = 0; i < static_cast<std::size_t>(n) * nf; ++i)
      batch_x_[i] += static_cast<float>(augment_rng_.normal(0.0, a.jitter));
  if (a.mixup <= 0.0f || n < 2) return d.targets;
  // λ ~ Beta(α, α) = G₁/(G₁ + G₂); each row mixes with the row a shuffle of the batch puts beside it.
  const double g1 = gamma_sample(a.mixup, augment_rng_), g2 = gamma_sample(a.mixup, augment_rng_);
  const auto lambda = static_cast<float>(g1 + g2 > 0.0 ? g1 / (g1 + g2) : 0.5);
  for (int i = 0; i < n; ++i) mix_order_[static_cast<std::size_t>(i)] = i;
  for (int i = n; i > 1; --i)
    std::swap(mix_order_[static_cast<std::size_t>(i - 1)],
              mix_order_[augment_rng_.below(static_cast<std::uint32_t>(i))]);
  std::copy(batch_x_.begin(), batch_x_.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(n) * nf),
            mix_x_.begin());
  for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
    const auto j = static_cast<std::size_t>(mix_order_[i]);
    for (std::size_t f = 0; f < nf; ++f)
      batch_x_[i * nf + f] = lambda * mix_x_[i * nf + f] + (1.0f - lambda) * mix_x_[j * nf + f];
  }
  const bool soft_classes = d.classes > 0 && config_.learner.loss.kind == LossKind::CrossEntropyLoss;
  if (!soft_classes) {  // 0/1 labels for the BCE losses, or values: mixed directly
    std::copy(batch_y_.begin(), batch_y_.begin() + n, mix_y_.begin());
    for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i)
      batch_y_[i] = lambda * mix_y_[i] + (1.0f - lambda) * mix_y_[static_cast<std::size_t>(mix_order_[i])];
    return d.targets;
  }
  // Class indices → probability rows: λ on the row's class, 1 − λ on its partner's.
  const auto k = static_cast<std::size_t>(d.classes);
  std::copy(batch_y_.begin(), batch_y_.begin() + n, mix_y_.begin());
  std::fill(batch_y_.begin(), batch_y_.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(n) * k), 0.0f);
  for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
    batch_y_[i * k + static_cast<std::size_t>(mix_y_[i])] += lambda;
    batch_y_[i * k + static_cast<std::size_t>(mix_y_[static_cast<std::size_t>(mix_order_[i])])] += 1.0f - lambda;
  }
  return d.classes;
}

// Every evaluate_every epochs: a history record, and the early-stopping bookkeeping on the
// validation loss (the training loss when there is no validation set).
void Trainer::end_of_epoch() {
  if (progress_.epoch % config_.training.evaluate_every != 0) return;
  const Evaluation e = evaluate();
  history_.push_back({progress_.epoch, progress_.step, e, learner_.lr(), learner_.last_grad_norm()});
  const EarlyStoppingSpec& es = config_.training.early_stopping;
  const double monitored = inputs_.validation.size() > 0 ? e.validation.loss : e.train.loss;
  if (best_epoch_ < 0 || monitored < best_loss_ - es.min_delta) {
    best_loss_ = monitored;
    best_epoch_ = progress_.epoch;
    evaluations_without_improvement_ = 0;
    const auto p = learner_.model().parameters();
    std::copy(p.begin(), p.end(), best_params_.begin());
    for (Extra& x : extras_)
      std::copy(x.learner->model().parameters().begin(), x.learner->model().parameters().end(), x.best.begin());
    return;
  }
  if (es.patience > 0 && ++evaluations_without_improvement_ >= es.patience) {
    progress_.stopped = true;
    if (es.restore_best) {
      std::copy(best_params_.begin(), best_params_.end(), learner_.model().parameters().begin());
      for (Extra& x : extras_) std::copy(x.best.begin(), x.best.end(), x.learner->model().parameters().begin());
    }
  }
}

Progress Trainer::run(int steps) {
  if (steps < 0) throw Error("run: steps must be ≥ 0, got " + std::to_string(steps));
  double sum = 0.0;
  int taken = 0;
  for (; taken < steps && !progress_.stopped; ++taken) sum += step_once();
  progress_.batch_loss = taken > 0 ? sum / taken : kNaN;
  return progress_;
}

Progress Trainer::run_epochs(int epochs) {
  if (epochs < 0) throw Error("run_epochs: epochs must be ≥ 0, got " + std::to_string(epochs));
  const std::int64_t target = progress_.epoch + epochs;
  double sum = 0.0;
  std::int64_t taken = 0;
  for (; progress_.epoch < target && !progress_.stopped; ++taken) sum += step_once();
  progress_.batch_loss = taken > 0 ? sum / static_cast<double>(taken) : kNaN;
  return progress_;
}

float Trainer::threshold() const {
  return config_.learner.loss.kind == LossKind::BCEWithLogitsLoss || config_.data.signed_labels ? 0.0f : 0.5f;
}

Metrics Trainer::evaluate(const Dataset& d) {
  return extras_.empty() ? evaluate_with(learner_, d) : evaluate_ensemble(d);
}

Evaluation Trainer::evaluate_member(int m) {
  Learner& l = member(m);
  return Evaluation{evaluate_with(l, inputs_.train), evaluate_with(l, inputs_.validation),
                    evaluate_with(l, inputs_.test)};
}

// Mean loss over the whole split, evaluated in chunks weighted by their rows.
Metrics Trainer::evaluate_with(Learner& learner, const Dataset& d) {
  const int n = d.size();
  if (n == 0) return Metrics{kNaN, kNaN};
  LossSpec mean_loss = config_.learner.loss;
  mean_loss.reduction = Reduction::Mean;
  double loss_sum = 0.0, correct = 0.0;
  for (int begin = 0; begin < n; begin += kEvalChunk) {
    const int rows = std::min(kEvalChunk, n - begin);
    float* x = const_cast<float*>(d.x.data()) + static_cast<std::size_t>(begin) * d.features;
    float* y = const_cast<float*>(d.y.data()) + static_cast<std::size_t>(begin) * d.targets;
    loss_sum += static_cast<double>(learner.evaluate_loss(x, y, rows, d.targets, mean_loss)) * rows;
    if (d.classes > 0) correct += accuracy(learner.last_output(), Tensor{y, rows, d.targets}, threshold()) * rows;
  }
  return Metrics{loss_sum / n, d.classes > 0 ? correct / n : kNaN};
}

// Class probabilities (softmax of logits, exp of log-probabilities, σ of a BCE logit, (o + 1)/2
// of a ±1 output; a probability output as it is) or the regression output, k = outputs per row,
// accumulated × w.
void Trainer::add_probabilities(const Tensor& o, float w, float* acc) const {
  const Activation out = config_.learner.model.layers.back().activation.kind;
  const bool logit = config_.learner.loss.kind == LossKind::BCEWithLogitsLoss;
  for (int r = 0; r < o.rows; ++r) {
    float* a = acc + static_cast<std::size_t>(r) * o.cols;
    if (o.cols == 1) {
      const float v = o(r, 0);
      a[0] += w * (logit ? 1.0f / (1.0f + std::exp(-v)) : config_.data.signed_labels ? 0.5f * (v + 1.0f) : v);
      continue;
    }
    if (out == Activation::Softmax) {
      for (int c = 0; c < o.cols; ++c) a[c] += w * o(r, c);
      continue;
    }
    const bool log_probs = out == Activation::LogSoftmax;
    float m = o(r, 0);
    for (int c = 1; c < o.cols; ++c) m = std::max(m, o(r, c));
    float sum = 0.0f;
    for (int c = 0; c < o.cols; ++c) sum += std::exp(o(r, c) - m);
    for (int c = 0; c < o.cols; ++c) a[c] += w * (log_probs ? std::exp(o(r, c)) : std::exp(o(r, c) - m) / sum);
  }
}

// The ensemble's prediction is the members' mean probability (mean output for a regression). Its
// loss: the negative log-likelihood of that mean for classes (clamped at −100 like BCELoss), the
// training loss of the mean output for a regression.
Metrics Trainer::evaluate_ensemble(const Dataset& d) {
  const int n = d.size();
  if (n == 0) return Metrics{kNaN, kNaN};
  const int k = model().outputs();
  const float w = 1.0f / static_cast<float>(members());
  double loss_sum = 0.0, correct = 0.0;
  for (int begin = 0; begin < n; begin += kEvalChunk) {
    const int rows = std::min(kEvalChunk, n - begin);
    const float* x = d.x.data() + static_cast<std::size_t>(begin) * d.features;
    const float* y = d.y.data() + static_cast<std::size_t>(begin) * d.targets;
    std::fill(average_.begin(), average_.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(rows) * k),
              0.0f);
    for (int m = 0; m < members(); ++m) add_probabilities(member(m).predict(x, rows), w, average_.data());
    const Tensor avg{average_.data(), rows, k};
    for (int r = 0; r < rows; ++r) {
      const float t = y[static_cast<std::size_t>(r) * d.targets];
      if (d.classes == 0) {
        const float diff = avg(r, 0) - t;
        const LossSpec& ls = config_.learner.loss;
        loss_sum +=
            ls.kind == LossKind::L1Loss ? std::fabs(diff)
            : ls.kind == LossKind::HuberLoss
                ? (std::fabs(diff) < ls.delta ? 0.5 * diff * diff : ls.delta * (std::fabs(diff) - 0.5 * ls.delta))
                : static_cast<double>(diff) * diff;
      } else if (k == 1) {
        const float p = avg(r, 0);
        loss_sum -= t >= 0.5f ? std::max(std::log(p), -100.0f) : std::max(std::log1p(-p), -100.0f);
      } else {
        loss_sum -= std::max(std::log(avg(r, static_cast<int>(t))), -100.0f);
      }
    }
    if (d.classes > 0) correct += accuracy(avg, Tensor{const_cast<float*>(y), rows, d.targets}, 0.5f) * rows;
  }
  return Metrics{loss_sum / n, d.classes > 0 ? correct / n : kNaN};
}

Evaluation Trainer::evaluate() {
  return Evaluation{evaluate(inputs_.train), evaluate(inputs_.validation), evaluate(inputs_.test)};
}

// Confusion of member 0 (for an ensemble, see evaluate() for the ensemble's accuracy).
Confusion Trainer::confusion(const Dataset& d) {
  Confusion c;
  if (d.classes == 0) return c;
  c.classes = d.classes;
  c.counts.assign(static_cast<std::size_t>(c.classes) * c.classes, 0);
  for (int begin = 0; begin < d.size(); begin += kEvalChunk) {
    const int rows = std::min(kEvalChunk, d.size() - begin);
    const Tensor o = learner_.predict(d.x.data() + static_cast<std::size_t>(begin) * d.features, rows);
    float* y = const_cast<float*>(d.y.data()) + static_cast<std::size_t>(begin) * d.targets;
    confusion_matrix(o, Tensor{y, rows, d.targets}, threshold(), c.counts);
  }
  return c;
}

void Trainer::predict(const float* raw_x, int n, float* out) {
  const int nf = pipeline_.features();
  for (int begin = 0; begin < n; begin += kEvalChunk) {
    const int rows = std::min(kEvalChunk, n - begin);
    scratch_.resize(static_cast<std::size_t>(rows) * nf);
    pipeline_.apply(raw_x + static_cast<std::size_t>(begin) * raw_.train.features, rows, scratch_.data());
    if (extras_.empty()) {
      const Tensor o = learner_.predict(scratch_.data(), rows);
      std::copy(o.data, o.data + o.size(), out + static_cast<std::size_t>(begin) * o.cols);
      continue;
    }
    float* dst = out + static_cast<std::size_t>(begin) * model().outputs();  // the ensemble's mean probabilities
    std::fill(dst, dst + static_cast<std::size_t>(rows) * model().outputs(), 0.0f);
    for (int m = 0; m < members(); ++m)
      add_probabilities(member(m).predict(scratch_.data(), rows), 1.0f / members(), dst);
  }
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

void Trainer::predict_grid(int res, float x_min, float x_max, float y_min, float y_max, float* out) {
  if (res < 1 || res > 1024) throw Error("predictGrid: resolution must be from 1 to 1024, got " + std::to_string(res));
  if (raw_.train.features != 2)
    throw Error("predictGrid needs 2-D data; this data has " + std::to_string(raw_.train.features) + " features");
  const int rows_per_chunk = std::max(1, kEvalChunk / res);
  for (int row0 = 0; row0 < res; row0 += rows_per_chunk) {
    const int rows = std::min(rows_per_chunk, res - row0);
    grid_inputs(res, row0, rows, x_min, x_max, y_min, y_max);
    // What the decision boundary shows: P(class 1) whatever the output layer emits (a probability,
    // a logit, log-probabilities), or the raw output for a regression — the column of class 1
    // among the class probabilities.
    const int k = model().outputs(), cells = rows * res;
    std::fill(average_.begin(), average_.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(cells) * k),
              0.0f);
    for (int m = 0; m < members(); ++m)
      add_probabilities(member(m).predict(scratch_.data(), cells), 1.0f / static_cast<float>(members()),
                        average_.data());
    float* dst = out + static_cast<std::size_t>(row0) * res;
    for (int i = 0; i < cells; ++i) dst[i] = average_[static_cast<std::size_t>(i) * k + (k == 1 ? 0 : 1)];
  }
}

void Trainer::predict_grid_probabilities(int res, float x_min, float x_max, float y_min, float y_max, float* out) {
  if (res < 1 || res > 1024)
    throw Error("predictGridClasses: resolution must be from 1 to 1024, got " + std::to_string(res));
  if (raw_.train.features != 2)
    throw Error("predictGridClasses needs 2-D data; this data has " + std::to_string(raw_.train.features) +
                " features");
  const int k = model().outputs();
  const int rows_per_chunk = std::max(1, kEvalChunk / res);
  std::fill(out, out + static_cast<std::size_t>(res) * res * k, 0.0f);
  for (int row0 = 0; row0 < res; row0 += rows_per_chunk) {
    const int rows = std::min(rows_per_chunk, res - row0);
    grid_inputs(res, row0, rows, x_min, x_max, y_min, y_max);
    float* dst = out + static_cast<std::size_t>(row0) * res * k;
    for (int m = 0; m < members(); ++m)
      add_probabilities(member(m).predict(scratch_.data(), rows * res), 1.0f / members(), dst);
  }
}

}  // namespace nnp
