#include "nnp/learner.h"

#include <cmath>
#include <cstring>
#include <string>

#include "nnp/catalogue.h"
#include "nnp/error.h"
#include "nnp/kernels.h"
#include "nnp/memory_estimate.h"
#include "nnp/regularization.h"

namespace nnp {
namespace {

// What a diverged run's message advises (the page shows it as it is): the two remedies the
// course teaches, then Reset, since the parameters are already far from where they started.
std::string divergence_hint(double lr) {
  return "Lower the learning rate (optimizer.lr, now " + format_number(lr) +
         ") or clip gradients (clip_grad_norm), then reset.";
}

}  // namespace

float Learner::compute_gradients(const float* x, const float* y, int n, int y_cols) {
  if (n < 1) throw Error("a batch needs at least one row, got " + std::to_string(n));
  Var loss;
  float value;
  if (tape_free_) {
    value = direct_.forward(model_, spec_.loss, x, y, n, y_cols, &dropout_rng_);
  } else {
    graph_.clear();
    Var xv = graph_.input({const_cast<float*>(x), n, model_.inputs()});
    Var yv = graph_.input({const_cast<float*>(y), n, y_cols});
    Var out = model_.forward(graph_, xv, &dropout_rng_);
    loss = graph_.loss(out, yv, spec_.loss);
    value = graph_.scalar(loss);
  }
  // The L1 penalty λ·Σ|w| joins the objective here and its gradient λ·sign(w) after backward
  // (regularization.cpp).
  const float l1 = spec_.l1;
  if (l1 > 0.0f) value += l1_penalty(model_, l1);
  if (!std::isfinite(value)) {
    // Built statement by statement, each temporary gone before the throw (nnp/error.h says why).
    std::string message = "diverged at step " + std::to_string(steps() + 1) + ": the loss is ";
    message += std::isnan(value) ? "NaN" : "infinite";
    message += "; the parameters keep their last finite values. ";
    message += divergence_hint(lr());
    throw DivergedError(std::move(message));
  }
  if (tape_free_) {
    direct_.backward(model_, spec_.loss);  // overwrites every gradient: no zero_grad pass needed
  } else {
    model_.zero_grad();
    graph_.backward(loss);
  }
  if (l1 > 0.0f) add_l1_gradient(model_, l1);
  return value;
}

float Learner::run_steps(const float* x, const float* y, int n, int y_cols, int count) {
  float loss = 0.0f;
  for (int s = 0; s < count; ++s) loss = step(x, y, n, y_cols);
  return loss;
}

void Learner::apply_update() {
  std::span<float> grads = model_.gradients();
  // One pass gives the norm and the finiteness check: a NaN or infinite gradient makes it so.
  const double sum_sq = grad_sum_of_squares(grads);
  if (!std::isfinite(sum_sq))
    throw DivergedError("diverged at step " + std::to_string(steps() + 1) +
                        ": a gradient is not finite; the parameters keep their last finite values. " +
                        divergence_hint(lr()));
  last_grad_norm_ = static_cast<float>(std::sqrt(sum_sq));
  if (spec_.clip_grad_norm > 0.0f) clip_grad_norm(grads, spec_.clip_grad_norm, last_grad_norm_);
  if (spec_.clip_grad_value > 0.0f) clip_grad_value(grads, spec_.clip_grad_value);
  optimizer_.step(model_.parameters(), grads);
  scheduler_.step();
  optimizer_.set_lr(scheduler_.lr());
}

Tensor Learner::predict(const float* x, int n) {
  graph_.clear();
  Var xv = graph_.input({const_cast<float*>(x), n, model_.inputs()});
  last_output_ = graph_.value(model_.forward(graph_, xv));
  return last_output_;
}

float Learner::evaluate_loss(const float* x, const float* y, int n, int y_cols, const LossSpec& loss) {
  graph_.clear();
  Var xv = graph_.input({const_cast<float*>(x), n, model_.inputs()});
  Var out = model_.forward(graph_, xv);
  last_output_ = graph_.value(out);
  return graph_.scalar(graph_.loss(out, graph_.input({const_cast<float*>(y), n, y_cols}), loss));
}

}  // namespace nnp
