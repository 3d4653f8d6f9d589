#pragma once
// Hostile values for the structured fuzz targets: a number drawn from the edges a user or a caller
// can reach (NaN, ±Infinity, huge, negative, zero, the catalogue's limits and one past them), or any
// value the fuzzer's bytes give.
#include <fuzzer/FuzzedDataProvider.h>

#include <bit>
#include <cstdint>
#include <limits>
#include <vector>

namespace nnp::fuzz {

inline double hostile_double(FuzzedDataProvider& in) {
  static constexpr double inf = std::numeric_limits<double>::infinity();
  static constexpr double edges[] = {std::numeric_limits<double>::quiet_NaN(),
                                     inf,
                                     -inf,
                                     0.0,
                                     -0.0,
                                     1.0,
                                     -1.0,
                                     0.5,
                                     2.0,
                                     10.0,
                                     16.0,
                                     17.0,
                                     256.0,
                                     257.0,
                                     784.0,
                                     1e4,
                                     1e4 + 1,
                                     1e6,
                                     1e9,
                                     2147483648.0,
                                     9007199254740993.0,
                                     1e308,
                                     -1e308,
                                     std::numeric_limits<double>::denorm_min(),
                                     1e-7,
                                     0.1,
                                     0.01,
                                     0.999999,
                                     1.5};
  switch (in.ConsumeIntegralInRange(0, 2)) {
    case 0: return in.PickValueInArray(edges);
    case 1: return std::bit_cast<double>(in.ConsumeIntegral<std::uint64_t>());
    default: return in.ConsumeFloatingPoint<double>();
  }
}

inline float hostile_float(FuzzedDataProvider& in) {
  if (in.ConsumeBool()) return std::bit_cast<float>(in.ConsumeIntegral<std::uint32_t>());
  return static_cast<float>(hostile_double(in));
}

// A count: mostly small (so a case stays fast), sometimes an edge (negative, zero, huge).
inline int hostile_int(FuzzedDataProvider& in, int small_max) {
  static constexpr int edges[] = {
      -1, 0, 1, 2, 1024, 1025, 65536, std::numeric_limits<int>::max(), std::numeric_limits<int>::min()};
  return in.ConsumeBool() ? in.ConsumeIntegralInRange(0, small_max) : in.PickValueInArray(edges);
}

// One element of a non-empty vector.
template <class T>
const T& pick(FuzzedDataProvider& in, const std::vector<T>& v) {
  return v[in.ConsumeIntegralInRange<std::size_t>(0, v.size() - 1)];
}

}  // namespace nnp::fuzz
