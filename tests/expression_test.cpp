// The expression grammar (parse errors with their column, precedence, limits) and its recording on
// the tape: every function's gradient against central finite differences.
#include "nnp/expression.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "nnp/error.h"

namespace nnp {
namespace {

float eval(const std::string& source, std::vector<float> values) {
  return evaluate_expression(parse_expression(source), values);
}

std::string error_of(const std::string& source) {
  try {
    parse_expression(source);
  } catch (const Error& e) {
    return e.what();
  }
  return "(parsed)";
}

TEST(Expression, HeaderExample) {
  Expression e = parse_expression("tanh(w*x + b)");
  ASSERT_EQ(e.leaves, (std::vector<std::string>{"w", "x", "b"}));
  float value[3] = {0.5f, 2.0f, -1.0f}, grad[3] = {};
  Arena arena;
  Graph g(arena);
  std::vector<ExpressionLeaf> leaves = {{&value[0], &grad[0]}, {&value[1], nullptr}, {&value[2], &grad[2]}};
  RecordedExpression r = record_expression(g, e, leaves);
  g.backward(r.output);
  const double z = 0.5 * 2.0 - 1.0, dz = 1.0 - std::tanh(z) * std::tanh(z);
  EXPECT_NEAR(g.scalar(r.output), std::tanh(z), 1e-6);
  EXPECT_NEAR(grad[0], dz * 2.0, 1e-6);  // ∂/∂w = x·tanh'
  EXPECT_EQ(grad[1], 0.0f);              // x is a constant
  EXPECT_NEAR(grad[2], dz, 1e-6);
}

TEST(Expression, PrecedenceAndAssociativity) {
  EXPECT_FLOAT_EQ(eval("-x^2", {3}), -9.0f);   // ^ binds tighter than unary minus, as Python's **
  EXPECT_FLOAT_EQ(eval("2^3^2", {}), 512.0f);  // right-associative
  EXPECT_FLOAT_EQ(eval("x^2^3", {2}), 256.0f);
  EXPECT_FLOAT_EQ(eval("8 - 4 - 2", {}), 2.0f);
  EXPECT_FLOAT_EQ(eval("8 / 4 / 2", {}), 1.0f);
  EXPECT_FLOAT_EQ(eval("1 + 2 * 3", {}), 7.0f);
  EXPECT_FLOAT_EQ(eval("(1 + 2) * 3", {}), 9.0f);
  EXPECT_FLOAT_EQ(eval("x^-1", {4}), 0.25f);
  EXPECT_FLOAT_EQ(eval("2 * -x", {3}), -6.0f);
  EXPECT_FLOAT_EQ(eval("1.5e1 + .5 + 2.", {}), 17.5f);
  EXPECT_FLOAT_EQ(eval("leaky_relu(x, 0.2)", {-1}), -0.2f);
  EXPECT_FLOAT_EQ(eval("leaky_relu(x)", {-1}), -0.01f);
}

TEST(Expression, LeavesAreSharedByName) {
  Expression e = parse_expression("x*x + y");
  EXPECT_EQ(e.leaves, (std::vector<std::string>{"x", "y"}));
  std::vector<float> grads(2);
  evaluate_expression(e, std::vector<float>{3, 1}, grads);
  EXPECT_FLOAT_EQ(grads[0], 6.0f);  // both uses of x add up
  EXPECT_FLOAT_EQ(grads[1], 1.0f);
}

struct ErrorCase {
  const char* source;
  const char* message;  // the start of the message
};

class ExpressionError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ExpressionError, NamesTheColumn) {
  const std::string got = error_of(GetParam().source);
  EXPECT_EQ(got.rfind(GetParam().message, 0), 0u) << got;
}

INSTANTIATE_TEST_SUITE_P(
    All, ExpressionError,
    ::testing::Values(ErrorCase{"(x + 1", "column 7: expected ')' to close the '(' at column 1"},
                      ErrorCase{"tanh(x", "column 7: expected ',' or ')' to close the '(' of tanh at column 5"},
                      ErrorCase{"x +", "column 4: expected a number, a name or '(', found the end"},
                      ErrorCase{"x + * 2", "column 5: expected a number, a name or '(', found '*'"},
                      ErrorCase{"foo(x)", "column 1: unknown function 'foo'; known: exp, log, sqrt"},
                      ErrorCase{"x^y", "column 3: the exponent after '^' must be a number"},
                      ErrorCase{"2x", "column 2: unexpected 'x' after the number 2"},
                      ErrorCase{"x $ y", "column 3: expected an operator (+ - * / ^) or the end, found '$'"},
                      ErrorCase{"x)", "column 2: ')' has no '(' to close"},
                      ErrorCase{"  ", "column 3: the expression is empty"},
                      ErrorCase{"mse(x)", "column 1: mse takes 2 arguments, got 1"},
                      ErrorCase{"leaky_relu(x, y)", "column 15: leaky_relu's slope must be a number"},
                      ErrorCase{"1.2.3", "column 4: unexpected '.' after the number 1.2"}));

TEST(Expression, RefusesWhatIsTooLarge) {
  EXPECT_EQ(error_of(std::string(401, 'x')), "the expression has 401 characters; the limit is 400");
  std::string sum = "x";
  for (int i = 0; i < 100; ++i) sum += "+x";  // 101 leaves and 100 additions: 201 parts
  EXPECT_NE(error_of(sum).find("more than 200 parts"), std::string::npos) << error_of(sum);
  EXPECT_NO_THROW(parse_expression(sum, ExpressionLimits{.max_nodes = 201}));
}

// ---- gradients: the op table's, against central differences of the engine's own forward -----------

struct GradCase {
  const char* source;
  std::vector<float> values;
};

class ExpressionGrad : public ::testing::TestWithParam<GradCase> {};

TEST_P(ExpressionGrad, MatchesFiniteDifferences) {
  const GradCase& c = GetParam();
  const Expression e = parse_expression(c.source);
  ASSERT_EQ(e.leaves.size(), c.values.size());
  std::vector<float> grads(c.values.size());
  evaluate_expression(e, c.values, grads);
  const float h = 1e-2f;
  for (std::size_t i = 0; i < c.values.size(); ++i) {
    std::vector<float> up = c.values, down = c.values;
    up[i] += h;
    down[i] -= h;
    const double numeric = (static_cast<double>(evaluate_expression(e, up)) - evaluate_expression(e, down)) / (2.0 * h);
    EXPECT_NEAR(grads[i], numeric, 2e-3 + 1e-2 * std::fabs(numeric)) << c.source << ", leaf " << e.leaves[i];
  }
}

INSTANTIATE_TEST_SUITE_P(All, ExpressionGrad,
                         ::testing::Values(GradCase{"3*x^2", {1.5f}}, GradCase{"exp(x)", {0.7f}},
                                           GradCase{"log(x)", {1.3f}}, GradCase{"sqrt(x)", {2.0f}},
                                           GradCase{"abs(x)", {-0.8f}}, GradCase{"sin(x)", {0.4f}},
                                           GradCase{"cos(x)", {0.4f}}, GradCase{"tanh(w*x + b)", {0.5f, 2.0f, -0.3f}},
                                           GradCase{"sigmoid(x)", {0.3f}}, GradCase{"relu(x)", {0.6f}},
                                           GradCase{"leaky_relu(x, 0.1)", {-0.6f}}, GradCase{"gelu(x)", {0.4f}},
                                           GradCase{"silu(x)", {-0.5f}}, GradCase{"softplus(x)", {0.9f}},
                                           GradCase{"mse(w*x, t)", {0.5f, 2.0f, 3.0f}},
                                           GradCase{"bce(sigmoid(w*x + b), 1)", {0.5f, 2.0f, -0.3f}},
                                           GradCase{"bce_with_logits(w*x + b, 0)", {0.5f, 2.0f, -0.3f}},
                                           GradCase{"max(x, y) + min(x*y, 1)", {0.8f, -0.3f}},
                                           GradCase{"-x / (y - 1)^3", {0.8f, -0.3f}},
                                           GradCase{"(1 - x)^2 + 100*(y - x^2)^2", {-1.2f, 1.0f}}),
                         [](const auto& info) { return "case" + std::to_string(info.index); });

TEST(Expression, MaxSplitsATieLikeTorch) {
  std::vector<float> grads(2);
  evaluate_expression(parse_expression("max(x, y)"), std::vector<float>{1, 1}, grads);
  EXPECT_EQ(grads, (std::vector<float>{0.5f, 0.5f}));
}

TEST(Expression, ParameterGradientsAccumulateAcrossRecordings) {
  const Expression e = parse_expression("3*x^2");
  float x = 2.0f, dx = 0.0f;
  const std::vector<ExpressionLeaf> leaves{{&x, &dx}};
  Arena arena;
  Graph g(arena);
  for (int pass = 1; pass <= 2; ++pass) {
    g.backward(record_expression(g, e, leaves).output);
    g.clear();
    EXPECT_FLOAT_EQ(dx, 12.0f * static_cast<float>(pass));
  }
}

TEST(Expression, RefusesAGradientThroughABceTarget) {
  const Expression e = parse_expression("bce(p, t)");
  float p = 0.3f, t = 1.0f, dp = 0, dt = 0;
  Arena arena;
  Graph g(arena);
  const std::vector<ExpressionLeaf> leaves{{&p, &dp}, {&t, &dt}};
  EXPECT_THROW(
      {
        try {
          record_expression(g, e, leaves);
        } catch (const Error& err) {
          EXPECT_STREQ(err.what(), "column 8: bce's target must not require a gradient: make its leaves constants");
          throw;
        }
      },
      Error);
}

TEST(Expression, GridMatchesPointwiseEvaluation) {
  const Expression e = parse_expression("(1 - x)^2 + 100*(y - x^2)^2");
  const std::vector<float> xs{-1.0f, 0.0f, 1.0f}, ys{0.5f, 1.0f};
  const std::vector<float> grid = evaluate_grid(e, "x", "y", xs, ys);
  ASSERT_EQ(grid.size(), 6u);
  for (std::size_t i = 0; i < ys.size(); ++i)
    for (std::size_t j = 0; j < xs.size(); ++j)
      EXPECT_EQ(grid[i * 3 + j], evaluate_expression(e, std::vector<float>{xs[j], ys[i]}));
  EXPECT_EQ(grid[5], 0.0f);  // Rosenbrock's minimum at (1, 1)
  EXPECT_EQ(evaluate_grid(parse_expression("y^2"), "x", "y", xs, ys)[0], 0.25f);
  EXPECT_THROW(evaluate_grid(parse_expression("x + z"), "x", "y", xs, ys), Error);
}

}  // namespace
}  // namespace nnp
