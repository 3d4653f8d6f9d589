#pragma once
// The autograd explorer's engine: one expression recorded on the tape (nnp::Graph), its nodes with
// their values and gradients, backward() whole or one node at a time with the chain rule's numbers,
// and a central finite-difference estimate per leaf. Every derivative is the op table's
// (Graph::backward_rule); nothing here differentiates.
//
//   nnp::AutogradExplorer ex("tanh(w*x + b)", {{"w", 0.5f, true}, {"x", 2.0f, false}, {"b", -1.0f, true}});
//   nnp::ExplorerStep s = ex.step();   // the output node: upstream 1, local 1 − tanh², …
//   ex.backward();                     // the rest of this pass: w.grad and b.grad arrive
//   ex.backward();                     // a second pass: the leaves' gradients double, as in PyTorch
//   ex.zero_grad();
#include <string>
#include <string_view>
#include <vector>

#include "nnp/expression.h"

namespace nnp {

struct ExplorerLeaf {
  std::string name;
  float value = 1.0f;
  bool requires_grad = true;
};

struct ExplorerNode {
  int id = 0;               // position on the tape
  std::string op;           // the tape's op: "leaf", "constant", "add", "mul", "pow", "tanh", "bce", …
  std::string label;        // what the graph shows: a leaf's name, a number, "+", "×", "^2", "tanh", …
  std::vector<int> inputs;  // tape ids
  float value = 0.0f;
  bool requires_grad = false;
  bool has_grad = false;  // a gradient has arrived (a leaf's: its accumulated .grad)
  float grad = 0.0f;
  int column = 0;  // where it starts in the source, from 1 (0: none)
};

struct ExplorerStepInput {
  int input = 0;              // tape id
  float local = 0.0f;         // ∂node/∂input, the op's rule run with upstream 1
  bool receives = false;      // the input requires a gradient, so the product is added to it
  float contribution = 0.0f;  // upstream × local, what the rule adds to the input's gradient
  float grad_after = 0.0f;    // the input's gradient after the addition
};

struct ExplorerStep {
  int node = -1;          // the tape id processed; −1: nothing to do (no leaf requires a gradient)
  float upstream = 0.0f;  // ∂output/∂node, complete when its turn comes
  std::vector<ExplorerStepInput> inputs;
  bool pass_done = false;  // the last node of this backward pass
};

class AutogradExplorer {
 public:
  // Leaves not listed take ExplorerLeaf's defaults, except a loss's target, which is a constant;
  // listed names the expression lacks are ignored. Throws nnp::Error for a bad expression.
  AutogradExplorer(std::string_view source, const std::vector<ExplorerLeaf>& leaves,
                   const ExpressionLimits& limits = {});

  const Expression& expression() const { return expr_; }
  const std::vector<ExplorerLeaf>& leaves() const { return leaves_; }
  std::vector<ExplorerNode> nodes() const;
  int output() const { return recorded_.output.id; }
  float value() const { return graph_.scalar(recorded_.output); }

  // Finishes the pass in progress, or runs a whole new one; leaves' gradients accumulate.
  void backward();
  // The next node of the pass in progress (a new pass starts when none is).
  ExplorerStep step();
  int next_node() const { return next_; }  // the node step() processes next; −1: no pass in progress
  // The leaves' gradients to zero (intermediates' are fresh on every pass anyway).
  void zero_grad();
  std::vector<float> leaf_grads() const { return grads_; }

  // Central differences (f(v + h) − f(v − h)) / 2h per leaf, every other leaf held: the engine's
  // float32 forward at each point, the difference taken in double.
  std::vector<double> finite_differences(double h = kFiniteDifferenceStep) const;
  static constexpr double kFiniteDifferenceStep = 1e-3;

 private:
  void record();      // a fresh tape at the leaves' values (no gradients but the leaves')
  void start_pass();  // record() and seed ∂output = 1

  Expression expr_;
  std::vector<ExplorerLeaf> leaves_;
  std::vector<float> values_, grads_;  // one per leaf; the tape points into them
  Arena arena_;
  Graph graph_;
  RecordedExpression recorded_;
  std::vector<int> expr_node_of_;  // tape id → Expression node (−1: a leaf)
  int next_ = -1;
};

}  // namespace nnp
