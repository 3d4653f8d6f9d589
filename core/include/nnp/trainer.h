#pragma once
// A whole training run: data (generated from a seed, or supplied), the input pipeline, the
// networks (an Ensemble of one or more Learners: network, loss, optimiser, schedule,
// regularisation) and the course's training loop — all inside the engine, so that JavaScript
// calls run(steps) once for many steps:
//   every epoch: shuffle each member's rows
//     every mini-batch, for each member: gather its rows → augment → Learner::step
//   every evaluate_every epochs: evaluate → history → early stopping (may end the run)
// Each concept has its file: ensemble.h, augmentation.h, early_stopping.h, regularization.h.
//
//   nnp::Trainer t(config);          // validates; throws nnp::Error naming the bad field
//   nnp::Progress p = t.run(100);    // 100 optimiser steps (fewer if early stopping ends the run)
//   nnp::Evaluation e = t.evaluate();
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nnp/augmentation.h"
#include "nnp/data.h"
#include "nnp/early_stopping.h"
#include "nnp/ensemble.h"
#include "nnp/learner.h"
#include "nnp/spec.h"

namespace nnp {

struct DataSpec {
  std::string name = "circle";  // a generator of generators.h, or "supplied" for data given to the Trainer
  int samples = 500;
  double noise = 0.0;
  int classes = 2;
  SplitFractions split;           // data.trainFraction, data.validationFraction; test gets the rest
  std::vector<Feature> features;  // 2-D data only; empty: the raw columns
  bool standardize = false;       // with the training split's mean and std
  // Two classes as targets −1 and +1 (TensorFlow Playground's labels, for a Tanh output and a
  // regression loss); a point is class 1 when the output is ≥ 0. Off: targets 0 and 1.
  bool signed_labels = false;
};

struct TrainingSpec {
  int batch_size = 10;
  bool drop_last = false;            // torch DataLoader's drop_last: skip a last partial batch
  bool shuffle = true;               // false: one fixed order for every epoch, as TF Playground does
  int evaluate_every = 1;            // epochs between evaluations (history, early stopping)
  EarlyStoppingSpec early_stopping;  // early_stopping.h
  AugmentationSpec augmentation;     // augmentation.h: jitter and mixup on each training batch
  EnsembleSpec ensemble;             // ensemble.h: K networks side by side, their mean predicted
};

struct TrainerConfig {
  std::uint64_t seed = 1;
  DataSpec data;
  LearnerSpec learner;
  TrainingSpec training;
};

// Data the caller supplies (real datasets, CSV), raw inputs. Without `test`, the test set is cut
// from `data` by the split fractions; with it, `data` gives train and validation only.
struct SuppliedData {
  Dataset data;
  std::optional<Dataset> test;
};

struct Progress {
  std::int64_t step = 0;     // optimiser steps taken
  std::int64_t epoch = 0;    // completed passes over the training set
  std::int64_t samples = 0;  // training examples consumed
  double batch_loss = 0.0;   // mean mini-batch objective over the last run() call (NaN if it took none)
  bool stopped = false;      // early stopping ended the run; run() takes no more steps
};

struct Metrics {
  double loss = 0.0;      // mean data loss per sample (reduction mean, no L1 term); NaN for an empty set
  double accuracy = 0.0;  // fraction classified correctly; NaN for regression or an empty set
};

struct Evaluation {
  Metrics train;
  Metrics validation;
  Metrics test;
};

struct EpochRecord {
  std::int64_t epoch = 0;
  std::int64_t step = 0;
  Evaluation metrics;
  double lr = 0.0;
  float grad_norm = 0.0f;  // of the last step before the evaluation
};

// counts[actual · classes + predicted] on one split.
struct Confusion {
  int classes = 0;
  std::vector<int> counts;
};

void validate(const TrainerConfig& config);

class Trainer {
 public:
  static constexpr int kChunkRows = 512;  // rows per forward pass when evaluating or predicting

  explicit Trainer(const TrainerConfig& config);
  Trainer(const TrainerConfig& config, SuppliedData data);

  Progress run(int steps);
  Progress run_epochs(int epochs);
  Progress progress() const { return progress_; }
  Evaluation evaluate();
  // Accuracy: one output → class 1 when the output passes threshold(); several → the argmax.
  Metrics evaluate(const Dataset& network_inputs);
  Confusion confusion(const Dataset& network_inputs);
  float threshold() const;
  // Every record_every()th evaluation's record, at most kHistoryRecords of them: when the history
  // is full, every second record is dropped and record_every() doubles, so a run of any length
  // keeps an evenly spaced history in bounded memory (a page left training for hours).
  static constexpr std::size_t kHistoryRecords = 8192;
  const std::vector<EpochRecord>& history() const { return history_; }
  std::int64_t record_every() const { return record_every_; }
  // Ensembles: member 0 is learner(); evaluate() reports the ensemble, evaluate_member(m) one member.
  int members() const { return ensemble_.size(); }
  Learner& member(int m) { return ensemble_.member(m); }
  Evaluation evaluate_member(int m);
  std::int64_t best_epoch() const { return early_stopping_.best_epoch(); }

