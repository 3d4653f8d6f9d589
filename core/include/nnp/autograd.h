#pragma once
// Reverse-mode autograd over a tape, as PyTorch does it: every op computes its value at once and
// records itself; backward() on a scalar walks the tape in reverse (recording order is already a
// topological order) and *accumulates* into each input's gradient. Parameters' gradients live in
// persistent buffers (so they accumulate across backward() calls until zeroed, like .grad);
// intermediate values and gradients live in an Arena that clear() releases.
//
//   nnp::Arena arena;
//   nnp::Graph g(arena);
//   nnp::Var w = g.parameter({w_data, 1, 3}, w_grad);
//   nnp::Var x = g.input({x_data, 4, 3});
//   nnp::Var y = g.sigmoid(g.matmul(x, w, false, true));   // [4, 1]
//   nnp::Var loss = g.bce_loss(y, g.input({t_data, 4, 1}));
//   g.backward(loss);                                      // w_grad += ∂loss/∂w
//   g.clear();
#include <cstdint>
#include <vector>

#include "nnp/arena.h"
#include "nnp/names.h"
#include "nnp/tensor.h"

namespace nnp {

struct Var {
  std::int32_t id = -1;
};

enum class Op : std::uint8_t {
  Leaf,
  MatMul,   // op(a)·op(b)
  AddRow,   // a + b, b a [1, cols] row broadcast over a's rows
  Tanh,
  Sigmoid,
  ReLU,
  MseLoss,  // mean((a − b)²)
  BceLoss,  // −mean(b·log a + (1 − b)·log(1 − a)), logs clamped at −100
};

struct Node {
  Op op = Op::Leaf;
  bool trans_a = false;
  bool trans_b = false;
  bool requires_grad = false;
  Var a, b;
  Tensor value;
  float* grad = nullptr;  // same shape as value; null until a gradient flows in
};

class Graph {
 public:
  explicit Graph(Arena& arena, std::size_t reserve_nodes = 64);

  // A constant (data, targets): no gradient. The memory must outlive the graph's use.
  Var input(Tensor t);
  // A parameter: its gradient accumulates into `grad` (same shape as t).
  Var parameter(Tensor t, float* grad);

  Var matmul(Var a, Var b, bool trans_a = false, bool trans_b = false);
  Var add_row(Var a, Var row);
  Var activation(Var a, Activation kind);
  Var tanh(Var a);
  Var sigmoid(Var a);
  Var relu(Var a);
  Var mse_loss(Var prediction, Var target);
  Var bce_loss(Var probability, Var target);

  // Seeds ∂loss/∂loss = 1 and propagates to every node that requires a gradient.
  void backward(Var loss);
  // Forgets every node and releases the arena; parameters' gradient buffers are untouched.
  void clear();

  const Tensor& value(Var v) const { return nodes_[v.id].value; }
  const float* grad(Var v) const { return nodes_[v.id].grad; }
  float scalar(Var v) const { return nodes_[v.id].value.data[0]; }
  std::size_t size() const { return nodes_.size(); }

 private:
  Var push(Node n);
  Node& node(Var v) { return nodes_[v.id]; }
  float* grad_buffer(Node& n);  // allocates a zeroed gradient on first use
  Tensor new_value(int rows, int cols);
  void backward_node(const Node& n);

  Arena& arena_;
  std::vector<Node> nodes_;
};

}  // namespace nnp
