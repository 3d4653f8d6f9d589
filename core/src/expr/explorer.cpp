// The autograd explorer (autograd_explorer.h) over Graph: a pass re-records the tape (fresh
// intermediate gradients, as PyTorch's graph is rebuilt by each forward) and walks it with
// Graph::backward_step; the step report's numbers come from the same rule (Graph::backward_rule).
#include <cctype>
#include <string>

#include "nnp/autograd_explorer.h"
#include "nnp/error.h"
#include "nnp/names.h"

namespace nnp {
namespace {

bool is_loss(const ExprNode& n) {
  return n.kind == ExprKind::Call && (n.function == ExprFunction::Mse || n.function == ExprFunction::Bce ||
                                      n.function == ExprFunction::BceWithLogits);
}

// Leaves inside a loss's target: data, so constants unless the caller says otherwise.
std::vector<bool> target_leaves(const Expression& e) {
  std::vector<bool> target(e.leaves.size(), false);
  for (const ExprNode& n : e.nodes) {
    if (!is_loss(n)) continue;
    std::vector<int> stack{n.args[1]};
    while (!stack.empty()) {
      const ExprNode& m = e.nodes[stack.back()];
      stack.pop_back();
      if (m.kind == ExprKind::Leaf) target[m.leaf] = true;
      stack.insert(stack.end(), m.args.begin(), m.args.end());
    }
  }
  return target;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The tape's op as a name (the engine's, not the expression's: sqrt is recorded as pow 0.5).
std::string op_name(const Node& n) {
  switch (n.op) {
    case Op::Leaf: return "leaf";
    case Op::Activation: return lower(name_of(n.act.kind));
    case Op::Loss: return lower(name_of(n.loss.kind));
    case Op::Add: return "add";
    case Op::Sub: return "sub";
    case Op::Mul: return "mul";
    case Op::Div: return "div";
    case Op::AddScalar: return "add_scalar";
    case Op::MulScalar: return "mul_scalar";
    case Op::Pow: return "pow";
    case Op::Exp: return "exp";
    case Op::Log: return "log";
    case Op::Abs: return "abs";
    case Op::Sin: return "sin";
    case Op::Cos: return "cos";
    case Op::Maximum: return "maximum";
    case Op::Minimum: return "minimum";
    default: return "other";
  }
}

// What the drawn graph shows for an expression node.
std::string label_of(const Expression& e, const ExprNode& n) {
  switch (n.kind) {
    case ExprKind::Number: return format_number(n.number);
    case ExprKind::Leaf: return e.leaves[n.leaf];
    case ExprKind::Negate: return "neg";
    case ExprKind::Add: return "+";
    case ExprKind::Sub: return "−";
    case ExprKind::Mul: return "×";
    case ExprKind::Div: return "÷";
    case ExprKind::Pow: return "^" + format_number(n.number);
    case ExprKind::Call:
      for (const ExprFunctionInfo& f : expression_functions())
        if (f.function == n.function) return std::string(f.name);
  }
  return "?";
}

// The first node at or below `from` whose backward rule has work: an op that a gradient reached.
int next_with_work(const Graph& g, int from) {
  for (int id = from; id >= 0; --id) {
    const Node& n = g.at(Var{id});
    if (n.op != Op::Leaf && n.requires_grad && n.grad != nullptr) return id;
  }
  return -1;
}

}  // namespace

AutogradExplorer::AutogradExplorer(std::string_view source, const std::vector<ExplorerLeaf>& leaves,
                                   const ExpressionLimits& limits)
    : expr_(parse_expression(source, limits)), graph_(arena_) {
  const std::vector<bool> target = target_leaves(expr_);
  for (std::size_t i = 0; i < expr_.leaves.size(); ++i) {
    ExplorerLeaf leaf;
    leaf.name = expr_.leaves[i];
    leaf.requires_grad = !target[i];
    for (const ExplorerLeaf& given : leaves)
      if (given.name == leaf.name) leaf = given;
    leaves_.push_back(leaf);
    values_.push_back(leaf.value);
  }
  grads_.assign(values_.size(), 0.0f);
  record();
}

void AutogradExplorer::record() {
  graph_.clear();
  std::vector<ExpressionLeaf> bound(values_.size());
  for (std::size_t i = 0; i < values_.size(); ++i)
    bound[i] = {&values_[i], leaves_[i].requires_grad ? &grads_[i] : nullptr};
  recorded_ = record_expression(graph_, expr_, bound);
  expr_node_of_.assign(graph_.size(), -1);
  for (std::size_t i = 0; i < expr_.nodes.size(); ++i)
    if (expr_.nodes[i].kind != ExprKind::Leaf && recorded_.nodes[i].id >= 0)
      expr_node_of_[recorded_.nodes[i].id] = static_cast<int>(i);
}

std::vector<ExplorerNode> AutogradExplorer::nodes() const {
  std::vector<ExplorerNode> out(graph_.size());
  for (std::size_t id = 0; id < out.size(); ++id) {
    const Node& n = graph_.at(Var{static_cast<std::int32_t>(id)});
    ExplorerNode& x = out[id];
    x.id = static_cast<int>(id);
    x.op = op_name(n);
    x.value = n.value.data[0];
    x.requires_grad = n.requires_grad;
    for (const Var v : {n.a, n.b, n.c})
      if (v.id >= 0) x.inputs.push_back(v.id);
    x.has_grad = n.grad != nullptr;
    x.grad = x.has_grad ? n.grad[0] : 0.0f;
    const int e = expr_node_of_[id];
    if (e >= 0) {
      x.label = label_of(expr_, expr_.nodes[e]);
      x.column = expr_.nodes[e].column;
      if (expr_.nodes[e].kind == ExprKind::Number) x.op = "constant";
    }
  }
  for (std::size_t i = 0; i < leaves_.size(); ++i) {
    ExplorerNode& x = out[recorded_.leaves[i].id];
    x.label = leaves_[i].name;
    for (const ExprNode& n : expr_.nodes)
      if (n.kind == ExprKind::Leaf && n.leaf == static_cast<int>(i)) {
        x.column = n.column;
        break;
      }
  }
  return out;
}

void AutogradExplorer::start_pass() {
  record();
  next_ = graph_.seed_backward(recorded_.output) ? next_with_work(graph_, recorded_.output.id) : -1;
}

ExplorerStep AutogradExplorer::step() {
  if (next_ < 0) {
    start_pass();
    if (next_ < 0) {
      ExplorerStep nothing;
      nothing.pass_done = true;
      return nothing;
    }
  }
  const Var v{next_};
  const Node& n = graph_.at(v);
  ExplorerStep s;
  s.node = next_;
  s.upstream = n.grad[0];
  const Var in[3] = {n.a, n.b, n.c};
  // The rule run twice into scratch: with upstream 1 (the local derivatives) and with the real
  // upstream (what it adds); then for real, into the inputs' gradients.
  float one = 1.0f, upstream = s.upstream;
  float local[3] = {}, contribution[3] = {};
  const auto slot = [&](float* buf, int k) { return in[k].id >= 0 ? &buf[k] : nullptr; };
  graph_.backward_rule(v, &one, slot(local, 0), slot(local, 1), slot(local, 2));
  graph_.backward_rule(v, &upstream, slot(contribution, 0), slot(contribution, 1), slot(contribution, 2));
  graph_.backward_step(v);
  for (int k = 0; k < 3; ++k) {
    if (in[k].id < 0) continue;
    const Node& input = graph_.at(in[k]);
    s.inputs.push_back(ExplorerStepInput{.input = in[k].id,
                                         .local = local[k],
                                         .receives = input.requires_grad,
                                         .contribution = input.requires_grad ? contribution[k] : 0.0f,
                                         .grad_after = input.grad != nullptr ? input.grad[0] : 0.0f});
  }
  next_ = next_with_work(graph_, next_ - 1);
  s.pass_done = next_ < 0;
  return s;
}

void AutogradExplorer::backward() {
  if (next_ < 0) start_pass();
  while (next_ >= 0) step();
}

void AutogradExplorer::zero_grad() { grads_.assign(grads_.size(), 0.0f); }

std::vector<double> AutogradExplorer::finite_differences(double h) const {
  std::vector<double> out(values_.size());
  for (std::size_t i = 0; i < values_.size(); ++i) {
    std::vector<float> up = values_, down = values_;
    up[i] = static_cast<float>(values_[i] + h);
    down[i] = static_cast<float>(values_[i] - h);
    // The step actually taken, after rounding to float.
    const double width = static_cast<double>(up[i]) - static_cast<double>(down[i]);
    out[i] = (static_cast<double>(evaluate_expression(expr_, up)) - evaluate_expression(expr_, down)) / width;
  }
  return out;
}

}  // namespace nnp
