#pragma once
// Rosenblatt's perceptron, the lesson before gradient descent: a threshold unit
// ŷ = [w·x + b ≥ 0] trained by the perceptron rule, which changes the weights only on a mistake:
// w ← w + lr·t·x, b ← b + lr·t with t = +1 for class 1 and −1 for class 0. On linearly separable
// data it converges (an epoch with no mistake); on XOR it never does, and with a fixed order the
// weights come back to an earlier state — it cycles.
//
//   nnp::Perceptron p(2, {.lr = 1.0});
//   while (!p.converged() && !p.cycling() && p.epochs() < 100) p.epoch(data);
//   nnp::PerceptronStep s = p.step(data);   // or one sample at a time (a lab's "Step sample")
#include <cstdint>
#include <vector>

#include "nnp/data.h"
#include "nnp/rng.h"

namespace nnp {

// What one presentation of one sample did.
struct PerceptronStep {
  int sample = 0;    // the row of the data that was shown
  int position = 0;  // its place in this epoch's order (0 … size−1)
  int predicted = 0, label = 0;
  bool mistake = false;
  // The update made (all zero without a mistake): Δw = lr·t·x, Δb = lr·t.
  std::vector<double> delta_w;
  double delta_b = 0.0;
  bool epoch_end = false;  // this sample closed an epoch (mistakes_per_epoch() has grown)
};

struct PerceptronSpec {
  double lr = 1.0;
  bool shuffle = false;  // a fixed order (the classic presentation) makes cycling exact and visible
  std::uint64_t seed = 1;
};

class Perceptron {
 public:
  Perceptron(int features, const PerceptronSpec& spec);

  // One pass over d (two classes, labels 0/1); returns the number of mistakes (updates) made.
  // Called in the middle of an epoch (after step()), it finishes that epoch.
  int epoch(const Dataset& d);
  // The next sample of the epoch's order, and the rule applied to it; the epoch's bookkeeping
  // (mistakes, convergence, cycling) happens when its last sample has been shown.
  PerceptronStep step(const Dataset& d);
  int predict(const float* x) const;
  double accuracy(const Dataset& d) const;

  bool converged() const { return converged_; }
  // Weights and bias at the end of this epoch equal those at the end of an earlier one while
  // mistakes were still being made: the rule is going round in circles.
  bool cycling() const { return cycle_length_ > 0; }
  int cycle_length() const { return cycle_length_; }
  int epochs() const { return static_cast<int>(mistakes_.size()); }
  // Samples shown so far in the epoch under way, and the mistakes among them.
  int position() const { return position_; }
  int epoch_mistakes() const { return epoch_mistakes_; }
  const std::vector<int>& mistakes_per_epoch() const { return mistakes_; }
  const std::vector<double>& weights() const { return w_; }
  double bias() const { return b_; }

 private:
  PerceptronSpec spec_;
  Pcg32 rng_;
  std::vector<double> w_;
  double b_ = 0.0;
  std::vector<int> mistakes_;
  std::vector<std::vector<double>> states_;  // (w, b) at each epoch's end
  std::vector<int> order_;
  int position_ = 0;
  int epoch_mistakes_ = 0;
  bool converged_ = false;
  int cycle_length_ = 0;

  void check(const Dataset& d) const;
  void end_epoch();
};

// d with every coordinate rounded to a multiple of `step` (> 0). On such points the rule's weights
// stay on a lattice inside a bounded region (the perceptron cycling theorem), so on data no line
// separates they must return to an earlier state: a cycle that cycling() can detect exactly. On
// arbitrary real coordinates the weights wander without ever repeating bit for bit.
Dataset snap_to_grid(Dataset d, double step);

}  // namespace nnp
