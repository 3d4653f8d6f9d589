// The optimiser race: each racer's step is PyTorch's loop for a 2-element parameter —
// zero_grad, f = surface(p), f.backward(), (noise), optimizer.step(), scheduler.step() — with the
// engine's autograd and torch.optim rules.
#include "nnp/optimiser_race.h"

#include <cmath>
#include <string>

#include "nnp/arena.h"
#include "nnp/autograd.h"
#include "nnp/catalogue.h"
#include "nnp/error.h"
#include "nnp/expression.h"

namespace nnp {

namespace {

// A surface's expression: parsed by the labs' grammar, and using no names but x and y.
Expression parse_surface(const std::string& source) {
  Expression e = parse_expression(source);
  for (const ExprNode& n : e.nodes)
    if (n.kind == ExprKind::Leaf && e.leaves[n.leaf] != "x" && e.leaves[n.leaf] != "y")
      throw Error("column " + std::to_string(n.column) + ": '" + e.leaves[n.leaf] +
                  "' is not a variable of the surface; write f with x and y only");
  return e;
}

}  // namespace

// The surface's expression, parsed once, recorded on a fresh tape at each evaluation. x and y are
// [1, 1] parameters in aligned scratch (the tape's kernels may load 16 bytes at a time).
class SurfaceFunction {
 public:
  explicit SurfaceFunction(const std::string& expression) : expression_(parse_surface(expression)), graph_(arena_) {
    float* s = scratch_.data();
    for (const std::string& name : expression_.leaves)
      leaves_.push_back(name == "x" ? ExpressionLeaf{s + kX, s + kGradX} : ExpressionLeaf{s + kY, s + kGradY});
  }

  const Expression& expression() const { return expression_; }

  // f(x, y); with grad, ∂f/∂x and ∂f/∂y into grad[0], grad[1] (zero for a variable f lacks).
  float evaluate(float x, float y, float* grad) {
    graph_.clear();
    float* s = scratch_.data();
    s[kX] = x;
    s[kY] = y;
    s[kGradX] = 0.0f;
    s[kGradY] = 0.0f;
    const Var f = record_expression(graph_, expression_, leaves_).output;
    const float value = graph_.scalar(f);
    if (grad != nullptr && std::isfinite(value)) {
      graph_.backward(f);
      grad[0] = s[kGradX];
      grad[1] = s[kGradY];
    }
    return value;
  }

