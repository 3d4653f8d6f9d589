#pragma once
// The tape's fast path for training a plain MLP. The tape records Mlp::forward as Linear,
// Activation and Dropout nodes and a Loss, and backward() runs each node's rule from its op table
// (core/src/autograd/op_table.cpp). MlpStep runs those same rules' kernels (kernels/layers.h,
// nnp/kernels.h, losses/losses.h) in the same order with the same arguments, over buffers it keeps
// from step to step, so the loss and the gradients are the same bits; it only drops the per-op
// recording, dispatch and arena work that dominate small networks. It holds no derivative of its
// own. The Learner takes it whenever accepts(); tests/mlp_step_test.cpp checks the bits.
//
//   nnp::MlpStep step;
//   float loss = step.forward(model, loss_spec, x, y, n, y_cols, &dropout_rng);
//   step.backward(model, loss_spec);   // model.gradients() now holds ∂loss/∂θ
#include "nnp/mlp.h"
#include "nnp/rng.h"
#include "nnp/spec.h"
#include "nnp/tensor.h"

namespace nnp {

class MlpStep {
 public:
  // Whether this step can train the network (today: every Mlp, with any activation and dropout).
  static bool accepts(const MlpSpec& spec);

  // Training-mode forward and the data loss (no L1) of x [n, inputs] against y [n, y_cols]; throws
  // nnp::Error as the Graph's loss does for targets that do not fit. Keeps what backward() needs.
  float forward(Mlp& model, const LossSpec& loss, const float* x, const float* y, int n, int y_cols,
                Pcg32* dropout_rng);
  // Writes ∂loss/∂θ of the last forward() into the model's gradient slab (every element of each
  // parameter is overwritten, as zero_grad() followed by accumulation would leave it).
  void backward(Mlp& model, const LossSpec& loss);

 private:
  struct Layer {
    AlignedVector wt;    // Wᵀ, for products small enough to skip gemm()
    AlignedVector z;     // x·Wᵀ + b
    AlignedVector a;     // act(z) (unused for Identity: z is the output)
    AlignedVector mask;  // dropout's mask (used when the layer drops)
    AlignedVector h;     // a ⊙ mask (unused without dropout)
    AlignedVector dh;    // ∂/∂(the layer's output), then reused for ∂/∂a
    AlignedVector dz;    // ∂/∂z
    const float* out = nullptr;
    bool dropped = false;
  };
  std::vector<Layer> layers_;
  AlignedVector scratch_;  // the loss's row scratch
  const float* x_ = nullptr;
  Tensor target_;
  int n_ = 0;
};

}  // namespace nnp
