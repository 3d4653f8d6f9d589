// A parsed expression onto the tape: every node becomes one of Graph's ops on [1, 1] tensors, so
// its derivative is the op table's (op_table.cpp) and nothing here differentiates.
#include <string>

#include "nnp/error.h"
#include "nnp/expression.h"

namespace nnp {
namespace {

constexpr float kDefaultLeakySlope = 0.01f;  // torch.nn.LeakyReLU's negative_slope

ActivationSpec activation_of(ExprFunction f) {
  switch (f) {
    case ExprFunction::Tanh: return Activation::Tanh;
    case ExprFunction::Sigmoid: return Activation::Sigmoid;
    case ExprFunction::Relu: return Activation::ReLU;
    case ExprFunction::LeakyRelu: return Activation::LeakyReLU;
    case ExprFunction::Gelu: return Activation::GELU;
    case ExprFunction::Silu: return Activation::SiLU;
    case ExprFunction::Softplus: return Activation::Softplus;
    default: return Activation::Identity;
  }
}

std::string_view name_of(ExprFunction f) {
  for (const ExprFunctionInfo& info : expression_functions())
    if (info.function == f) return info.name;
  return "?";
}

class Recorder {
 public:
  Recorder(Graph& g, const Expression& e) : g_(g), e_(e) {}

  RecordedExpression run(std::span<const ExpressionLeaf> leaves) {
    if (leaves.size() != e_.leaves.size())
      throw Error("the expression has " + std::to_string(e_.leaves.size()) + " leaves but " +
                  std::to_string(leaves.size()) + " values were given");
    RecordedExpression r;
    for (const ExpressionLeaf& leaf : leaves) {
      const Tensor t{leaf.value, 1, 1};
      r.leaves.push_back(leaf.grad != nullptr ? g_.parameter(t, leaf.grad) : g_.input(t));
    }
    // leaky_relu's slope is a setting of the op, not a value on the tape.
    std::vector<bool> setting(e_.nodes.size(), false);
    for (const ExprNode& n : e_.nodes)
      if (n.kind == ExprKind::Call && n.function == ExprFunction::LeakyRelu && n.args.size() == 2)
        setting[n.args[1]] = true;
    r.nodes.assign(e_.nodes.size(), Var{});
    for (std::size_t i = 0; i < e_.nodes.size(); ++i)
      if (!setting[i]) r.nodes[i] = node(e_.nodes[i], r);
    r.output = r.nodes[e_.root()];
    return r;
  }

 private:
  Var node(const ExprNode& n, const RecordedExpression& r) {
    const auto arg = [&](int k) { return r.nodes[n.args[k]]; };
    switch (n.kind) {
      case ExprKind::Number: return g_.constant(static_cast<float>(n.number));
      case ExprKind::Leaf: return r.leaves[n.leaf];
      case ExprKind::Negate: return g_.mul_scalar(arg(0), -1.0f);
      case ExprKind::Add: return g_.add(arg(0), arg(1));
      case ExprKind::Sub: return g_.sub(arg(0), arg(1));
      case ExprKind::Mul: return g_.mul(arg(0), arg(1));
      case ExprKind::Div: return g_.div(arg(0), arg(1));
      case ExprKind::Pow: return g_.pow(arg(0), static_cast<float>(n.number));
      case ExprKind::Call: return call(n, r);
    }
    return Var{};
  }

  Var call(const ExprNode& n, const RecordedExpression& r) {
    const Var a = r.nodes[n.args[0]];
    const Var b = n.args.size() > 1 ? r.nodes[n.args[1]] : Var{};
    switch (n.function) {
      case ExprFunction::Exp: return g_.exp(a);
      case ExprFunction::Log: return g_.log(a);
      case ExprFunction::Sqrt: return g_.pow(a, 0.5f);
      case ExprFunction::Abs: return g_.abs(a);
      case ExprFunction::Sin: return g_.sin(a);
      case ExprFunction::Cos: return g_.cos(a);
      case ExprFunction::LeakyRelu: {
        ActivationSpec spec = Activation::LeakyReLU;
        spec.negative_slope = n.args.size() > 1 ? static_cast<float>(e_.nodes[n.args[1]].number) : kDefaultLeakySlope;
        return g_.activation(a, spec);
      }
      case ExprFunction::Mse: return g_.loss(a, b, LossSpec{.kind = LossKind::MSELoss});
      case ExprFunction::Bce: return loss_with_constant_target(n, a, b, LossKind::BCELoss);
      case ExprFunction::BceWithLogits: return loss_with_constant_target(n, a, b, LossKind::BCEWithLogitsLoss);
      case ExprFunction::Max: return g_.maximum(a, b);
      case ExprFunction::Min: return g_.minimum(a, b);
      default: return g_.activation(a, activation_of(n.function));
    }
  }

  // The engine's BCE losses differentiate the prediction only.
  Var loss_with_constant_target(const ExprNode& n, Var p, Var t, LossKind kind) {
    if (g_.at(t).requires_grad)
      throw Error("column " + std::to_string(e_.nodes[n.args[1]].column) + ": " + std::string(name_of(n.function)) +
                  "'s target must not require a gradient: make its leaves constants");
    return g_.loss(p, t, LossSpec{.kind = kind});
  }

  Graph& g_;
  const Expression& e_;
};

}  // namespace

RecordedExpression record_expression(Graph& g, const Expression& e, std::span<const ExpressionLeaf> leaves) {
  return Recorder(g, e).run(leaves);
}

float evaluate_expression(const Expression& e, std::span<const float> values, std::span<float> grads) {
  if (values.size() != e.leaves.size() || (!grads.empty() && grads.size() != values.size()))
    throw Error("the expression has " + std::to_string(e.leaves.size()) + " leaves but " +
                std::to_string(values.size()) + " values were given");
  std::vector<float> v(values.begin(), values.end());  // the tape's tensors are writable
  std::vector<ExpressionLeaf> leaves(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    leaves[i].value = &v[i];
    if (!grads.empty()) {
      grads[i] = 0.0f;
      leaves[i].grad = &grads[i];
    }
  }
  Arena arena(256);
  Graph g(arena);
  const RecordedExpression r = record_expression(g, e, leaves);
  if (!grads.empty()) g.backward(r.output);
  return g.scalar(r.output);
}

std::vector<float> evaluate_grid(const Expression& e, std::string_view x_name, std::string_view y_name,
                                 std::span<const float> xs, std::span<const float> ys) {
  float x = 0.0f, y = 0.0f;
  std::vector<ExpressionLeaf> leaves;
  for (const std::string& name : e.leaves) {
    if (name != x_name && name != y_name)
      throw Error("the surface may use only " + std::string(x_name) + " and " + std::string(y_name) + ", not " + name);
    leaves.push_back({name == x_name ? &x : &y, nullptr});
  }
  std::vector<float> out;
  out.reserve(xs.size() * ys.size());
  Arena arena(1024);
  Graph g(arena);
  for (const float yi : ys)
    for (const float xj : xs) {
      x = xj;
      y = yi;
      out.push_back(g.scalar(record_expression(g, e, leaves).output));
      g.clear();
    }
  return out;
}

}  // namespace nnp
