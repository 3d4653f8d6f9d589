// The course's training loop (nnp/trainer.h), as torch writes it:
//   for epoch: for x, y in loader: (augment) → zero_grad → loss → backward → step;
//              every evaluate_every epochs: evaluate, record, early stopping
// for every member of the ensemble. Building one is trainer_setup.cpp's; the concepts live in their
// own files: ensemble.cpp, augmentation.cpp, early_stopping.cpp, regularization.cpp (L1),
// predictions.cpp.
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

}  // namespace

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
