#pragma once
// Configuration structs: what a network, a loss, an optimiser and a schedule are, with PyTorch's
// defaults. Fields carry torch's keyword names. validate() in each owner names a bad field.
#include <vector>

#include "nnp/names.h"

namespace nnp {

struct ActivationSpec {
  Activation kind = Activation::Identity;
  float negative_slope = 0.01f;   // LeakyReLU
  float alpha = 1.0f;             // ELU
  bool approximate_tanh = false;  // GELU(approximate="tanh")
  float beta = 1.0f;              // Softplus
  float threshold = 20.0f;        // Softplus
  ActivationSpec() = default;
  ActivationSpec(Activation k) : kind(k) {}  // NOLINT: implicit, so {4, Activation::Tanh} reads well
};

struct LayerSpec {
  int units = 0;
  ActivationSpec activation;
  float dropout = 0.0f;  // inverted dropout after the activation, training mode only
};

struct MlpSpec {
  int inputs = 0;
  std::vector<LayerSpec> layers;  // hidden layers, then the output layer
};

struct InitSpec {
  InitKind weight = InitKind::Default;
  float constant = 0.0f;     // for Constant
  float a = 0.0f, b = 1.0f;  // for Uniform: U(a, b), torch.nn.init.uniform_'s defaults
  // Biases: Default keeps nn.Linear's U(±1/√fan_in); every other scheme starts biases at bias_value.
  float bias_value = 0.0f;
};

struct LossSpec {
  LossKind kind = LossKind::MSELoss;
  Reduction reduction = Reduction::Mean;
  float delta = 1.0f;            // HuberLoss
  float label_smoothing = 0.0f;  // CrossEntropyLoss
  float margin = 1.0f;           // MultiMarginLoss (p = 1)
};

// Hyper-parameters are doubles, as torch's Python floats are; kernels round them to float where
// torch's do.
struct OptimizerSpec {
  OptimizerKind kind = OptimizerKind::SGD;
  double lr = 0.01;
  double momentum = 0.0;   // SGD, RMSprop
  double dampening = 0.0;  // SGD
  bool nesterov = false;   // SGD
  double weight_decay = 0.0;
  double lr_decay = 0.0;                   // Adagrad
  double initial_accumulator_value = 0.0;  // Adagrad
  double eps = 1e-8;                       // Adagrad's default is 1e-10 (see defaults_for)
  double alpha = 0.99;                     // RMSprop
  bool centered = false;                   // RMSprop
  double beta1 = 0.9, beta2 = 0.999;       // Adam, AdamW
  bool amsgrad = false;                    // Adam, AdamW
  bool no_decay_bias = false;              // biases in a second group with weight_decay 0

  // torch's defaults for each optimiser (lr, eps and weight_decay differ between them).
  static OptimizerSpec defaults_for(OptimizerKind kind);
};

struct SchedulerSpec {
  SchedulerKind kind = SchedulerKind::None;
  int step_size = 1;                // StepLR
  double gamma = 0.1;               // StepLR, ExponentialLR
  int t_max = 1;                    // CosineAnnealingLR
  double eta_min = 0.0;             // CosineAnnealingLR
  double start_factor = 1.0 / 3.0;  // LinearLR
  double end_factor = 1.0;          // LinearLR
  int total_iters = 5;              // LinearLR
};

// Everything that turns a batch into an update: network, loss, optimiser, schedule, clipping,
// the L1 penalty and the initialisation.
struct LearnerSpec {
  MlpSpec model;
  LossSpec loss;
  OptimizerSpec optimizer;
  SchedulerSpec scheduler;
  float clip_grad_norm = 0.0f;   // 0: off; else max_norm of clip_grad_norm_ (2-norm, all parameters)
  float clip_grad_value = 0.0f;  // 0: off; else clip_value of clip_grad_value_
  float l1 = 0.0f;               // objective += l1·Σ|w| over weight matrices (not biases)
  InitSpec init;
};

}  // namespace nnp
