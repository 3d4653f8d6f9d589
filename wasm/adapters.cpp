#include "adapters.h"

#include <algorithm>
#include <climits>

#include "conversions.h"
#include "nnp/catalogue.h"
#include "nnp/error.h"
#include "nnp/generators.h"
#include "nnp/memory_estimate.h"
#include "nnp/nnpd.h"
#include "nnp/predictions.h"
#include "nnp/rng.h"
#include "nnp/spec_json.h"
#include "nnp/supplied.h"

namespace nnp::wasm {

namespace {

// A count of steps or epochs from JS (any number, its whole part taken), 0 … max; `rule` says so.
int count(const val& v, double max, const char* rule) {
  const double n = v.isNumber() ? v.as<double>() : -1;
  if (!(n >= 0 && n <= max)) refuse(std::string(rule) + ", got " + shown(v));
  return static_cast<int>(n);
}

// An int the core checks against its own limit (a member, a resolution, rows): here only its type.
int whole(const val& v, const char* what) { return int_arg(v, what, INT_MIN, INT_MAX); }

// Every parameter of a learner by torch name, as `read` gives it (values or gradients); copies.
template <class Read>
val by_name(const Learner& l, Read read) {
  val o = val::object();
  for (const ParamInfo& p : l.model().named_parameters()) {
    const auto v = read(l, p.name);
    o.set(p.name, float_array(v.data(), v.size()));
  }
  return o;
}

}  // namespace

JsTrainer::JsTrainer(const val& config) : t_(trainer_config_js(config)) {}

JsTrainer::JsTrainer(const val& config, const val& data) : t_(trainer_config_js(config), supplied_from_js(data)) {}

Progress JsTrainer::run(const val& steps) {
  const int n = count(steps, 1e9, "run: steps must be a number from 0 to 1e9");
  return t_.run(n);
}

Progress JsTrainer::run_epochs(const val& epochs) {
  const int n = count(epochs, 1e6, "runEpochs: epochs must be a number from 0 to 1e6");
  return t_.run_epochs(n);
}

Evaluation JsTrainer::evaluate() { return t_.evaluate(); }

Evaluation JsTrainer::evaluate_member(const val& member) {
  const int m = whole(member, "evaluateMember: member");
  return t_.evaluate_member(m);
}

val JsTrainer::history_from(const val& first) const {
  const double from = number_arg(first, "historyFrom: first");
  val out = val::array();
  const auto& h = t_.history();
  // Clamped before the cast (a double past the size would be undefined behaviour); NaN: from 0.
  const double start = from > 0 ? std::min(from, static_cast<double>(h.size())) : 0;
  for (auto i = static_cast<std::size_t>(start); i < h.size(); ++i) out.call<void>("push", val(h[i]));
  return out;
}

val JsTrainer::parameters(const val& index) {
  const int member = whole(index, "parameters: member");
  return by_name(t_.member(member), [](const Learner& l, const std::string& n) { return l.parameter(n); });
}

void JsTrainer::set_parameters(const val& index, const val& params) {
  const int member = whole(index, "setParameters: member");
  if (params.isUndefined() || params.isNull() || params.typeOf().as<std::string>() != "object")
    refuse("setParameters: params must be an object of arrays by parameter name, got " + shown(params));
  Learner& l = t_.member(member);
  for (const ParamInfo& p : l.model().named_parameters())
    if (params[p.name].isUndefined())
      throw Error("parameters: '" + p.name + "' is missing for member " + std::to_string(member));
  const val keys = val::global("Object").call<val>("keys", params);
  for (int i = 0; i < keys["length"].as<int>(); ++i) {
    const std::string name = keys[i].as<std::string>();
    read_floats(params[name], ("parameters." + name).c_str(), scratch_);
    l.set_parameter(name, scratch_);
  }
}

val JsTrainer::gradients(const val& index) {
  const int member = whole(index, "gradients: member");
  return by_name(t_.member(member), [](const Learner& l, const std::string& n) { return l.gradient(n); });
}

// Every unit's output over the plane (Trainer::neuron_maps): maps × res × res floats, map u at
// [u·res·res …), u over the network inputs, then each layer's units.
template <class Fill>
val JsTrainer::grid(const char* const (&names)[5], const val& res, const val& x_min, const val& x_max, const val& y_min,
                    const val& y_max, Fill fill) {
  const int r = whole(res, names[0]);
  const float box[4] = {float_arg(x_min, names[1]), float_arg(x_max, names[2]), float_arg(y_min, names[3]),
                        float_arg(y_max, names[4])};
  fill(r, box);
  return float_array(grid_);
}

val JsTrainer::neuron_maps(const val& res, const val& x_min, const val& x_max, const val& y_min, const val& y_max) {
  static constexpr const char* names[5] = {"neuronMaps: resolution", "neuronMaps: xMin", "neuronMaps: xMax",
                                           "neuronMaps: yMin", "neuronMaps: yMax"};
  return grid(names, res, x_min, x_max, y_min, y_max, [&](int r, const float* b) {
    grid_.resize(t_.neuron_maps_size(r));  // the core checks r before the grid is sized
    t_.neuron_maps(r, b[0], b[1], b[2], b[3], grid_.data());
  });
}

val JsTrainer::predict_grid(const val& res, const val& x_min, const val& x_max, const val& y_min, const val& y_max) {
  static constexpr const char* names[5] = {"predictGrid: resolution", "predictGrid: xMin", "predictGrid: xMax",
                                           "predictGrid: yMin", "predictGrid: yMax"};
  return grid(names, res, x_min, x_max, y_min, y_max, [&](int r, const float* b) {
    grid_.resize(t_.grid_size(r, /*every_class=*/false));
    t_.predict_grid(r, b[0], b[1], b[2], b[3], grid_.data());
  });
}

val JsTrainer::predict_grid_classes(const val& res, const val& x_min, const val& x_max, const val& y_min,
                                    const val& y_max) {
  static constexpr const char* names[5] = {"predictGridClasses: resolution", "predictGridClasses: xMin",
                                           "predictGridClasses: xMax", "predictGridClasses: yMin",
                                           "predictGridClasses: yMax"};
  return grid(names, res, x_min, x_max, y_min, y_max, [&](int r, const float* b) {
    grid_.resize(t_.grid_size(r, /*every_class=*/true));
    t_.predict_grid_probabilities(r, b[0], b[1], b[2], b[3], grid_.data());
  });
}

template <class PredictRows>
val JsTrainer::predicted(const val& x, const val& rows, const char* what, const char* n_name,
                         PredictRows predict_rows) {
  const int n = whole(rows, n_name);
  read_floats(x, (std::string(what) + "'s x").c_str(), scratch_);
  const int nf = t_.raw().train.features;
  if (n < 1 || scratch_.size() != static_cast<std::size_t>(n) * nf)
    throw Error(std::string(what) + ": x must hold n × features = " + std::to_string(n) + " × " + std::to_string(nf) +
                " values, got " + std::to_string(scratch_.size()));
  std::vector<float> in(scratch_);
  grid_.resize(static_cast<std::size_t>(n) * t_.model().outputs());
  predict_rows(in.data(), n, grid_.data());
  return float_array(grid_);
}

// Network outputs for raw inputs x [n × features] (an ensemble: its mean probabilities); a copy.
val JsTrainer::predict(const val& x, const val& n) {
  return predicted(x, n, "predict", "predict: n",
                   [&](const float* in, int rows, float* out) { t_.predict(in, rows, out); });
}

val JsTrainer::predict_probabilities(const val& x, const val& n) {
  return predicted(x, n, "predictProbabilities", "predictProbabilities: n",
                   [&](const float* in, int rows, float* out) { t_.predict_probabilities(in, rows, out); });
}

val JsTrainer::confusion(const val& which) {
  const std::string split = string_arg(which, "confusion: split");
  if (split != "train" && split != "test")
    throw Error("confusion: split must be 'train' or 'test', got '" + split + "'");
  return to_js(t_.confusion(split == "train" ? t_.inputs().train : t_.inputs().test));
}

val JsTrainer::train_points() const { return float_array(plot_points(t_.raw().train)); }
val JsTrainer::validation_points() const { return float_array(plot_points(t_.raw().validation)); }
val JsTrainer::test_points() const { return float_array(plot_points(t_.raw().test)); }
val JsTrainer::test_inputs() const { return float_array(t_.raw().test.x); }
val JsTrainer::test_targets() const { return float_array(t_.raw().test.y); }

val JsTrainer::test_predictions() { return to_js(predict_classes(t_, t_.inputs().test)); }

void JsTrainer::set_hyperparameters(const val& h) {
  const Hyperparameters changes = hyperparameters_from_js(h);
  // Every member of an ensemble, field by field: the members share one spec, so member 0 refuses
  // a bad value (the Learner's check) before any member takes it, and the members stay alike.
  const auto each = [&](const auto& set) {
    for (int m = 0; m < t_.members(); ++m) set(t_.member(m));
  };
  if (changes.lr) t_.set_learning_rate(*changes.lr);
  if (changes.l1) each([&](Learner& l) { l.set_l1(*changes.l1); });
  if (changes.weight_decay) each([&](Learner& l) { l.set_weight_decay(*changes.weight_decay); });
  for (std::size_t i = 0; i < changes.dropout.size(); ++i)
    each([&](Learner& l) { l.set_dropout(i, changes.dropout[i]); });
}

JsLearner::JsLearner(const val& spec, const val& seed) : l_(learner_spec_js(spec), seed_arg(seed, "Learner: seed")) {}

val JsLearner::parameter_names() const {
  val names = val::array();
  for (const ParamInfo& p : l_.model().named_parameters()) names.call<void>("push", p.name);
  return names;
}

void JsLearner::set_parameter(const val& name, const val& data) {
  const std::string n = string_arg(name, "setParameter: name");
  read_floats(data, "setParameter's data", x_);
  l_.set_parameter(n, x_);
}

val JsLearner::parameter(const val& name) const {
  const std::string n = string_arg(name, "parameter: name");
  const auto p = l_.parameter(n);
  return float_array(p.data(), p.size());
}

val JsLearner::gradient(const val& name) const {
  const std::string n = string_arg(name, "gradient: name");
  const auto g = l_.gradient(n);
  return float_array(g.data(), g.size());
}

double JsLearner::compute_gradients(const val& x, const val& n, const val& y, const val& y_cols) {
  const std::pair<int, int> shape = read_batch(x, n, y, y_cols);  // {n, yCols}
  return static_cast<double>(l_.compute_gradients(x_.data(), y_.data(), shape.first, shape.second));
}

void JsLearner::apply_update() { l_.apply_update(); }

double JsLearner::train_on_batch(const val& x, const val& n, const val& y, const val& y_cols, const val& steps) {
  const int count = int_arg(steps, "trainOnBatch: steps", 1, 1000000000);  // Trainer.run's limit
  const std::pair<int, int> shape = read_batch(x, n, y, y_cols);           // {n, yCols}
  return l_.run_steps(x_.data(), y_.data(), shape.first, shape.second, count);
}

std::pair<int, int> JsLearner::read_batch(const val& x, const val& rows, const val& y, const val& cols) {
  const int n = whole(rows, "n"), y_cols = whole(cols, "yCols");
  read_floats(x, "x", x_);
  read_floats(y, "y", y_);
  // The shapes first: an n that x does not hold is the caller's slip, named as such, not a
  // batch too big for memory (whose message would name the scene's training.batchSize).
  if (n < 1 || x_.size() != static_cast<std::size_t>(n) * l_.model().inputs())
    throw Error("x must hold n × inputs = " + std::to_string(n) + " × " + std::to_string(l_.model().inputs()) +
                " values, got " + std::to_string(x_.size()));
  if (y_cols < 1 || y_.size() != static_cast<std::size_t>(n) * y_cols)
    throw Error("y must hold n × yCols = " + std::to_string(n) + " × " + std::to_string(y_cols) + " values, got " +
                std::to_string(y_.size()));
  check_memory(estimate_memory(l_.model().spec(), n), "x");  // the batch's activations
  return {n, y_cols};
}

JsPerceptron::JsPerceptron(const val& dataset, const val& samples, const val& noise, const val& seed, const val& lr)
    : data_([&] {
        const std::string name = string_arg(dataset, "Perceptron: dataset");
        Pcg32 rng(seed_arg(seed, "Perceptron: seed"));
        Dataset d = generate({.name = name,
                              .samples = whole(samples, "Perceptron: samples"),
                              .noise = number_arg(noise, "Perceptron: noise"),
                              .classes = 2},
                             rng);
        if (d.classes != 2 || d.features != 2)
          throw Error("perceptron: '" + name + "' is not a 2-D, two-class dataset");
        return d;
      }()),
      p_(Perceptron(2, PerceptronSpec{.lr = number_arg(lr, "Perceptron: lr")})) {}

PerceptronRun JsPerceptron::run(const val& count) {
  const int epochs = int_arg(count, "Perceptron.run: epochs", 0, kMaxEpochs);
  for (int e = 0; e < epochs && !p_.converged() && !p_.cycling(); ++e) p_.epoch(data_);
  return {.epochs = p_.epochs(),
          .mistakes = p_.mistakes_per_epoch().empty() ? 0 : p_.mistakes_per_epoch().back(),
          .converged = p_.converged(),
          .cycling = p_.cycling(),
          .cycle_length = p_.cycle_length(),
          .accuracy = p_.accuracy(data_),
          .w1 = p_.weights()[0],
          .w2 = p_.weights()[1],
          .bias = p_.bias()};
}

val JsPerceptron::points() const { return float_array(plot_points(data_)); }

val dataset_info(const val& bytes, const val& file) {
  const std::string given = string_arg(file, "datasetInfo: name");
  const std::string name = given.empty() ? "the dataset" : given;  // every message starts with it
  return to_js(read_nnpd(bytes_from_js(bytes, name), name));
}

val catalogue_js() { return parse_json(catalogue_json()); }

val split_sizes_js(const val& split, const val& shape) {
  const std::optional<DataShape> s = shape_from_js(shape);
  if (!s) throw Error("splitSizes needs the data's shape {rows, features, classes}");
  if (!split.isUndefined() && !split.isNull() && split.typeOf().as<std::string>() != "object")
    throw Error("splitSizes: split must be an object {trainFraction, validationFraction?}, got " + shown(split));
  const val validation = split.isUndefined() || split.isNull() ? val::undefined() : split["validationFraction"];
  const SplitFractions f{
      .train = number_arg(split.isUndefined() || split.isNull() ? split : split["trainFraction"],
                          "splitSizes: trainFraction"),
      .validation = validation.isUndefined() ? 0.0 : number_arg(validation, "splitSizes: validationFraction")};
  const SplitSizes sizes = split_sizes(s->rows, f, s->separate_test);
  val out = val::object();
  out.set("train", sizes.train);
  out.set("validation", sizes.validation);
  out.set("test", s->separate_test ? val::null() : val(sizes.test));
  return out;
}

val validate_scene_js(const val& scene, const val& shape) {
  return to_js(validate_scene(json_text(scene), shape_from_js(shape)));
}

}  // namespace nnp::wasm
