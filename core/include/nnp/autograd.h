#pragma once
// Reverse-mode autograd over a tape, as PyTorch does it: every op computes its value at once and
// records itself; backward() on a scalar walks the tape in reverse (recording order is already a
// topological order, so no sort and no recursion) and *accumulates* into each input's gradient.
// Parameters' gradients live in persistent buffers (they accumulate across backward() calls until
// zeroed, like .grad); intermediate values and gradients live in an Arena that clear() releases.
//
//   nnp::Arena arena;
//   nnp::Graph g(arena);
//   nnp::Var w = g.parameter({w_data, 1, 3}, w_grad);
//   nnp::Var x = g.input({x_data, 4, 3});
//   nnp::Var y = g.sigmoid(g.matmul(x, w, false, true));   // [4, 1]
//   nnp::Var loss = g.loss(y, g.input({t_data, 4, 1}), {.kind = nnp::LossKind::BCELoss});
//   g.backward(loss);                                      // w_grad += ∂loss/∂w
//   g.clear();
#include <cstdint>
#include <vector>

#include "nnp/arena.h"
#include "nnp/rng.h"
#include "nnp/spec.h"
#include "nnp/tensor.h"

namespace nnp {

struct Var {
  std::int32_t id = -1;
};

// The ops the tape records. Each one's forward and backward sit side by side in
// core/src/autograd/op_table.cpp, which the reverse sweep dispatches into.
enum class Op : std::uint8_t {
  Leaf,
  Linear,      // a·bᵀ + c: torch.nn.Linear of a [n, in], b = W [out, in], c = bias [1, out]
  Activation,  // see ActivationSpec: elementwise, or over each row (Softmax, LogSoftmax)
  Dropout,     // a ⊙ mask, mask ∈ {0, 1/(1 − p)}
  Loss,        // a torch.nn loss of (a = prediction, b = target), see LossSpec
  MatMul,      // op(a)·op(b)
  Add,         // a + b   (b: same shape, a [1, cols] row, a [rows, 1] column or a [1, 1] scalar)
  Sub,         // a − b
  Mul,         // a ⊙ b
  Div,         // a / b
  AddScalar,   // a + s0
  MulScalar,   // a · s0
  Pow,         // a^s0
  Exp,
  Log,
  Abs,
  Clamp,  // min(max(a, s0), s1)
  Sin,
  Cos,
  Maximum,  // max(a, b) elementwise (torch.maximum)
  Minimum,  // min(a, b) elementwise (torch.minimum)
  Sum,      // Σ all → [1, 1]
  SumRows,  // Σ over rows (axis 0) → [1, cols]
  SumCols,  // Σ over columns (axis 1) → [rows, 1]
};

struct Node {
  Op op = Op::Leaf;
  bool trans_a = false;
  bool trans_b = false;
  bool requires_grad = false;
  Var a, b, c;  // the inputs (id −1: none)
  Tensor value;
  float* grad = nullptr;  // same shape as value; null until a gradient flows in
  float s0 = 0.0f, s1 = 0.0f;
  float* aux = nullptr;  // made when recorded: Dropout's mask, Linear's Wᵀ, Loss's row scratch
  ActivationSpec act;
  LossSpec loss;
};

class Graph {
 public:
  explicit Graph(Arena& arena, std::size_t reserve_nodes = 64);

  // A constant (data, targets): no gradient. The memory must outlive the graph's use.
  Var input(Tensor t);
  // A parameter: its gradient accumulates into `grad` (same shape as t).
  Var parameter(Tensor t, float* grad);
  // A [1, 1] constant held in the graph's arena (an expression's number).
  Var constant(float value);

