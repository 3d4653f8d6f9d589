#pragma once
// Scalar expressions typed by a student ("tanh(w*x + b)"), parsed by a small grammar of our own (no
// eval) and recorded onto the autograd tape as [1, 1] tensors, so that Graph::backward and the op
// table (op_table.cpp) give their gradients: the labs' surfaces and the autograd explorer.
//
//   nnp::Expression e = nnp::parse_expression("tanh(w*x + b)");   // throws nnp::Error, naming the column
//   // e.leaves == {"w", "x", "b"}: one value (and gradient buffer, or null for a constant) each
//   float value[3] = {0.5f, 2.0f, -1.0f}, grad[3] = {};
//   nnp::Arena arena;
//   nnp::Graph g(arena);
//   std::vector<nnp::ExpressionLeaf> leaves = {{&value[0], &grad[0]}, {&value[1], nullptr}, {&value[2], &grad[2]}};
//   nnp::RecordedExpression r = nnp::record_expression(g, e, leaves);
//   g.backward(r.output);                                          // grad[0] += ∂/∂w, grad[2] += ∂/∂b
//
// Grammar (precedence low to high; ^ is right-associative and binds tighter than unary minus, as
// Python's ** does: -x^2 is −(x²)):
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := '-' unary | power
//   power   := primary ('^' unary)?          the exponent must be a number: x^2, x^-0.5
//   primary := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
// Names are [A-Za-z_][A-Za-z0-9_]*; a name followed by '(' is a function (expression_functions()),
// any other is a leaf.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nnp/autograd.h"

namespace nnp {

enum class ExprKind : std::uint8_t { Number, Leaf, Negate, Add, Sub, Mul, Div, Pow, Call };

// The functions an expression may call; expression_functions() lists their names and arities.
enum class ExprFunction : std::uint8_t {
  Exp,
  Log,
  Sqrt,
  Abs,
  Sin,
  Cos,
  Tanh,
  Sigmoid,
  Relu,
  LeakyRelu,  // leaky_relu(x) or leaky_relu(x, slope), slope a number (torch's default 0.01)
  Gelu,
  Silu,
  Softplus,
  Mse,            // mse(prediction, target) = (p − t)²
  Bce,            // bce(p, t) = −(t·log p + (1 − t)·log(1 − p))
  BceWithLogits,  // bce_with_logits(z, t) = bce(σ(z), t), computed stably
  Max,            // max(a, b) (torch.maximum)
  Min,            // min(a, b) (torch.minimum)
};

struct ExprFunctionInfo {
  ExprFunction function;
  std::string_view name;
  int min_args, max_args;
};
std::span<const ExprFunctionInfo> expression_functions();

struct ExprNode {
  ExprKind kind = ExprKind::Number;
  ExprFunction function = ExprFunction::Exp;  // Call
  double number = 0.0;                        // Number; Pow's exponent
  int leaf = -1;                              // Leaf: index into Expression::leaves
  std::vector<int> args;                      // the operands' indices in Expression::nodes
  int column = 1;                             // where it starts in the source, from 1
};

struct Expression {
  std::string source;
  std::vector<ExprNode> nodes;      // operands before the nodes that use them; the root last
  std::vector<std::string> leaves;  // names in order of first appearance
  int root() const { return static_cast<int>(nodes.size()) - 1; }
  int leaf_index(std::string_view name) const;  // −1 if absent
};

// An expression longer or larger than this is refused, the limit named in the message.
struct ExpressionLimits {
  std::size_t max_length = 400;  // characters
  std::size_t max_nodes = 200;   // numbers, names, operators and calls
};

// Throws nnp::Error "column 7: expected ')' to close the '(' at column 3" and the like.
Expression parse_expression(std::string_view source, const ExpressionLimits& limits = {});

// A leaf's storage: its value and, for a leaf that requires a gradient, the buffer it accumulates
// into (null: a constant). Both must outlive the graph's use.
struct ExpressionLeaf {
  float* value = nullptr;
  float* grad = nullptr;
};

struct RecordedExpression {
  Var output;               // [1, 1]
  std::vector<Var> leaves;  // one per Expression::leaves
  std::vector<Var> nodes;   // one per Expression::nodes (Pow's exponent number: id −1, not recorded)
};

// Records e onto g, leaves[i] bound to e.leaves[i]. Throws nnp::Error for a wrong number of leaves
// or a loss whose target requires a gradient where the engine's loss has none (bce).
RecordedExpression record_expression(Graph& g, const Expression& e, std::span<const ExpressionLeaf> leaves);

// Forward value at the given leaf values (one per e.leaves, in order); with grads (same size), also
// every leaf's gradient, overwritten (each leaf then requires a gradient).
float evaluate_expression(const Expression& e, std::span<const float> values, std::span<float> grads = {});

// Forward values on a grid for contour plots: out[i·xs.size() + j] = e(x = xs[j], y = ys[i]).
// e's leaves must be among x_name and y_name (either may be absent from e).
std::vector<float> evaluate_grid(const Expression& e, std::string_view x_name, std::string_view y_name,
                                 std::span<const float> xs, std::span<const float> ys);

}  // namespace nnp
