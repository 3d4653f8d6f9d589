#pragma once
// The optimiser race's loss surfaces (issue 15): 2-D functions f(x, y) with known pathologies,
// each written as an expression in the labs' grammar (nnp/expression.h), so the engine's autograd
// differentiates it; with the box it is drawn in, a start point and its minima. The page and the
// tests read this one table.
//
//   const nnp::LossSurface& s = nnp::loss_surface("rosenbrock");
//   std::string f = nnp::surface_expression(s, s.parameter.value);   // "(1 - x)^2 + 100*(y - x^2)^2"
#include <string>
#include <string_view>
#include <vector>

namespace nnp {

struct SurfacePoint {
  double x = 0.0, y = 0.0;
};

// A number the expression takes (the bowl's conditioning): "{k}" in the expression stands for it.
struct SurfaceParameter {
  std::string name;  // empty: the surface has none
  std::string label;
  double min = 0.0, max = 0.0, value = 0.0;
};

struct LossSurface {
  std::string id;
  std::string title;
  std::string expression;  // with "{k}" where the parameter goes
  SurfaceParameter parameter;
  double x_min, x_max, y_min, y_max;  // the view box
  SurfacePoint start;
  std::vector<SurfacePoint> minima;  // to 6 decimals (local and global; none for an unbounded one)
  std::string lesson;                // one sentence: what to look for
};

// Every surface, in the order the lab lists them.
const std::vector<LossSurface>& loss_surfaces();
// The surface with this id; throws nnp::Error listing the ids when there is none.
const LossSurface& loss_surface(std::string_view id);
// The surface's expression with its parameter set to k (checked against the parameter's range).
std::string surface_expression(const LossSurface& surface, double k);

}  // namespace nnp
