// The optimiser race's surfaces. Minima were found with L-BFGS in float64 (and are checked to be
// stationary points of the engine's own gradient in tests/optimiser_race_test.cpp).
#include "nnp/loss_surfaces.h"

#include <cmath>

#include "nnp/error.h"

namespace nnp {

const std::vector<LossSurface>& loss_surfaces() {
  static const std::vector<LossSurface> table = {
      {"bowl",
       "Quadratic bowl",
       "0.5*(x^2 + {k}*y^2)",
       {"k", "conditioning κ (curvature along y ÷ along x)", 1.0, 100.0, 10.0},
       -3.0,
       3.0,
       -3.0,
       3.0,
       {-2.5, 1.5},
       {{0.0, 0.0}},
       "The larger κ, the narrower the valley: a learning rate small enough for the steep direction "
       "crawls along the flat one, and momentum or an adaptive optimiser fixes that."},
      {"rosenbrock",
       "Rosenbrock's valley",
       "(1 - x)^2 + 100*(y - x^2)^2",
       {},
       -2.0,
       2.0,
       -1.0,
       3.0,
       {-1.2, 1.0},
       {{1.0, 1.0}},
       "The curved valley floor is easy to reach and slow to follow: plain SGD zig-zags across it, "
       "momentum and Adam travel along it."},
      {"saddle",
       "Saddle",
       "x^2 - y^2 + 0.25*y^4",
       {},
       -2.0,
       2.0,
       -2.0,
       2.0,
       {-1.8, 0.01},
       {{0.0, 1.414214}, {0.0, -1.414214}},
       "At (0, 0) the gradient vanishes but it is not a minimum: from a start near y = 0, descent "
       "slows at the saddle before it slides off to either side."},
      {"two-minima",
       "Shallow and deep minimum",
       "0.05*(x^2 + y^2) - 0.8*exp(-((x - 1.5)^2 + y^2)/0.4) - 2*exp(-((x + 1.5)^2 + y^2)/1.5)",
       {},
       -4.0,
       4.0,
       -3.0,
       3.0,
       {2.6, 1.2},
       {{1.457586, 0.0}, {-1.44568, 0.0}},
       "Started on the right, SGD (try lr 0.1) settles in the shallow minimum (f ≈ −0.70); gradient "
       "noise like a mini-batch's (std about 1.5) can carry it over the ridge into the deep one (f ≈ −1.89)."},
      {"beale",
       "Beale",
       "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
       {},
       -4.5,
       4.5,
       -4.5,
       4.5,
       {1.0, 1.4},
       {{3.0, 0.5}},
       "Flat plateaus next to steep walls: the gradient's size changes by orders of magnitude, "
       "which adaptive optimisers even out."},
      {"himmelblau",
       "Himmelblau",
       "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
       {},
       -5.0,
       5.0,
       -5.0,
       5.0,
       {-0.5, -0.5},
       {{3.0, 2.0}, {-2.805118, 3.131313}, {-3.77931, -3.283186}, {3.584428, -1.848127}},
       "Four minima, all with f = 0: which one a run ends in depends on the start and on the "
       "optimiser."},
  };
  return table;
}

const LossSurface& loss_surface(std::string_view id) {
  std::string ids;
  for (const LossSurface& s : loss_surfaces()) {
    if (s.id == id) return s;
    ids += (ids.empty() ? "" : ", ") + s.id;
  }
  throw Error("surface: unknown surface '" + std::string(id) + "'; accepted: " + ids);
}

std::string surface_expression(const LossSurface& surface, double k) {
  std::string e = surface.expression;
  const std::size_t at = e.find("{k}");
  if (at == std::string::npos) return e;
  const SurfaceParameter& p = surface.parameter;
  if (!(std::isfinite(k) && k >= p.min && k <= p.max))
    throw Error("surface." + p.name + " must be a number in [" + format_number(p.min) + ", " + format_number(p.max) +
                "], got " + format_number(k));
  return e.replace(at, 3, format_number(k));
}

}  // namespace nnp
