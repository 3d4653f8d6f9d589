// The labs' engine (core-labs.mjs + core-labs.wasm): what only the teaching labs call — their
// computations are small (a 2-D loss surface, one expression's graph), so the module is linked
// from the core's objects with only these bindings, and the page's own modules (core.wasm,
// core-fma.wasm) carry none of it (their download is issue 13's budget). Registration only: the
// logic lives in core/, the JS-facing classes beside the page's in adapters.cpp's manner.
#include <emscripten/bind.h>

#include "nnp/kernels.h"
#include "race_adapter.h"

EMSCRIPTEN_BINDINGS(nnp_labs) {
  using namespace emscripten;
  using namespace nnp::wasm;
  function("simdArch", &nnp::simd_arch);

  // The optimiser race (web/src/labs/race/).
  class_<JsOptimiserRace>("OptimiserRace")
      .constructor<const val&>()
      .function("run", &JsOptimiserRace::run)
      .function("racers", &JsOptimiserRace::racers)
      .function("racer", &JsOptimiserRace::racer)
      .function("trajectory", &JsOptimiserRace::trajectory)
      .function("losses", &JsOptimiserRace::losses);
  function("lossSurfaces", &loss_surfaces_js);
  function("surfaceExpression", &surface_expression_js);
  function("surfaceGrid", &surface_grid_js);
}
