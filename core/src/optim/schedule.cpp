// torch.optim.lr_scheduler (PyTorch 1.13), in the recursive ("chainable") forms its get_lr() uses.
#include <cmath>
#include <string>

#include "nnp/error.h"
#include "nnp/optim.h"

namespace nnp {

void validate(const SchedulerSpec& s) {
  const auto fail = [](const std::string& what) { throw Error("scheduler." + what); };
  switch (s.kind) {
    case SchedulerKind::None: return;
    case SchedulerKind::StepLR:
      if (s.step_size < 1) fail("step_size must be a whole number ≥ 1, got " + std::to_string(s.step_size));
      if (!(std::isfinite(s.gamma) && s.gamma > 0.0)) fail("gamma must be a finite number > 0");
      return;
    case SchedulerKind::ExponentialLR:
      if (!(std::isfinite(s.gamma) && s.gamma > 0.0)) fail("gamma must be a finite number > 0");
      return;
    case SchedulerKind::CosineAnnealingLR:
      if (s.t_max < 1) fail("T_max must be a whole number ≥ 1, got " + std::to_string(s.t_max));
      if (!(std::isfinite(s.eta_min) && s.eta_min >= 0.0)) fail("eta_min must be a finite number ≥ 0");
      return;
    case SchedulerKind::LinearLR:
      if (!(s.start_factor > 0.0 && s.start_factor <= 1.0)) fail("start_factor must be in (0, 1]");
      if (!(s.end_factor >= 0.0 && s.end_factor <= 1.0)) fail("end_factor must be in [0, 1]");
      if (s.total_iters < 1) fail("total_iters must be a whole number ≥ 1");
      return;
  }
}

Scheduler::Scheduler(const SchedulerSpec& spec, double base_lr) : spec_(spec), base_lr_(base_lr), lr_(base_lr) {
  validate(spec_);
  if (spec_.kind == SchedulerKind::LinearLR) lr_ = base_lr * spec_.start_factor;  // epoch 0
}

void Scheduler::reset_base(double lr) {
  base_lr_ = lr;
  lr_ = lr;
}

void Scheduler::step() {
  const std::int64_t e = ++last_epoch_;
  const SchedulerSpec& s = spec_;
  switch (s.kind) {
    case SchedulerKind::None: return;
    case SchedulerKind::StepLR:  // ×γ every step_size epochs
      if (e % s.step_size == 0) lr_ *= s.gamma;
      return;
    case SchedulerKind::ExponentialLR:  // ×γ every epoch
      lr_ *= s.gamma;
      return;
    case SchedulerKind::CosineAnnealingLR: {
      constexpr double kPi = 3.14159265358979323846;
      const double t = s.t_max;
      if ((e - 1 - s.t_max) % (2 * s.t_max) == 0) {
        lr_ += (base_lr_ - s.eta_min) * (1.0 - std::cos(kPi / t)) / 2.0;
      } else {
        lr_ = (1.0 + std::cos(kPi * static_cast<double>(e) / t)) /
                  (1.0 + std::cos(kPi * static_cast<double>(e - 1) / t)) * (lr_ - s.eta_min) +
              s.eta_min;
      }
      return;
    }
    case SchedulerKind::LinearLR:
      if (e > s.total_iters) return;
      lr_ *= 1.0 + (s.end_factor - s.start_factor) /
                       (s.total_iters * s.start_factor + static_cast<double>(e - 1) * (s.end_factor - s.start_factor));
      return;
  }
}

}  // namespace nnp
