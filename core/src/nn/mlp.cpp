#include "nnp/mlp.h"

#include <algorithm>
#include <cmath>

#include "nnp/error.h"
#include "nnp/format.h"

namespace nnp {

inline constexpr int kMaxUnits = 4096;
inline constexpr std::size_t kMaxLayers = 64;

void validate(const MlpSpec& spec) {
  if (spec.inputs < 1 || spec.inputs > 1 << 20)
    throw Error("model.inputs must be an integer from 1 to 1048576, got " + std::to_string(spec.inputs));
  if (spec.layers.empty()) throw Error("model.layers must hold at least one layer (the output layer), got none");
  if (spec.layers.size() > kMaxLayers)
    throw Error("model.layers: at most " + std::to_string(kMaxLayers) + " layers, got " +
                std::to_string(spec.layers.size()));
  // Each message is one expression of temporaries moved along into the Error (nnp/error.h): a
  // named path string would leak in wasm, where these frames skip destructors when they throw.
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const LayerSpec& l = spec.layers[i];
    if (l.units < 1 || l.units > kMaxUnits)
      throw Error("model.layers[" + std::to_string(i) + "].units must be an integer from 1 to " +
                  std::to_string(kMaxUnits) + ", got " + std::to_string(l.units));
    if (!(l.dropout >= 0.0f && l.dropout < 1.0f))
      throw Error("model.layers[" + std::to_string(i) + "].dropout must be a probability from 0 to below 1, got " +
                  format_f(l.dropout, 6));
    const ActivationSpec& a = l.activation;
    if (!std::isfinite(a.negative_slope) || !std::isfinite(a.alpha) || !(a.beta > 0.0f) || !std::isfinite(a.beta) ||
        !std::isfinite(a.threshold))
      throw Error("model.layers[" + std::to_string(i) +
                  "].activation: its parameters must be finite (and Softplus beta > 0)");
  }
}

namespace {
const MlpSpec& validated(const MlpSpec& spec) {
  validate(spec);
  return spec;
}
}  // namespace

Mlp::Mlp(const MlpSpec& spec) : spec_(validated(spec)) {
  std::size_t offset = 0;
  int in = spec_.inputs;
  for (std::size_t i = 0; i < spec_.layers.size(); ++i) {
    const int out = spec_.layers[i].units;
    const std::string prefix = std::to_string(2 * i);  // Sequential index of the Linear module
    info_.push_back({prefix + ".weight", offset, out, in, false});
    offset += aligned_count(static_cast<std::size_t>(out) * in);
    info_.push_back({prefix + ".bias", offset, 1, out, true});
    offset += aligned_count(static_cast<std::size_t>(out));
    in = out;
  }
  params_.assign(offset, 0.0f);
  grads_.assign(offset, 0.0f);
}

Tensor Mlp::weight(std::size_t layer) {
  const ParamInfo& p = info_[2 * layer];
  return Tensor{params_.data() + p.offset, p.rows, p.cols};
}

Tensor Mlp::bias(std::size_t layer) {
  const ParamInfo& p = info_[2 * layer + 1];
  return Tensor{params_.data() + p.offset, p.rows, p.cols};
}

// h = dropout(act(x·Wᵀ + b)): a Linear, an Activation and a Dropout node per layer, with W in
// PyTorch's [out, in] layout. MlpStep runs the same kernels without the tape.
Var Mlp::forward(Graph& g, Var x, Pcg32* dropout_rng) {
  if (g.value(x).cols != spec_.inputs)
    throw Error("the input has " + std::to_string(g.value(x).cols) + " features per row; the model takes " +
                std::to_string(spec_.inputs));
  Var h = x;
  for (std::size_t i = 0; i < spec_.layers.size(); ++i) {
    const ParamInfo& wi = info_[2 * i];
    const ParamInfo& bi = info_[2 * i + 1];
    Var w = g.parameter(weight(i), grads_.data() + wi.offset);
    Var b = g.parameter(bias(i), grads_.data() + bi.offset);
    h = g.activation(g.linear(h, w, b), spec_.layers[i].activation);
    if (dropout_rng != nullptr && spec_.layers[i].dropout > 0.0f)
      h = g.dropout(h, spec_.layers[i].dropout, *dropout_rng);
  }
  return h;
}

const ParamInfo* Mlp::find(std::string_view name) const {
  for (const ParamInfo& p : info_)
    if (p.name == name) return &p;
  return nullptr;
}

std::vector<ParamSegment> Mlp::segments() const {
  std::vector<ParamSegment> s;
  for (const ParamInfo& p : info_)
    s.push_back({p.offset, static_cast<std::size_t>(p.rows) * static_cast<std::size_t>(p.cols), p.is_bias});
  return s;
}

void Mlp::set_dropout(std::size_t layer, float p) {
  if (layer >= spec_.layers.size())
    throw Error("model.layers[" + std::to_string(layer) + "] does not exist; the model has " +
                std::to_string(spec_.layers.size()) + " layers");
  MlpSpec changed = spec_;
  changed.layers[layer].dropout = p;
  validate(changed);
  spec_ = changed;
}

void Mlp::zero_grad() { std::fill(grads_.begin(), grads_.end(), 0.0f); }

}  // namespace nnp
