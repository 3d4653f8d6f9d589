// Gradients of every op, activation and loss against central finite differences, and the values
// PyTorch defines at kinks and saturation.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "gradcheck.h"
#include "nnp/error.h"

namespace nnp {
namespace {

using testing::expect_gradients_match;
using testing::TestParam;

// ---- binary, scalar, unary and reduction ops ----------------------------------------------------

struct OpCase {
  const char* name;
  int b_rows, b_cols;  // shape of the second operand (broadcast forms)
  std::function<Var(Graph&, Var, Var)> op;
};

class BinaryOpGrad : public ::testing::TestWithParam<OpCase> {};

TEST_P(BinaryOpGrad, MatchesFiniteDifferences) {
  const OpCase& c = GetParam();
  Pcg32 rng(21);
  std::vector<TestParam> p;
  p.emplace_back(4, 3, rng, 0.5, 2.0);
  p.emplace_back(c.b_rows, c.b_cols, rng, 0.5, 2.0);  // away from 0 so div is smooth
  TestParam target(4, 3, rng);
  expect_gradients_match(p, [&](Graph& g, const std::vector<Var>& v) {
    return g.mse_loss(c.op(g, v[0], v[1]), g.input(target.tensor()));
  });
}

const auto kAdd = [](Graph& g, Var a, Var b) { return g.add(a, b); };
const auto kSub = [](Graph& g, Var a, Var b) { return g.sub(a, b); };
const auto kMul = [](Graph& g, Var a, Var b) { return g.mul(a, b); };
const auto kDiv = [](Graph& g, Var a, Var b) { return g.div(a, b); };
const auto kMax = [](Graph& g, Var a, Var b) { return g.maximum(a, b); };
const auto kMin = [](Graph& g, Var a, Var b) { return g.minimum(a, b); };

INSTANTIATE_TEST_SUITE_P(AllShapes, BinaryOpGrad,
                         ::testing::Values(OpCase{"add_same", 4, 3, kAdd}, OpCase{"add_row", 1, 3, kAdd},
                                           OpCase{"add_col", 4, 1, kAdd}, OpCase{"add_scalar", 1, 1, kAdd},
                                           OpCase{"sub_same", 4, 3, kSub}, OpCase{"sub_row", 1, 3, kSub},
                                           OpCase{"mul_same", 4, 3, kMul}, OpCase{"mul_row", 1, 3, kMul},
                                           OpCase{"mul_col", 4, 1, kMul}, OpCase{"div_same", 4, 3, kDiv},
                                           OpCase{"div_row", 1, 3, kDiv}, OpCase{"div_scalar", 1, 1, kDiv},
                                           OpCase{"maximum_same", 4, 3, kMax}, OpCase{"maximum_row", 1, 3, kMax},
                                           OpCase{"minimum_same", 4, 3, kMin}, OpCase{"minimum_col", 4, 1, kMin}),
                         [](const auto& info) { return std::string(info.param.name); });

struct UnaryCase {
  const char* name;
  double lo, hi;
  std::function<Var(Graph&, Var)> op;
};

class UnaryOpGrad : public ::testing::TestWithParam<UnaryCase> {};

TEST_P(UnaryOpGrad, MatchesFiniteDifferences) {
  const UnaryCase& c = GetParam();
  Pcg32 rng(22);
  std::vector<TestParam> p;
  p.emplace_back(3, 4, rng, c.lo, c.hi);
  expect_gradients_match(
      p,
      [&](Graph& g, const std::vector<Var>& v) {
        // Σ of a weighted output, so every element's gradient differs.
        Var out = c.op(g, v[0]);
        return g.sum(g.mul(out, g.add_scalar(g.mul_scalar(out, 0.0f), 1.5f)));
      },
      1e-3f);
}

INSTANTIATE_TEST_SUITE_P(
    All, UnaryOpGrad,
    ::testing::Values(UnaryCase{"add_scalar", -2, 2, [](Graph& g, Var a) { return g.add_scalar(a, 0.7f); }},
                      UnaryCase{"mul_scalar", -2, 2, [](Graph& g, Var a) { return g.mul_scalar(a, -1.3f); }},
                      UnaryCase{"pow3", -2, 2, [](Graph& g, Var a) { return g.pow(a, 3.0f); }},
                      UnaryCase{"pow_half", 0.5, 2, [](Graph& g, Var a) { return g.pow(a, 0.5f); }},
                      UnaryCase{"exp", -2, 2, [](Graph& g, Var a) { return g.exp(a); }},
                      UnaryCase{"log", 0.5, 3, [](Graph& g, Var a) { return g.log(a); }},
                      UnaryCase{"abs", 0.2, 2, [](Graph& g, Var a) { return g.abs(g.add_scalar(a, -1.1f)); }},
                      UnaryCase{"clamp", -2, 2, [](Graph& g, Var a) { return g.clamp(a, -0.97f, 1.03f); }},
                      UnaryCase{"sin", -3, 3, [](Graph& g, Var a) { return g.sin(a); }},
                      UnaryCase{"cos", -3, 3, [](Graph& g, Var a) { return g.cos(a); }},
                      UnaryCase{"sum", -2, 2, [](Graph& g, Var a) { return g.pow(g.sum(a), 2.0f); }},
                      UnaryCase{"mean", -2, 2, [](Graph& g, Var a) { return g.pow(g.mean(a), 2.0f); }},
                      UnaryCase{"sum_axis0", -2, 2, [](Graph& g, Var a) { return g.pow(g.sum(a, 0), 2.0f); }},
                      UnaryCase{"sum_axis1", -2, 2, [](Graph& g, Var a) { return g.pow(g.sum(a, 1), 2.0f); }},
                      UnaryCase{"mean_axis0", -2, 2, [](Graph& g, Var a) { return g.pow(g.mean(a, 0), 2.0f); }},
                      UnaryCase{"mean_axis1", -2, 2, [](Graph& g, Var a) { return g.pow(g.mean(a, 1), 2.0f); }},
                      UnaryCase{"softmax", -2, 2, [](Graph& g, Var a) { return g.mul_scalar(g.softmax(a), 3.0f); }},
                      UnaryCase{"log_softmax", -2, 2, [](Graph& g, Var a) { return g.log_softmax(a); }}),
    [](const auto& info) { return std::string(info.param.name); });

// ---- activations with their arguments ------------------------------------------------------------

struct ActCase {
  const char* name;
  ActivationSpec spec;
};

ActivationSpec with(Activation k, const std::function<void(ActivationSpec&)>& f = {}) {
  ActivationSpec s(k);
  if (f) f(s);
  return s;
}

class ActivationSpecGrad : public ::testing::TestWithParam<ActCase> {};

TEST_P(ActivationSpecGrad, MatchesFiniteDifferences) {
  Pcg32 rng(23);
  std::vector<TestParam> p;
  p.emplace_back(4, 5, rng, -3.0, 3.0);
  for (float& v : p[0].data)  // away from the kinks of ReLU, LeakyReLU and ELU at 0
    if (std::fabs(v) < 0.1f) v = v < 0 ? -0.4f : 0.4f;
  TestParam target(4, 5, rng);
  const ActivationSpec spec = GetParam().spec;
  expect_gradients_match(
      p,
      [&](Graph& g, const std::vector<Var>& v) {
        return g.mse_loss(g.activation(v[0], spec), g.input(target.tensor()));
      },
      1e-3f);
}

INSTANTIATE_TEST_SUITE_P(
    All, ActivationSpecGrad,
    ::testing::Values(ActCase{"LeakyReLU_0_1", with(Activation::LeakyReLU, [](auto& s) { s.negative_slope = 0.1f; })},
                      ActCase{"ELU_0_7", with(Activation::ELU, [](auto& s) { s.alpha = 0.7f; })},
                      ActCase{"GELU_erf", with(Activation::GELU)},
                      ActCase{"GELU_tanh", with(Activation::GELU, [](auto& s) { s.approximate_tanh = true; })},
                      ActCase{"SiLU", with(Activation::SiLU)}, ActCase{"Softplus", with(Activation::Softplus)},
                      ActCase{"Softplus_beta2_thr3", with(Activation::Softplus,
                                                          [](auto& s) {
                                                            s.beta = 2.0f;
                                                            s.threshold = 3.0f;
                                                          })},
                      ActCase{"Softmax", with(Activation::Softmax)},
                      ActCase{"LogSoftmax", with(Activation::LogSoftmax)}),
    [](const auto& info) { return std::string(info.param.name); });

float act_value(const ActivationSpec& s, float x, float* grad = nullptr) {
  Arena arena;
  Graph g(arena);
  float gx = 0.0f;
  Var v = g.parameter({&x, 1, 1}, &gx);
  Var y = g.activation(v, s);
  const float out = g.scalar(y);
  if (grad) {
    g.backward(g.sum(y));
    *grad = gx;
  }
  return out;
}

TEST(Activations, ValuesAndKinksAsPyTorchDefinesThem) {
  float d = 0.0f;
  act_value(Activation::ReLU, 0.0f, &d);
  EXPECT_EQ(d, 0.0f);  // relu'(0) = 0
  ActivationSpec leaky(Activation::LeakyReLU);
  leaky.negative_slope = 0.2f;
  act_value(leaky, 0.0f, &d);
  EXPECT_FLOAT_EQ(d, 0.2f);  // the negative branch at 0
  ActivationSpec elu(Activation::ELU);
  elu.alpha = 0.5f;
  EXPECT_NEAR(act_value(elu, -1.0f, &d), 0.5f * (std::exp(-1.0f) - 1.0f), 1e-6f);
  act_value(elu, 0.0f, &d);
  EXPECT_FLOAT_EQ(d, 0.5f);                                           // α·e⁰ at 0
  EXPECT_NEAR(act_value(Activation::GELU, 1.0f), 0.8413447f, 1e-6f);  // Φ(1)
  ActivationSpec gelu_tanh(Activation::GELU);
  gelu_tanh.approximate_tanh = true;
  EXPECT_NEAR(act_value(gelu_tanh, 1.0f), 0.8411920f, 1e-6f);
  EXPECT_NEAR(act_value(Activation::SiLU, 2.0f), 2.0f / (1.0f + std::exp(-2.0f)), 1e-6f);
  // Softplus is linear above its threshold (βx > 20), with derivative 1.
  EXPECT_FLOAT_EQ(act_value(Activation::Softplus, 25.0f, &d), 25.0f);
  EXPECT_FLOAT_EQ(d, 1.0f);
  EXPECT_NEAR(act_value(Activation::Softplus, 0.0f), std::log(2.0f), 1e-6f);
  // Saturated sigmoid: exactly 0 and 1, derivative 0, no NaN.
  EXPECT_EQ(act_value(Activation::Sigmoid, 200.0f, &d), 1.0f);
  EXPECT_EQ(d, 0.0f);
  EXPECT_EQ(act_value(Activation::Sigmoid, -200.0f), 0.0f);
}

TEST(Activations, SoftmaxIsStableForHugeLogits) {
  Arena arena;
  Graph g(arena);
  float x[3] = {1000.0f, 1001.0f, 999.0f};
  Var v = g.input({x, 1, 3});
  const Tensor& p = g.value(g.softmax(v));
  const Tensor& lp = g.value(g.log_softmax(v));
  EXPECT_NEAR(p.data[0] + p.data[1] + p.data[2], 1.0f, 1e-6f);
  EXPECT_NEAR(lp.data[1], -std::log(1.0f + std::exp(-1.0f) + std::exp(-2.0f)), 1e-5f);
}

// ---- losses --------------------------------------------------------------------------------------

struct LossCase {
  const char* name;
  LossSpec spec;
  int cols;
  enum Target { Values, Probabilities, Indices, Binary } target;
  double lo = -2.0, hi = 2.0;  // prediction range
};

LossSpec loss(LossKind k, Reduction r = Reduction::Mean, const std::function<void(LossSpec&)>& f = {}) {
  LossSpec s{.kind = k, .reduction = r};
  if (f) f(s);
  return s;
}

class LossGrad : public ::testing::TestWithParam<LossCase> {};

TEST_P(LossGrad, MatchesFiniteDifferences) {
  const LossCase& c = GetParam();
  Pcg32 rng(24);
  const int rows = 5;
  std::vector<TestParam> p;
  p.emplace_back(rows, c.cols, rng, c.lo, c.hi);
  TestParam target(rows, c.target == LossCase::Indices ? 1 : c.cols, rng, 0.0, 1.0);
  if (c.target == LossCase::Values)
    for (float& v : target.data) v = v * 4.0f - 2.0f;
  if (c.target == LossCase::Indices)
    for (float& v : target.data) v = std::floor(v * static_cast<float>(c.cols));
  if (c.target == LossCase::Binary)
    for (float& v : target.data) v = v < 0.5f ? 0.0f : 1.0f;
  if (c.target == LossCase::Probabilities)
    for (int r = 0; r < rows; ++r) {
      float s = 0.0f;
      for (int j = 0; j < c.cols; ++j) s += target.data[r * c.cols + j];
      for (int j = 0; j < c.cols; ++j) target.data[r * c.cols + j] /= s;
    }
  // Keep the difference-based losses away from their kinks (|p − t| = 0 and = delta).
  if (c.spec.kind == LossKind::L1Loss || c.spec.kind == LossKind::HuberLoss)
    for (std::size_t i = 0; i < p[0].data.size(); ++i) {
      const float d = p[0].data[i] - target.data[i];
      if (std::fabs(d) < 0.05f || std::fabs(std::fabs(d) - c.spec.delta) < 0.05f) p[0].data[i] += 0.2f;
    }
  expect_gradients_match(
      p,
      [&](Graph& g, const std::vector<Var>& v) {
        Var l = g.loss(v[0], g.input(target.tensor()), c.spec);
        // reduction none: weight each row/element differently so every entry's gradient is checked
        return c.spec.reduction == Reduction::None ? g.sum(g.mul(l, g.add_scalar(g.abs(l), 1.0f))) : l;
      },
      1e-3f);
}

INSTANTIATE_TEST_SUITE_P(
    All, LossGrad,
    ::testing::Values(
        LossCase{"MSE_mean", loss(LossKind::MSELoss), 3, LossCase::Values},
        LossCase{"MSE_sum", loss(LossKind::MSELoss, Reduction::Sum), 3, LossCase::Values},
        LossCase{"MSE_none", loss(LossKind::MSELoss, Reduction::None), 3, LossCase::Values},
        LossCase{"L1_mean", loss(LossKind::L1Loss), 3, LossCase::Values},
        LossCase{"L1_none", loss(LossKind::L1Loss, Reduction::None), 3, LossCase::Values},
        LossCase{"Huber_mean", loss(LossKind::HuberLoss), 3, LossCase::Values},
        LossCase{"Huber_d0_5_sum", loss(LossKind::HuberLoss, Reduction::Sum, [](auto& s) { s.delta = 0.5f; }), 3,
                 LossCase::Values},
        LossCase{"BCE_mean", loss(LossKind::BCELoss), 2, LossCase::Binary, 0.05, 0.95},
        LossCase{"BCE_soft_sum", loss(LossKind::BCELoss, Reduction::Sum), 2, LossCase::Probabilities, 0.05, 0.95},
        LossCase{"BCE_none", loss(LossKind::BCELoss, Reduction::None), 2, LossCase::Binary, 0.05, 0.95},
        LossCase{"BCEWithLogits_mean", loss(LossKind::BCEWithLogitsLoss), 2, LossCase::Binary},
        LossCase{"BCEWithLogits_none", loss(LossKind::BCEWithLogitsLoss, Reduction::None), 2, LossCase::Probabilities},
        LossCase{"CE_index_mean", loss(LossKind::CrossEntropyLoss), 4, LossCase::Indices},
        LossCase{"CE_index_none", loss(LossKind::CrossEntropyLoss, Reduction::None), 4, LossCase::Indices},
        LossCase{"CE_index_ls_sum",
                 loss(LossKind::CrossEntropyLoss, Reduction::Sum, [](auto& s) { s.label_smoothing = 0.2f; }), 4,
                 LossCase::Indices},
        LossCase{"CE_soft_mean", loss(LossKind::CrossEntropyLoss), 4, LossCase::Probabilities},
        LossCase{"CE_soft_ls_mean",
                 loss(LossKind::CrossEntropyLoss, Reduction::Mean, [](auto& s) { s.label_smoothing = 0.1f; }), 4,
                 LossCase::Probabilities},
        LossCase{"NLL_mean", loss(LossKind::NLLLoss), 4, LossCase::Indices},
        LossCase{"NLL_none", loss(LossKind::NLLLoss, Reduction::None), 4, LossCase::Indices},
        LossCase{"MultiMargin_mean", loss(LossKind::MultiMarginLoss), 4, LossCase::Indices},
        LossCase{"MultiMargin_sum", loss(LossKind::MultiMarginLoss, Reduction::Sum, [](auto& s) { s.margin = 0.5f; }),
                 4, LossCase::Indices}),
    [](const auto& info) { return std::string(info.param.name); });

float loss_value(const LossSpec& s, std::vector<float> p, std::vector<float> t, int rows, int cols, int t_cols) {
  Arena arena;
  Graph g(arena);
  return g.scalar(g.loss(g.input({p.data(), rows, cols}), g.input({t.data(), rows, t_cols}), s));
}

TEST(Losses, HandWorkedValues) {
  // Huber δ = 1 at d = 0.5 (quadratic) and d = 3 (linear): 0.125 and 2.5, mean 1.3125.
  EXPECT_FLOAT_EQ(loss_value(loss(LossKind::HuberLoss), {0.5f, 3.0f}, {0.0f, 0.0f}, 2, 1, 1), 1.3125f);
  // Huber exactly at |d| = δ takes the linear branch: δ(|d| − δ/2) = 0.5 = ½d², continuous.
  EXPECT_FLOAT_EQ(loss_value(loss(LossKind::HuberLoss), {1.0f}, {0.0f}, 1, 1, 1), 0.5f);
  // BCE saturates at the −100 clamp instead of giving infinity.
  EXPECT_FLOAT_EQ(loss_value(loss(LossKind::BCELoss), {0.0f}, {1.0f}, 1, 1, 1), 100.0f);
  // BCEWithLogits stays finite for a huge logit: log(1 + e^{−1000})·… → 1000 for the wrong class.
  EXPECT_FLOAT_EQ(loss_value(loss(LossKind::BCEWithLogitsLoss), {-1000.0f}, {1.0f}, 1, 1, 1), 1000.0f);
  // CE with indices on logits (0, 0): log 2 per row.
  EXPECT_NEAR(loss_value(loss(LossKind::CrossEntropyLoss), {0, 0, 0, 0}, {0, 1}, 2, 2, 1), std::log(2.0f), 1e-6f);
  // MultiMargin: x = (1, 0.2, 0.9), y = 0: (max(0, 1 − 1 + 0.2) + max(0, 1 − 1 + 0.9)) / 3 = 1.1/3
  EXPECT_NEAR(loss_value(loss(LossKind::MultiMarginLoss), {1.0f, 0.2f, 0.9f}, {0}, 1, 3, 1), 1.1f / 3.0f, 1e-6f);
  // NLL: −x_y, mean over rows.
  EXPECT_FLOAT_EQ(loss_value(loss(LossKind::NLLLoss), {-1, -2, -3, -4}, {1, 0}, 2, 2, 1), 2.5f);
}

TEST(Losses, BadTargetsAreRefusedWithTheRowAndClass) {
  try {
    loss_value(loss(LossKind::CrossEntropyLoss), {0, 0, 0, 0, 0, 0}, {0, 3}, 2, 3, 1);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("target class 3 in row 1 is not a class index from 0 to 2"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(loss_value(loss(LossKind::NLLLoss), {0, 0}, {0.5f}, 1, 2, 1), Error);
  EXPECT_THROW(loss_value(loss(LossKind::MSELoss), {0, 0}, {0}, 1, 2, 1), Error);
}

// ---- dropout -------------------------------------------------------------------------------------

TEST(Dropout, KeepsOneMinusPScaledAndBackpropagatesThroughTheMask) {
  Arena arena;
  Graph g(arena);
  Pcg32 rng(5);
  std::vector<float> x(10000, 1.0f), gx(10000, 0.0f);
  Var v = g.parameter({x.data(), 100, 100}, gx.data());
  Var y = g.dropout(v, 0.3f, rng);
  const Tensor& out = g.value(y);
  int kept = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    ASSERT_TRUE(out.data[i] == 0.0f || std::fabs(out.data[i] - 1.0f / 0.7f) < 1e-6f);
    kept += out.data[i] != 0.0f ? 1 : 0;
  }
  EXPECT_NEAR(kept / 10000.0, 0.7, 0.02);
  g.backward(g.sum(y));
  for (std::size_t i = 0; i < out.size(); ++i) EXPECT_EQ(gx[i], out.data[i]);  // d/dx = mask
  // p = 0 is the identity (no node).
  EXPECT_EQ(g.dropout(v, 0.0f, rng).id, v.id);
  EXPECT_THROW(g.dropout(v, 1.0f, rng), Error);
}

}  // namespace
}  // namespace nnp
