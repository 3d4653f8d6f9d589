#pragma once
// Central finite differences against backward(): every parameter element is nudged by ±eps and the
// loss recomputed (the engine's losses accumulate in double). Callers keep inputs away from kinks.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "nnp/autograd.h"
#include "nnp/rng.h"

namespace nnp::testing {

struct TestParam {
  int rows = 0, cols = 0;
  std::vector<float> data, grad;
  TestParam(int r, int c, Pcg32& rng, double lo = -1.0, double hi = 1.0) : rows(r), cols(c) {
    data.resize(static_cast<std::size_t>(r) * c);
    for (float& v : data) v = static_cast<float>(rng.uniform(lo, hi));
    grad.assign(data.size(), 0.0f);
  }
  Tensor tensor() { return Tensor{data.data(), rows, cols}; }
};

// build() receives one Var per parameter and returns the scalar loss.
using LossBuilder = std::function<Var(Graph&, const std::vector<Var>&)>;

inline float eval_loss(std::vector<TestParam>& params, const LossBuilder& build, bool backward) {
  Arena arena;
  Graph g(arena);
  std::vector<Var> vars;
  vars.reserve(params.size());
  for (TestParam& p : params) vars.push_back(g.parameter(p.tensor(), p.grad.data()));
  Var loss = build(g, vars);
  const float value = g.scalar(loss);
  if (backward) g.backward(loss);
  return value;
}

inline void expect_gradients_match(std::vector<TestParam>& params, const LossBuilder& build, float eps = 1e-2f,
                                   float atol = 2e-3f, float rtol = 1e-2f) {
  for (TestParam& p : params) p.grad.assign(p.data.size(), 0.0f);
  eval_loss(params, build, true);
  for (std::size_t pi = 0; pi < params.size(); ++pi) {
    TestParam& p = params[pi];
    for (std::size_t i = 0; i < p.data.size(); ++i) {
      const float saved = p.data[i];
      p.data[i] = saved + eps;
      const double up = eval_loss(params, build, false);
      p.data[i] = saved - eps;
      const double down = eval_loss(params, build, false);
      p.data[i] = saved;
      const double numeric = (up - down) / (2.0 * eps);
      EXPECT_NEAR(p.grad[i], numeric, atol + rtol * std::fabs(numeric)) << "parameter " << pi << " element " << i;
    }
  }
}

}  // namespace nnp::testing
