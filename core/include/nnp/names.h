#pragma once
// The vocabulary shared by the C++ API, the wasm binding, scenes and parity fixtures: torch.nn and
// torch.optim class names, parsed in one place.
#include <optional>
#include <string>
#include <string_view>

namespace nnp {

enum class Activation { Identity, Sigmoid, Tanh, ReLU };
enum class LossKind { MSELoss, BCELoss };
enum class OptimizerKind { SGD };

std::optional<Activation> parse_activation(std::string_view name);
std::optional<LossKind> parse_loss(std::string_view name);
std::optional<OptimizerKind> parse_optimizer(std::string_view name);
std::string_view name_of(Activation a);
std::string_view name_of(LossKind l);
std::string_view name_of(OptimizerKind o);

// Comma-separated lists of accepted names, for error messages.
std::string activation_names();
std::string loss_names();
std::string optimizer_names();

}  // namespace nnp
