#pragma once
// A whole training run: data, a Learner (network, loss, optimiser, schedule, regularisation) and
// the mini-batch loop, all inside the engine so that JavaScript calls run(steps) once for many
// steps.
//
//   nnp::Trainer t(config);          // validates; throws nnp::Error naming the bad field
//   nnp::Progress p = t.run(100);    // 100 optimiser steps
//   nnp::Evaluation e = t.evaluate();
#include <cstdint>
#include <vector>

#include "nnp/data.h"
#include "nnp/learner.h"
#include "nnp/spec.h"

namespace nnp {

struct TrainerConfig {
  std::uint64_t seed = 1;
  DataSpec data;
  LearnerSpec learner;
  int batch_size = 10;
};

void validate(const TrainerConfig& config);

struct Progress {
  std::int64_t step = 0;     // optimiser steps taken
  std::int64_t epoch = 0;    // completed passes over the training set
  std::int64_t samples = 0;  // training examples consumed
  double batch_loss = 0.0;   // mean mini-batch objective over the last run() call (NaN if it took none)
};

struct Metrics {
  double loss = 0.0;      // mean data loss per sample (reduction mean, no L1 term)
  double accuracy = 0.0;  // fraction classified correctly (see Trainer::evaluate)
};

struct Evaluation {
  Metrics train;
  Metrics test;
};

// counts[actual · classes + predicted] on one split.
struct Confusion {
  int classes = 0;
  std::vector<int> counts;
};

class Trainer {
 public:
  explicit Trainer(const TrainerConfig& config);

  Progress run(int steps);
  Progress progress() const { return progress_; }
  // Accuracy: one output → class 1 when the output passes 0.5 (0 for BCEWithLogitsLoss, whose
  // outputs are logits); several outputs → the argmax.
  Evaluation evaluate();
  Metrics evaluate(const Dataset& d);
  Confusion confusion(const Dataset& d);
  // The output value at which one output counts as class 1: 0 for logits (BCEWithLogitsLoss), else 0.5.
  float threshold() const;
  // out[i·outputs + j]: output j for row i of x [n, inputs].
  void predict(const float* x, int n, float* out);
  // P(class 1) on a res×res grid (the raw output for regression losses), row 0 at y_max; out has
  // res·res floats. Logits and log-probabilities are turned into probabilities.
  void predict_grid(int res, float x_min, float x_max, float y_min, float y_max, float* out);
  void set_learning_rate(double lr) { learner_.set_lr(lr); }

  const Dataset& train_set() const { return split_.train; }
  const Dataset& test_set() const { return split_.test; }
  Learner& learner() { return learner_; }
  Mlp& model() { return learner_.model(); }
  const TrainerConfig& config() const { return config_; }

 private:
  float step_once();  // one mini-batch; returns its objective
  float class1_probability(const Tensor& outputs, int row) const;
  void next_epoch();

  TrainerConfig config_;
  Pcg32 rng_;  // data generation and the per-epoch shuffle
  Split split_;
  Learner learner_;
  std::vector<float> batch_x_, batch_y_;
  std::vector<int> order_;  // this epoch's permutation of training rows
  int cursor_ = 0;          // next position in order_
  Progress progress_;
};

}  // namespace nnp
