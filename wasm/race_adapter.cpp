#include "race_adapter.h"

#include <cmath>

#include "conversions.h"
#include "nnp/loss_surfaces.h"

namespace nnp::wasm {
namespace {

val pair(double a, double b) {
  val v = val::array();
  v.call<void>("push", a);
  v.call<void>("push", b);
  return v;
}

void put_state(val& out, const char* name, std::span<const float> buffer) {
  if (buffer.size() == 2) out.set(name, pair(buffer[0], buffer[1]));
}

}  // namespace

JsOptimiserRace::JsOptimiserRace(const val& settings)
    : race_(guarded([&] { return OptimiserRace(race_spec_from_json(json_text(settings))); })) {}

void JsOptimiserRace::run(int steps) {
  guarded([&] { race_.run(steps); });
}

const Racer& JsOptimiserRace::at(int i) const {
  if (i < 0 || i >= racers()) throw_js("racer: index " + std::to_string(i) + " is not one of the race's racers");
  return race_.racer(static_cast<std::size_t>(i));
}

val JsOptimiserRace::racer(int i) const {
  const Racer& r = at(i);
  val out = val::object();
  const auto p = r.position();
  const auto g = r.gradient();
  out.set("x", p[0]);
  out.set("y", p[1]);
  out.set("f", r.value());
  out.set("gradX", g[0]);
  out.set("gradY", g[1]);
  out.set("gradNorm", std::hypot(static_cast<double>(g[0]), static_cast<double>(g[1])));
  out.set("lr", r.lr());
  out.set("steps", static_cast<double>(r.steps()));
  out.set("diverged", r.diverged());
  out.set("message", r.message());
  const Optimizer::State s = r.state();
  val state = val::object();
  put_state(state, "momentum_buffer", s.momentum_buffer);
  put_state(state, "sum", s.sum);
  put_state(state, "square_avg", s.square_avg);
  put_state(state, "grad_avg", s.grad_avg);
  put_state(state, "exp_avg", s.exp_avg);
  put_state(state, "exp_avg_sq", s.exp_avg_sq);
  put_state(state, "max_exp_avg_sq", s.max_exp_avg_sq);
  out.set("state", state);
  return out;
}

val JsOptimiserRace::trajectory(int i) const {
  const auto t = at(i).trajectory();
  return float_array(t.data(), t.size());
}

val JsOptimiserRace::losses(int i) const {
  const auto l = at(i).losses();
  return float_array(l.data(), l.size());
}

val loss_surfaces_js() {
  val list = val::array();
  for (const LossSurface& s : loss_surfaces()) {
    val o = val::object();
    o.set("id", s.id);
    o.set("title", s.title);
    o.set("expression", s.expression);
    if (s.parameter.name.empty()) {
      o.set("parameter", val::null());
    } else {
      val p = val::object();
      p.set("name", s.parameter.name);
      p.set("label", s.parameter.label);
      p.set("min", s.parameter.min);
      p.set("max", s.parameter.max);
      p.set("value", s.parameter.value);
      o.set("parameter", p);
    }
    val box = val::object();
    box.set("xMin", s.x_min);
    box.set("xMax", s.x_max);
    box.set("yMin", s.y_min);
    box.set("yMax", s.y_max);
    o.set("box", box);
    o.set("start", pair(s.start.x, s.start.y));
    val minima = val::array();
    for (const SurfacePoint& m : s.minima) minima.call<void>("push", pair(m.x, m.y));
    o.set("minima", minima);
    o.set("lesson", s.lesson);
    list.call<void>("push", o);
  }
  return list;
}

std::string surface_expression_js(const std::string& id, double k) {
  return guarded([&] { return surface_expression(loss_surface(id), k); });
}

val surface_grid_js(const std::string& expression, int res, double x_min, double x_max, double y_min, double y_max) {
  const std::vector<float> grid = guarded([&] { return surface_grid(expression, res, x_min, x_max, y_min, y_max); });
  return float_array(grid);
}

}  // namespace nnp::wasm
