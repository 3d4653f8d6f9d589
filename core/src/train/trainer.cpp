// The course's training loop (nnp/trainer.h), as torch writes it:
//   for epoch: for x, y in loader: (augment) → zero_grad → loss → backward → step;
//              every evaluate_every epochs: evaluate, record, early stopping
// for every member of the ensemble. The concepts live in their own files: ensemble.cpp,
// augmentation.cpp, early_stopping.cpp, regularization.cpp (L1), predictions.cpp.
#include "nnp/trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "nnp/error.h"
#include "nnp/generators.h"
#include "nnp/memory_estimate.h"
#include "nnp/metrics.h"
#include "nnp/validate_scene.h"

namespace nnp {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const TrainerConfig& validated(const TrainerConfig& c) {
  validate(c);
  return c;
}

// Generated data: its size is the config's, so the memory check runs before the data exists.
Split generated(const TrainerConfig& c, Pcg32& rng) {
  const GeneratorInfo* g = find_generator(c.data.name);
  if (g != nullptr)
    check_memory(estimate_memory(c, {.rows = c.data.samples, .features = g->features, .classes = c.data.classes}),
                 "data.samples");
  const Dataset all =
      generate({.name = c.data.name, .samples = c.data.samples, .noise = c.data.noise, .classes = c.data.classes}, rng);
  return split_dataset(all, c.data.split, rng);
}

Split supplied(const TrainerConfig& c, SuppliedData d, Pcg32& rng) {
  // Each named by its field (the Embind fuzzing's empty x and y met a message naming none).
  if (d.data.size() == 0) throw Error("data.y: the supplied data needs at least one row, got none");
  if (d.data.features < 1) throw Error("data.features must be at least 1, got " + std::to_string(d.data.features));
  if (d.data.targets != 1) throw Error("data.y must hold one target column, got " + std::to_string(d.data.targets));
  check_memory(estimate_memory(c, {.rows = d.data.size() + (d.test ? d.test->size() : 0),
                                   .features = d.data.features,
                                   .classes = d.data.classes}),
               "data");
  if (!d.test) return split_dataset(d.data, c.data.split, rng);
  if (d.test->features != d.data.features || d.test->classes != d.data.classes)
    throw Error("the supplied test set has " + std::to_string(d.test->features) + " features and " +
                std::to_string(d.test->classes) + " classes; the training data has " + std::to_string(d.data.features) +
                " and " + std::to_string(d.data.classes));
  // A separate test set: the data gives train and validation (validationFraction of it) only.
  Split s;
  if (c.data.split.validation > 0.0) {
    Split tv = split_dataset(d.data, {.train = 1.0 - c.data.split.validation, .validation = 0.0}, rng, "validation");
    s.train = std::move(tv.train);
    s.validation = std::move(tv.test);
  } else {
    s.validation = take_rows(d.data, {}, 0, 0);
    s.train = std::move(d.data);
  }
  s.test = std::move(*d.test);
  return s;
}

// The training batches augmentation receives: class indices become probability rows under mixup
// when the loss takes them (CrossEntropyLoss).
BatchShape batch_shape(const TrainerConfig& c, const Dataset& train, int features) {
  const bool soft_classes = train.classes > 0 && c.learner.loss.kind == LossKind::CrossEntropyLoss;
  return {.rows = std::min(c.training.batch_size, train.size()),
          .features = features,
          .targets = train.targets,
          .soft_classes = soft_classes ? train.classes : 0};
}

// The data's rules against the config (the split already checked its sizes), run before any
// network is built: in wasm this file is compiled without exception handling, so a refusal thrown
// after the ensemble's allocations would skip their destructors and leak them (82 KB a refused
// `new Trainer(config, data)`: issue 17's Embind fuzzing exhausted the heap in 20,000 calls).
Split checked_against_data(const TrainerConfig& c, Split raw) {
  Problems problems;
  const DataShape shape{.rows = raw.train.size() + raw.validation.size() + raw.test.size(),
                        .features = raw.train.features,
                        .classes = raw.train.classes};
  check_against_data(c, shape, raw.train.size(), problems);
  throw_first(problems);
  return raw;
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

// Generated data: the generator, the split and member 0's shuffles share one stream seeded by
// config.seed; initialisation, dropout, the other members and augmentation use their own streams.
Trainer::Trainer(const TrainerConfig& config, Split raw, bool is_supplied)
    : config_(config),
      rng_(config.seed),
      raw_(checked_against_data(config, is_supplied ? std::move(raw) : generated(config, rng_))),
      pipeline_(config.data.features, config.data.standardize, raw_.train.features),
      ensemble_(config.training.ensemble, config.learner, config.data.signed_labels, config.seed, rng_,
                raw_.train.size()),
      augmentation_(config.training.augmentation, config.seed, batch_shape(config, raw_.train, pipeline_.features())),
      early_stopping_(config.training.early_stopping, ensemble_.parameters()) {
  pipeline_.fit(raw_.train);
  inputs_ =
      Split{pipeline_.transform(raw_.train), pipeline_.transform(raw_.validation), pipeline_.transform(raw_.test)};
  if (config_.data.signed_labels)  // the network's targets only: raw_ keeps the classes 0 and 1
    for (Dataset* s : {&inputs_.train, &inputs_.validation, &inputs_.test})
      for (float& y : s->y) y = 2.0f * y - 1.0f;
  const BatchShape batch = batch_shape(config_, inputs_.train, inputs_.train.features);
  batch_x_.resize(static_cast<std::size_t>(batch.rows) * static_cast<std::size_t>(batch.features));
  batch_y_.resize(static_cast<std::size_t>(batch.rows) * static_cast<std::size_t>(augmentation_.target_columns()));
  history_.reserve(1024);  // grows by doubling to kHistoryRecords; steady state allocates nothing
  if (config_.training.shuffle) ensemble_.shuffle();
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

// The training loop, one mini-batch at a time: each member takes the next rows of its own order
// (torch: for x, y in loader), augmented, through one Learner step (zero_grad → forward → loss →
// backward → optimizer.step()). The end of the training rows ends an epoch.
float Trainer::step_once() {
  const Dataset& d = inputs_.train;
  const int n = std::min(config_.training.batch_size, d.size() - cursor_);  // the last batch may be partial
  float value = 0.0f;
  for (Ensemble::Member& m : ensemble_.members()) {
    gather(m.order, n);
    const int y_cols = augmentation_.apply(batch_x_.data(), batch_y_.data(), n);
    value += m.learner->step(batch_x_.data(), batch_y_.data(), n, y_cols);
  }
  value /= static_cast<float>(members());
  cursor_ += n;
  progress_.step += 1;
  progress_.samples += n;
  const int left = d.size() - cursor_;
  if (left <= 0 || (config_.training.drop_last && left < config_.training.batch_size)) {
    progress_.epoch += 1;
    end_of_epoch();
    // A new permutation of the training rows every epoch, unless shuffle is off: then the split's
    // order stays, as in TF Playground.
    if (config_.training.shuffle) ensemble_.shuffle();
    cursor_ = 0;
  }
  return value;
}

void Trainer::gather(const std::vector<int>& order, int n) {
  const Dataset& d = inputs_.train;
  const auto nf = static_cast<std::size_t>(d.features), nt = static_cast<std::size_t>(d.targets);
  for (int i = 0; i < n; ++i) {
    const auto r = static_cast<std::size_t>(order[static_cast<std::size_t>(cursor_) + static_cast<std::size_t>(i)]);
    const auto o = static_cast<std::size_t>(i);
    for (std::size_t f = 0; f < nf; ++f) batch_x_[o * nf + f] = d.x[r * nf + f];
    for (std::size_t t = 0; t < nt; ++t) batch_y_[o * nt + t] = d.y[r * nt + t];
  }
}

// Every evaluate_every epochs: a history record, and early stopping on the validation loss (the
// training loss when there is no validation set).
void Trainer::end_of_epoch() {
  if (progress_.epoch % config_.training.evaluate_every != 0) return;
  const Evaluation e = evaluate();
  if (++evaluations_ % record_every_ == 0 && history_.size() == kHistoryRecords) {
    // Full: keep the records of every second evaluation (those at multiples of the new spacing).
    std::size_t kept = 0;
    for (std::size_t i = 1; i < history_.size(); i += 2) history_[kept++] = history_[i];
    history_.resize(kept);
    record_every_ *= 2;
  }
  if (evaluations_ % record_every_ == 0)
    history_.push_back({progress_.epoch, progress_.step, e, learner().lr(), learner().last_grad_norm()});
  const double monitored = inputs_.validation.size() > 0 ? e.validation.loss : e.train.loss;
  if (early_stopping_.update(progress_.epoch, monitored)) progress_.stopped = true;
}

float Trainer::threshold() const {
  return config_.learner.loss.kind == LossKind::BCEWithLogitsLoss || config_.data.signed_labels ? 0.0f : 0.5f;
}

Evaluation Trainer::evaluate() {
  return Evaluation{evaluate(inputs_.train), evaluate(inputs_.validation), evaluate(inputs_.test)};
}

Metrics Trainer::evaluate(const Dataset& d) { return evaluate_on(d, members() == 1 ? 0 : -1); }

Evaluation Trainer::evaluate_member(int m) {
  member(m);  // throws for a member that does not exist
  return Evaluation{evaluate_on(inputs_.train, m), evaluate_on(inputs_.validation, m), evaluate_on(inputs_.test, m)};
}

// Mean loss over the whole split (reduction mean, no L1 term), evaluated in chunks weighted by
// their rows. A member: its outputs and its training loss; the ensemble: its mean probabilities
// and their loss (Ensemble::loss), a class at 0.5.
Metrics Trainer::evaluate_on(const Dataset& d, int m) {
  const int n = d.size();
  if (n == 0) return Metrics{kNaN, kNaN};
  LossSpec mean_loss = config_.learner.loss;
  mean_loss.reduction = Reduction::Mean;
  double loss_sum = 0.0, correct = 0.0;
  for (int begin = 0; begin < n; begin += kChunkRows) {
    const int rows = std::min(kChunkRows, n - begin);
    float* x = const_cast<float*>(d.x.data()) + static_cast<std::size_t>(begin) * d.features;
    const Tensor y{const_cast<float*>(d.y.data()) + static_cast<std::size_t>(begin) * d.targets, rows, d.targets};
    Tensor outputs;
    float loss;
    if (m >= 0) {
      loss = member(m).evaluate_loss(x, y.data, rows, d.targets, mean_loss);
      outputs = member(m).last_output();
    } else {
      outputs = ensemble_.predict(x, rows);
      loss = ensemble_.loss(outputs, y, d.classes);
    }
    loss_sum += static_cast<double>(loss) * rows;
    if (d.classes > 0) correct += accuracy(outputs, y, m >= 0 ? threshold() : 0.5f) * rows;
  }
  return Metrics{loss_sum / n, d.classes > 0 ? correct / n : kNaN};
}

// Confusion of member 0 (for an ensemble, see evaluate() for the ensemble's accuracy).
Confusion Trainer::confusion(const Dataset& d) {
  Confusion c;
  if (d.classes == 0) return c;
  c.classes = d.classes;
  c.counts.assign(static_cast<std::size_t>(c.classes) * c.classes, 0);
  for (int begin = 0; begin < d.size(); begin += kChunkRows) {
    const int rows = std::min(kChunkRows, d.size() - begin);
    const Tensor o = learner().predict(d.x.data() + static_cast<std::size_t>(begin) * d.features, rows);
    float* y = const_cast<float*>(d.y.data()) + static_cast<std::size_t>(begin) * d.targets;
    confusion_matrix(o, Tensor{y, rows, d.targets}, threshold(), c.counts);
  }
  return c;
}

}  // namespace nnp
