// read_double: most numbers a scene or spec holds (up to 15 significant digits, a power of ten up
// to 22) are read exactly by one multiplication or division of two exact doubles (Clinger's fast
// path). The rest go to a correctly rounding reader: libc's strtod natively; in the browser the
// JavaScript engine's Number() (read_double.js), because musl's strtod works in 128-bit long
// double and its software floating point costs the wasm module about 15 KB (issue 13's budget).
#include "read_double.h"

#include <cstdint>
#include <string>

#ifdef __EMSCRIPTEN__
extern "C" double nnp_read_double(const char* text, int length);  // read_double.js
#else
#include <cstdlib>
#endif

namespace nnp {

double read_double(std::string_view text) {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  std::size_t i = 0;
  const bool negative = i < text.size() && text[i] == '-';
  if (negative) ++i;
  std::uint64_t mantissa = 0;
  int digits = 0, exponent = 0;
  bool fast = true;
  for (bool fraction = false; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.') {
      fraction = true;
      continue;
    }
    if (mantissa != 0 || text[i] != '0') ++digits;
    fast = fast && digits <= 15;
    if (fast) mantissa = mantissa * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (fraction) --exponent;
  }
  if (i < text.size()) {  // the exponent: a few digits at most on this path
    ++i;
    const bool minus = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    int e = 0;
    for (; i < text.size() && fast; ++i) {
      e = e * 10 + (text[i] - '0');
      fast = e <= 1000;
    }
    exponent += minus ? -e : e;
  }
  if (fast && exponent >= -22 && exponent <= 22) {
    const double m = static_cast<double>(mantissa);  // exact: below 10^15 < 2^53
    const double v = exponent < 0 ? m / kPow10[-exponent] : m * kPow10[exponent];
    return negative ? -v : v;
  }
#ifdef __EMSCRIPTEN__
  return nnp_read_double(text.data(), static_cast<int>(text.size()));
#else
  return std::strtod(std::string(text).c_str(), nullptr);
#endif
}

}  // namespace nnp
