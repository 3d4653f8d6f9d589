// JSON → specs. Field names follow torch's keyword arguments; torch arguments that change nothing
// here (foreach, capturable, differentiable, fused, verbose) are accepted and ignored; ones we do not
// implement are accepted only at torch's default value, so a fixture never silently means something
// else.
#include "nnp/spec_json.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

#include "nnp/catalogue.h"
#include "nnp/error.h"
#include "nnp/json.h"
#include "nnp/memory_estimate.h"

namespace nnp {
namespace {

// One object of the config. Its path ("model.layers[2].activation") is written out only for a
// message, from the readers it was reached through: a read that succeeds allocates nothing but the
// spec, and keeps few objects to destroy, which is what exception handling costs in wasm (this
// file is built with it there, so that a refusal frees all it read: issue 17).
class Reader {
 public:
  // The config itself (`name`: its path, e.g. "racers[1]", or empty for the whole config), or
  // member `key` of `parent` (element `index` of it, if ≥ 0).
  explicit Reader(const Json& j, std::string_view name = {}) : j_(j), key_(name) { check(); }
  Reader(const Json& j, const Reader& parent, const char* key, int index = -1)
      : j_(j), parent_(&parent), key_(key), index_(index) {
    check();
  }

  std::string path() const {
    std::string p = parent_ != nullptr ? parent_->path() : std::string();
    if (!key_.empty()) {
      if (!p.empty()) p += '.';
      p += key_;
    }
    if (index_ >= 0) p += "[" + std::to_string(index_) + "]";
    return p;
  }
  std::string where() const {
    std::string p = path();
    return p.empty() ? "the config" : p;
  }
  std::string field(const char* key) const {
    std::string p = path();
    return p.empty() ? key : p + "." + key;
  }
  bool has(const char* key) const {
    const Json* v = j_.find(key);
    return v != nullptr && !v->is_null();
  }

  Reader object(const char* key) const {
    if (!has(key)) throw Error(field(key) + " is missing (an object is expected)");
    return Reader(raw(key), *this, key);
  }
  const Json& raw(const char* key) const { return *j_.find(key); }

  double number(const char* key) const {
    if (!has(key)) throw Error(field(key) + " is missing (a number is expected)");
    return as_number(raw(key), key);
  }
  // A number of the config: member `key`, or element `index` of it ("optimizer.betas[0]"); the
  // path is written only for a message.
  double as_number(const Json& v, const char* key, int index = -1) const {
    const auto path = [&] { return field(key) + (index >= 0 ? "[" + std::to_string(index) + "]" : std::string()); };
    if (!v.is_number()) throw Error(path() + " must be a number, got " + v.dump());
    if (!std::isfinite(v.number())) throw Error(path() + " must be a finite number");
    return v.number();
  }
  double number(const char* key, double fallback) const { return has(key) ? number(key) : fallback; }
  int integer(const char* key) const {
    const double d = number(key);
    if (std::floor(d) != d || std::fabs(d) > 2147483647.0)
      throw Error(field(key) + " must be a whole number, got " + dump(key));
    return static_cast<int>(d);
  }
  int integer(const char* key, int fallback) const { return has(key) ? integer(key) : fallback; }
  bool boolean(const char* key, bool fallback) const {
    if (!has(key)) return fallback;
    if (!raw(key).is_boolean()) throw Error(field(key) + " must be true or false, got " + dump(key));
    return raw(key).boolean();
  }
  const std::string& string(const char* key) const {
    if (!has(key)) throw Error(field(key) + " is missing (a string is expected)");
    if (!raw(key).is_string()) throw Error(field(key) + " must be a string, got " + dump(key));
    return raw(key).string();
  }
  std::string dump(const char* key) const { return raw(key).dump(); }

