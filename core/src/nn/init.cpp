// Initialisers (torch.nn.init). All draw from Pcg32 only, so native and wasm runs start from
// identical weights. Weights are drawn row by row in [out, in] order, layer by layer.
#include <cmath>

#include "nnp/error.h"
#include "nnp/mlp.h"

namespace nnp {
namespace {

// torch.nn.init.calculate_gain for the activation that follows the layer. torch has no gain for
// GELU, SiLU, ELU or Softplus; those use ReLU's √2 (they are ReLU-like for x > 0).
double gain(const ActivationSpec& a) {
  switch (a.kind) {
    case Activation::Identity:
    case Activation::Sigmoid:
    case Activation::Softmax:
    case Activation::LogSoftmax: return 1.0;
    case Activation::Tanh: return 5.0 / 3.0;
    case Activation::LeakyReLU:
      return std::sqrt(2.0 / (1.0 + static_cast<double>(a.negative_slope) * a.negative_slope));
    default: return std::sqrt(2.0);
  }
}

void fill_uniform(Tensor t, double bound, Pcg32& rng) {
  for (std::size_t j = 0; j < t.size(); ++j) t.data[j] = static_cast<float>(rng.uniform(-bound, bound));
}

void fill_normal(Tensor t, double std, Pcg32& rng) {
  for (std::size_t j = 0; j < t.size(); ++j) t.data[j] = static_cast<float>(rng.normal(0.0, std));
}

void fill(Tensor t, float v) {
  for (std::size_t j = 0; j < t.size(); ++j) t.data[j] = v;
}

}  // namespace

// torch.nn.Linear.reset_parameters: kaiming_uniform_(a=√5) on the weight, which works out to
// U(−1/√fan_in, 1/√fan_in), and the bias from the same bound.
void Mlp::init_default(Pcg32& rng) { init(InitSpec{}, rng); }

void Mlp::init(const InitSpec& spec, Pcg32& rng) {
  if (!std::isfinite(spec.constant) || !std::isfinite(spec.bias_value) || !std::isfinite(spec.a) ||
      !std::isfinite(spec.b))
    throw Error("init: constant, a, b and bias values must be finite numbers");
  if (spec.a > spec.b) throw Error("init: uniform needs a <= b");
  for (std::size_t i = 0; i < spec_.layers.size(); ++i) {
    Tensor w = weight(i);
    Tensor b = bias(i);
    const double fan_in = w.cols, fan_out = w.rows;
    const double g = gain(spec_.layers[i].activation);
    switch (spec.weight) {
      case InitKind::Default: {
        const double bound = 1.0 / std::sqrt(fan_in);
        fill_uniform(w, bound, rng);
        fill_uniform(b, bound, rng);
        continue;  // nn.Linear's bias is random too
      }
      case InitKind::Zeros: fill(w, 0.0f); break;
      case InitKind::Constant: fill(w, spec.constant); break;
      case InitKind::Uniform:  // U(a, b) whatever the fan-in: TensorFlow Playground's U(−0.5, 0.5)
        for (std::size_t j = 0; j < w.size(); ++j) w.data[j] = static_cast<float>(rng.uniform(spec.a, spec.b));
        break;
      case InitKind::XavierUniform:  // U(±gain·√(6/(fan_in + fan_out)))
        fill_uniform(w, g * std::sqrt(6.0 / (fan_in + fan_out)), rng);
        break;
      case InitKind::XavierNormal:  // N(0, gain·√(2/(fan_in + fan_out)))
        fill_normal(w, g * std::sqrt(2.0 / (fan_in + fan_out)), rng);
        break;
      case InitKind::KaimingUniform:  // U(±gain·√(3/fan_in)), mode fan_in
        fill_uniform(w, g * std::sqrt(3.0 / fan_in), rng);
        break;
      case InitKind::KaimingNormal:  // N(0, gain/√fan_in)
        fill_normal(w, g / std::sqrt(fan_in), rng);
        break;
    }
    fill(b, spec.bias_value);
  }
}

}  // namespace nnp
