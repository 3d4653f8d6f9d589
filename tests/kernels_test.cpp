// Each SIMD kernel against its scalar twin in ref.h, at sizes around the vector width, odd primes
// and past every cache block of the GEMM, with padded leading dimensions to catch overruns.
#include "nnp/kernels.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <tuple>
#include <vector>

#include "nnp/ref.h"
#include "nnp/rng.h"

namespace nnp {
namespace {

std::vector<float> random_vec(std::size_t n, Pcg32& rng, double lo = -1.0, double hi = 1.0) {
  std::vector<float> v(n);
  for (float& x : v) x = static_cast<float>(rng.uniform(lo, hi));
  return v;
}

constexpr float kSentinel = 12345.0f;

struct GemmCase {
  int m, n, k;
};

class GemmTest : public ::testing::TestWithParam<std::tuple<GemmCase, bool, bool>> {};

TEST_P(GemmTest, MatchesReference) {
  const auto [gc, ta, tb] = GetParam();
  Pcg32 rng(7);
  const int pad = 3;
  // Stored shapes: A is [m,k] or [k,m]; B is [k,n] or [n,k]. Each row padded by `pad` sentinels.
  const int a_rows = ta ? gc.k : gc.m, a_cols = ta ? gc.m : gc.k;
  const int b_rows = tb ? gc.n : gc.k, b_cols = tb ? gc.k : gc.n;
  const int lda = a_cols + pad, ldb = b_cols + pad, ldc = gc.n + pad;
  auto a = random_vec(static_cast<std::size_t>(a_rows) * lda + 1, rng);
  auto b = random_vec(static_cast<std::size_t>(b_rows) * ldb + 1, rng);
  for (float alpha : {1.0f, -0.5f}) {
    for (float beta : {0.0f, 1.0f, 0.25f}) {
      auto c = random_vec(static_cast<std::size_t>(gc.m) * ldc + 1, rng);
      for (int i = 0; i < gc.m; ++i)
        for (int j = gc.n; j < ldc; ++j) c[static_cast<std::size_t>(i) * ldc + j] = kSentinel;
      c.back() = kSentinel;
      auto expected = c;
      gemm(ta, tb, gc.m, gc.n, gc.k, alpha, a.data(), lda, b.data(), ldb, beta, c.data(), ldc);
      ref::gemm(ta, tb, gc.m, gc.n, gc.k, alpha, a.data(), lda, b.data(), ldb, beta, expected.data(), ldc);
      for (int i = 0; i < gc.m; ++i) {
        for (int j = 0; j < ldc; ++j) {
          const std::size_t idx = static_cast<std::size_t>(i) * ldc + j;
          if (j >= gc.n) {
            ASSERT_EQ(c[idx], kSentinel) << "overrun at " << i << "," << j;
          } else {
            ASSERT_NEAR(c[idx], expected[idx], 1e-5f * (1.0f + static_cast<float>(gc.k)))
                << "m=" << gc.m << " n=" << gc.n << " k=" << gc.k << " ta=" << ta << " tb=" << tb << " alpha=" << alpha
                << " beta=" << beta << " at " << i << "," << j;
          }
        }
      }
      ASSERT_EQ(c.back(), kSentinel);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, GemmTest,
    ::testing::Combine(::testing::Values(GemmCase{0, 3, 2}, GemmCase{3, 0, 2}, GemmCase{2, 3, 0}, GemmCase{1, 1, 1},
                                         GemmCase{3, 5, 4}, GemmCase{6, 8, 3}, GemmCase{7, 9, 5}, GemmCase{10, 8, 2},
                                         GemmCase{13, 17, 31}, GemmCase{100, 37, 300}, GemmCase{5, 1030, 7},
                                         // k blocks with a tail that is not whole vectors, a last panel of one row,
                                         // and a packed product thinner than one panel
                                         GemmCase{101, 19, 263}, GemmCase{4, 4100, 5}),
                       ::testing::Bool(), ::testing::Bool()));

using Unary = void (*)(const float*, float*, std::size_t);
using Backward = void (*)(const float*, const float*, float*, std::size_t);

struct ActivationKernels {
  const char* name;
  Unary fwd, fwd_ref;
  Backward bwd, bwd_ref;
};

class ActivationKernelTest : public ::testing::TestWithParam<ActivationKernels> {};

TEST_P(ActivationKernelTest, MatchesReferenceAtEverySize) {
  const ActivationKernels& k = GetParam();
  Pcg32 rng(3);
  for (std::size_t n : {0u, 1u, 3u, 4u, 5u, 8u, 13u, 101u}) {
    auto x = random_vec(n + 1, rng, -6.0, 6.0);
    x.back() = kSentinel;
    std::vector<float> y(n + 1, kSentinel), y_ref(n + 1, kSentinel);
    k.fwd(x.data(), y.data(), n);
    k.fwd_ref(x.data(), y_ref.data(), n);
    for (std::size_t i = 0; i < n; ++i) ASSERT_NEAR(y[i], y_ref[i], 2e-6f) << k.name << " n=" << n << " i=" << i;
    ASSERT_EQ(y[n], kSentinel);
    auto dy = random_vec(n, rng);
    auto dx = random_vec(n + 1, rng);
    dx.back() = kSentinel;
    auto dx_ref = dx;
    // Backward kernels take the saved output (tanh, sigmoid) or the input (relu).
    const float* saved = std::string(k.name) == "relu" ? x.data() : y_ref.data();
    k.bwd(saved, dy.data(), dx.data(), n);
    k.bwd_ref(saved, dy.data(), dx_ref.data(), n);
    for (std::size_t i = 0; i < n; ++i) ASSERT_NEAR(dx[i], dx_ref[i], 1e-6f) << k.name << " n=" << n;
    ASSERT_EQ(dx[n], kSentinel);
  }
}

INSTANTIATE_TEST_SUITE_P(
    All, ActivationKernelTest,
    ::testing::Values(ActivationKernels{"tanh", tanh_forward, ref::tanh_forward, tanh_backward, ref::tanh_backward},
                      ActivationKernels{"sigmoid", sigmoid_forward, ref::sigmoid_forward, sigmoid_backward,
                                        ref::sigmoid_backward},
                      ActivationKernels{"relu", relu_forward, ref::relu_forward, relu_backward, ref::relu_backward}),
    [](const auto& info) { return std::string(info.param.name); });

// The SIMD tanh against tanh in double, rounded: every 97th float from 0 to past saturation (both
// signs, ~11 million values) within 2 ulp, the zeros' signs kept, ±∞ → ±1, NaN → NaN.
TEST(Kernels, TanhIsWithinTwoUlpOfCorrectlyRounded) {
  const auto ulp_diff = [](float a, float b) {
    std::int32_t ia, ib;
    std::memcpy(&ia, &a, 4);
    std::memcpy(&ib, &b, 4);
    if (ia < 0) ia = std::numeric_limits<std::int32_t>::min() - ia;
    if (ib < 0) ib = std::numeric_limits<std::int32_t>::min() - ib;
    return std::abs(static_cast<std::int64_t>(ia) - ib);
  };
  std::vector<float> x, y;
  for (std::uint32_t bits = 0; bits < 0x41300000u; bits += 97) {  // up to 11.0
    float v;
    std::memcpy(&v, &bits, 4);
    x.push_back(v);
    x.push_back(-v);
  }
  y.resize(x.size());
  tanh_forward(x.data(), y.data(), x.size());
  std::int64_t worst = 0;
  float worst_x = 0.0f;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const std::int64_t d = ulp_diff(y[i], static_cast<float>(std::tanh(static_cast<double>(x[i]))));
    if (d > worst) worst = d, worst_x = x[i];
  }
  EXPECT_LE(worst, 2) << "at x = " << worst_x;
  const float special[] = {0.0f,
                           -0.0f,
                           std::numeric_limits<float>::infinity(),
                           -std::numeric_limits<float>::infinity(),
                           std::numeric_limits<float>::quiet_NaN(),
                           30.0f};
  float out[6];
  tanh_forward(special, out, 6);
  EXPECT_TRUE(out[0] == 0.0f && !std::signbit(out[0]));
  EXPECT_TRUE(out[1] == 0.0f && std::signbit(out[1]));
  EXPECT_EQ(out[2], 1.0f);
  EXPECT_EQ(out[3], -1.0f);
  EXPECT_TRUE(std::isnan(out[4]));
  EXPECT_EQ(out[5], 1.0f);
}

TEST(Kernels, AddRowAndSumRowsMatchReference) {
  Pcg32 rng(5);
  for (int cols : {1, 3, 4, 9}) {
    const int rows = 7;
    auto x = random_vec(static_cast<std::size_t>(rows) * cols, rng);
    auto bias = random_vec(static_cast<std::size_t>(cols), rng);
    std::vector<float> y(x.size()), y_ref(x.size());
    add_row(x.data(), bias.data(), y.data(), rows, cols);
    ref::add_row(x.data(), bias.data(), y_ref.data(), rows, cols);
    for (std::size_t i = 0; i < y.size(); ++i) ASSERT_EQ(y[i], y_ref[i]);
    auto db = bias, db_ref = bias;
    sum_rows_acc(x.data(), db.data(), rows, cols);
    ref::sum_rows_acc(x.data(), db_ref.data(), rows, cols);
    for (int c = 0; c < cols; ++c) ASSERT_NEAR(db[c], db_ref[c], 1e-6f);
  }
}

// The roofline kernels do the work they count: the peak's chains each add 1 per round (so the
// checksum counts rounds exactly), and the micro-kernel accumulates every repetition into C.
TEST(Kernels, PeakKernelRunsEveryRound) {
  if (fused_multiply_add()) {  // 12 chains a_i = 0.25·i, each + 0.5 per round
    EXPECT_EQ(muladd_peak(0), 16.5f);
    EXPECT_EQ(muladd_peak(1000), 16.5f + 6000.0f);
    EXPECT_EQ(muladd_peak_flops(1000), 1000L * 12 * 2 * 4);
    return;
  }
  EXPECT_EQ(muladd_peak(0), 11.625f);
  EXPECT_EQ(muladd_peak(1000), 11.625f + 6000.0f);
  EXPECT_EQ(muladd_peak_flops(1000), 1000L * 6 * 2 * 4);
}

TEST(Kernels, GemmKernelAccumulatesEveryRepetition) {
  const float once = gemm_kernel_repeat(1);
  EXPECT_GT(once, 0.0f);
  EXPECT_EQ(gemm_kernel_repeat(3), 3.0f * once);  // sums of multiples of 1/32: exact
  EXPECT_EQ(gemm_kernel_flops(3), 3 * gemm_kernel_flops(1));
}

TEST(Kernels, ReportsTheSimdArchitecture) {
  const std::string arch = simd_arch();
#ifdef __EMSCRIPTEN__
  EXPECT_EQ(arch, fused_multiply_add() ? "wasm/4+madd" : "wasm/4");
#else
  EXPECT_FALSE(fused_multiply_add());
  EXPECT_NE(arch.find('/'), std::string::npos) << arch;
#endif
}

}  // namespace
}  // namespace nnp
