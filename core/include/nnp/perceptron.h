#pragma once
// Rosenblatt's perceptron, the lesson before gradient descent: a threshold unit
// ŷ = [w·x + b ≥ 0] trained by the perceptron rule, which changes the weights only on a mistake:
// w ← w + lr·t·x, b ← b + lr·t with t = +1 for class 1 and −1 for class 0. On linearly separable
// data it converges (an epoch with no mistake); on XOR it never does, and with a fixed order the
// weights come back to an earlier state — it cycles.
//
//   nnp::Perceptron p(2, {.lr = 1.0});
//   while (!p.converged() && !p.cycling() && p.epochs() < 100) p.epoch(data);
#include <cstdint>
#include <vector>

#include "nnp/data.h"
#include "nnp/rng.h"

namespace nnp {

struct PerceptronSpec {
  double lr = 1.0;
  bool shuffle = false;  // a fixed order (the classic presentation) makes cycling exact and visible
  std::uint64_t seed = 1;
};

class Perceptron {
 public:
  Perceptron(int features, const PerceptronSpec& spec);

  // One pass over d (two classes, labels 0/1); returns the number of mistakes (updates) made.
  int epoch(const Dataset& d);
  int predict(const float* x) const;
  double accuracy(const Dataset& d) const;

  bool converged() const { return converged_; }
  // Weights and bias at the end of this epoch equal those at the end of an earlier one while
  // mistakes were still being made: the rule is going round in circles.
  bool cycling() const { return cycle_length_ > 0; }
  int cycle_length() const { return cycle_length_; }
  int epochs() const { return static_cast<int>(mistakes_.size()); }
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
  bool converged_ = false;
  int cycle_length_ = 0;
};

}  // namespace nnp