  // Every key must be in `allowed` but not in `dropped` (or in `ignored`); the message lists what
  // is accepted.
  void only(std::span<const std::string_view> allowed, std::string_view owner,
            std::initializer_list<const char*> ignored = {}, std::initializer_list<const char*> dropped = {}) const {
    const auto in = [](std::string_view key, auto list) {
      return std::find(list.begin(), list.end(), key) != list.end();
    };
    for (const auto& [key, value] : j_.members()) {
      if ((in(key, allowed) && !in(key, dropped)) || in(key, ignored)) continue;
      std::string message = field(key.c_str());
      message += " is not an argument of ";
      message += owner;
      message += "; accepted:";
      const char* separator = " ";
      for (std::string_view a : allowed) {
        if (in(a, dropped)) continue;
        message += separator;
        message += a;
        separator = ", ";
      }
      throw Error(message);
    }
  }
  void only(std::initializer_list<std::string_view> allowed, std::string_view owner,
            std::initializer_list<const char*> ignored = {}) const {
    only(std::span<const std::string_view>(allowed.begin(), allowed.end()), owner, ignored);
  }
  // A class's arguments from the catalogue, then the torch arguments taken at their default only.
  void only(const std::vector<ArgInfo>& args, std::string_view owner, std::initializer_list<const char*> torch_only,
            std::initializer_list<const char*> ignored = {}) const {
    std::vector<std::string_view> allowed{"name"};
    for (const ArgInfo& a : args) allowed.push_back(a.name);
    allowed.insert(allowed.end(), torch_only.begin(), torch_only.end());
    only(allowed, owner, ignored);
  }
  // A torch argument we do not implement: only its default value is accepted.
  void default_only(const char* key, const Json& torch_default, std::string_view why) const {
    if (j_.contains(key) && !(raw(key) == torch_default))
      throw Error(field(key) + " = " + dump(key) + " is not supported (" + std::string(why) + "); use " +
                  torch_default.dump());
  }

 private:
  void check() const {
    if (!j_.is_object()) throw Error(where() + " must be an object");
  }

