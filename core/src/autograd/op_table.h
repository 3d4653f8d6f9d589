#pragma once
// The tape's op table (internal): for each Op, the rule that computes its value and the rule that
// sends its gradient to its inputs. Graph's op methods (ops.cpp) check shapes and record a node;
// Graph::record runs the forward rule, Graph::backward_node the backward one.
#include "nnp/arena.h"
#include "nnp/autograd.h"
#include "nnp/rng.h"

namespace nnp {

// What a rule sees: the node (its parameters, value, ∂value in node.grad and scratch in node.aux),
// its inputs' values (an empty Tensor where the op has fewer), and in backward the inputs'
// gradients to add to (null where an input needs none).
struct OpArgs {
  const Node& node;
  const Tensor& a;
  const Tensor& b;
  const Tensor& c;
  float* da = nullptr;
  float* db = nullptr;
  float* dc = nullptr;
  Pcg32* rng = nullptr;    // forward: Dropout's generator
  Arena* arena = nullptr;  // backward: scratch
};

struct OpRule {
  Op op;
  void (*forward)(const OpArgs&);   // writes node.value
  void (*backward)(const OpArgs&);  // da, db, dc += ∂(Σ node.grad·value)/∂(a, b, c)
};

const OpRule& rule_of(Op op);

}  // namespace nnp
