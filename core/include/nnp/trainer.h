#pragma once
// A whole training run: data, network, loss, optimiser and the mini-batch loop, all inside the
// engine so that JavaScript calls run(steps) once for many steps.
//
//   nnp::Trainer t(config);          // validates; throws nnp::Error naming the bad field
//   nnp::Progress p = t.run(100);    // 100 optimiser steps
//   nnp::Evaluation e = t.evaluate();
#include <cstdint>

#include "nnp/arena.h"
#include "nnp/autograd.h"
#include "nnp/data.h"
#include "nnp/mlp.h"
#include "nnp/names.h"
#include "nnp/optim.h"

namespace nnp {

struct TrainerConfig {
  std::uint64_t seed = 1;
  DataSpec data;
  MlpSpec network;
  LossKind loss = LossKind::BCELoss;
  OptimizerKind optimizer = OptimizerKind::SGD;
  float lr = 0.1f;
  int batch_size = 10;
};

void validate(const TrainerConfig& config);

struct Progress {
  std::int64_t step = 0;     // optimiser steps taken
  std::int64_t epoch = 0;    // completed passes over the training set
  std::int64_t samples = 0;  // training examples consumed
  double batch_loss = 0.0;   // mean mini-batch loss over the last run() call (NaN if it took none)
};

struct Metrics {
  double loss = 0.0;
  double accuracy = 0.0;  // fraction correct; outputs ≥ 0.5 count as class 1
};

struct Evaluation {
  Metrics train;
  Metrics test;
};

class Trainer {
 public:
  explicit Trainer(const TrainerConfig& config);

  Progress run(int steps);
  Progress progress() const { return progress_; }
  Evaluation evaluate();
  Metrics evaluate(const Dataset& d);
  // out[i·outputs + j]: output j for row i of x [n, inputs].
  void predict(const float* x, int n, float* out);
  // Network output (first unit) on a res×res grid, row 0 at y_max; out has res·res floats.
  void predict_grid(int res, float x_min, float x_max, float y_min, float y_max, float* out);
  void set_learning_rate(float lr);

  const Dataset& train_set() const { return split_.train; }
  const Dataset& test_set() const { return split_.test; }
  Mlp& model() { return model_; }
  const TrainerConfig& config() const { return config_; }

 private:
  float step_once();  // one mini-batch; returns its loss
  void next_epoch();
  Var loss_node(Graph& g, Var prediction, Var target) const;

  TrainerConfig config_;
  Pcg32 rng_;
  Split split_;
  Mlp model_;
  Sgd sgd_;
  Arena arena_;
  Graph graph_;
  std::vector<int> order_;  // this epoch's permutation of training rows
  int cursor_ = 0;          // next position in order_
  Progress progress_;
};

}  // namespace nnp
