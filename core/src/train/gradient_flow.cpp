#include "nnp/gradient_flow.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <utility>

#include "../kernels/layers.h"
#include "nnp/error.h"
#include "nnp/kernels.h"

namespace nnp {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool saturates(Activation a) { return a == Activation::Sigmoid || a == Activation::Tanh; }

std::span<const float> slab_part(std::span<const float> slab, const ParamInfo& p) {
  return slab.subspan(p.offset, static_cast<std::size_t>(p.rows) * p.cols);
}

}  // namespace

HistogramRange histogram_range(Activation a) {
  switch (a) {
    case Activation::Sigmoid: return {0.0, 1.0};
    case Activation::Tanh: return {-1.0, 1.0};
    case Activation::ReLU: return {0.0, 4.0};
    default: return {-4.0, 4.0};
  }
}

std::vector<int> activation_histogram(Activation a, std::span<const float> values) {
  const HistogramRange r = histogram_range(a);
  std::vector<int> counts(kHistogramBins, 0);
  const double per_bin = kHistogramBins / (r.hi - r.lo);
  for (float v : values) {
    if (std::isnan(v)) continue;
    const double at = std::floor((v - r.lo) * per_bin);
    counts[static_cast<std::size_t>(std::clamp(at, 0.0, kHistogramBins - 1.0))] += 1;
  }
  return counts;
}

double saturated_share(Activation a, std::span<const float> outputs) {
  if (!saturates(a) || outputs.empty()) return kNaN;
  const HistogramRange r = histogram_range(a);
  const double margin = kSaturationMargin * (r.hi - r.lo);
  std::size_t saturated = 0;
  for (float v : outputs) saturated += (v < r.lo + margin || v > r.hi - margin) ? 1 : 0;
  return static_cast<double>(saturated) / static_cast<double>(outputs.size());
}

double dead_share(std::span<const float> outputs, int rows, int units) {
  if (rows < 1 || units < 1 || outputs.size() != static_cast<std::size_t>(rows) * units) return kNaN;
  int dead = 0;
  for (int u = 0; u < units; ++u) {
    bool zero = true;
    for (int r = 0; r < rows && zero; ++r) zero = outputs[static_cast<std::size_t>(r) * units + u] == 0.0f;
    dead += zero ? 1 : 0;
  }
  return static_cast<double>(dead) / units;
}

double l2_norm(std::span<const float> v) {
  double sum = 0.0;
  for (float x : v) sum += static_cast<double>(x) * x;
  return std::sqrt(sum);
}

int distinct_units(const Mlp& model, std::size_t layer) {
  const auto& info = model.named_parameters();
  if (2 * layer + 1 >= info.size()) throw Error("layer " + std::to_string(layer) + " does not exist");
  const ParamInfo& w = info[2 * layer];
  const ParamInfo& b = info[2 * layer + 1];
  const std::span<const float> p = model.parameters_view();
  // A unit is its row of W and its bias, compared as bits (so −0 and +0 differ, as they may).
  std::vector<std::vector<std::uint32_t>> rows;
  for (int u = 0; u < w.rows; ++u) {
    const auto cols = static_cast<std::size_t>(w.cols);
    std::vector<std::uint32_t> bits(cols + 1);
    std::memcpy(bits.data(), p.data() + w.offset + static_cast<std::size_t>(u) * cols, sizeof(float) * cols);
    std::memcpy(bits.data() + cols, p.data() + b.offset + u, sizeof(float));
    rows.push_back(std::move(bits));
  }
  std::sort(rows.begin(), rows.end());
  return static_cast<int>(std::unique(rows.begin(), rows.end()) - rows.begin());
}