  const Json& j_;
  const Reader* parent_ = nullptr;
  std::string_view key_;
  int index_ = -1;
};

// A layer's activation: a name ("ReLU") or {name, ...arguments}.
ActivationSpec activation_from(const Reader& layer) {
  ActivationSpec a;
  const Json& j = layer.raw("activation");
  const std::string* name = j.is_string() ? &j.string() : nullptr;
  if (name == nullptr) {
    const Reader r(j, layer, "activation");
    name = &r.string("name");
    if (const auto kind = parse_activation(*name)) r.only(catalogue().activation(*kind).args, *name, {}, {"inplace"});
    a.negative_slope = static_cast<float>(r.number("negative_slope", 0.01));
    a.alpha = static_cast<float>(r.number("alpha", 1.0));
    a.beta = static_cast<float>(r.number("beta", 1.0));
    a.threshold = static_cast<float>(r.number("threshold", 20.0));
    if (r.has("approximate")) {
      const std::string& approx = r.string("approximate");
      if (approx != "none" && approx != "tanh")
        throw Error(r.field("approximate") + " must be \"none\" or \"tanh\", got \"" + approx + "\"");
      a.approximate_tanh = approx == "tanh";
    }
    if (r.has("dim") && r.integer("dim") != 1 && r.integer("dim") != -1)
      throw Error(r.field("dim") + " must be 1 (the feature axis)");
  }
  const auto kind = parse_activation(*name);
  if (!kind)
    throw Error(layer.field("activation") + ": unknown activation '" + *name + "'; accepted: " + activation_names());
  a.kind = *kind;
  return a;
}

MlpSpec model_from(const Reader& r) {
  r.only(catalogue().fields.model, "model");
  MlpSpec m;
  m.inputs = r.integer("inputs");
  if (!r.has("layers") || !r.raw("layers").is_array()) throw Error(r.field("layers") + " must be an array of layers");
  int i = 0;
  for (const Json& lj : r.raw("layers").array()) {
    const Reader l(lj, r, "layers", i++);
    l.only(catalogue().fields.layer, "a layer");
    LayerSpec layer;
    layer.units = l.integer("units");
    layer.activation = l.has("activation") ? activation_from(l) : ActivationSpec{};
    layer.dropout = static_cast<float>(l.number("dropout", 0.0));
    m.layers.push_back(layer);
  }
  return m;
}

LossSpec loss_from(const Reader& r) {
  LossSpec s;
  const std::string& name = r.string("name");
  const auto kind = parse_loss(name);
  if (!kind) throw Error(r.field("name") + ": unknown loss '" + name + "'; accepted: " + loss_names());
  s.kind = *kind;
  const std::initializer_list<const char*> deprecated{"size_average", "reduce"};
  const std::vector<ArgInfo>& args = catalogue().loss(s.kind).args;
  switch (s.kind) {
    case LossKind::CrossEntropyLoss:
    case LossKind::NLLLoss: r.only(args, name, {"ignore_index", "weight"}, deprecated); break;
    case LossKind::MultiMarginLoss: r.only(args, name, {"p", "weight"}, deprecated); break;
    case LossKind::BCELoss: r.only(args, name, {"weight"}, deprecated); break;
    case LossKind::BCEWithLogitsLoss: r.only(args, name, {"weight", "pos_weight"}, deprecated); break;
    default: r.only(args, name, {}, deprecated);
  }
  if (r.has("reduction")) {
    const std::string& red = r.string("reduction");
    const auto parsed = parse_reduction(red);
    if (!parsed || *parsed == Reduction::None)
      throw Error(r.field("reduction") + ": '" + red + "' is not accepted for training; accepted: mean, sum");
    s.reduction = *parsed;
  }
  s.delta = static_cast<float>(r.number("delta", 1.0));
  s.label_smoothing = static_cast<float>(r.number("label_smoothing", 0.0));
  s.margin = static_cast<float>(r.number("margin", 1.0));
  r.default_only("p", 1, "MultiMarginLoss is implemented for p = 1");
  r.default_only("ignore_index", -100, "every target counts");
  r.default_only("weight", nullptr, "class weights are not implemented");
  r.default_only("pos_weight", nullptr, "pos_weight is not implemented");
  return s;
}

OptimizerSpec optimizer_from(const Reader& r) {
  const std::string& name = r.string("name");
  const auto kind = parse_optimizer(name);
  if (!kind) throw Error(r.field("name") + ": unknown optimizer '" + name + "'; accepted: " + optimizer_names());
  OptimizerSpec s = OptimizerSpec::defaults_for(*kind);
  r.only(catalogue().optimizer(*kind).args, name, {"maximize"}, {"foreach", "capturable", "differentiable", "fused"});
  r.default_only("maximize", false, "gradient ascent is not implemented");
  s.lr = r.number("lr", s.lr);
  s.momentum = r.number("momentum", s.momentum);
  s.dampening = r.number("dampening", s.dampening);
  s.nesterov = r.boolean("nesterov", s.nesterov);
  s.weight_decay = r.number("weight_decay", s.weight_decay);
  s.lr_decay = r.number("lr_decay", s.lr_decay);
  s.initial_accumulator_value = r.number("initial_accumulator_value", s.initial_accumulator_value);
  s.eps = r.number("eps", s.eps);
  s.alpha = r.number("alpha", s.alpha);
  s.centered = r.boolean("centered", s.centered);
  s.amsgrad = r.boolean("amsgrad", s.amsgrad);
  s.no_decay_bias = r.boolean("no_decay_bias", s.no_decay_bias);
  if (r.has("betas")) {
    const Json& b = r.raw("betas");
    if (!b.is_array() || b.size() != 2)
      throw Error(r.field("betas") + " must be a pair [beta1, beta2], got " + b.dump());
    s.beta1 = r.as_number(b[0], "betas", 0);
    s.beta2 = r.as_number(b[1], "betas", 1);
  }
  return s;
}

SchedulerSpec scheduler_from(const Reader& r) {
  SchedulerSpec s;
  const std::string& name = r.string("name");
  const auto kind = parse_scheduler(name);
  if (!kind) throw Error(r.field("name") + ": unknown scheduler '" + name + "'; accepted: " + scheduler_names());
  s.kind = *kind;
  const std::vector<ArgInfo>& args = catalogue().scheduler(s.kind).args;
  r.only(args, name, {"last_epoch"}, {"verbose"});
  r.default_only("last_epoch", -1, "schedules start at the beginning");
  // The arguments torch has no default for (a scene's lr is required too, but a fixture's is not).
  for (const ArgInfo& a : args)
    if (!a.has_default && !r.has(std::string(a.name).c_str()))
      throw Error(r.field(std::string(a.name).c_str()) + " is missing (" + name + " needs it)");
  s.step_size = r.integer("step_size", s.step_size);
  s.gamma = r.number("gamma", s.gamma);
  s.t_max = r.integer("T_max", s.t_max);
  s.eta_min = r.number("eta_min", s.eta_min);
  s.start_factor = r.number("start_factor", s.start_factor);
  s.end_factor = r.number("end_factor", s.end_factor);
  s.total_iters = r.integer("total_iters", s.total_iters);
  return s;
}

InitSpec init_from(const Reader& r) {
  r.only(catalogue().fields.init, "init");
  InitSpec s;
  if (r.has("weight")) {
    const std::string& name = r.string("weight");
    const auto kind = parse_init(name);
    if (!kind) throw Error(r.field("weight") + ": unknown initialiser '" + name + "'; accepted: " + init_names());
    s.weight = *kind;
  }
  s.constant = static_cast<float>(r.number("constant", 0.0));
  s.a = static_cast<float>(r.number("a", s.a));
  s.b = static_cast<float>(r.number("b", s.b));
  if (s.a > s.b)
    throw Error(r.where() + ": uniform needs a <= b (torch.nn.init.uniform_'s range [a, b)); got a = " +
                Json(static_cast<double>(s.a)).dump() + ", b = " + Json(static_cast<double>(s.b)).dump());
  s.bias_value = static_cast<float>(r.number("bias", 0.0));
  return s;
}

Json parse(std::string_view text) {
  if (std::string too_big = json_size_problem(static_cast<double>(text.size())); !too_big.empty()) throw Error(too_big);
  std::optional<Json> j = Json::parse(text);
  if (!j) throw Error("the config is not valid JSON");
  return std::move(*j);
}

float optional_positive(const Reader& r, const char* key) {
  return r.has(key) ? static_cast<float>(r.number(key)) : 0.0f;
}

LearnerSpec learner_from(const Reader& r) {
  LearnerSpec s;
  s.model = model_from(r.object("model"));
  s.loss = loss_from(r.object("loss"));
  s.optimizer = optimizer_from(r.object("optimizer"));
  if (r.has("scheduler")) s.scheduler = scheduler_from(r.object("scheduler"));
  s.clip_grad_norm = optional_positive(r, "clip_grad_norm");
  s.clip_grad_value = optional_positive(r, "clip_grad_value");
  if (r.has("clip_grad_norm") && !(s.clip_grad_norm > 0.0f))
    throw Error("clip_grad_norm must be a number > 0 (or null for no clipping)");
  if (r.has("clip_grad_value") && !(s.clip_grad_value > 0.0f))
    throw Error("clip_grad_value must be a number > 0 (or null for no clipping)");
  s.l1 = static_cast<float>(r.number("l1", 0.0));
  if (r.has("init")) s.init = init_from(r.object("init"));
  return s;
}

}  // namespace

LearnerSpec learner_spec_from_json(std::string_view text) { return learner_spec_from(parse(text)); }

LearnerSpec learner_spec_from(const Json& j) {
  const Reader r(j);
  // A parity fixture's own keys (format, name, parameters, steps, expected) may stand beside the spec.
  r.only(catalogue().fields.scene, "a learner spec", {"format", "name", "parameters", "steps", "expected"},
         {"format", "seed", "data", "training"});
  return learner_from(r);
}

OptimizerSpec optimizer_spec_from(const Json& j, const std::string& path) { return optimizer_from(Reader(j, path)); }
SchedulerSpec scheduler_spec_from(const Json& j, const std::string& path) { return scheduler_from(Reader(j, path)); }

TrainerConfig trainer_config_from_json(std::string_view text) { return trainer_config_from(parse(text)); }

TrainerConfig trainer_config_from(const Json& j) {
  const Reader r(j);
  r.only(catalogue().fields.scene, "the engine config", {}, {"format"});
  TrainerConfig c;
  const double seed = r.number("seed");
  if (!(seed >= 0 && std::floor(seed) == seed && seed <= 9007199254740991.0))
    throw Error("seed must be a whole number ≥ 0");
  c.seed = static_cast<std::uint64_t>(seed);

  Reader d = r.object("data");
  // A scene's dataset and rows are the page's: the engine gets the rows as SuppliedData.
  d.only(catalogue().fields.data, "data", {}, {"dataset", "rows"});
  c.data.name = d.string("name");
  c.data.samples = d.integer("samples", c.data.samples);
  c.data.noise = d.number("noise", c.data.noise);
  c.data.classes = d.integer("classes", c.data.classes);
  c.data.split.train = d.number("trainFraction", c.data.split.train);
  c.data.split.validation = d.number("validationFraction", c.data.split.validation);
  c.data.standardize = d.boolean("standardize", false);
  c.data.signed_labels = d.boolean("signedLabels", false);
  if (d.has("features")) {
    const Json& f = d.raw("features");
    if (!f.is_array()) throw Error("data.features must be an array of feature names, got " + f.dump());
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (!f[i].is_string())
        throw Error("data.features[" + std::to_string(i) + "] must be a feature name, got " + f[i].dump());
      const auto parsed = parse_feature(f[i].string());
      if (!parsed)
        throw Error("data.features[" + std::to_string(i) + "]: unknown feature '" + f[i].string() +
                    "'; accepted: " + feature_names());
      c.data.features.push_back(*parsed);
    }
    if (c.data.features.empty())
      throw Error("data.features must name at least one feature (or be left out for the raw inputs)");
  }

