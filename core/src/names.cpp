#include "nnp/names.h"

#include <array>
#include <utility>

namespace nnp {
namespace {

template <class E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

using A = Activation;
constexpr Table<A, 11> kActivations{{{A::Identity, "Identity"},
                                     {A::Sigmoid, "Sigmoid"},
                                     {A::Tanh, "Tanh"},
                                     {A::ReLU, "ReLU"},
                                     {A::LeakyReLU, "LeakyReLU"},
                                     {A::ELU, "ELU"},
                                     {A::GELU, "GELU"},
                                     {A::SiLU, "SiLU"},
                                     {A::Softplus, "Softplus"},
                                     {A::Softmax, "Softmax"},
                                     {A::LogSoftmax, "LogSoftmax"}}};
using L = LossKind;
constexpr Table<L, 8> kLosses{{{L::MSELoss, "MSELoss"},
                               {L::L1Loss, "L1Loss"},
                               {L::HuberLoss, "HuberLoss"},
                               {L::BCELoss, "BCELoss"},
                               {L::BCEWithLogitsLoss, "BCEWithLogitsLoss"},
                               {L::CrossEntropyLoss, "CrossEntropyLoss"},
                               {L::NLLLoss, "NLLLoss"},
                               {L::MultiMarginLoss, "MultiMarginLoss"}}};
constexpr Table<Reduction, 3> kReductions{
    {{Reduction::Mean, "mean"}, {Reduction::Sum, "sum"}, {Reduction::None, "none"}}};
using O = OptimizerKind;
constexpr Table<O, 5> kOptimizers{
    {{O::SGD, "SGD"}, {O::Adagrad, "Adagrad"}, {O::RMSprop, "RMSprop"}, {O::Adam, "Adam"}, {O::AdamW, "AdamW"}}};
using S = SchedulerKind;
constexpr Table<S, 4> kSchedulers{{{S::StepLR, "StepLR"},
                                   {S::ExponentialLR, "ExponentialLR"},
                                   {S::CosineAnnealingLR, "CosineAnnealingLR"},
                                   {S::LinearLR, "LinearLR"}}};
using I = InitKind;
constexpr Table<I, 8> kInits{{{I::Default, "default"},
                              {I::Zeros, "zeros"},
                              {I::Constant, "constant"},
                              {I::Uniform, "uniform"},
                              {I::XavierUniform, "xavier_uniform"},
                              {I::XavierNormal, "xavier_normal"},
                              {I::KaimingUniform, "kaiming_uniform"},
                              {I::KaimingNormal, "kaiming_normal"}}};

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
  return "None";
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

template <class E, std::size_t N>
constexpr std::array<E, N> keys(const Table<E, N>& t) {
  std::array<E, N> k{};
  for (std::size_t i = 0; i < N; ++i) k[i] = t[i].first;
  return k;
}
constexpr auto kActivationKinds = keys(kActivations);
constexpr auto kLossKinds = keys(kLosses);
constexpr auto kOptimizerKinds = keys(kOptimizers);
constexpr auto kSchedulerKinds = keys(kSchedulers);
constexpr auto kInitKinds = keys(kInits);

}  // namespace

std::span<const Activation> all_activations() { return kActivationKinds; }
std::span<const LossKind> all_losses() { return kLossKinds; }
std::span<const OptimizerKind> all_optimizers() { return kOptimizerKinds; }
std::span<const SchedulerKind> all_schedulers() { return kSchedulerKinds; }
std::span<const InitKind> all_inits() { return kInitKinds; }
std::optional<Activation> parse_activation(std::string_view n) noexcept { return parse(kActivations, n); }
std::optional<LossKind> parse_loss(std::string_view n) noexcept { return parse(kLosses, n); }
std::optional<Reduction> parse_reduction(std::string_view n) noexcept { return parse(kReductions, n); }
std::optional<OptimizerKind> parse_optimizer(std::string_view n) noexcept { return parse(kOptimizers, n); }
std::optional<SchedulerKind> parse_scheduler(std::string_view n) noexcept { return parse(kSchedulers, n); }
std::optional<InitKind> parse_init(std::string_view n) noexcept { return parse(kInits, n); }
std::string_view name_of(Activation v) noexcept { return name(kActivations, v); }
std::string_view name_of(LossKind v) noexcept { return name(kLosses, v); }
std::string_view name_of(Reduction v) noexcept { return name(kReductions, v); }
std::string_view name_of(OptimizerKind v) noexcept { return name(kOptimizers, v); }
std::string_view name_of(SchedulerKind v) noexcept { return name(kSchedulers, v); }
std::string_view name_of(InitKind v) noexcept { return name(kInits, v); }
std::string activation_names() { return list(kActivations); }
std::string loss_names() { return list(kLosses); }
std::string reduction_names() { return list(kReductions); }
std::string optimizer_names() { return list(kOptimizers); }
std::string scheduler_names() { return list(kSchedulers); }
std::string init_names() { return list(kInits); }

}  // namespace nnp