  // Predictions (predictions.cpp). Raw inputs in, network outputs out: out[i·outputs + j]; an
  // ensemble's: the members' mean probabilities.
  void predict(const float* raw_x, int n, float* out);
  // Every class's probability for raw inputs, as the plot shows them (an ensemble: the members'
  // mean; one network: its outputs as probabilities, as predict_grid_probabilities): out[i·outputs
  // + j], 1 column for a one-output binary model (P(class 1)); the raw output for a regression.
  void predict_probabilities(const float* raw_x, int n, float* out);
  // P(class 1) on a res×res grid of raw 2-D inputs (the raw output for regression), row 0 at
  // y_max; out has res·res floats. Logits and log-probabilities are turned into probabilities.
  void predict_grid(int res, float x_min, float x_max, float y_min, float y_max, float* out);
  // Every class's probability on the grid (an ensemble: the members' mean): out has res·res·k
  // floats, k = outputs (1 for a one-output binary model: P(class 1)); the raw output for a
  // regression. Row 0 at y_max.
  void predict_grid_probabilities(int res, float x_min, float x_max, float y_min, float y_max, float* out);
  // The floats predict_grid (every_class false), predict_grid_probabilities and neuron_maps write at
  // resolution `res`, each refusing what its method refuses (a resolution out of range, data that
  // is not 2-D): a caller sizes its buffer with them first.
  std::size_t grid_size(int res, bool every_class) const;
  std::size_t neuron_maps_size(int res) const;
  // Every member's (an ensemble's members share one spec: member 0 refuses a bad lr before any changes).
  void set_learning_rate(double lr) {
    for (int m = 0; m < members(); ++m) member(m).set_lr(lr);
  }
  // Every unit's post-activation output of member 0 on a res×res grid of raw 2-D inputs (row 0 at
  // y_max), in evaluation mode (no dropout), through the same features and standardisation as
  // training. out has res·res·(inputs + Σ layer units) floats: map u at out[u·res·res …], u running
  // over the network inputs, then each layer's units, the output layer last (neuron_maps.cpp).
  void neuron_maps(int res, float x_min, float x_max, float y_min, float y_max, float* out);

  // The splits in raw inputs (for drawing) and as the network sees them.
  const Split& raw() const { return raw_; }
  const Split& inputs() const { return inputs_; }
  const InputPipeline& pipeline() const { return pipeline_; }
  Learner& learner() { return ensemble_.member(0); }
  Mlp& model() { return learner().model(); }
  const TrainerConfig& config() const { return config_; }

 private:
  Trainer(const TrainerConfig& config, Split raw, bool is_supplied);
  float step_once();  // one mini-batch for every member; returns their mean objective
  void end_of_epoch();
  void gather(const std::vector<int>& order, int n);
  // Fills batch_x_ with the raw grid cells [row0, row0 + rows) and scratch_ with their network inputs.
  void grid_inputs(int res, int row0, int rows, float x_min, float x_max, float y_min, float y_max);
  // predict(…)'s chunks: predict_chunk(network inputs, rows) gives each chunk's outputs.
  template <class Predict>
  void over_rows(const float* raw_x, int n, float* out, Predict predict_chunk);
  template <class Write>
  void over_grid(int res, float x_min, float x_max, float y_min, float y_max, Write write);
  void check_prediction_grid(int res) const;  // 1 … 1024 cells a side, 2-D data
  void check_neuron_maps(int res) const;      // 1 … 256 cells a side, 2-D data
  // Mean loss and accuracy over a split: of member m, or (m < 0) of the ensemble's mean prediction.
  Metrics evaluate_on(const Dataset& d, int m);

  TrainerConfig config_;
  Pcg32 rng_;  // data generation and the split; member 0's shuffles continue this stream
  Split raw_;
  InputPipeline pipeline_;
  Split inputs_;
  Ensemble ensemble_;  // the networks: one, unless training.ensemble asks for more
  Augmentation augmentation_;
  EarlyStopping early_stopping_;
  std::vector<float> batch_x_, batch_y_, scratch_;
  int cursor_ = 0;  // next position in each member's order of training rows
  Progress progress_;
  std::vector<EpochRecord> history_;
  std::int64_t evaluations_ = 0;
  std::int64_t record_every_ = 1;
};

}  // namespace nnp