  Reader t = r.object("training");
  t.only(catalogue().fields.training, "training");
  c.training.batch_size = t.integer("batchSize");
  c.training.drop_last = t.boolean("dropLast", false);
  c.training.shuffle = t.boolean("shuffle", true);
  c.training.evaluate_every = t.integer("evaluateEvery", 1);
  if (t.has("earlyStopping")) {
    Reader e = t.object("earlyStopping");
    e.only(catalogue().fields.early_stopping, "training.earlyStopping");
    c.training.early_stopping.patience = e.integer("patience");
    c.training.early_stopping.min_delta = e.number("minDelta", 0.0);
    c.training.early_stopping.restore_best = e.boolean("restoreBest", true);
  }
  if (t.has("augmentation")) {
    Reader a = t.object("augmentation");
    a.only(catalogue().fields.augmentation, "training.augmentation");
    c.training.augmentation.jitter = static_cast<float>(a.number("jitter", 0.0));
    c.training.augmentation.mixup = static_cast<float>(a.number("mixup", 0.0));
  }
  if (t.has("ensemble")) {
    Reader e = t.object("ensemble");
    e.only(catalogue().fields.ensemble, "training.ensemble");
    c.training.ensemble.members = e.integer("members", 1);
    c.training.ensemble.bootstrap = e.boolean("bootstrap", false);
  }
  c.learner = learner_from(r);
  return c;
}

}  // namespace nnp
