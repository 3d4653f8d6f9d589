#pragma once
// Optimisers, learning-rate schedules and gradient clipping, with the update rules of torch.optim
// and torch.nn.utils (PyTorch 1.13). Parameters, gradients and every optimiser state live in flat
// slabs of one layout, so a step is one pass over memory per parameter group.
//
//   nnp::Optimizer opt(nnp::OptimizerSpec{.kind = nnp::OptimizerKind::Adam, .lr = 1e-3},
//                      net.segments());
//   opt.step(net.parameters(), net.gradients());
#include <cstdint>
#include <span>
#include <vector>

#include "nnp/spec.h"
#include "nnp/tensor.h"

namespace nnp {

// A contiguous run of the parameter slab (one torch parameter).
struct ParamSegment {
  std::size_t offset = 0;
  std::size_t size = 0;
  bool is_bias = false;
};

// Throws nnp::Error naming the field ("optimizer.betas …") and the accepted range. lr and
// weight_decay, which a run changes live, are the Learner's to check (validate(LearnerSpec)).
void validate(const OptimizerSpec& spec);
void validate(const SchedulerSpec& spec);

class Optimizer {
 public:
  Optimizer(const OptimizerSpec& spec, std::vector<ParamSegment> segments);
  void step(std::span<float> params, std::span<const float> grads);
  double lr() const { return spec_.lr; }
  // Unchecked: the caller's (Learner::set_lr checks a user's; a schedule's may reach 0).
  void set_lr(double lr);
  void set_weight_decay(double weight_decay);
  std::int64_t steps() const { return step_; }
  const OptimizerSpec& spec() const { return spec_; }

  // The per-element state torch.optim keeps, under torch's state_dict names, laid out like the
  // parameters; a buffer the rule does not keep (SGD without momentum, RMSprop not centered, …)
  // is empty. Read-only: for showing the state (the optimiser race lab).
  struct State {
    std::span<const float> momentum_buffer;  // SGD with momentum, RMSprop with momentum
    std::span<const float> sum;              // Adagrad
    std::span<const float> square_avg;       // RMSprop
    std::span<const float> grad_avg;         // RMSprop centered
    std::span<const float> exp_avg;          // Adam, AdamW
    std::span<const float> exp_avg_sq;       // Adam, AdamW
    std::span<const float> max_exp_avg_sq;   // Adam, AdamW with amsgrad
  };
  State state() const;

 private:
  void step_segment(const ParamSegment& seg, float* p, const float* g);
  void plan_passes();

  ParamSegment whole_;  // the whole slab when one pass serves every segment, else size 0

  OptimizerSpec spec_;
  std::vector<ParamSegment> segments_;
  std::int64_t step_ = 0;
  // Per-element state, laid out like the parameters. SGD: s1 = momentum_buffer. Adagrad: s1 = sum.
  // RMSprop: s1 = square_avg, s2 = momentum_buffer, s3 = grad_avg. Adam(W): s1 = exp_avg,
  // s2 = exp_avg_sq, s3 = max_exp_avg_sq.
  AlignedVector s1_, s2_, s3_;
};

// torch.optim.lr_scheduler semantics: constructing applies the epoch-0 learning rate (LinearLR
// starts at start_factor·lr); step() after every optimiser step uses torch's recursive forms.
class Scheduler {
 public:
  Scheduler(const SchedulerSpec& spec, double base_lr);
  double lr() const { return lr_; }
  void step();
  // A learning rate set by hand mid-run becomes the new base of the schedule.
  void reset_base(double lr);

 private:
  SchedulerSpec spec_;
  double base_lr_;
  double lr_;
  std::int64_t last_epoch_ = 0;
};

// torch.nn.utils.clip_grad_norm_: scales all gradients by min(1, max_norm/(‖g‖₂ + 1e-6)).
// Returns the total norm before clipping.
float clip_grad_norm(std::span<float> grads, float max_norm);
// The same with the total norm already computed.
float clip_grad_norm(std::span<float> grads, float max_norm, float total_norm);
// torch.nn.utils.clip_grad_value_: clamps every gradient to [−clip, clip].
void clip_grad_value(std::span<float> grads, float clip);
// The 2-norm of all gradients (for gradient-norm traces), and its square accumulated in double
// (not finite exactly when a gradient is not).
float grad_norm(std::span<const float> grads);
double grad_sum_of_squares(std::span<const float> grads);

}  // namespace nnp
