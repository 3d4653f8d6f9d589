#pragma once
// The labs' JS-facing classes (lab_bindings.cpp registers them, core-labs.d.mts types them): each
// owns a core object and converts at the boundary, as adapters.cpp does for the page's module.
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "nnp/gradient_flow.h"
#include "nnp/learner.h"
#include "nnp/perceptron.h"

namespace nnp::wasm {

using emscripten::val;

// {x: Float32Array [n × 2], y: Float32Array [n]} of generator `name` (two classes, 2-D), its
// points standardised (mean 0, std 1 per feature), optionally snapped to a grid (step > 0).
val lab_points(const val& name, const val& samples, const val& noise, const val& seed, const val& grid);

// The gradient-flow lab's run: a network trained on standardised 2-D points, measured per layer.
class LabGradientFlow {
 public:
  // spec: a learner spec (spec_json.h's keys); data: {name, samples, noise}.
  LabGradientFlow(const val& spec, const val& data, const val& batch, const val& seed);
  // Up to `count` steps, the last one measured; returns {loss, steps, diverged, message}. A run
  // that diverged stays diverged (its parameters keep their last finite values).
  val run(const val& count);
  // A call's steps: enough for any frame, few enough that a call returns within a second or so.
  static constexpr int kMaxStepsPerCall = 10000;
  // One record per layer: {weightGradNorm, biasGradNorm, updateRatio, saturated, dead,
  // histogram: Int32Array, lo, hi} (NaN where a figure does not apply).
  val layers() const;
  int distinct_units(const val& layer) const;
  // A parameter by torch name ("0.weight" is [out, in] row-major), a copy.
  val parameter(const val& name) const;
  double steps() const { return static_cast<double>(flow_.steps()); }

 private:
  GradientFlow flow_;
  float last_loss_ = 0.0f;
  std::string diverged_;
};

// The perceptron lab: the rule one sample at a time on points the lab gives.
class LabPerceptron {
 public:
  // x [n × 2], y [n] (labels 0/1).
  LabPerceptron(const val& x, const val& y, const val& lr);
  // {sample, position, predicted, label, mistake, deltaW: [..], deltaB, epochEnd}
  val step();
  // Finishes the epoch under way (or runs a whole one); returns its mistakes.
  int epoch();
  val weights() const;
  double bias() const { return p_.bias(); }
  val mistakes_per_epoch() const;
  bool converged() const { return p_.converged(); }
  bool cycling() const { return p_.cycling(); }
  int cycle_length() const { return p_.cycle_length(); }
  int epochs() const { return p_.epochs(); }
  int position() const { return p_.position(); }
  double accuracy() const { return p_.accuracy(data_); }

 private:
  Dataset data_;
  Perceptron p_;
};

// A small network trained full-batch on points the lab gives (the perceptron's neighbour).
class LabNetwork {
 public:
  // spec: a learner spec; x [n × inputs], y [n × outputs].
  LabNetwork(const val& spec, const val& x, const val& y, const val& seed);
  // `steps` full-batch steps; returns the last loss.
  double train(const val& steps);
  static constexpr int kMaxStepsPerCall = 10000;
  // The outputs for points x [m × inputs], a copy.
  val predict(const val& x);
  double steps() const { return static_cast<double>(learner_.steps()); }

 private:
  Learner learner_;
  std::vector<float> x_, y_, points_;
  int n_ = 0;
};

}  // namespace nnp::wasm
