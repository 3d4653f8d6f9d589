// An ensemble of K networks (nnp/ensemble.h): each member trains on its own order of the rows
// (with bootstrap, its own resample), and the ensemble predicts the mean of their probabilities
//   p̄(x) = (1/K)·Σ_m p_m(x)
// with the loss of that mean, computed by the same losses as training (torch: a list of models,
// then F.nll_loss(p̄.log().clamp(min=-100), y)).
#include "nnp/ensemble.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "../losses/losses.h"
#include "nnp/error.h"

namespace nnp {
namespace {

constexpr std::uint64_t kGoldenGamma = 0x9e3779b97f4a7c15ULL;  // spreads the members' seeds apart

// The rows a member trains on: 0 … n−1, or with bootstrap n rows drawn with replacement.
std::vector<int> training_rows(int n, bool bootstrap, Pcg32& rng) {
  std::vector<int> order(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = bootstrap ? static_cast<int>(rng.below(static_cast<std::uint32_t>(n))) : static_cast<int>(i);
  return order;
}

}  // namespace

Ensemble::Ensemble(const EnsembleSpec& spec, const LearnerSpec& learner, bool signed_labels, std::uint64_t seed,
                   const Pcg32& rng, int train_rows)
    : loss_(learner.loss), signed_labels_(signed_labels) {
  members_.reserve(static_cast<std::size_t>(spec.members));
  for (int m = 0; m < spec.members; ++m) {
    const std::uint64_t s = seed + kGoldenGamma * static_cast<std::uint64_t>(m);
    Member member{std::make_unique<Learner>(learner, s), {}, m == 0 ? rng : Pcg32(s, 0xda3e39cb94b95bdbULL)};
    member.order = training_rows(train_rows, spec.bootstrap, member.rng);
    members_.push_back(std::move(member));
  }
  // Read only now: each Learner checked the spec (a model with no layers is refused there).
  output_ = learner.model.layers.back().activation.kind;
  const auto k = static_cast<std::size_t>(members_[0].learner->model().outputs());
  mean_.resize(static_cast<std::size_t>(kMaxRows) * k);
  log_probs_.resize(static_cast<std::size_t>(kMaxRows) * k);
  labels_.resize(static_cast<std::size_t>(kMaxRows));
}

Learner& Ensemble::member(int m) {
  if (m < 0 || m >= size())
    throw Error("member " + std::to_string(m) + " does not exist; the ensemble has " + std::to_string(size()));
  return *members_[static_cast<std::size_t>(m)].learner;
}

std::vector<std::span<float>> Ensemble::parameters() {
  std::vector<std::span<float>> p;
  for (Member& m : members_) p.push_back(m.learner->model().parameters());
  return p;
}

void Ensemble::shuffle() {
  for (Member& m : members_)
    for (std::size_t i = m.order.size(); i > 1; --i)
      std::swap(m.order[i - 1], m.order[m.rng.below(static_cast<std::uint32_t>(i))]);
}

Tensor Ensemble::predict(const float* x, int rows) {
  const int k = members_[0].learner->model().outputs();
  std::fill(mean_.begin(), mean_.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(rows) * k), 0.0f);
  const float w = 1.0f / static_cast<float>(size());
  for (Member& m : members_) add_probabilities(m.learner->predict(x, rows), w, mean_.data());
  return Tensor{mean_.data(), rows, k};
}

float Ensemble::loss(const Tensor& mean, const Tensor& targets, int classes) {
  float value = 0.0f;
  if (classes == 0) {  // a regression: the training loss of the mean output
    LossSpec s = loss_;
    s.reduction = Reduction::Mean;
    losses::forward(s, mean, targets, &value, nullptr);
  } else if (mean.cols == 1) {  // P(class 1): binary cross-entropy, which clamps its logs at −100
    Tensor t = targets;
    if (signed_labels_) {
      for (int r = 0; r < mean.rows; ++r) labels_[static_cast<std::size_t>(r)] = 0.5f * (targets.data[r] + 1.0f);
      t.data = labels_.data();
    }
    losses::forward({.kind = LossKind::BCELoss, .reduction = Reduction::Mean}, mean, t, &value, nullptr);
  } else {  // class probabilities: the negative log-likelihood, its logs clamped as BCELoss's
    for (std::size_t i = 0; i < mean.size(); ++i) log_probs_[i] = std::max(std::log(mean.data[i]), -100.0f);
    const Tensor log_p{log_probs_.data(), mean.rows, mean.cols};
    losses::forward({.kind = LossKind::NLLLoss, .reduction = Reduction::Mean}, log_p, targets, &value, nullptr);
  }
  return value;
}

void Ensemble::add_probabilities(const Tensor& o, float w, float* acc) const {
  const bool logit = loss_.kind == LossKind::BCEWithLogitsLoss;
  for (int r = 0; r < o.rows; ++r) {
    float* a = acc + static_cast<std::size_t>(r) * o.cols;
    if (o.cols == 1) {
      const float v = o(r, 0);
      a[0] += w * (logit ? 1.0f / (1.0f + std::exp(-v)) : signed_labels_ ? 0.5f * (v + 1.0f) : v);
      continue;
    }
    if (output_ == Activation::Softmax) {
      for (int c = 0; c < o.cols; ++c) a[c] += w * o(r, c);
      continue;
    }
    const bool log_probs = output_ == Activation::LogSoftmax;
    float m = o(r, 0);
    for (int c = 1; c < o.cols; ++c) m = std::max(m, o(r, c));
    float sum = 0.0f;
    for (int c = 0; c < o.cols; ++c) sum += std::exp(o(r, c) - m);
    for (int c = 0; c < o.cols; ++c) a[c] += w * (log_probs ? std::exp(o(r, c)) : std::exp(o(r, c) - m) / sum);
  }
}

}  // namespace nnp
