#pragma once
// The optimiser race lab's JS-facing class and functions (registered in lab_bindings.cpp): one
// coarse object per race; every read returns a copy JS owns.
#include <emscripten/val.h>

#include <string>

#include "nnp/optimiser_race.h"

namespace nnp::wasm {

using emscripten::val;

class JsOptimiserRace {
 public:
  // settings: the race's JSON (race_spec_from_json) as an object or its text.
  explicit JsOptimiserRace(const val& settings);
  void run(int steps);
  int racers() const { return static_cast<int>(race_.racers()); }
  // {x, y, f, gradX, gradY, gradNorm, lr, steps, diverged, message, state: {exp_avg: [a, b], …}}
  val racer(int i) const;
  val trajectory(int i) const;  // Float32Array [x₀, y₀, x₁, y₁, …]
  val losses(int i) const;      // Float32Array, f before each step

 private:
  const Racer& at(int i) const;
  OptimiserRace race_;
};

// Every surface of the table: {id, title, expression, parameter|null, box: {xMin, …}, start: [x, y],
// minima: [[x, y], …], lesson}.
val loss_surfaces_js();
std::string surface_expression_js(const std::string& id, double k);
// Float32Array res × res, row-major from (x_min, y_min), x fastest.
val surface_grid_js(const std::string& expression, int res, double x_min, double x_max, double y_min, double y_max);

}  // namespace nnp::wasm
