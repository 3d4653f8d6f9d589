#pragma once
// One model with its loss, optimiser, schedule, clipping and L1 penalty: the unit that turns a
// batch into an update, exactly as a PyTorch training step does
//   zero_grad → forward → loss (+ l1·Σ|w|) → backward → clip by norm → clip by value
//   → optimizer.step() → scheduler.step()
// (regularization.h: the L1 term, and where each optimiser applies weight decay.)
// Parameters can be set and read in PyTorch's layout (weight [out, in], bias [out]).
//
//   nnp::Learner learner(spec, /*seed=*/1);
//   float loss = learner.step(x, y, batch, /*y_cols=*/1);
#include <cstdint>
#include <span>
#include <string_view>

#include "nnp/arena.h"
#include "nnp/autograd.h"
#include "nnp/mlp.h"
#include "nnp/mlp_step.h"
#include "nnp/optim.h"
#include "nnp/rng.h"
#include "nnp/spec.h"

namespace nnp {

// Throws nnp::Error naming the field when the spec cannot work (including loss/output mismatches
// that PyTorch would only reject at run time).
void validate(const LearnerSpec& spec);

class Learner {
 public:
  // Validates, then initialises the parameters from `seed` (spec.init).
  Learner(const LearnerSpec& spec, std::uint64_t seed);

  // x: [n, inputs]; y: [n, y_cols] (class indices as floats when y_cols == 1 for the
  // index-target losses). zero_grad, forward in training mode, loss + L1, backward.
  // Returns the objective; throws DivergedError (gradients untouched) if it is not finite.
  float compute_gradients(const float* x, const float* y, int n, int y_cols);
  // Clipping, optimiser step and scheduler step; throws DivergedError without updating if a
  // gradient is not finite.
  void apply_update();
  float step(const float* x, const float* y, int n, int y_cols) {
    const float loss = compute_gradients(x, y, n, y_cols);
    apply_update();
    return loss;
  }
  // `count` steps on one batch; returns the last step's loss. Defined in the core, which is built
  // without exception handling: a caller that catches (the wasm bindings) then wraps the whole loop
  // once, where a loop of its own paid a JS trampoline (emscripten's invoke_) every step.
  float run_steps(const float* x, const float* y, int n, int y_cols, int count);

  // Evaluation mode (no dropout). The result stays valid until the next call on this Learner.
  Tensor predict(const float* x, int n);
  // Data loss (no L1) with the given spec, evaluation mode; the outputs stay readable through
  // last_output() until the next call.
  float evaluate_loss(const float* x, const float* y, int n, int y_cols, const LossSpec& loss);
  const Tensor& last_output() const { return last_output_; }

  void set_parameter(std::string_view name, std::span<const float> data);
  std::span<const float> parameter(std::string_view name) const;
  std::span<const float> gradient(std::string_view name) const;

  double lr() const { return optimizer_.lr(); }
  void set_lr(double lr);
  // Regularisation changed mid-run, without a reset (TF Playground users asked for this): the
  // L1 strength, the optimiser's weight decay, and a layer's dropout. Each is validated like the
  // spec field it replaces.
  void set_l1(float l1);
  void set_weight_decay(double weight_decay);
  void set_dropout(std::size_t layer, float p);
  std::int64_t steps() const { return optimizer_.steps(); }
  float last_grad_norm() const { return last_grad_norm_; }
  const LearnerSpec& spec() const { return spec_; }
  Mlp& model() { return model_; }
  const Mlp& model() const { return model_; }
  // Training steps skip the tape when the network allows it (MlpStep: the same kernels in the
  // same order, so the same bits). Off records every step on the tape; for tests and benchmarks.
  void set_tape_free(bool on) { tape_free_ = on && MlpStep::accepts(model_.spec()); }
  bool tape_free() const { return tape_free_; }

 private:
  const ParamInfo& info(std::string_view name) const;

  LearnerSpec spec_;
  Mlp model_;
  Optimizer optimizer_;
  Scheduler scheduler_;
  Pcg32 dropout_rng_;
  Arena arena_;
  Graph graph_;
  MlpStep direct_;
  bool tape_free_ = false;
  Tensor last_output_;
  float last_grad_norm_ = 0.0f;
};

}  // namespace nnp
