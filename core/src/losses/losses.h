#pragma once
// The torch.nn losses as fused kernels (internal): forward and backward of each, called by the
// tape's Loss op (autograd/op_table.cpp), the fused step (train/mlp_step.cpp) and evaluation.
#include "nnp/spec.h"
#include "nnp/tensor.h"

namespace nnp::losses {

// True for CrossEntropyLoss, NLLLoss and MultiMarginLoss: one value per row.
bool per_row(const LossSpec& s);
// Throws nnp::Error when the target's shape or values do not fit the loss; returns the shape of
// reduction=none's output.
void check(const LossSpec& s, const Tensor& prediction, const Tensor& target, int& out_rows, int& out_cols);
// out: one value (mean/sum) or out_rows × out_cols values (none). scratch: prediction.cols floats.
void forward(const LossSpec& s, const Tensor& prediction, const Tensor& target, float* out, float* scratch);
// dp += ∂(Σ dy·loss)/∂prediction; dt (may be null) likewise for the target where it is defined.
void backward(const LossSpec& s, const Tensor& prediction, const Tensor& target, const float* dy, float* dp, float* dt);

}  // namespace nnp::losses
