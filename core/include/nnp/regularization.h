#pragma once
// Regularisation: terms that pull the weights towards 0 so the network fits the data less tightly.
//   L1 (lasso):        objective + λ·Σ|w| over the weight matrices (not the biases); gradient
//                      + λ·sign(w). torch: loss + l1 * sum(p.abs().sum() for weights).
//   weight decay:      lives in the optimiser's update loops (core/src/optim/optimizer.cpp), fused
//                      into the one pass over the parameters for speed:
//     coupled (L2):    SGD, Adagrad, RMSprop, Adam: g ← g + wd·w before the update, the gradient of
//                      ½·wd·Σw² (torch.optim.*(weight_decay=wd));
//     decoupled:       AdamW: w ← w·(1 − lr·wd), then the Adam update of g alone (Loshchilov and
//                      Hutter 2019; torch.optim.AdamW). OptimizerSpec::no_decay_bias leaves biases out.
//   dropout:           a layer's MlpSpec dropout p (the mask kernel lives with the other kernels).
// All three can change mid-run: Learner::set_l1, set_weight_decay, set_dropout.
//
//   float objective = loss + nnp::l1_penalty(net, 0.01f);
//   nnp::add_l1_gradient(net, 0.01f);  // after backward: ∂/∂w of the penalty, into net.gradients()
#include "nnp/mlp.h"

namespace nnp {

// λ·Σ|w| over the weight matrices of `model` (summed in double, then rounded to float).
float l1_penalty(const Mlp& model, float l1);
// gradient += λ·sign(w) on the weight matrices (sign(0) = 0, as torch's abs backward).
void add_l1_gradient(Mlp& model, float l1);

}  // namespace nnp
