#include "nnp/kernels.h"
#include "nnp/optim.h"

namespace nnp {

Sgd::Sgd(SgdOptions options) : options_(options) {}

// torch.optim.SGD (no momentum, no weight decay): p ← p − lr·g, one pass over the slab.
void Sgd::step(std::span<float> params, std::span<const float> grads) {
  axpy(-options_.lr, grads.data(), params.data(), params.size());
}

}  // namespace nnp
