#include "nnp/perceptron.h"

#include <cmath>
#include <string>
#include <utility>

#include "nnp/error.h"

namespace nnp {

Perceptron::Perceptron(int features, const PerceptronSpec& spec) : spec_(spec), rng_(spec.seed) {
  if (features < 1) throw Error("perceptron: the data needs at least one feature");
  if (!(std::isfinite(spec.lr) && spec.lr > 0.0))
    throw Error("perceptron.lr must be a finite number > 0, got " + format_number(spec.lr));
  w_.assign(static_cast<std::size_t>(features), 0.0);
}

int Perceptron::predict(const float* x) const {
  double s = b_;
  for (std::size_t j = 0; j < w_.size(); ++j) s += w_[j] * x[j];
  return s >= 0.0 ? 1 : 0;
}

void Perceptron::check(const Dataset& d) const {
  if (d.features != static_cast<int>(w_.size()))
    throw Error("perceptron: the data has " + std::to_string(d.features) + " features; the unit has " +
                std::to_string(w_.size()));
  if (d.classes != 2) throw Error("perceptron: it separates two classes; this data has " + std::to_string(d.classes));
  if (d.size() == 0) throw Error("perceptron: the data has no samples; add some points");
}

PerceptronStep Perceptron::step(const Dataset& d) {
  check(d);
  if (order_.size() != static_cast<std::size_t>(d.size())) {
    // New data (or the first call): a fresh epoch over it; an epoch under way is dropped.
    order_.resize(static_cast<std::size_t>(d.size()));
    for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<int>(i);
    position_ = 0;
    epoch_mistakes_ = 0;
  }
  if (position_ == 0 && spec_.shuffle)
    for (std::size_t i = order_.size(); i > 1; --i)
      std::swap(order_[i - 1], order_[rng_.below(static_cast<std::uint32_t>(i))]);
  PerceptronStep s;
  s.position = position_;
  s.sample = order_[static_cast<std::size_t>(position_)];
  const float* x = d.x.data() + static_cast<std::size_t>(s.sample) * d.features;
  s.label = d.y[static_cast<std::size_t>(s.sample) * d.targets] >= 0.5f ? 1 : 0;
  s.predicted = predict(x);
  s.mistake = s.predicted != s.label;
  s.delta_w.assign(w_.size(), 0.0);
  if (s.mistake) {
    const double t = s.label == 1 ? spec_.lr : -spec_.lr;  // the rule: only on a mistake
    for (std::size_t j = 0; j < w_.size(); ++j) {
      s.delta_w[j] = t * x[j];
      w_[j] += s.delta_w[j];
    }
    s.delta_b = t;
    b_ += t;
    ++epoch_mistakes_;
  }
  if (++position_ == d.size()) {
    end_epoch();
    s.epoch_end = true;
  }
  return s;
}

int Perceptron::epoch(const Dataset& d) {
  while (!step(d).epoch_end) {
  }
  return mistakes_.back();
}

void Perceptron::end_epoch() {
  const int mistakes = epoch_mistakes_;
  position_ = 0;
  epoch_mistakes_ = 0;
  mistakes_.push_back(mistakes);
  converged_ = mistakes == 0;
  std::vector<double> state = w_;
  state.push_back(b_);
  if (!converged_ && cycle_length_ == 0 && !spec_.shuffle)
    for (std::size_t e = 0; e < states_.size(); ++e)
      if (states_[e] == state) {
        cycle_length_ = static_cast<int>(states_.size() - e);
        break;
      }
  states_.push_back(std::move(state));
}

double Perceptron::accuracy(const Dataset& d) const {
  if (d.size() == 0) return 0.0;
  int correct = 0;
  for (int r = 0; r < d.size(); ++r)
    correct += predict(d.x.data() + static_cast<std::size_t>(r) * d.features) ==
                       (d.y[static_cast<std::size_t>(r) * d.targets] >= 0.5f ? 1 : 0)
                   ? 1
                   : 0;
  return static_cast<double>(correct) / d.size();
}

Dataset snap_to_grid(Dataset d, double step) {
  if (!(std::isfinite(step) && step > 0.0))
    throw Error("grid step must be a finite number > 0, got " + format_number(step));
  for (float& v : d.x) v = static_cast<float>(std::round(v / step) * step);
  return d;
}

}  // namespace nnp
