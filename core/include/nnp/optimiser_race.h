#pragma once
// The optimiser race (issue 15): racers descend one 2-D surface f(x, y) side by side, each a
// parameter (x, y) stepped by the engine's own torch.optim rules (nnp::Optimizer, and an optional
// nnp::Scheduler), each gradient from the engine's autograd (the surface's expression recorded on
// a Graph, then backward). Optional Gaussian gradient noise (a mini-batch's, drawn from each
// racer's seeded PCG32) and a clean stop at divergence, with the step named.
//
//   nnp::RaceSpec spec{.expression = "(1 - x)^2 + 100*(y - x^2)^2", .start = {-1.2, 1.0}};
//   spec.racers.push_back(nnp::OptimizerSpec::defaults_for(nnp::OptimizerKind::Adam));
//   nnp::OptimiserRace race(spec);
//   race.run(500);
//   race.racer(0).position();   // (x, y) after 500 steps; race.racer(0).trajectory() every one
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nnp/loss_surfaces.h"
#include "nnp/optim.h"
#include "nnp/rng.h"
#include "nnp/spec.h"

namespace nnp {

class SurfaceFunction;  // the parsed expression and its tape (optimiser_race.cpp)

struct RaceSpec {
  std::string expression;  // f(x, y) in the labs' grammar (nnp/expression.h)
  SurfacePoint start;
  std::vector<OptimizerSpec> racers;
  SchedulerSpec scheduler;      // each racer's own, from its own lr (None: constant lr)
  double gradient_noise = 0.0;  // std of the Gaussian noise added to each gradient component
  std::uint64_t seed = 1;       // racer i draws its noise from Pcg32(seed + i)
};

// {"expression": "…", "start": [x, y], "racers": [{"name": "Adam", "lr": 0.05, …}, …],
//  "scheduler": null | {"name": "ExponentialLR", "gamma": 0.99}, "gradient_noise": 0, "seed": 1}:
// optimisers and schedulers in torch's names and keyword arguments (spec_json.h).
RaceSpec race_spec_from_json(std::string_view json);

// Throws nnp::Error naming the field (racers[2].lr …, gradient_noise …) and the accepted range; an
// expression's syntax error names its column.
void validate(const RaceSpec& spec);

// One racer: its position, its optimiser and what it has done.
class Racer {
 public:
  Racer(const OptimizerSpec& optimizer, const SchedulerSpec& scheduler, SurfacePoint start, std::uint64_t seed);

  std::array<float, 2> position() const { return {p_[0], p_[1]}; }
  // Every position so far, the start first: [x₀, y₀, x₁, y₁, …] (steps() + 1 points).
  std::span<const float> trajectory() const { return trajectory_; }
  // f before each step (steps() values).
  std::span<const float> losses() const { return losses_; }
  std::int64_t steps() const { return static_cast<std::int64_t>(losses_.size()); }
  // f and its gradient (without noise) at position(), as of the last run.
  float value() const { return f_; }
  std::array<float, 2> gradient() const { return {g_[0], g_[1]}; }
  double lr() const { return optimizer_.lr(); }
  Optimizer::State state() const { return optimizer_.state(); }
  bool diverged() const { return !message_.empty(); }
  // "diverged at step N: …" once it has, else empty.
  const std::string& message() const { return message_; }

 private:
  friend class OptimiserRace;
  void step(SurfaceFunction& f, double noise);
  void look(SurfaceFunction& f);  // f_, g_ at p_
  void stop(const std::string& why);

  Optimizer optimizer_;
  Scheduler scheduler_;
  Pcg32 rng_;
  std::array<float, 2> p_{}, g_{}, noisy_{};
  float f_ = 0.0f;
  std::vector<float> trajectory_, losses_;
  std::string message_;
};

class OptimiserRace {
 public:
  explicit OptimiserRace(const RaceSpec& spec);
  ~OptimiserRace();
  OptimiserRace(const OptimiserRace&) = delete;
  OptimiserRace& operator=(const OptimiserRace&) = delete;

  // Every racer that has not diverged takes `steps` more steps (a diverged one stays where it was).
  void run(int steps);
  std::size_t racers() const { return racers_.size(); }
  const Racer& racer(std::size_t i) const { return racers_.at(i); }
  const RaceSpec& spec() const { return spec_; }

 private:
  RaceSpec spec_;
  std::unique_ptr<SurfaceFunction> f_;
  std::vector<Racer> racers_;
};

// f on a res × res grid over [x_min, x_max] × [y_min, y_max], row-major from (x_min, y_min), x
// fastest: the contours' values (a value that overflows is +inf).
std::vector<float> surface_grid(const std::string& expression, int res, double x_min, double x_max, double y_min,
                                double y_max);

}  // namespace nnp
