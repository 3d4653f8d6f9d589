#include "race_adapter.h"

#include <climits>
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
    : race_(OptimiserRace(race_spec_from_json(json_text(settings, "the race's settings")))) {}

void JsOptimiserRace::run(const val& steps) { race_.run(int_arg(steps, "run: steps", INT_MIN, INT_MAX)); }

const Racer& JsOptimiserRace::at(const val& index, const char* what) const {
  const int i = int_arg(index, what, INT_MIN, INT_MAX);
  if (i < 0 || i >= racers())
    refuse(std::string(what) + " " + std::to_string(i) + " is not one of the race's racers (0 to " +
           std::to_string(racers() - 1) + ")");
  return race_.racer(static_cast<std::size_t>(i));
}

val JsOptimiserRace::racer(const val& i) const {
  const Racer& r = at(i, "racer: index");
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

val JsOptimiserRace::trajectory(const val& i) const {
  const auto t = at(i, "trajectory: index").trajectory();
  return float_array(t.data(), t.size());
}

val JsOptimiserRace::losses(const val& i) const {
  const auto l = at(i, "losses: index").losses();
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

std::string surface_expression_js(const val& id, const val& k) {
  return surface_expression(loss_surface(string_arg(id, "surfaceExpression: id")),
                            number_arg(k, "surfaceExpression: k"));
}

val surface_grid_js(const val& expression, const val& res, const val& x_min, const val& x_max, const val& y_min,
                    const val& y_max) {
  const std::vector<float> grid = surface_grid(
      string_arg(expression, "surfaceGrid: expression"), int_arg(res, "surfaceGrid: res", INT_MIN, INT_MAX),
      number_arg(x_min, "surfaceGrid: xMin"), number_arg(x_max, "surfaceGrid: xMax"),
      number_arg(y_min, "surfaceGrid: yMin"), number_arg(y_max, "surfaceGrid: yMax"));
  return float_array(grid);
}

}  // namespace nnp::wasm
