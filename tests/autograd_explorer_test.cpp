// The autograd explorer: stepping reaches backward()'s gradients, each step's numbers obey the
// chain rule, leaves' gradients accumulate until zero_grad as in PyTorch, finite differences agree.
#include "nnp/autograd_explorer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

namespace nnp {
namespace {

TEST(AutogradExplorer, HeaderExample) {
  AutogradExplorer ex("tanh(w*x + b)", {{"w", 0.5f, true}, {"x", 2.0f, false}, {"b", -1.0f, true}});
  const ExplorerStep s = ex.step();
  EXPECT_EQ(s.node, ex.output());
  EXPECT_EQ(s.upstream, 1.0f);
  ASSERT_EQ(s.inputs.size(), 1u);
  const double t = std::tanh(0.5 * 2.0 - 1.0);
  EXPECT_NEAR(s.inputs[0].local, 1.0 - t * t, 1e-6);
  ex.backward();
  EXPECT_NEAR(ex.leaf_grads()[0], 2.0 * (1.0 - t * t), 1e-6);
  EXPECT_EQ(ex.leaf_grads()[1], 0.0f);  // x requires no gradient
  const std::vector<float> once = ex.leaf_grads();
  ex.backward();
  EXPECT_EQ(ex.leaf_grads()[0], 2.0f * once[0]);
  EXPECT_EQ(ex.leaf_grads()[2], 2.0f * once[2]);
  ex.zero_grad();
  EXPECT_EQ(ex.leaf_grads(), (std::vector<float>{0, 0, 0}));
}

TEST(AutogradExplorer, ListsTheTapeWithLabels) {
  AutogradExplorer ex("3*x^2", {{"x", 2.0f, true}});
  const std::vector<ExplorerNode> nodes = ex.nodes();
  ASSERT_EQ(nodes.size(), 4u);  // x, 3, x², 3·x²
  EXPECT_EQ(nodes[0].label, "x");
  EXPECT_EQ(nodes[0].op, "leaf");
  EXPECT_EQ(nodes[1].label, "3");
  EXPECT_EQ(nodes[1].op, "constant");
  EXPECT_FALSE(nodes[1].requires_grad);
  EXPECT_EQ(nodes[2].label, "^2");
  EXPECT_EQ(nodes[2].op, "pow");
  EXPECT_EQ(nodes[2].inputs, (std::vector<int>{0}));
  EXPECT_EQ(nodes[2].column, 4);
  EXPECT_EQ(nodes[3].label, "×");
  EXPECT_EQ(nodes[3].inputs, (std::vector<int>{1, 2}));
  EXPECT_EQ(nodes[3].value, 12.0f);
  EXPECT_FALSE(nodes[3].has_grad);
  ex.backward();
  EXPECT_TRUE(ex.nodes()[3].has_grad);
  EXPECT_EQ(ex.nodes()[0].grad, 12.0f);
}

TEST(AutogradExplorer, IntermediateGradientsAreFreshEachPass) {
  AutogradExplorer ex("3*x^2", {{"x", 2.0f, true}});
  ex.backward();
  ex.backward();
  const std::vector<ExplorerNode> nodes = ex.nodes();
  EXPECT_EQ(nodes[3].grad, 1.0f);   // the output's ∂ is 1 each pass
  EXPECT_EQ(nodes[2].grad, 3.0f);   // ∂(3·u)/∂u
  EXPECT_EQ(nodes[0].grad, 24.0f);  // the leaf's .grad accumulated twice
}

TEST(AutogradExplorer, ConstantInputsReceiveNothing) {
  AutogradExplorer ex("3*x^2", {{"x", 2.0f, true}});
  const ExplorerStep s = ex.step();  // the product 3 · x²
  ASSERT_EQ(s.inputs.size(), 2u);
  EXPECT_FALSE(s.inputs[0].receives);
  EXPECT_EQ(s.inputs[0].local, 4.0f);  // ∂(a·b)/∂a = b = x²
  EXPECT_TRUE(s.inputs[1].receives);
  EXPECT_EQ(s.inputs[1].local, 3.0f);
  EXPECT_EQ(s.inputs[1].contribution, 3.0f);
  EXPECT_FALSE(s.pass_done);
  const ExplorerStep last = ex.step();
  EXPECT_EQ(last.inputs[0].grad_after, 12.0f);
  EXPECT_TRUE(last.pass_done);
  EXPECT_EQ(ex.next_node(), -1);
}

TEST(AutogradExplorer, LossTargetsDefaultToConstants) {
  AutogradExplorer ex("bce(sigmoid(w*x + b), t)", {});
  ASSERT_EQ(ex.leaves().size(), 4u);
  EXPECT_TRUE(ex.leaves()[0].requires_grad);
  EXPECT_FALSE(ex.leaves()[3].requires_grad);
  EXPECT_THROW(AutogradExplorer("bce(sigmoid(w), t)", {{"t", 1.0f, true}}), ExpressionError);
}

class ExplorerExpressions : public ::testing::TestWithParam<const char*> {};

TEST_P(ExplorerExpressions, StepsReachBackwardAndFiniteDifferences) {
  const std::vector<ExplorerLeaf> leaves{{"x", 0.7f, true}, {"y", -0.4f, true}, {"w", 1.3f, true}, {"t", 1.0f, false}};
  AutogradExplorer whole(GetParam(), leaves), stepped(GetParam(), leaves);
  whole.backward();
  for (int guard = 0; guard < 1000; ++guard) {
    const ExplorerStep s = stepped.step();
    for (const ExplorerStepInput& in : s.inputs)
      if (in.receives) EXPECT_NEAR(in.contribution, s.upstream * in.local, 1e-6 * (1 + std::fabs(in.contribution)));
    if (s.pass_done) break;
  }
  EXPECT_EQ(stepped.leaf_grads(), whole.leaf_grads());
  const std::vector<double> fd = whole.finite_differences();
  for (std::size_t i = 0; i < fd.size(); ++i)
    if (whole.leaves()[i].requires_grad) EXPECT_NEAR(whole.leaf_grads()[i], fd[i], 1e-3) << whole.leaves()[i].name;
}

INSTANTIATE_TEST_SUITE_P(All, ExplorerExpressions,
                         ::testing::Values("3*x^2", "x*x*x - y", "tanh(w*x + y)", "bce(sigmoid(w*x + y), t)",
                                           "mse(relu(w*x) * y + x, t)", "exp(sin(x)) / (1 + cos(y)^2)",
                                           "sqrt(abs(x - y)) + log(w)", "max(x, y) - min(w, 1)",
                                           "bce_with_logits(gelu(x) + silu(y) + softplus(w), t)"));

// tests/fixtures/autograd/expressions.json (gen_autograd_fixtures.py, PyTorch 1.13, float32): the
// forward value and every leaf's .grad, to the parity fixtures' tolerance; and finite differences.
TEST(AutogradExplorer, MatchesPyTorchFixture) {
  std::ifstream in(NNP_AUTOGRAD_FIXTURE);
  ASSERT_TRUE(in) << NNP_AUTOGRAD_FIXTURE;
  const nlohmann::json doc = nlohmann::json::parse(in);
  ASSERT_EQ(doc["format"], "nn-playground/autograd@1");
  ASSERT_GE(doc["expressions"].size(), 20u);
  const auto close = [](double a, double b) { return std::fabs(a - b) <= 1e-5 + 1e-4 * std::fabs(b); };
  for (const nlohmann::json& c : doc["expressions"]) {
    const std::string name = c["name"];
    std::vector<ExplorerLeaf> leaves;
    for (const nlohmann::json& l : c["leaves"])
      leaves.push_back({l["name"], l["value"].get<float>(), l["requiresGrad"].get<bool>()});
    AutogradExplorer ex(c["expression"].get<std::string>(), leaves);
    ASSERT_EQ(ex.leaves().size(), leaves.size()) << name;
    EXPECT_PRED2(close, ex.value(), c["value"].get<double>()) << name;
    ex.backward();
    const std::vector<double> fd = ex.finite_differences();
    for (std::size_t i = 0; i < leaves.size(); ++i) {
      const nlohmann::json& l = c["leaves"][i];
      ASSERT_EQ(ex.leaves()[i].name, l["name"]) << name;
      if (l["grad"].is_null()) continue;
      EXPECT_PRED2(close, ex.leaf_grads()[i], l["grad"].get<double>()) << name << " " << l["name"];
      EXPECT_NEAR(ex.leaf_grads()[i], fd[i], 1e-3) << name << " " << l["name"];
    }
  }
}

}  // namespace
}  // namespace nnp
