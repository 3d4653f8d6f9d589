#include "nnp/mlp_step.h"

#include <algorithm>

#include "../kernels/layers.h"
#include "../losses/losses.h"
#include "nnp/kernels.h"

namespace nnp {
namespace {

// Grows only: after the first step of the largest batch nothing is allocated.
float* sized(AlignedVector& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
  return v.data();
}

}  // namespace

// Every activation and loss of the spec language is covered today; this is where a layer kind the
// fast path cannot do would send the Learner back to the tape.
bool MlpStep::accepts(const MlpSpec& spec) { return !spec.layers.empty(); }

// The forward rules of the nodes Mlp::forward records, in the tape's order: per layer Linear,
// Activation (Identity passes z through) and Dropout (its mask from the same generator), then the
// loss.
float MlpStep::forward(Mlp& model, const LossSpec& loss, const float* x, const float* y, int n, int y_cols,
                       Pcg32* dropout_rng) {
  const MlpSpec& spec = model.spec();
  layers_.resize(spec.layers.size());
  x_ = x;
  n_ = n;
  const float* in = x;
  int in_cols = spec.inputs;
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const LayerSpec& ls = spec.layers[i];
    Layer& l = layers_[i];
    const std::size_t size = static_cast<std::size_t>(n) * ls.units;
    const Tensor w = model.weight(i), b = model.bias(i);
    float* z = sized(l.z, size);
    // Wᵀ for products too small for gemm: this layer's alone, its padding zeroed once, when made.
    const std::size_t wt_size = linear_scratch_size(n, in_cols, ls.units);
    if (wt_size > 0 && l.wt.size() != wt_size) l.wt.assign(wt_size, 0.0f);
    linear_forward(in, w.data, b.data, z, n, in_cols, ls.units, l.wt.data());
    float* a = z;
    if (ls.activation.kind != Activation::Identity) {
      a = sized(l.a, size);
      activation_forward(ls.activation, z, a, n, ls.units);
    }
    l.dropped = dropout_rng != nullptr && ls.dropout > 0.0f;
    l.out = a;
    if (l.dropped) {
      float* h = sized(l.h, size);
      dropout_forward(ls.dropout, *dropout_rng, a, sized(l.mask, size), h, size);
      l.out = h;
    }
    in = l.out;
    in_cols = ls.units;
  }
  const Tensor p{const_cast<float*>(in), n, in_cols};
  target_ = Tensor{const_cast<float*>(y), n, y_cols};
  int rows = 1, cols = 1;
  losses::check(loss, p, target_, rows, cols);
  float value = 0.0f;
  losses::forward(loss, p, target_, &value, sized(scratch_, static_cast<std::size_t>(in_cols)));
  return value;
}

// The backward rules of the recorded graph in the tape's reverse order, layer by layer. Where the
// tape accumulates into a freshly zeroed buffer (0 + v) this overwrites (accumulate = false): the
// same value, and the sums it feeds start from +0 either way, so the gradients' bits do not change.
void MlpStep::backward(Mlp& model, const LossSpec& loss) {
  const MlpSpec& spec = model.spec();
  const std::size_t last = spec.layers.size() - 1;
  const int n = n_;
  {
    const int units = spec.layers[last].units;
    const std::size_t size = static_cast<std::size_t>(n) * units;
    float* dp = sized(layers_[last].dh, size);
    std::fill(dp, dp + size, 0.0f);
    const float one = 1.0f;
    losses::backward(loss, Tensor{const_cast<float*>(layers_[last].out), n, units}, target_, &one, dp, nullptr);
  }
  float* grads = model.gradients().data();
  const std::vector<ParamInfo>& info = model.named_parameters();
  for (std::size_t i = last + 1; i-- > 0;) {
    const LayerSpec& ls = spec.layers[i];
    Layer& l = layers_[i];
    const int units = ls.units;
    const int in_cols = i == 0 ? spec.inputs : spec.layers[i - 1].units;
    const float* in = i == 0 ? x_ : layers_[i - 1].out;
    const std::size_t size = static_cast<std::size_t>(n) * units;
    float* g = l.dh.data();
    if (l.dropped) dropout_backward(l.mask.data(), g, g, size, false);  // in place: ∂a = mask·∂h
    float* dz = g;
    if (ls.activation.kind != Activation::Identity) {
      dz = sized(l.dz, size);
      std::fill(dz, dz + size, 0.0f);
      activation_backward(ls.activation, l.z.data(), l.a.data(), g, dz, n, units);
    }
    // ∂in = ∂z·W (the input of layer 0 is data: no gradient), ∂W = ∂zᵀ·in, ∂b = Σ_rows ∂z
    const std::size_t w_at = info[2 * i].offset, b_at = info[2 * i + 1].offset;
    float* din = i > 0 ? sized(layers_[i - 1].dh, static_cast<std::size_t>(n) * in_cols) : nullptr;
    linear_backward(in, model.parameters_view().data() + w_at, dz, din, grads + w_at, grads + b_at, n, in_cols, units,
                    false);
  }
}

}  // namespace nnp
