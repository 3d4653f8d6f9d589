#pragma once
// Gradient flow: how the signal travels through a network while it trains — each layer's gradient
// norm, the distribution of its activations, the share of saturated sigmoid/tanh units and of
// dead ReLUs, and the size of each update against the weights it changes (‖Δw‖/‖w‖). These are
// the numbers behind vanishing and exploding gradients, symmetry, saturation and dying ReLUs.
//
//   nnp::GradientFlow flow(spec, data, {.batch = 32, .seed = 1});
//   flow.step(/*measure=*/true);
//   double g = flow.layers()[0].weight_grad_norm;   // ‖∂L/∂W₁‖, before any clipping
#include <cstdint>
#include <span>
#include <vector>

#include "nnp/data.h"
#include "nnp/learner.h"
#include "nnp/spec.h"

namespace nnp {

// A sigmoid or tanh unit is saturated when its output lies within this share of the activation's
// output range from one of its bounds (sigmoid: a < 0.02 or a > 0.98; tanh: |a| > 0.96), where its
// derivative is below a tenth of its peak and the gradient through it all but stops.
inline constexpr double kSaturationMargin = 0.02;
// Bins of every activation histogram.
inline constexpr int kHistogramBins = 24;

// The fixed range of a layer's activation histogram: the activation's output range (sigmoid
// [0, 1], tanh [−1, 1]), or for the unbounded ones a span wide enough for a healthy layer
// (ReLU [0, 4], others [−4, 4]); values beyond it count in the outermost bin.
struct HistogramRange {
  double lo = 0.0, hi = 1.0;
};
HistogramRange histogram_range(Activation a);
// Counts of `values` in kHistogramBins equal bins over range(a), the outliers clamped to the ends.
std::vector<int> activation_histogram(Activation a, std::span<const float> values);
// Share of `outputs` (post-activation) within kSaturationMargin of a bound; NaN unless a is
// Sigmoid or Tanh (no other activation saturates on both sides).
double saturated_share(Activation a, std::span<const float> outputs);
// Share of the `units` columns of outputs [rows, units] that are exactly zero on every row: dead
// ReLUs, whose gradient is zero for every sample, so no update will revive them from this batch.
double dead_share(std::span<const float> outputs, int rows, int units);
// The Euclidean norm, summed in double.
double l2_norm(std::span<const float> v);
// How many of a layer's units differ, bit for bit, in their incoming weights and bias (1 when
// symmetry was never broken: every unit computes the same function and gets the same update).
int distinct_units(const Mlp& model, std::size_t layer);

// One layer's figures after a measured step.
struct LayerFlow {
  double weight_grad_norm = 0.0;  // ‖∂L/∂W‖ of the step's batch, before clipping
  double bias_grad_norm = 0.0;    // ‖∂L/∂b‖
  double update_ratio = 0.0;      // ‖Δw‖/‖w‖ of the step's update (NaN when w was all zero)
  double saturated = 0.0;         // saturated_share of the layer's outputs on the batch (NaN: n/a)
  double dead = 0.0;              // dead_share (NaN unless the layer is a ReLU)
  std::vector<int> histogram;     // activation_histogram of the layer's outputs on the batch
  HistogramRange range;
};

struct GradientFlowOptions {
  int batch = 32;  // mini-batches taken in the data's order, wrapping round
  std::uint64_t seed = 1;
};

// A Learner on a fixed dataset whose steps can be measured.
class GradientFlow {
 public:
  GradientFlow(const LearnerSpec& spec, Dataset data, const GradientFlowOptions& options);

  // One training step on the next mini-batch; returns its loss. With measure, layers() holds this
  // step's figures (the activations are those of the batch before the update). Throws
  // DivergedError when the loss or a gradient is no longer finite (nothing is updated then).
  float step(bool measure);
  const std::vector<LayerFlow>& layers() const { return layers_; }
  std::int64_t steps() const { return learner_.steps(); }
  Learner& learner() { return learner_; }
  const Learner& learner() const { return learner_; }
  const Dataset& data() const { return data_; }

 private:
  void measure_activations(const float* x, int n);
  void measure_gradients();
  void measure_updates(std::span<const float> before);

  Learner learner_;
  Dataset data_;
  GradientFlowOptions options_;
  int cursor_ = 0;
  std::vector<float> x_, y_;                 // the batch
  std::vector<float> before_;                // the parameters before the update
  std::vector<std::vector<float>> outputs_;  // each layer's outputs on the batch
  std::vector<float> scratch_;               // linear_forward's Wᵀ
  std::vector<LayerFlow> layers_;
};

}  // namespace nnp
