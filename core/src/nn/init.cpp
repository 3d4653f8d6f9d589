// Initialisers. All draw from Pcg32 only, so native and wasm runs start from identical weights.
#include <cmath>

#include "nnp/mlp.h"

namespace nnp {

// torch.nn.Linear.reset_parameters: kaiming_uniform_(a=√5) on the weight, which works out to
// U(−1/√fan_in, 1/√fan_in), and the bias from the same bound. Weights are drawn row by row
// in [out, in] order, then the bias.
void Mlp::init_default(Pcg32& rng) {
  for (std::size_t i = 0; i < spec_.layers.size(); ++i) {
    Tensor w = weight(i);
    Tensor b = bias(i);
    const double bound = 1.0 / std::sqrt(static_cast<double>(w.cols));
    for (std::size_t j = 0; j < w.size(); ++j) w.data[j] = static_cast<float>(rng.uniform(-bound, bound));
    for (std::size_t j = 0; j < b.size(); ++j) b.data[j] = static_cast<float>(rng.uniform(-bound, bound));
  }
}

}  // namespace nnp
