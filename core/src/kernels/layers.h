#pragma once
// The kernels of a layer, each forward beside its backward: torch.nn.Linear and inverted dropout
// (the activations are activation_forward/backward in nnp/kernels.h, the losses nnp::losses). The
// tape's ops (autograd/op_table.cpp) and the fused training step (train/mlp_step.cpp) both call
// these, so each derivative is written once and both give the same bits.
//
// Backward kernels take `accumulate`: true adds into the gradient (∂x += …, the tape, where an
// input may feed several ops), false overwrites it (the fused step, which skips zeroing). A sum
// from +0 added to a zeroed buffer and the same sum written give the same value.
#include <cstddef>

#include "nnp/rng.h"

namespace nnp {

// The floats of Wᵀ scratch linear_forward needs for x [n, in] (0: none, the product is large enough
// for gemm). The caller zeroes it once; only the first `out` floats of each padded row are written.
std::size_t linear_scratch_size(int n, int in, int out);
// z [n, out] = x [n, in]·Wᵀ + b, W [out, in] and b [out] in torch.nn.Linear's layout.
void linear_forward(const float* x, const float* w, const float* b, float* z, int n, int in, int out, float* wt);
// ∂x = ∂z·W,  ∂W = ∂zᵀ·x,  ∂b = Σ_rows ∂z   (any of dx, dw, db may be null: not wanted)
void linear_backward(const float* x, const float* w, const float* dz, float* dx, float* dw, float* db, int n, int in,
                     int out, bool accumulate);

// h = a ⊙ mask, with mask[i] = 1/(1 − p) (kept, probability 1 − p) or 0, drawn here from rng one
// element after another. 0 ≤ p < 1 (checked by the callers).
void dropout_forward(float p, Pcg32& rng, const float* a, float* mask, float* h, std::size_t n);
// ∂a = mask ⊙ ∂h   (da may be dh: in place)
void dropout_backward(const float* mask, const float* dh, float* da, std::size_t n, bool accumulate);

}  // namespace nnp
