#pragma once
// Rows a caller supplies (a real dataset, a CSV) checked before a Trainer takes them, and any
// dataset laid out as points for the page's plots.
//
//   nnp::check_supplied(d, "data.test");        // throws "data.test.y: row 3 = 7 is not a class index from 0 to 2"
//   std::vector<float> xyl = nnp::plot_points(d);  // [x1, x2, target] per point
#include <string>
#include <vector>

#include "nnp/data.h"

namespace nnp {

// x holds rows × features finite values, y one target per row: a class index 0 … classes−1, or
// any finite value for a regression (classes 0). Errors name `what` and the first bad row.
void check_supplied(const Dataset& d, const std::string& what);

// [x1, x2, target] per point for 2-D data, [x, target, target] for 1-D data; empty otherwise.
std::vector<float> plot_points(const Dataset& d);

}  // namespace nnp