 private:
  static constexpr std::size_t kX = 0, kY = 4, kGradX = 8, kGradY = 12;  // 16 bytes apart
  Expression expression_;
  Arena arena_{256};
  Graph graph_;
  AlignedVector scratch_ = AlignedVector(16, 0.0f);
  std::vector<ExpressionLeaf> leaves_;
};

namespace {

bool finite(const std::array<float, 2>& v) { return std::isfinite(v[0]) && std::isfinite(v[1]); }

std::string point(const std::array<float, 2>& p) {
  return "(" + format_number(p[0]) + ", " + format_number(p[1]) + ")";
}

}  // namespace

void validate(const RaceSpec& spec) {
  parse_surface(spec.expression);
  if (!(std::isfinite(spec.start.x) && std::isfinite(spec.start.y)))
    throw Error("start must be two finite numbers (x, y)");
  if (!(std::isfinite(spec.gradient_noise) && spec.gradient_noise >= 0.0 && spec.gradient_noise <= 1000.0))
    throw Error("gradient_noise must be a number in [0, 1000], got " + format_number(spec.gradient_noise));
  if (spec.racers.empty() || spec.racers.size() > 16)
    throw Error("racers must hold 1 to 16 optimisers, got " + std::to_string(spec.racers.size()));
  for (std::size_t i = 0; i < spec.racers.size(); ++i) {
    const OptimizerSpec& o = spec.racers[i];
    const std::string at = "racers[" + std::to_string(i) + "]";
    try {
      validate(o);
    } catch (const Error& e) {
      throw Error(at + ": " + e.what());
    }
    const auto& args = catalogue().optimizer(o.kind).args;
    check_range(find_arg(args, "lr")->range, at + ".lr", o.lr);
    check_range(find_arg(args, "weight_decay")->range, at + ".weight_decay", o.weight_decay);
  }
  validate(spec.scheduler);
}

Racer::Racer(const OptimizerSpec& optimizer, const SchedulerSpec& scheduler, SurfacePoint start, std::uint64_t seed)
    : optimizer_(optimizer, {ParamSegment{.offset = 0, .size = 2}}),
      scheduler_(scheduler, optimizer.lr),
      rng_(seed),
      p_{static_cast<float>(start.x), static_cast<float>(start.y)} {
  optimizer_.set_lr(scheduler_.lr());
  trajectory_ = {p_[0], p_[1]};
}

void Racer::stop(const std::string& why) {
  message_ = "diverged at step " + std::to_string(steps() + 1) + ": " + why + "; it stays at " + point(p_) +
             ". Lower its learning rate (now " + format_number(optimizer_.lr()) + ") and reset.";
}

void Racer::look(SurfaceFunction& f) {
  g_ = {0.0f, 0.0f};
  f_ = f.evaluate(p_[0], p_[1], g_.data());
}

void Racer::step(SurfaceFunction& f, double noise) {
  look(f);
  if (!std::isfinite(f_)) return stop(std::string("f is ") + (std::isnan(f_) ? "NaN" : "infinite") + " there");
  if (!finite(g_)) return stop("the gradient is not finite there");
  noisy_ = g_;
  if (noise > 0.0)
    for (float& g : noisy_) g += static_cast<float>(noise * rng_.normal());
  std::array<float, 2> next = p_;
  optimizer_.step(next, noisy_);
  if (!finite(next)) return stop("the step overflowed");
  p_ = next;
  scheduler_.step();
  optimizer_.set_lr(scheduler_.lr());
  losses_.push_back(f_);
  trajectory_.insert(trajectory_.end(), p_.begin(), p_.end());
}

OptimiserRace::OptimiserRace(const RaceSpec& spec) : spec_(spec) {
  validate(spec_);
  f_ = std::make_unique<SurfaceFunction>(spec_.expression);
  for (std::size_t i = 0; i < spec_.racers.size(); ++i) {
    racers_.emplace_back(spec_.racers[i], spec_.scheduler, spec_.start, spec_.seed + i);
    racers_.back().look(*f_);
  }
}

OptimiserRace::~OptimiserRace() = default;

void OptimiserRace::run(int steps) {
  if (steps < 0 || steps > 100000)
    throw Error("run: steps must be a whole number in [0, 100000], got " + std::to_string(steps));
  for (Racer& r : racers_) {
    for (int s = 0; s < steps && !r.diverged(); ++s) r.step(*f_, spec_.gradient_noise);
    if (!r.diverged()) r.look(*f_);
  }
}

std::vector<float> surface_grid(const std::string& expression, int res, double x_min, double x_max, double y_min,
                                double y_max) {
  if (res < 2 || res > 512) throw Error("grid: res must be a whole number in [2, 512], got " + std::to_string(res));
  if (!(std::isfinite(x_min) && std::isfinite(x_max) && x_min < x_max && std::isfinite(y_min) && std::isfinite(y_max) &&
        y_min < y_max))
    throw Error("grid: the view box must be finite with x_min < x_max and y_min < y_max");
  std::vector<float> xs(static_cast<std::size_t>(res)), ys(static_cast<std::size_t>(res));
  for (int i = 0; i < res; ++i) {
    xs[i] = static_cast<float>(x_min + (x_max - x_min) * i / (res - 1));
    ys[i] = static_cast<float>(y_min + (y_max - y_min) * i / (res - 1));
  }
  return evaluate_grid(parse_surface(expression), "x", "y", xs, ys);
}

}  // namespace nnp
