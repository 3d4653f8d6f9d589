#pragma once
// Optimisers update the flat parameter slab from the flat gradient slab in one pass, with the
// update rules of torch.optim (PyTorch 1.13).
//
//   nnp::Sgd sgd({.lr = 0.1f});
//   sgd.step(net.parameters(), net.gradients());
#include <span>

namespace nnp {

struct SgdOptions {
  float lr = 0.01f;
};

// torch.optim.SGD without momentum: p ← p − lr·g.
class Sgd {
 public:
  explicit Sgd(SgdOptions options);
  void step(std::span<float> params, std::span<const float> grads);
  float lr() const { return options_.lr; }
  void set_lr(float lr) { options_.lr = lr; }

 private:
  SgdOptions options_;
};

}  // namespace nnp
