#include "nnp/names.h"

#include <array>
#include <utility>

namespace nnp {
namespace {

template <class E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<Activation, 4> kActivations{{{Activation::Identity, "Identity"},
                                             {Activation::Sigmoid, "Sigmoid"},
                                             {Activation::Tanh, "Tanh"},
                                             {Activation::ReLU, "ReLU"}}};
constexpr Table<LossKind, 2> kLosses{{{LossKind::MSELoss, "MSELoss"}, {LossKind::BCELoss, "BCELoss"}}};
constexpr Table<OptimizerKind, 1> kOptimizers{{{OptimizerKind::SGD, "SGD"}}};

template <class E, std::size_t N>
std::optional<E> parse(const Table<E, N>& t, std::string_view name) {
  for (const auto& [e, n] : t)
    if (n == name) return e;
  return std::nullopt;
}

template <class E, std::size_t N>
std::string_view name(const Table<E, N>& t, E e) {
  for (const auto& [k, n] : t)
    if (k == e) return n;
  return "?";
}

template <class E, std::size_t N>
std::string list(const Table<E, N>& t) {
  std::string s;
  for (const auto& [e, n] : t) {
    if (!s.empty()) s += ", ";
    s += n;
  }
  return s;
}

}  // namespace

std::optional<Activation> parse_activation(std::string_view n) { return parse(kActivations, n); }
std::optional<LossKind> parse_loss(std::string_view n) { return parse(kLosses, n); }
std::optional<OptimizerKind> parse_optimizer(std::string_view n) { return parse(kOptimizers, n); }
std::string_view name_of(Activation a) { return name(kActivations, a); }
std::string_view name_of(LossKind l) { return name(kLosses, l); }
std::string_view name_of(OptimizerKind o) { return name(kOptimizers, o); }
std::string activation_names() { return list(kActivations); }
std::string loss_names() { return list(kLosses); }
std::string optimizer_names() { return list(kOptimizers); }

}  // namespace nnp
