#pragma once
// The autograd explorer for JS (lab_bindings.cpp registers it): nnp::AutogradExplorer with its
// records as plain objects and every C++ error rethrown as a JS Error (conversions.h).
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "nnp/autograd_explorer.h"

namespace nnp::wasm {

using emscripten::val;

class JsAutogradExplorer {
 public:
  // leaves: [{name, value, requiresGrad}], any subset of the expression's.
  JsAutogradExplorer(const val& source, const val& leaves);

  val leaves() const;  // [{name, value, requiresGrad}], every leaf in order of first appearance
  val nodes() const;   // [{id, op, label, inputs, value, requiresGrad, hasGrad, grad, column}]
  int output() const { return ex_->output(); }
  float value() const { return ex_->value(); }
  void backward();
  val step();  // {node, upstream, inputs: [{input, local, receives, contribution, gradAfter}], passDone}
  int next_node() const { return ex_->next_node(); }
  void zero_grad() { ex_->zero_grad(); }
  val leaf_grads() const;          // Float32Array, one per leaf
  val finite_differences() const;  // Float64Array, one per leaf

 private:
  std::unique_ptr<AutogradExplorer> ex_;  // not movable: its tape points into it
};

// {leaves, error, column}: the expression's leaves with their settings (as the explorer would take
// them), or the first mistake's message and column (0: none; from 1).
val check_expression(const val& source, const val& leaves);
// [{name, minArgs, maxArgs}]: the functions an expression may call.
val expression_functions_js();

}  // namespace nnp::wasm
