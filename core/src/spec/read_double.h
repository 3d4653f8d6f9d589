#pragma once
// Decimal text → double, correctly rounded, for the JSON reader (json.cpp) and the catalogue.
#include <string_view>

namespace nnp {

// The double nearest to `text`, a number in JSON's grammar (-?digits[.digits][e±digits]); ±inf
// when it overflows.
double read_double(std::string_view text);

}  // namespace nnp
