// The labs' engine (core-labs.mjs + core-labs.wasm): what only the teaching labs call — their
// computations are small (a 2-D loss surface, one expression's graph), so the module is linked
// from the core's objects with only these bindings, and the page's own modules (core.wasm,
// core-fma.wasm) carry none of it (their download is issue 13's budget). Registration only: the
// logic lives in core/, the JS-facing classes beside the page's in adapters.cpp's manner.
#include <emscripten/bind.h>

#include "explorer_adapter.h"
#include "nnp/autograd_explorer.h"
#include "nnp/kernels.h"

EMSCRIPTEN_BINDINGS(nnp_labs) {
  using namespace emscripten;
  function("simdArch", &nnp::simd_arch);

  // The autograd explorer (issue 15): web/src/labs/autograd/.
  using nnp::wasm::JsAutogradExplorer;
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
  function("checkExpression", &nnp::wasm::check_expression);
  function("expressionFunctions", &nnp::wasm::expression_functions_js);
  constant("finiteDifferenceStep", nnp::AutogradExplorer::kFiniteDifferenceStep);
}
