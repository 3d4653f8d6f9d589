// Every op's gradient against central finite differences, and PyTorch's .grad semantics.
#include "nnp/autograd.h"

#include <gtest/gtest.h>

#include <cstring>
#include <tuple>

#include "gradcheck.h"
#include "nnp/error.h"
#include "nnp/mlp.h"

namespace nnp {

void PrintTo(Activation a, std::ostream* os) { *os << name_of(a); }

namespace {

using testing::expect_gradients_match;
using testing::TestParam;

class MatMulGrad : public ::testing::TestWithParam<std::tuple<bool, bool>> {};

TEST_P(MatMulGrad, MatchesFiniteDifferences) {
  const bool ta = std::get<0>(GetParam()), tb = std::get<1>(GetParam());
  Pcg32 rng(11);
  const int m = 5, k = 7, n = 3;
  std::vector<TestParam> p;
  p.emplace_back(ta ? k : m, ta ? m : k, rng);
  p.emplace_back(tb ? n : k, tb ? k : n, rng);
  TestParam target(m, n, rng);
  expect_gradients_match(p, [&](Graph& g, const std::vector<Var>& v) {
    return g.mse_loss(g.matmul(v[0], v[1], ta, tb), g.input(target.tensor()));
  });
}

INSTANTIATE_TEST_SUITE_P(AllForms, MatMulGrad, ::testing::Combine(::testing::Bool(), ::testing::Bool()));

TEST(Grad, AddRow) {
  Pcg32 rng(12);
  std::vector<TestParam> p;
  p.emplace_back(4, 3, rng);
  p.emplace_back(1, 3, rng);
  TestParam target(4, 3, rng);
  expect_gradients_match(p, [&](Graph& g, const std::vector<Var>& v) {
    return g.mse_loss(g.add_row(v[0], v[1]), g.input(target.tensor()));
  });
}

// Linear's sizes: n rows, in → out. The first ones take the small-product path (out not a whole
// number of vectors, in = 2 for ∂W's last columns), the last one gemm().
struct LinearSize {
  int n, in, out;
};

class LinearGrad : public ::testing::TestWithParam<LinearSize> {};

// x feeds two Linear nodes, so its gradient is accumulated into a buffer that already holds one.
TEST_P(LinearGrad, MatchesFiniteDifferences) {
  const LinearSize s = GetParam();
  Pcg32 rng(17);
  std::vector<TestParam> p;
  p.emplace_back(s.n, s.in, rng);
  for (int layer = 0; layer < 2; ++layer) {
    p.emplace_back(s.out, s.in, rng);
    p.emplace_back(1, s.out, rng);
  }
  TestParam target(s.n, s.out, rng);
  expect_gradients_match(p, [&](Graph& g, const std::vector<Var>& v) {
    Var sum = g.add(g.linear(v[0], v[1], v[2]), g.mul_scalar(g.linear(v[0], v[3], v[4]), 0.5f));
    return g.mse_loss(sum, g.input(target.tensor()));
  });
}

// The one Linear node gives the bits of the matmul (A·Bᵀ) and bias row it stands for, whichever
// product path its size takes.
TEST_P(LinearGrad, EqualsMatmulPlusBiasBitForBit) {
  const LinearSize s = GetParam();
  Pcg32 rng(18);
  std::vector<TestParam> linear, composed;
  linear.emplace_back(s.n, s.in, rng);
  linear.emplace_back(s.out, s.in, rng);
  linear.emplace_back(1, s.out, rng);
  composed = linear;
  TestParam target(s.n, s.out, rng);
  const auto loss = [&](Graph& g, Var z) { return g.mse_loss(g.tanh(z), g.input(target.tensor())); };
  const float a = testing::eval_loss(
      linear, [&](Graph& g, const std::vector<Var>& v) { return loss(g, g.linear(v[0], v[1], v[2])); }, true);
  const float b = testing::eval_loss(
      composed,
      [&](Graph& g, const std::vector<Var>& v) { return loss(g, g.add_row(g.matmul(v[0], v[1], false, true), v[2])); },
      true);
  EXPECT_EQ(a, b);
  for (std::size_t i = 0; i < linear.size(); ++i)
    EXPECT_EQ(std::memcmp(linear[i].grad.data(), composed[i].grad.data(), linear[i].grad.size() * sizeof(float)), 0)
        << "parameter " << i;
}

INSTANTIATE_TEST_SUITE_P(SmallAndGemm, LinearGrad,
                         ::testing::Values(LinearSize{5, 3, 6}, LinearSize{7, 2, 9}, LinearSize{24, 30, 24}),
                         [](const auto& info) {
                           const LinearSize& s = info.param;
                           return std::to_string(s.n) + "x" + std::to_string(s.in) + "to" + std::to_string(s.out);
                         });

TEST(Grad, LinearShapeErrorsNameTheShapes) {
  Arena arena;
  Graph g(arena);
  float x[6] = {}, w[6] = {}, b[3] = {};
  try {
    g.linear(g.input({x, 2, 3}), g.input({w, 3, 2}), g.input({b, 1, 3}));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("the input [2, 3] has 3 features but the weight [3, 2] takes 2"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(g.linear(g.input({x, 2, 3}), g.input({w, 2, 3}), g.input({b, 1, 3})), Error);  // bias [1, 2]
}

class ActivationGrad : public ::testing::TestWithParam<Activation> {};

TEST_P(ActivationGrad, MatchesFiniteDifferences) {
  Pcg32 rng(13);
  std::vector<TestParam> p;
  p.emplace_back(3, 5, rng, -2.0, 2.0);
  for (float& v : p[0].data)  // keep ReLU's kink at 0 farther than eps away
    if (std::fabs(v) < 0.1f) v = v < 0 ? -0.3f : 0.3f;
  TestParam target(3, 5, rng);
  const Activation act = GetParam();
  expect_gradients_match(p, [&](Graph& g, const std::vector<Var>& v) {
    return g.mse_loss(g.activation(v[0], act), g.input(target.tensor()));
  });
}

INSTANTIATE_TEST_SUITE_P(All, ActivationGrad,
                         ::testing::Values(Activation::Identity, Activation::Sigmoid, Activation::Tanh,
                                           Activation::ReLU),
                         [](const auto& info) { return std::string(name_of(info.param)); });

TEST(Grad, MseLossBothArguments) {
  Pcg32 rng(14);
  std::vector<TestParam> p;
  p.emplace_back(6, 2, rng);
  p.emplace_back(6, 2, rng);
  expect_gradients_match(p, [](Graph& g, const std::vector<Var>& v) { return g.mse_loss(v[0], v[1]); });
}

TEST(Grad, BceLossOnProbabilities) {
  Pcg32 rng(15);
  std::vector<TestParam> p;
  p.emplace_back(8, 1, rng, 0.1, 0.9);
  TestParam target(8, 1, rng, 0.0, 1.0);
  expect_gradients_match(
      p, [&](Graph& g, const std::vector<Var>& v) { return g.bce_loss(v[0], g.input(target.tensor())); }, 1e-3f);
}

TEST(Grad, BceLossValueMatchesDefinitionAndClampsLogAtMinus100) {
  Arena arena;
  Graph g(arena);
  float p[3] = {0.25f, 0.0f, 1.0f};
  float t[3] = {1.0f, 1.0f, 1.0f};
  Var loss = g.bce_loss(g.input({p, 3, 1}), g.input({t, 3, 1}));
  // −log 0.25, then log 0 clamped at −100, then −log 1 = 0.
  EXPECT_NEAR(g.scalar(loss), (-std::log(0.25) + 100.0 + 0.0) / 3.0, 1e-5);
}

TEST(Grad, WholeMlpWithBce) {
  Pcg32 rng(16);
  Mlp net(MlpSpec{.inputs = 2, .layers = {{3, Activation::Tanh}, {2, Activation::ReLU}, {1, Activation::Sigmoid}}});
  net.init_default(rng);
  std::vector<TestParam> p;
  for (const ParamInfo& info : net.named_parameters()) {
    p.emplace_back(info.rows, info.cols, rng);
    std::copy_n(net.parameters().data() + info.offset, p.back().data.size(), p.back().data.begin());
  }
  TestParam x(6, 2, rng, -2.0, 2.0);
  TestParam t(6, 1, rng, 0.0, 1.0);
  // The same layers built from the test's own parameter Vars, as Mlp::forward records them.
  expect_gradients_match(
      p,
      [&](Graph& g, const std::vector<Var>& v) {
        Var h = g.input(x.tensor());
        const Activation acts[] = {Activation::Tanh, Activation::ReLU, Activation::Sigmoid};
        for (int l = 0; l < 3; ++l) h = g.activation(g.linear(h, v[2 * l], v[2 * l + 1]), acts[l]);
        return g.bce_loss(h, g.input(t.tensor()));
      },
      1e-3f);
}

TEST(Autograd, GradientsAccumulateAcrossBackwardCalls) {
  Arena arena;
  Graph g(arena);
  float w[2] = {0.5f, -1.0f}, gw[2] = {0.0f, 0.0f};
  float x[2] = {2.0f, 3.0f};
  float t[1] = {0.0f};
  for (int call = 1; call <= 2; ++call) {
    Var loss = g.mse_loss(g.matmul(g.input({x, 1, 2}), g.parameter({w, 2, 1}, gw)), g.input({t, 1, 1}));
    g.backward(loss);
    g.clear();
    // y = 2·0.5 + 3·(−1) = −2; dL/dw = 2·y·x = (−8, −12), once per call.
    EXPECT_FLOAT_EQ(gw[0], -8.0f * call);
    EXPECT_FLOAT_EQ(gw[1], -12.0f * call);
  }
}

TEST(Autograd, AValueUsedTwiceGetsBothContributions) {
  Arena arena;
  Graph g(arena);
  float a[1] = {3.0f}, ga[1] = {0.0f}, zero[1] = {0.0f};
  Var av = g.parameter({a, 1, 1}, ga);
  // L = (a·a − 0)² → dL/da = 2·a²·2a = 4a³ = 108
  g.backward(g.mse_loss(g.matmul(av, av), g.input({zero, 1, 1})));
  EXPECT_FLOAT_EQ(ga[0], 108.0f);
}

TEST(Autograd, ShapeErrorsNameTheShapes) {
  Arena arena;
  Graph g(arena);
  float a[6] = {}, b[6] = {};
  Var va = g.input({a, 2, 3});
  Var vb = g.input({b, 2, 3});
  try {
    g.matmul(va, vb);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("[2, 3] · [2, 3]"), std::string::npos) << e.what();
  }
  EXPECT_THROW(g.backward(va), Error);  // not a scalar
}

}  // namespace
}  // namespace nnp
