#pragma once
// An ensemble: K networks trained side by side, each from its own initialisation (seed) and, with
// bootstrap ("bagging"), on its own resample of the training set (n rows drawn with replacement).
// It predicts the members' mean class probability (mean output, for a regression), and its loss
// is the loss of that mean. PyTorch has no module for it: K models in a list, and
//   p̄ = (1/K)·Σ_m softmax(f_m(x));  loss = F.nll_loss(p̄.log().clamp(min=-100), y)
// (F.binary_cross_entropy(p̄, y) for one output; the training loss of the mean output for a
// regression). One network is an ensemble of one.
//
//   nnp::Ensemble e({.members = 3, .bootstrap = true}, learner_spec, false, seed, Pcg32(seed), rows);
//   for (nnp::Ensemble::Member& m : e.members()) m.learner->step(x, y, n, 1);  // rows m.order[…]
//   nnp::Tensor p = e.predict(x, n);        // [n, outputs]: the mean probabilities
//   float loss = e.loss(p, targets, classes);
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "nnp/learner.h"
#include "nnp/rng.h"
#include "nnp/tensor.h"

namespace nnp {

struct EnsembleSpec {
  int members = 1;
  bool bootstrap = false;
};

class Ensemble {
 public:
  struct Member {
    std::unique_ptr<Learner> learner;
    std::vector<int> order;  // its training rows (a bootstrap resample: repeats allowed), shuffled each epoch
    Pcg32 rng;               // its resample and shuffle stream
  };

  // Member 0 starts from `seed` and draws its rows from `rng` (the run's data stream, where the
  // split left it); member m from its own seed and stream. signed_labels: one output trained
  // towards −1 and +1 (its probability is (o + 1)/2).
  Ensemble(const EnsembleSpec& spec, const LearnerSpec& learner, bool signed_labels, std::uint64_t seed,
           const Pcg32& rng, int train_rows);

  int size() const { return static_cast<int>(members_.size()); }
  std::vector<Member>& members() { return members_; }
  // Throws nnp::Error for a member that does not exist.
  Learner& member(int m);
  // Every member's parameters (stable for the ensemble's life): what early stopping saves.
  std::vector<std::span<float>> parameters();
  // A new order of each member's rows (Fisher–Yates from its stream).
  void shuffle();

  // The mean of the members' class probabilities on x [rows, inputs], k = outputs per row (one
  // output: P(class 1)); the mean output for a regression. rows ≤ kMaxRows; the result stays
  // valid until the next call.
  static constexpr int kMaxRows = 1024;
  Tensor predict(const float* x, int rows);
  // Mean loss per row of a mean prediction (predict()'s result) against targets [rows, 1]:
  // NLLLoss of max(log p̄, −100) for several outputs, BCELoss of p̄ for one (±1 labels as 0/1),
  // the training loss (MSE, L1 or Huber) for a regression (classes == 0) — all by losses::forward.
  float loss(const Tensor& mean, const Tensor& targets, int classes);

 private:
  // Adds weight × the probabilities of one member's outputs o to acc (k floats per row): softmax
  // of logits, exp of log-probabilities, σ of a BCE logit, (o + 1)/2 of a ±1 output, a
  // probability (or a regression's output) as it is.
  void add_probabilities(const Tensor& o, float weight, float* acc) const;

  LossSpec loss_;
  Activation output_ = Activation::Identity;  // the output layer's activation
  bool signed_labels_;
  std::vector<Member> members_;
  std::vector<float> mean_;                // predict()'s result
  std::vector<float> log_probs_, labels_;  // loss(): log p̄, and ±1 labels as 0/1
};

}  // namespace nnp
