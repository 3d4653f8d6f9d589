#pragma once
// The vocabulary shared by the C++ API, the wasm binding, scenes and parity fixtures: torch.nn,
// torch.optim and torch.nn.init names, parsed and printed in one place.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace nnp {

enum class Activation { Identity, Sigmoid, Tanh, ReLU, LeakyReLU, ELU, GELU, SiLU, Softplus, Softmax, LogSoftmax };
enum class LossKind {
  MSELoss,
  L1Loss,
  HuberLoss,
  BCELoss,
  BCEWithLogitsLoss,
  CrossEntropyLoss,
  NLLLoss,
  MultiMarginLoss
};
enum class Reduction { Mean, Sum, None };
enum class OptimizerKind { SGD, Adagrad, RMSprop, Adam, AdamW };
enum class SchedulerKind { None, StepLR, ExponentialLR, CosineAnnealingLR, LinearLR };
// torch.nn.init names; Default is nn.Linear's own reset_parameters().
enum class InitKind { Default, Zeros, Constant, Uniform, XavierUniform, XavierNormal, KaimingUniform, KaimingNormal };

std::optional<Activation> parse_activation(std::string_view name) noexcept;
std::optional<LossKind> parse_loss(std::string_view name) noexcept;
std::optional<Reduction> parse_reduction(std::string_view name) noexcept;
std::optional<OptimizerKind> parse_optimizer(std::string_view name) noexcept;
std::optional<SchedulerKind> parse_scheduler(std::string_view name) noexcept;
std::optional<InitKind> parse_init(std::string_view name) noexcept;

std::string_view name_of(Activation v) noexcept;
std::string_view name_of(LossKind v) noexcept;
std::string_view name_of(Reduction v) noexcept;
std::string_view name_of(OptimizerKind v) noexcept;
std::string_view name_of(SchedulerKind v) noexcept;
std::string_view name_of(InitKind v) noexcept;

// Every value a scene may name, in the order scenes and the page list them (SchedulerKind::None
// is a scene's absent scheduler, not a name).
std::span<const Activation> all_activations();
std::span<const LossKind> all_losses();
std::span<const OptimizerKind> all_optimizers();
std::span<const SchedulerKind> all_schedulers();
std::span<const InitKind> all_inits();

// Comma-separated lists of accepted names, for error messages.
std::string activation_names();
std::string loss_names();
std::string reduction_names();
std::string optimizer_names();
std::string scheduler_names();
std::string init_names();

}  // namespace nnp
