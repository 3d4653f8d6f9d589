// The scene language's table (catalogue.h). The ranges are written here, once; the names come from
// names.cpp, the generators from generators.cpp, and torch's defaults from spec.h's structs.
#include "nnp/catalogue.h"

#include <cmath>

#include "nnp/error.h"
#include "nnp/format.h"
#include "nnp/json.h"
#include "nnp/spec.h"
#include "read_double.h"

namespace nnp {
namespace {

constexpr Range real(double min, double max) { return {.min = min, .max = max}; }
constexpr Range above(double min, double max) { return {.min = min, .max = max, .min_open = true}; }  // (min, max]
constexpr Range below(double min, double max) { return {.min = min, .max = max, .max_open = true}; }  // [min, max)
constexpr Range whole(double min, double max) { return {.min = min, .max = max, .integer = true}; }

// A float field's default as the decimal it was written as (0.01f, not 0.009999999776…).
double decimal(float f) {
  std::string text;
  for (int digits = 1; digits <= 9; ++digits) {
    text = format_g(static_cast<double>(f), digits);
    if (static_cast<float>(read_double(text)) == f) break;
  }
  return read_double(text);
}

ArgInfo number(std::string_view name, Range range, double fallback) {
  return {.name = name, .type = ArgType::Number, .range = range, .number = fallback};
}
ArgInfo required(std::string_view name, Range range) {
  return {.name = name, .type = ArgType::Number, .range = range, .required = true, .has_default = false};
}
ArgInfo flag(std::string_view name, bool fallback) {
  return {.name = name, .type = ArgType::Boolean, .number = fallback ? 1.0 : 0.0};
}
ArgInfo choice(std::string_view name, std::vector<std::string_view> choices, std::string_view fallback) {
  return {.name = name, .type = ArgType::Choice, .choices = std::move(choices), .text = fallback};
}

std::vector<ArgInfo> activation_args(Activation kind) {
  const ActivationSpec d;
  switch (kind) {
    case Activation::LeakyReLU: return {number("negative_slope", real(0, 1), decimal(d.negative_slope))};
    case Activation::ELU: return {number("alpha", real(0, 10), decimal(d.alpha))};
    case Activation::GELU: return {choice("approximate", {"none", "tanh"}, d.approximate_tanh ? "tanh" : "none")};
    case Activation::Softplus:
      return {number("beta", above(0, 100), decimal(d.beta)), number("threshold", real(0, 100), decimal(d.threshold))};
    // torch's dim=None means the feature axis for a batch; only that axis is implemented.
    case Activation::Softmax:
    case Activation::LogSoftmax: return {number("dim", whole(1, 1), 1)};
    default: return {};
  }
}

LossInfo loss_info(LossKind kind) {
  const LossSpec d;
  std::vector<ArgInfo> args{choice("reduction", {"mean", "sum"}, name_of(d.reduction))};
  LossTarget target = LossTarget::Value;
  switch (kind) {
    case LossKind::HuberLoss: args.push_back(number("delta", above(0, 100), decimal(d.delta))); break;
    case LossKind::BCELoss:
    case LossKind::BCEWithLogitsLoss: target = LossTarget::Binary; break;
    case LossKind::CrossEntropyLoss:
      args.push_back(number("label_smoothing", real(0, 1), decimal(d.label_smoothing)));
      target = LossTarget::Index;
      break;
    case LossKind::MultiMarginLoss:
      args.push_back(number("margin", real(0, 100), decimal(d.margin)));
      target = LossTarget::Index;
      break;
    case LossKind::NLLLoss: target = LossTarget::Index; break;
    default: break;
  }
  // NLLLoss and MultiMarginLoss take class indices only; CrossEntropyLoss also takes probabilities.
  const bool mixup = kind != LossKind::NLLLoss && kind != LossKind::MultiMarginLoss;
  return {kind, std::move(args), target, mixup};
}

// lr first, and required: a scene always sets it (the page shows and edits it), though torch has
// a default.
std::vector<ArgInfo> optimizer_args(OptimizerKind kind) {
  const OptimizerSpec d = OptimizerSpec::defaults_for(kind);
  ArgInfo lr = number("lr", real(1e-6, 10), d.lr);
  lr.required = true;
  const ArgInfo momentum = number("momentum", below(0, 1), d.momentum);
  const ArgInfo weight_decay = number("weight_decay", real(0, 1), d.weight_decay);
  const ArgInfo eps = number("eps", real(0, 1), d.eps);
  const ArgInfo no_decay_bias = flag("no_decay_bias", d.no_decay_bias);
  switch (kind) {
    case OptimizerKind::SGD:
      return {lr,           momentum,     number("dampening", real(0, 1), d.dampening), flag("nesterov", d.nesterov),
              weight_decay, no_decay_bias};
    case OptimizerKind::Adagrad:
      return {lr,           number("lr_decay", real(0, 1), d.lr_decay),
              weight_decay, number("initial_accumulator_value", real(0, 10), d.initial_accumulator_value),
              eps,          no_decay_bias};
    case OptimizerKind::RMSprop:
      return {lr,       number("alpha", real(0, 1), d.alpha), eps,          weight_decay,
              momentum, flag("centered", d.centered),         no_decay_bias};
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW: {
      const ArgInfo betas{
          .name = "betas", .type = ArgType::Pair, .range = below(0, 1), .number = d.beta1, .second = d.beta2};
      return {lr, betas, eps, weight_decay, flag("amsgrad", d.amsgrad), no_decay_bias};
    }
  }
  return {};
}

// Required first: the arguments torch has no default for.
std::vector<ArgInfo> scheduler_args(SchedulerKind kind) {
  const SchedulerSpec d;
  const Range steps = whole(1, 1000000);
  const Range gamma = above(0, 10);
  switch (kind) {
    case SchedulerKind::StepLR: return {required("step_size", steps), number("gamma", gamma, d.gamma)};
    case SchedulerKind::ExponentialLR: return {required("gamma", gamma)};
    case SchedulerKind::CosineAnnealingLR: return {required("T_max", steps), number("eta_min", real(0, 10), d.eta_min)};
    case SchedulerKind::LinearLR:
      return {number("start_factor", above(0, 1), d.start_factor), number("end_factor", real(0, 1), d.end_factor),
              number("total_iters", steps, d.total_iters)};
    case SchedulerKind::None: break;
  }
  return {};
}

constexpr Range kInitValue = real(-10, 10);

InitInfo init_info(InitKind kind) {
  const InitSpec d;
  std::vector<ArgInfo> args;
  if (kind == InitKind::Constant) args.push_back(required("constant", kInitValue));
  if (kind == InitKind::Uniform) args = {number("a", kInitValue, decimal(d.a)), number("b", kInitValue, decimal(d.b))};
  return {kind, std::move(args), kind != InitKind::Default};
}

Catalogue build() {
  Catalogue c;
  c.fields = {
      .scene = {"format", "seed", "data", "model", "loss", "optimizer", "scheduler", "clip_grad_norm",
                "clip_grad_value", "l1", "init", "training"},
      // dataset and rows: a shipped dataset's name or rows of the scene's own (data.name "supplied").
      .data = {"name", "samples", "noise", "classes", "trainFraction", "validationFraction", "features", "standardize",
               "signedLabels", "dataset", "rows"},
      .rows = {"features", "classes", "x", "y", "test", "source", "classNames"},
      .model = {"inputs", "layers"},
      .layer = {"units", "activation", "dropout"},
      .init = {"weight", "constant", "a", "b", "bias"},
      .training = {"batchSize", "dropLast", "shuffle", "evaluateEvery", "earlyStopping", "augmentation", "ensemble"},
      .early_stopping = {"patience", "minDelta", "restoreBest"},
      .augmentation = {"jitter", "mixup"},
      .ensemble = {"members", "bootstrap"},
  };
  for (Activation a : all_activations()) c.activations.push_back({a, activation_args(a)});
  for (LossKind l : all_losses()) c.losses.push_back(loss_info(l));
  c.reductions = {Reduction::Mean, Reduction::Sum};  // 'none' gives one loss per sample: no objective
  for (OptimizerKind o : all_optimizers()) c.optimizers.push_back({o, optimizer_args(o)});
  for (SchedulerKind s : all_schedulers()) c.schedulers.push_back({s, scheduler_args(s)});
  for (InitKind i : all_inits()) c.inits.push_back(init_info(i));
  c.datasets = generators();
  for (int f = 0; f <= static_cast<int>(Feature::SinX2); ++f) c.features.push_back(static_cast<Feature>(f));
  c.limits = {
      .seed = whole(0, 4294967295.0),
      .samples = whole(10, 10000),
      .noise = real(0, 0.5),  // TF Playground's slider / 100
      .train_fraction = real(0.05, 0.95),
      .validation_fraction = real(0, 0.9),
      .inputs = whole(1, 784),   // Fashion-MNIST's 28×28 pixels
      .rows = whole(2, 100000),  // Fashion-MNIST's 60,000 training images, with room to spare
      .layers = whole(1, 16),
      .units = whole(1, 256),
      .dropout = real(0, 0.95),
      .classes = whole(0, 50),
      .clip_grad_norm = above(0, 1000),
      .clip_grad_value = above(0, 1000),
      .l1 = real(0, 1),
      .init_value = kInitValue,
      .batch_size = whole(1, 10000),
      .evaluate_every = whole(1, 10000),
      .patience = whole(0, 100000),
      .min_delta = real(0, 1000),
      .jitter = real(0, 10),
      .mixup = real(0, 10),
      .members = whole(1, 16),
      .memory_budget = 1024.0 * 1024 * 1024,
  };
  return c;
}

template <class List, class Kind>
const auto& entry(const List& list, Kind kind) {
  for (const auto& e : list)
    if (e.kind == kind) return e;
  throw Error("the catalogue has no '" + std::string(name_of(kind)) + "'");
}

Json range_json(const Range& r) {
  Json j = Json::object();
  j.add("min", r.min);
  j.add("max", r.max);
  if (r.min_open) j.add("minOpen", true);
  if (r.max_open) j.add("maxOpen", true);
  if (r.integer) j.add("integer", true);
  return j;
}

Json names_json(const std::vector<std::string_view>& names) {
  Json out{Json::Array{}};
  for (std::string_view n : names) out.push_back(n);
  return out;
}

// {"name": name, "args": [...]}: a class of the scene language.
Json class_json(std::string_view name, const std::vector<ArgInfo>& args) {
  static constexpr const char* kTypes[] = {"number", "boolean", "choice", "pair"};
  Json list{Json::Array{}};
  for (const ArgInfo& a : args) {
    Json& j = list.push_back(Json::object());
    j.add("name", a.name);
    j.add("type", kTypes[static_cast<int>(a.type)]);
    if (a.required) j.add("required", true);
    if (a.type == ArgType::Number || a.type == ArgType::Pair) j.add("range", range_json(a.range));
    if (a.type == ArgType::Choice) j.add("choices", names_json(a.choices));
    if (!a.has_default) continue;
    switch (a.type) {
      case ArgType::Number: j.add("default", a.number); break;
      case ArgType::Boolean: j.add("default", a.number != 0.0); break;
      case ArgType::Choice: j.add("default", a.text); break;
      case ArgType::Pair: j.add("default", Json::Array{a.number, a.second}); break;
    }
  }
  Json j = Json::object();
  j.add("name", name);
  j.add("args", std::move(list));
  return j;
}

}  // namespace

bool Range::contains(double v) const {
  if (!std::isfinite(v) || v < min || v > max) return false;
  if ((min_open && v == min) || (max_open && v == max)) return false;
  return !integer || std::floor(v) == v;
}

std::string Range::describe() const {
  if (integer && min == max) return "the integer " + format_number(min);
  return std::string(integer ? "an integer" : "a number") + " in " + (min_open ? "(" : "[") + format_number(min) +
         ", " + format_number(max) + (max_open ? ")" : "]");
}

const Catalogue& catalogue() noexcept {
  static const Catalogue c = build();
  return c;
}

const ActivationInfo& Catalogue::activation(Activation kind) const { return entry(activations, kind); }
const LossInfo& Catalogue::loss(LossKind kind) const { return entry(losses, kind); }
const OptimizerInfo& Catalogue::optimizer(OptimizerKind kind) const { return entry(optimizers, kind); }
const SchedulerInfo& Catalogue::scheduler(SchedulerKind kind) const { return entry(schedulers, kind); }
const InitInfo& Catalogue::init(InitKind kind) const { return entry(inits, kind); }

const ArgInfo* find_arg(std::span<const ArgInfo> args, std::string_view name) noexcept {
  for (const ArgInfo& a : args)
    if (a.name == name) return &a;
  return nullptr;
}

void check_range(const Range& range, std::string_view path, double v) {
  if (range.contains(v)) return;
  // Built statement by statement, each temporary gone before the throw (nnp/error.h says why).
  std::string message(path);
  message += " must be ";
  message += range.describe();
  message += ", got ";
  message += format_number(v);
  throw Error(std::move(message));
}

int default_classes(const GeneratorInfo& g) {
  return g.min_classes == g.max_classes ? g.min_classes : GeneratorSpec{}.classes;
}

std::string catalogue_json() {
  const Catalogue& c = catalogue();
  static constexpr const char* kTargets[] = {"value", "binary", "index"};
  Json j = Json::object();
  j.add("format", kSceneFormat);
  const SceneFields& f = c.fields;
  Json& fields = j.add("fields", Json::object());
  fields.add("scene", names_json(f.scene));
  fields.add("data", names_json(f.data));
  fields.add("rows", names_json(f.rows));
  fields.add("model", names_json(f.model));
  fields.add("layer", names_json(f.layer));
  fields.add("init", names_json(f.init));
  fields.add("training", names_json(f.training));
  fields.add("earlyStopping", names_json(f.early_stopping));
  fields.add("augmentation", names_json(f.augmentation));
  fields.add("ensemble", names_json(f.ensemble));
  Json& activations = j.add("activations", Json::Array{});
  for (const ActivationInfo& a : c.activations) activations.push_back(class_json(name_of(a.kind), a.args));
  Json& losses = j.add("losses", Json::Array{});
  for (const LossInfo& l : c.losses) {
    Json& e = losses.push_back(class_json(name_of(l.kind), l.args));
    e.add("target", kTargets[static_cast<int>(l.target)]);
    e.add("mixup", l.mixup);
  }
  Json& reductions = j.add("reductions", Json::Array{});
  for (Reduction r : c.reductions) reductions.push_back(name_of(r));
  Json& optimizers = j.add("optimizers", Json::Array{});
  for (const OptimizerInfo& o : c.optimizers) optimizers.push_back(class_json(name_of(o.kind), o.args));
  Json& schedulers = j.add("schedulers", Json::Array{});
  for (const SchedulerInfo& s : c.schedulers) schedulers.push_back(class_json(name_of(s.kind), s.args));
  Json& inits = j.add("inits", Json::Array{});
  for (const InitInfo& i : c.inits) inits.push_back(class_json(name_of(i.kind), i.args)).add("bias", i.bias);
  Json& datasets = j.add("datasets", Json::Array{});
  for (const GeneratorInfo& g : c.datasets) {
    Json& e = datasets.push_back(Json::object());
    e.add("name", g.name);
    e.add("title", g.title);
    e.add("task", g.task == Task::Regression ? "regression" : "classification");
    e.add("features", g.features);
    Json& classes = e.add("classes", Json::object());
    classes.add("min", g.min_classes);
    classes.add("max", g.max_classes);
    classes.add("default", default_classes(g));
    e.add("description", g.description);
  }
  Json& features = j.add("features", Json::Array{});
  for (Feature x : c.features) features.push_back(name_of(x));
  const Limits& l = c.limits;
  Json& limits = j.add("limits", Json::object());
  const std::pair<const char*, const Range&> ranges[] = {{"seed", l.seed},
                                                         {"samples", l.samples},
                                                         {"noise", l.noise},
                                                         {"trainFraction", l.train_fraction},
                                                         {"validationFraction", l.validation_fraction},
                                                         {"inputs", l.inputs},
                                                         {"rows", l.rows},
                                                         {"layers", l.layers},
                                                         {"units", l.units},
                                                         {"dropout", l.dropout},
                                                         {"classes", l.classes},
                                                         {"clip_grad_norm", l.clip_grad_norm},
                                                         {"clip_grad_value", l.clip_grad_value},
                                                         {"l1", l.l1},
                                                         {"initValue", l.init_value},
                                                         {"batchSize", l.batch_size},
                                                         {"evaluateEvery", l.evaluate_every},
                                                         {"patience", l.patience},
                                                         {"minDelta", l.min_delta},
                                                         {"jitter", l.jitter},
                                                         {"mixup", l.mixup},
                                                         {"members", l.members}};
  for (const auto& [name, range] : ranges) limits.add(name, range_json(range));
  j.add("memoryBudget", l.memory_budget);  // a number of bytes, not a range: beside the limits
  return j.dump();
}

}  // namespace nnp
