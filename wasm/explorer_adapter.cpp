#include "explorer_adapter.h"

#include <vector>

#include "conversions.h"
#include "nnp/error.h"

namespace nnp::wasm {
namespace {

std::vector<ExplorerLeaf> leaves_from_js(const val& leaves) {
  std::vector<ExplorerLeaf> out;
  if (leaves.isUndefined() || leaves.isNull()) return out;
  if (!val::global("Array").call<bool>("isArray", leaves))
    refuse("leaves must be an array of {name, value, requiresGrad}");
  const auto n = leaves["length"].as<std::size_t>();
  for (std::size_t i = 0; i < n; ++i) {
    const val l = leaves[i];
    const std::string at = "leaves[" + std::to_string(i) + "]";
    if (!is_object(l)) refuse(at + " must be an object {name, value, requiresGrad}");
    if (!l["name"].isString()) refuse(at + ".name must be a string");
    if (!l["value"].isNumber()) refuse(at + ".value must be a number");
    const auto value = l["value"].as<double>();
    if (!std::isfinite(value)) refuse(at + ".value must be finite");
    out.push_back(ExplorerLeaf{l["name"].as<std::string>(), static_cast<float>(value),
                               l["requiresGrad"].isUndefined() || l["requiresGrad"].as<bool>()});
  }
  return out;
}

val to_js(const std::vector<ExplorerLeaf>& leaves) {
  val out = val::array();
  for (const ExplorerLeaf& l : leaves) {
    val o = val::object();
    o.set("name", l.name);
    o.set("value", l.value);
    o.set("requiresGrad", l.requires_grad);
    out.call<void>("push", o);
  }
  return out;
}

}  // namespace

JsAutogradExplorer::JsAutogradExplorer(const val& source, const val& leaves) {
  const std::string text = string_arg(source, "AutogradExplorer: source");
  const std::vector<ExplorerLeaf> given = leaves_from_js(leaves);
  ex_ = std::make_unique<AutogradExplorer>(text, given);
}

val JsAutogradExplorer::leaves() const { return to_js(ex_->leaves()); }

val JsAutogradExplorer::nodes() const {
  val out = val::array();
  for (const ExplorerNode& n : ex_->nodes()) {
    val o = val::object();
    o.set("id", n.id);
    o.set("op", n.op);
    o.set("label", n.label);
    o.set("inputs", int_array(n.inputs));
    o.set("value", n.value);
    o.set("requiresGrad", n.requires_grad);
    o.set("hasGrad", n.has_grad);
    o.set("grad", n.grad);
    o.set("column", n.column);
    out.call<void>("push", o);
  }
  return out;
}

void JsAutogradExplorer::backward() { ex_->backward(); }

val JsAutogradExplorer::step() {
  const ExplorerStep s = ex_->step();
  val inputs = val::array();
  for (const ExplorerStepInput& in : s.inputs) {
    val o = val::object();
    o.set("input", in.input);
    o.set("local", in.local);
    o.set("receives", in.receives);
    o.set("contribution", in.contribution);
    o.set("gradAfter", in.grad_after);
    inputs.call<void>("push", o);
  }
  val o = val::object();
  o.set("node", s.node);
  o.set("upstream", s.upstream);
  o.set("inputs", inputs);
  o.set("passDone", s.pass_done);
  return o;
}

val JsAutogradExplorer::leaf_grads() const { return float_array(ex_->leaf_grads()); }

val JsAutogradExplorer::finite_differences() const {
  const std::vector<double> d = ex_->finite_differences();
  return val::global("Float64Array").new_(emscripten::typed_memory_view(d.size(), d.data())).call<val>("slice");
}

val check_expression(const val& source, const val& leaves) {
  const std::string text = string_arg(source, "checkExpression: source");
  const std::vector<ExplorerLeaf> given = leaves_from_js(leaves);
  val o = val::object();
  try {
    const AutogradExplorer ex(text, given);
    o.set("leaves", to_js(ex.leaves()));
    o.set("error", std::string());
    o.set("column", 0);
  } catch (const ExpressionError& e) {
    o.set("leaves", val::array());
    o.set("error", std::string(e.what()));
    o.set("column", e.column());
  } catch (const std::exception& e) {
    o.set("leaves", val::array());
    o.set("error", std::string(e.what()));
    o.set("column", 0);
  }
  return o;
}

val expression_functions_js() {
  val out = val::array();
  for (const ExprFunctionInfo& f : expression_functions()) {
    val o = val::object();
    o.set("name", std::string(f.name));
    o.set("minArgs", f.min_args);
    o.set("maxArgs", f.max_args);
    out.call<void>("push", o);
  }
  return out;
}

}  // namespace nnp::wasm
