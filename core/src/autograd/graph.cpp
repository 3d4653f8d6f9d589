// The tape: recording, gradient buffers and the reverse sweep. Graph's op methods (ops.cpp) check
// shapes and record; each op's forward and backward rules sit side by side in op_table.cpp.
#include <cassert>

#include "nnp/autograd.h"
#include "nnp/error.h"
#include "op_table.h"

namespace nnp {
namespace {

// The value of input v, or an empty tensor where the op has no such input (id −1).
const Tensor& input_value(const Graph& g, Var v) {
  static const Tensor none{};
  return v.id >= 0 ? g.value(v) : none;
}

}  // namespace

Graph::Graph(Arena& arena, std::size_t reserve_nodes) : arena_(arena) { nodes_.reserve(reserve_nodes); }

Var Graph::push(Node n) {
  nodes_.push_back(n);
  return Var{static_cast<std::int32_t>(nodes_.size() - 1)};
}

Var Graph::input(Tensor t) {
  Node n;
  n.value = t;
  return push(n);
}

Var Graph::parameter(Tensor t, float* grad) {
  Node n;
  n.value = t;
  n.grad = grad;
  n.requires_grad = true;
  return push(n);
}

Var Graph::constant(float value) {
  Node n;
  n.value = new_value(1, 1);
  n.value.data[0] = value;
  return push(n);
}

Tensor Graph::new_value(int rows, int cols) {
  return Tensor{arena_.alloc(static_cast<std::size_t>(rows) * cols), rows, cols};
}

float* Graph::grad_buffer(Node& n) {
  if (n.grad == nullptr) n.grad = arena_.alloc_zeroed(n.value.size());
  return n.grad;
}

bool Graph::seed_backward(Var loss) {
  Node& root = node(loss);
  if (root.value.size() != 1)
    throw Error("backward() needs a scalar loss, got a [" + std::to_string(root.value.rows) + ", " +
                std::to_string(root.value.cols) + "] tensor");
  if (!root.requires_grad) return false;
  grad_buffer(root)[0] += 1.0f;
  return true;
}

bool Graph::backward_step(Var v) {
  const Node& n = node(v);
  if (n.op == Op::Leaf || !n.requires_grad || n.grad == nullptr) return false;
  backward_node(n);
  return true;
}

void Graph::backward(Var loss) {
  if (!seed_backward(loss)) return;
  // Recording order is a topological order, so one reverse sweep visits each node after all
  // of its consumers have added their contributions.
  for (std::int32_t i = loss.id; i >= 0; --i) backward_step(Var{i});
}

// Forward runs before the node joins the tape; backward gives each input that requires a gradient
// its buffer (zeroed when first made) and leaves the others null.
Var Graph::record(Node r, Pcg32* rng) {
  const Graph& g = *this;
  rule_of(r.op).forward(
      OpArgs{.node = r, .a = input_value(g, r.a), .b = input_value(g, r.b), .c = input_value(g, r.c), .rng = rng});
  return push(r);
}

void Graph::backward_node(const Node& n) {
  const Graph& g = *this;
  const auto grad = [&](Var v) { return v.id >= 0 && node(v).requires_grad ? grad_buffer(node(v)) : nullptr; };
  rule_of(n.op).backward(OpArgs{.node = n,
                                .a = input_value(g, n.a),
                                .b = input_value(g, n.b),
                                .c = input_value(g, n.c),
                                .da = grad(n.a),
                                .db = grad(n.b),
                                .dc = grad(n.c),
                                .arena = &arena_});
}

void Graph::backward_rule(Var v, float* upstream, float* da, float* db, float* dc) {
  Node n = node(v);  // a copy whose ∂value is `upstream`
  n.grad = upstream;
  const Graph& g = *this;
  rule_of(n.op).backward(OpArgs{.node = n,
                                .a = input_value(g, n.a),
                                .b = input_value(g, n.b),
                                .c = input_value(g, n.c),
                                .da = da,
                                .db = db,
                                .dc = dc,
                                .arena = &arena_});
}

void Graph::clear() {
  nodes_.clear();
  arena_.reset();
}

}  // namespace nnp