GradientFlow::GradientFlow(const LearnerSpec& spec, Dataset data, const GradientFlowOptions& options)
    : learner_(spec, options.seed), data_(std::move(data)), options_(options) {
  if (data_.size() == 0) throw Error("data: the gradient-flow run needs at least one sample");
  if (data_.features != spec.model.inputs)
    throw Error("model.inputs is " + std::to_string(spec.model.inputs) + " but the data has " +
                std::to_string(data_.features) + " features");
  if (options_.batch < 1) throw Error("batch must be at least 1, got " + std::to_string(options_.batch));
  layers_.resize(spec.model.layers.size());
  outputs_.resize(spec.model.layers.size());
}

float GradientFlow::step(bool measure) {
  // The next mini-batch, in the data's order, wrapping round (the same batches every run).
  const int n = std::min(options_.batch, data_.size());
  x_.resize(static_cast<std::size_t>(n) * data_.features);
  y_.resize(static_cast<std::size_t>(n) * data_.targets);
  for (int i = 0; i < n; ++i) {
    const auto r = static_cast<std::size_t>((cursor_ + i) % data_.size());
    std::copy_n(data_.x.data() + r * data_.features, data_.features,
                x_.data() + static_cast<std::size_t>(i) * data_.features);
    std::copy_n(data_.y.data() + r * data_.targets, data_.targets,
                y_.data() + static_cast<std::size_t>(i) * data_.targets);
  }
  cursor_ = (cursor_ + n) % data_.size();
  if (measure) measure_activations(x_.data(), n);
  const float loss = learner_.compute_gradients(x_.data(), y_.data(), n, data_.targets);
  if (measure) {
    measure_gradients();
    const std::span<const float> p = learner_.model().parameters_view();
    before_.assign(p.begin(), p.end());
  }
  learner_.apply_update();
  if (measure) measure_updates(before_);
  return loss;
}

// The batch through the network in evaluation mode (no dropout), with the step's kernels.
void GradientFlow::measure_activations(const float* x, int n) {
  const Mlp& model = learner_.model();
  const auto& info = model.named_parameters();
  const std::span<const float> p = model.parameters_view();
  const float* in = x;
  int width = model.inputs();
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    const ParamInfo& w = info[2 * l];
    const ParamInfo& b = info[2 * l + 1];
    const int out = w.rows;
    std::vector<float>& a = outputs_[l];
    a.resize(static_cast<std::size_t>(n) * out);
    scratch_.assign(linear_scratch_size(n, width, out), 0.0f);
    std::vector<float> z(a.size());
    linear_forward(in, p.data() + w.offset, p.data() + b.offset, z.data(), n, width, out, scratch_.data());
    const ActivationSpec& act = model.spec().layers[l].activation;
    activation_forward(act, z.data(), a.data(), n, out);
    LayerFlow& f = layers_[l];
    f.range = histogram_range(act.kind);
    f.histogram = activation_histogram(act.kind, a);
    f.saturated = saturated_share(act.kind, a);
    f.dead = act.kind == Activation::ReLU ? dead_share(a, n, out) : kNaN;
    in = a.data();
    width = out;
  }
}

void GradientFlow::measure_gradients() {
  const auto& info = learner_.model().named_parameters();
  const std::span<const float> g = learner_.model().gradients_view();
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    layers_[l].weight_grad_norm = l2_norm(slab_part(g, info[2 * l]));
    layers_[l].bias_grad_norm = l2_norm(slab_part(g, info[2 * l + 1]));
  }
}

void GradientFlow::measure_updates(std::span<const float> before) {
  const auto& info = learner_.model().named_parameters();
  const std::span<const float> after = learner_.model().parameters_view();
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    const std::span<const float> w0 = slab_part(before, info[2 * l]);
    const std::span<const float> w1 = slab_part(after, info[2 * l]);
    double moved = 0.0;
    for (std::size_t j = 0; j < w0.size(); ++j) {
      const double d = static_cast<double>(w1[j]) - w0[j];
      moved += d * d;
    }
    const double size = l2_norm(w0);
    layers_[l].update_ratio = size > 0.0 ? std::sqrt(moved) / size : kNaN;
  }
}

}  // namespace nnp
