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
  void run(const val& steps);
  int racers() const { return static_cast<int>(race_.racers()); }
  // {x, y, f, gradX, gradY, gradNorm, lr, steps, diverged, message, state: {exp_avg: [a, b], …}}
  val racer(const val& i) const;
  val trajectory(const val& i) const;  // Float32Array [x₀, y₀, x₁, y₁, …]
  val losses(const val& i) const;      // Float32Array, f before each step

 private:
  const Racer& at(const val& i, const char* what) const;
  OptimiserRace race_;
};

// Every surface of the table: {id, title, expression, parameter|null, box: {xMin, …}, start: [x, y],
// minima: [[x, y], …], lesson}.
val loss_surfaces_js();
std::string surface_expression_js(const val& id, const val& k);
// Float32Array res × res, row-major from (x_min, y_min), x fastest.
val surface_grid_js(const val& expression, const val& res, const val& x_min, const val& x_max, const val& y_min,
                    const val& y_max);

}  // namespace nnp::wasm
