#pragma once
// PCG32 (O'Neill, pcg-random.org, XSH-RR 64/32) with our own uniform and normal transforms, so the
// native and the wasm builds draw identical numbers (std:: distributions differ between libraries).
//
//   nnp::Pcg32 rng(42);
//   double u = rng.uniform(-1, 1);
#include <cmath>
#include <cstdint>

namespace nnp {

class Pcg32 {
 public:
  explicit Pcg32(std::uint64_t seed, std::uint64_t stream = 0x5851f42d4c957f2dULL) {
    inc_ = (stream << 1u) | 1u;
    state_ = 0;
    next_u32();
    state_ += seed;
    next_u32();
  }

  std::uint32_t next_u32() {
    std::uint64_t old = state_;
    state_ = old * 6364136223846793005ULL + inc_;
    auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
    auto rot = static_cast<std::uint32_t>(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() {
    std::uint64_t hi = next_u32() >> 5;  // 27 bits
    std::uint64_t lo = next_u32() >> 6;  // 26 bits
    return static_cast<double>((hi << 26) | lo) * (1.0 / 9007199254740992.0);
  }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Unbiased integer in [0, n), by rejection.
  std::uint32_t below(std::uint32_t n) {
    std::uint32_t threshold = (0u - n) % n;
    for (;;) {
      std::uint32_t r = next_u32();
      if (r >= threshold) return r % n;
    }
  }

  // Standard normal by Box-Muller (both values used), in double so libm differences stay below
  // float precision.
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u1 = 0.0;
    while (u1 <= 0.0) u1 = uniform();
    double u2 = uniform();
    double r = std::sqrt(-2.0 * std::log(u1));
    double theta = 6.283185307179586 * u2;
    spare_ = r * std::sin(theta);
    has_spare_ = true;
    return r * std::cos(theta);
  }
  double normal(double mean, double std) { return mean + std * normal(); }

 private:
  std::uint64_t state_ = 0;
  std::uint64_t inc_ = 0;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace nnp
