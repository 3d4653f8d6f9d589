// Building a Learner and changing it (nnp/learner.h): the spec's checks, the constructor, parameters
// by torch name, and the live changes a run takes (lr, weight decay, L1, dropout). Cold (once per
// run, or per change): in wasm it is compiled for size, apart from learner.cpp's step.
#include <cmath>
#include <string>

#include "nnp/catalogue.h"
#include "nnp/error.h"
#include "nnp/learner.h"
#include "nnp/memory_estimate.h"

namespace nnp {
namespace {

// The fields a run changes live are checked here, once, against the catalogue's ranges (the page
// reads the same ones): at construction (validate) and at each live change (set_lr, set_l1, …).
// The Optimizer and the Scheduler trust them: a schedule may bring the lr down to 0.
const Range& optimizer_range(OptimizerKind kind, std::string_view arg) {
  return find_arg(catalogue().optimizer(kind).args, arg)->range;
}
void check_lr(OptimizerKind kind, double lr) { check_range(optimizer_range(kind, "lr"), "optimizer.lr", lr); }
void check_weight_decay(OptimizerKind kind, double weight_decay) {
  check_range(optimizer_range(kind, "weight_decay"), "optimizer.weight_decay", weight_decay);
}
void check_l1(float l1) { check_range(catalogue().limits.l1, "l1", l1); }
void check_output_dropout(std::size_t layer, std::size_t layers, float p) {
  if (layer + 1 == layers && p > 0.0f)
    throw Error("model.layers[" + std::to_string(layer) +
                "].dropout: the output layer takes no dropout (it would scale the outputs the loss sees)");
}

const LearnerSpec& validated(const LearnerSpec& s) {
  validate(s);
  return s;
}

}  // namespace

void validate(const LearnerSpec& s) {
  validate(s.model);
  check_memory(estimate_memory(s.model, 0), "model.layers");
  validate(s.optimizer);
  check_lr(s.optimizer.kind, s.optimizer.lr);
  check_weight_decay(s.optimizer.kind, s.optimizer.weight_decay);
  validate(s.scheduler);
  const LossSpec& l = s.loss;
  if (l.reduction == Reduction::None)
    throw Error("loss.reduction 'none' gives one loss per sample; training needs one number: use 'mean' or 'sum'");
  if (!(std::isfinite(l.delta) && l.delta > 0.0f))
    throw Error("loss.delta must be a finite number > 0, got " + format_number(l.delta));
  if (!(l.label_smoothing >= 0.0f && l.label_smoothing <= 1.0f))
    throw Error("loss.label_smoothing must be in [0, 1], got " + format_number(l.label_smoothing));
  if (!std::isfinite(l.margin)) throw Error("loss.margin must be a finite number");
  const ActivationSpec& out = s.model.layers.back().activation;
  if (l.kind == LossKind::BCELoss && out.kind != Activation::Sigmoid)
    throw Error("loss.name BCELoss takes probabilities: the output layer's activation must be Sigmoid (got " +
                std::string(name_of(out.kind)) + "), or use BCEWithLogitsLoss on raw outputs");
  check_output_dropout(s.model.layers.size() - 1, s.model.layers.size(), s.model.layers.back().dropout);
  if (!(std::isfinite(s.clip_grad_norm) && s.clip_grad_norm >= 0.0f))
    throw Error("clip_grad_norm must be a number > 0 (or null for no clipping), got " +
                format_number(s.clip_grad_norm));
  if (!(std::isfinite(s.clip_grad_value) && s.clip_grad_value >= 0.0f))
    throw Error("clip_grad_value must be a number > 0 (or null for no clipping), got " +
                format_number(s.clip_grad_value));
  check_l1(s.l1);
}

Learner::Learner(const LearnerSpec& spec, std::uint64_t seed)
    : spec_(validated(spec)),
      model_(spec.model),
      optimizer_(spec.optimizer, model_.segments()),
      scheduler_(spec.scheduler, spec.optimizer.lr),
      dropout_rng_(seed, 0x9e3779b97f4a7c15ULL),
      graph_(arena_),
      tape_free_(MlpStep::accepts(spec_.model)) {
  Pcg32 init_rng(seed, 0x2545f4914f6cdd1dULL);
  model_.init(spec_.init, init_rng);
  optimizer_.set_lr(scheduler_.lr());
}

const ParamInfo& Learner::info(std::string_view name) const {
  const ParamInfo* p = model_.find(name);
  if (p == nullptr) {
    std::string names;
    for (const ParamInfo& q : model_.named_parameters()) names += (names.empty() ? "" : ", ") + q.name;
    throw Error("no parameter named '" + std::string(name) + "'; this model has " + names);
  }
  return *p;
}

void Learner::set_parameter(std::string_view name, std::span<const float> data) {
  const ParamInfo& p = info(name);
  const std::size_t n = static_cast<std::size_t>(p.rows) * static_cast<std::size_t>(p.cols);
  if (data.size() != n)
    throw Error("parameter '" + std::string(name) + "' has " + std::to_string(n) + " values (" +
                (p.is_bias ? "[" + std::to_string(p.cols) + "]"
                           : "[" + std::to_string(p.rows) + ", " + std::to_string(p.cols) + "]") +
                "), got " + std::to_string(data.size()));
  for (float v : data)
    if (!std::isfinite(v)) throw Error("parameter '" + std::string(name) + "' contains a value that is not finite");
  std::memcpy(model_.parameters().data() + p.offset, data.data(), n * sizeof(float));
}

std::span<const float> Learner::parameter(std::string_view name) const {
  const ParamInfo& p = info(name);
  return std::span<const float>(model_.parameters_view().data() + p.offset, static_cast<std::size_t>(p.rows) * p.cols);
}

std::span<const float> Learner::gradient(std::string_view name) const {
  const ParamInfo& p = info(name);
  return std::span<const float>(model_.gradients_view().data() + p.offset, static_cast<std::size_t>(p.rows) * p.cols);
}

void Learner::set_l1(float l1) {
  check_l1(l1);
  spec_.l1 = l1;
}

void Learner::set_weight_decay(double weight_decay) {
  check_weight_decay(spec_.optimizer.kind, weight_decay);
  optimizer_.set_weight_decay(weight_decay);
  spec_.optimizer.weight_decay = weight_decay;
}

void Learner::set_dropout(std::size_t layer, float p) {
  check_output_dropout(layer, model_.spec().layers.size(), p);
  model_.set_dropout(layer, p);
  spec_.model = model_.spec();
}

void Learner::set_lr(double lr) {
  check_lr(spec_.optimizer.kind, lr);
  optimizer_.set_lr(lr);
  scheduler_.reset_base(lr);
}

}  // namespace nnp
