#pragma once
// A double as C's printf writes it, without printf: the engine's messages and JSON need only the
// conversions below, and musl's printf (with its long double paths) is 4 KB of the browser
// module's gzipped download (a budget, issue 13). Exact: the decimal digits are the double's own,
// rounded once, ties to even as printf rounds them ("%.0f" of 2.5 is "2"); tests/format_test.cpp
// compares every conversion with snprintf.
#include <string>

namespace nnp {

std::string format_e(double v, int precision);  // "%.*e": 1.234500e+02
std::string format_f(double v, int precision);  // "%.*f": 123.450000 (std::to_string's form at 6)
std::string format_g(double v, int precision);  // "%.*g": 123.45

}  // namespace nnp
