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

EMSCRIPTEN_BINDINGS(nnp_labs) {
  using namespace emscripten;
  using namespace nnp::wasm;
  function("simdArch", &nnp::simd_arch);

  // The autograd explorer (issue 15): web/src/labs/autograd/.
  class_<JsAutogradExplorer>("AutogradExplorer")
      .constructor<std::string, val>()
      .function("leaves", &JsAutogradExplorer::leaves)
      .function("nodes", &JsAutogradExplorer::nodes)
      .function("output", &JsAutogradExplorer::output)
      .function("value", &JsAutogradExplorer::value)
      .function("backward", &JsAutogradExplorer::backward)
      .function("step", &JsAutogradExplorer::step)
      .function("nextNode", &JsAutogradExplorer::next_node)
      .function("zeroGrad", &JsAutogradExplorer::zero_grad)
      .function("leafGrads", &JsAutogradExplorer::leaf_grads)
      .function("finiteDifferences", &JsAutogradExplorer::finite_differences);
  function("checkExpression", &check_expression);
  function("expressionFunctions", &expression_functions_js);
  constant("finiteDifferenceStep", nnp::AutogradExplorer::kFiniteDifferenceStep);
  function("labPoints", &lab_points);
  class_<LabGradientFlow>("GradientFlow")
      .constructor<const emscripten::val&, const emscripten::val&, int, double>()
      .function("run", &LabGradientFlow::run)
      .function("layers", &LabGradientFlow::layers)
      .function("distinctUnits", &LabGradientFlow::distinct_units)
      .function("parameter", &LabGradientFlow::parameter)
      .function("steps", &LabGradientFlow::steps);
  class_<LabPerceptron>("Perceptron")
      .constructor<const emscripten::val&, const emscripten::val&, double>()
      .function("step", &LabPerceptron::step)
      .function("epoch", &LabPerceptron::epoch)
      .function("weights", &LabPerceptron::weights)
      .function("bias", &LabPerceptron::bias)
      .function("mistakesPerEpoch", &LabPerceptron::mistakes_per_epoch)
      .function("converged", &LabPerceptron::converged)
      .function("cycling", &LabPerceptron::cycling)
      .function("cycleLength", &LabPerceptron::cycle_length)
      .function("epochs", &LabPerceptron::epochs)
      .function("position", &LabPerceptron::position)
      .function("accuracy", &LabPerceptron::accuracy);
  class_<LabNetwork>("Network")
      .constructor<const emscripten::val&, const emscripten::val&, const emscripten::val&, double>()
      .function("train", &LabNetwork::train)
      .function("predict", &LabNetwork::predict)
      .function("steps", &LabNetwork::steps);

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