  // torch.nn.Linear: x [n, in]·Wᵀ + b with W [out, in] and b [1, out]; one node (Mlp::forward's).
  Var linear(Var x, Var w, Var b);
  Var matmul(Var a, Var b, bool trans_a = false, bool trans_b = false);
  Var add(Var a, Var b);
  Var sub(Var a, Var b);
  Var mul(Var a, Var b);
  Var div(Var a, Var b);
  Var add_row(Var a, Var row) { return add(a, row); }
  Var add_scalar(Var a, float s);
  Var mul_scalar(Var a, float s);
  Var pow(Var a, float exponent);
  Var exp(Var a);
  Var log(Var a);
  Var abs(Var a);
  Var clamp(Var a, float lo, float hi);
  Var sin(Var a);
  Var cos(Var a);
  Var maximum(Var a, Var b);  // b broadcast as in add; a tie sends half the gradient to each, as torch
  Var minimum(Var a, Var b);
  Var sum(Var a);
  Var mean(Var a);
  Var sum(Var a, int axis);  // axis 0: over rows → [1, cols]; axis 1: over columns → [rows, 1]
  Var mean(Var a, int axis);

  Var activation(Var a, const ActivationSpec& spec);
  Var tanh(Var a) { return activation(a, Activation::Tanh); }
  Var sigmoid(Var a) { return activation(a, Activation::Sigmoid); }
  Var relu(Var a) { return activation(a, Activation::ReLU); }
  Var softmax(Var a) { return activation(a, Activation::Softmax); }         // over each row
  Var log_softmax(Var a) { return activation(a, Activation::LogSoftmax); }  // over each row
  // Inverted dropout (training mode): each element kept with probability 1 − p and scaled by
  // 1/(1 − p); the mask comes from rng. Evaluation mode is simply not calling it.
  Var dropout(Var a, float p, Pcg32& rng);

  // reduction mean/sum → [1, 1]; none → [rows, cols] for elementwise losses, [rows, 1] for
  // CrossEntropyLoss, NLLLoss and MultiMarginLoss. Class-index targets are [rows, 1] floats.
  Var loss(Var prediction, Var target, const LossSpec& spec);
  Var mse_loss(Var p, Var t) { return loss(p, t, LossSpec{.kind = LossKind::MSELoss}); }
  Var bce_loss(Var p, Var t) { return loss(p, t, LossSpec{.kind = LossKind::BCELoss}); }

  // Seeds ∂loss/∂loss = 1 and propagates to every node that requires a gradient.
  void backward(Var loss);
  // backward() one node at a time (the autograd explorer): seed_backward(loss) adds 1 to ∂loss
  // (false when the loss needs no gradient); then backward_step(v) for v from the loss down to 0
  // runs v's backward rule, returning false for a leaf or a node that no gradient has reached.
  bool seed_backward(Var loss);
  bool backward_step(Var v);
  // Runs v's backward rule with `upstream` as ∂v (v's shape), adding into da, db, dc (null:
  // skipped; a one-input op needs da). With upstream 1 on a [1, 1] node they receive the local
  // derivatives ∂v/∂a, ∂v/∂b, ∂v/∂c: the op table's own rule, no second derivative table.
  void backward_rule(Var v, float* upstream, float* da, float* db, float* dc);
  // Forgets every node and releases the arena; parameters' gradient buffers are untouched.
  void clear();

  const Node& at(Var v) const { return nodes_[v.id]; }
  const Tensor& value(Var v) const { return nodes_[v.id].value; }
  const float* grad(Var v) const { return nodes_[v.id].grad; }
  float scalar(Var v) const { return nodes_[v.id].value.data[0]; }
  std::size_t size() const { return nodes_.size(); }

 private:
  Var push(Node n);
  Node& node(Var v) { return nodes_[v.id]; }
  Node unary(Op op, Var a);
  Var binary(Op op, Var a, Var b);
  // Runs n's forward rule (op_table.cpp) into its value and appends it to the tape.
  Var record(Node n, Pcg32* rng = nullptr);
  float* grad_buffer(Node& n);  // allocates a zeroed gradient on first use
  Tensor new_value(int rows, int cols);
  void backward_node(const Node& n);  // runs n's backward rule into its inputs' gradients

  Arena& arena_;
  std::vector<Node> nodes_;
};

}  // namespace nnp
