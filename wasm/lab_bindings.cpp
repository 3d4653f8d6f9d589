// The labs' engine (core-labs.mjs + core-labs.wasm): what only the teaching labs call — their
// computations are small (a 2-D loss surface, one expression's graph, a few small networks), so
// the module is linked from the core's objects with only these bindings, and the page's own
// modules (core.wasm, core-fma.wasm) carry none of it (their download is issue 13's budget).
// Registration only: the logic lives in core/, the JS-facing classes in lab_adapters.cpp.
#include <emscripten/bind.h>

#include "explorer_adapter.h"
#include "lab_adapters.h"
#include "nnp/autograd_explorer.h"
#include "nnp/kernels.h"
#include "race_adapter.h"
#include "refusals.h"

EMSCRIPTEN_BINDINGS(nnp_labs) {
  using namespace emscripten;
  using namespace nnp::wasm;
  function("simdArch", &nnp::simd_arch);

  // The autograd explorer (issue 15): web/src/labs/autograd/.
  class_<JsAutogradExplorer>("AutogradExplorer")
      .constructor(&make<JsAutogradExplorer, const val&, const val&>, allow_raw_pointers())
      .function("leaves", &refusing<&JsAutogradExplorer::leaves>::call)
      .function("nodes", &refusing<&JsAutogradExplorer::nodes>::call)
      .function("output", &refusing<&JsAutogradExplorer::output>::call)
      .function("value", &refusing<&JsAutogradExplorer::value>::call)
      .function("backward", &refusing<&JsAutogradExplorer::backward>::call)
      .function("step", &refusing<&JsAutogradExplorer::step>::call)
      .function("nextNode", &refusing<&JsAutogradExplorer::next_node>::call)
      .function("zeroGrad", &refusing<&JsAutogradExplorer::zero_grad>::call)
      .function("leafGrads", &refusing<&JsAutogradExplorer::leaf_grads>::call)
      .function("finiteDifferences", &refusing<&JsAutogradExplorer::finite_differences>::call);
  function("checkExpression", &refusing<&check_expression>::call);
  function("expressionFunctions", &refusing<&expression_functions_js>::call);
  constant("finiteDifferenceStep", nnp::AutogradExplorer::kFiniteDifferenceStep);
  function("labPoints", &refusing<&lab_points>::call);
  class_<LabGradientFlow>("GradientFlow")
      .constructor(&make<LabGradientFlow, const val&, const val&, const val&, const val&>, allow_raw_pointers())
      .function("run", &refusing<&LabGradientFlow::run>::call)
      .function("layers", &refusing<&LabGradientFlow::layers>::call)
      .function("distinctUnits", &refusing<&LabGradientFlow::distinct_units>::call)
      .function("parameter", &refusing<&LabGradientFlow::parameter>::call)
      .function("steps", &refusing<&LabGradientFlow::steps>::call);
  class_<LabPerceptron>("Perceptron")
      .constructor(&make<LabPerceptron, const val&, const val&, const val&>, allow_raw_pointers())
      .function("step", &refusing<&LabPerceptron::step>::call)
      .function("epoch", &refusing<&LabPerceptron::epoch>::call)
      .function("weights", &refusing<&LabPerceptron::weights>::call)
      .function("bias", &refusing<&LabPerceptron::bias>::call)
      .function("mistakesPerEpoch", &refusing<&LabPerceptron::mistakes_per_epoch>::call)
      .function("converged", &refusing<&LabPerceptron::converged>::call)
      .function("cycling", &refusing<&LabPerceptron::cycling>::call)
      .function("cycleLength", &refusing<&LabPerceptron::cycle_length>::call)
      .function("epochs", &refusing<&LabPerceptron::epochs>::call)
      .function("position", &refusing<&LabPerceptron::position>::call)
      .function("accuracy", &refusing<&LabPerceptron::accuracy>::call);
  class_<LabNetwork>("Network")
      .constructor(&make<LabNetwork, const val&, const val&, const val&, const val&>, allow_raw_pointers())
      .function("train", &refusing<&LabNetwork::train>::call)
      .function("predict", &refusing<&LabNetwork::predict>::call)
      .function("steps", &refusing<&LabNetwork::steps>::call);

  // The optimiser race (web/src/labs/race/).
  class_<JsOptimiserRace>("OptimiserRace")
      .constructor(&make<JsOptimiserRace, const val&>, allow_raw_pointers())
      .function("run", &refusing<&JsOptimiserRace::run>::call)
      .function("racers", &refusing<&JsOptimiserRace::racers>::call)
      .function("racer", &refusing<&JsOptimiserRace::racer>::call)
      .function("trajectory", &refusing<&JsOptimiserRace::trajectory>::call)
      .function("losses", &refusing<&JsOptimiserRace::losses>::call);
  function("lossSurfaces", &refusing<&loss_surfaces_js>::call);
  function("surfaceExpression", &refusing<&surface_expression_js>::call);
  function("surfaceGrid", &refusing<&surface_grid_js>::call);
}
