// printf's %e, %f and %g of a double (format.h), from the double's exact decimal expansion.
#include "nnp/format.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace nnp {
namespace {

// A number ≥ 0 as its significant digits (no trailing zeros; none for zero) and the power of ten
// of the first: 0.0125 is {"125", -2}.
struct Decimal {
  std::string digits;
  int exponent = 0;
};

// The digit of d at the power of ten `power`.
char digit_at(const Decimal& d, int power) {
  const int i = d.exponent - power;
  return i >= 0 && i < static_cast<int>(d.digits.size()) ? d.digits[static_cast<std::size_t>(i)] : '0';
}

void strip_zeros(Decimal& d) {
  d.digits.erase(d.digits.find_last_not_of('0') + 1);
  if (d.digits.empty()) d.exponent = 0;
}

// Every digit of a finite |v|: v = m·2^e with an integer m < 2^53, so it is the integer m·2^e
// (e ≥ 0) or m·5^−e / 10^−e (e < 0), computed in base-10^9 limbs (at most 767 digits, for the
// smallest subnormal).
Decimal exact(double v) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof v);
  const auto biased = static_cast<int>((bits >> 52) & 0x7FF);
  std::uint64_t m = bits & ((std::uint64_t{1} << 52) - 1);
  int e = -1074;
  if (biased != 0) {
    m |= std::uint64_t{1} << 52;
    e = biased - 1075;
  }
  if (m == 0) return {};
  constexpr std::uint32_t kBase = 1000000000;
  std::vector<std::uint32_t> limbs;  // the least significant first
  for (; m != 0; m /= kBase) limbs.push_back(static_cast<std::uint32_t>(m % kBase));
  const auto multiply = [&limbs](std::uint32_t factor) {
    std::uint64_t carry = 0;
    for (auto& limb : limbs) {
      const std::uint64_t x = std::uint64_t{limb} * factor + carry;
      limb = static_cast<std::uint32_t>(x % kBase);
      carry = x / kBase;
    }
    for (; carry != 0; carry /= kBase) limbs.push_back(static_cast<std::uint32_t>(carry % kBase));
  };
  if (e >= 0) {
    for (int left = e; left > 0; left -= 29) multiply(std::uint32_t{1} << std::min(left, 29));
  } else {
    for (int left = -e; left > 0; left -= 13) {  // 5^13 < 2^32
      std::uint32_t factor = 1;
      for (int i = std::min(left, 13); i > 0; --i) factor *= 5;
      multiply(factor);
    }
  }
  Decimal d{.digits = std::to_string(limbs.back())};
  for (auto i = limbs.size() - 1; i-- > 0;) {
    const std::string part = std::to_string(limbs[i]);
    d.digits.append(9 - part.size(), '0');
    d.digits += part;
  }
  d.exponent = static_cast<int>(d.digits.size()) - 1 + std::min(e, 0);
  strip_zeros(d);
  return d;
}

// d to its first n digits (from the power d.exponent down), rounded as printf does: to nearest,
// ties to even. n ≤ 0 keeps no digit of d: the result is 0 or, when d rounds up, one unit of the
// place before d's first digit.
Decimal rounded(Decimal d, int n) {
  if (d.digits.empty() || n < 0) return {};
  if (n == 0) {  // a 0 in the kept place, so that the rule below decides between 0 and 1
    d.digits.insert(0, 1, '0');
    ++d.exponent;
    n = 1;
  }
  const auto kept = static_cast<std::size_t>(n);
  if (d.digits.size() <= kept) return d;
  const char next = d.digits[kept];
  const bool beyond_half = d.digits.size() > kept + 1;  // digits are stripped: any further one is nonzero
  d.digits.resize(kept);
  const bool odd = (d.digits.back() - '0') % 2 == 1;
  if (next > '5' || (next == '5' && (beyond_half || odd))) {
    auto i = kept;
    for (; i > 0 && d.digits[i - 1] == '9'; --i) d.digits[i - 1] = '0';
    if (i > 0) {
      ++d.digits[i - 1];
    } else {
      d.digits.insert(0, 1, '1');
      ++d.exponent;
    }
  }
  strip_zeros(d);
  return d;
}

// "-" for a negative v (-0.0 and a NaN with its sign bit included, as printf writes them), and
// true with "inf"/"nan" appended when v is not finite.
bool sign_or_special(double v, std::string& out) {
  if (std::signbit(v)) out += '-';
  if (std::isfinite(v)) return false;
  out += std::isnan(v) ? "nan" : "inf";
  return true;
}

// d's digits from its integer part down to the power `lowest` (≤ 0), with a point before 10^-1.
void append_fixed(std::string& out, const Decimal& d, int lowest) {
  for (int p = std::max(d.exponent, 0); p >= lowest; --p) {
    if (p == -1) out += '.';
    out += digit_at(d, p);
  }
}

// d as d.ddd…e±XX with `decimals` digits after the point.
void append_scientific(std::string& out, const Decimal& d, int decimals) {
  out += digit_at(d, d.exponent);
  if (decimals > 0) out += '.';
  for (int i = 1; i <= decimals; ++i) out += digit_at(d, d.exponent - i);
  out += d.exponent < 0 ? "e-" : "e+";
  const int magnitude = std::abs(d.exponent);
  if (magnitude < 10) out += '0';
  out += std::to_string(magnitude);
}

}  // namespace

std::string format_e(double v, int precision) {
  std::string out;
  if (!sign_or_special(v, out)) append_scientific(out, rounded(exact(std::fabs(v)), precision + 1), precision);
  return out;
}

std::string format_f(double v, int precision) {
  std::string out;
  if (sign_or_special(v, out)) return out;
  const Decimal d = exact(std::fabs(v));
  append_fixed(out, rounded(d, d.exponent + precision + 1), -precision);
  return out;
}

std::string format_g(double v, int precision) {
  std::string out;
  if (sign_or_special(v, out)) return out;
  const int significant = std::max(precision, 1);
  const Decimal d = rounded(exact(std::fabs(v)), significant);
  // %g: fixed notation for exponents -4 … precision-1, with no trailing zeros either way.
  const int last = static_cast<int>(d.digits.size()) - 1;
  if (-4 <= d.exponent && d.exponent < significant) {
    append_fixed(out, d, std::min(d.exponent - last, 0));
  } else {
    append_scientific(out, d, last);
  }
  return out;
}

}  // namespace nnp
