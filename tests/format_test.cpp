// nnp::format_e/f/g against the C library's snprintf, which they replace in the engine (format.h):
// the same text for every value and precision tried, the round-half-even ties included.
#include "nnp/format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace {

std::string printf_of(char conversion, int precision, double v) {
  const char format[] = {'%', '.', '*', conversion, '\0'};
  std::vector<char> buf(static_cast<std::size_t>(std::snprintf(nullptr, 0, format, precision, v)) + 1);
  std::snprintf(buf.data(), buf.size(), format, precision, v);
  return buf.data();
}

// Doubles that probe every path: specials, the extremes, exact ties at several places (k/8,
// 9.5·10^k, …), values printf rounds up across a power of ten, decimals near the %g switch, random
// bit patterns (every exponent), floats widened to doubles, and short decimals.
std::vector<double> values() {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> v = {0.0,
                           -0.0,
                           kInf,
                           -kInf,
                           nan,
                           -nan,
                           std::numeric_limits<double>::denorm_min(),
                           std::numeric_limits<double>::min(),
                           std::numeric_limits<double>::max(),
                           std::numeric_limits<double>::epsilon(),
                           1e23,
                           9.5,
                           0.5,
                           1.5,
                           2.5,
                           0.125,
                           0.375,
                           999999.5,
                           9999995.0,
                           0.00009999995,
                           0.0001,
                           0.00001,
                           123456.0,
                           1234567.0,
                           0.1,
                           0.01,
                           0.3,
                           1.0 / 3.0,
                           2.0 / 3.0,
                           1e-5f,
                           0.01f,
                           0.9f,
                           1e300,
                           1e-300};
  for (int k = -200; k <= 200; ++k) v.push_back(k / 8.0);
  for (int k = -40; k <= 40; ++k) v.push_back(std::ldexp(1.0, k * 27));
  for (int k = -30; k <= 30; ++k) {
    v.push_back(std::pow(10.0, k));
    v.push_back(9.5 * std::pow(10.0, k));
  }
  std::mt19937_64 rng(20261207);
  for (int i = 0; i < 3000; ++i) {
    const std::uint64_t bits = rng();
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    v.push_back(d);
    const auto low = static_cast<std::uint32_t>(bits);
    float f = 0;
    std::memcpy(&f, &low, sizeof f);
    v.push_back(f);
  }
  std::uniform_int_distribution<int> digits(0, 999999), scale(0, 12);
  for (int i = 0; i < 3000; ++i) v.push_back(digits(rng) / std::pow(10.0, scale(rng)));
  return v;
}

TEST(Format, EMatchesPrintf) {
  for (const double v : values()) {
    for (int precision = 0; precision <= 18; ++precision) {
      ASSERT_EQ(nnp::format_e(v, precision), printf_of('e', precision, v)) << "precision " << precision;
    }
  }
}

TEST(Format, FMatchesPrintf) {
  for (const double v : values()) {
    for (const int precision : {0, 1, 2, 3, 6, 9, 17, 30}) {
      ASSERT_EQ(nnp::format_f(v, precision), printf_of('f', precision, v)) << "precision " << precision;
    }
  }
}

TEST(Format, GMatchesPrintf) {
  for (const double v : values()) {
    for (int precision = 0; precision <= 18; ++precision) {
      ASSERT_EQ(nnp::format_g(v, precision), printf_of('g', precision, v)) << "precision " << precision;
    }
  }
}

TEST(Format, TiesGoToEven) {
  // Exact halves: printf rounds to the even digit, not up.
  EXPECT_EQ(nnp::format_f(2.5, 0), "2");
  EXPECT_EQ(nnp::format_f(3.5, 0), "4");
  EXPECT_EQ(nnp::format_f(0.125, 2), "0.12");
  EXPECT_EQ(nnp::format_e(-2.5, 0), "-2e+00");
  EXPECT_EQ(nnp::format_g(0.5, 0), "0.5");
  EXPECT_EQ(nnp::format_f(0.5, 0), "0");
  EXPECT_EQ(nnp::format_f(1.5, 0), "2");
}

}  // namespace
