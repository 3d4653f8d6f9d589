// validate_scene(): a scene's fields against the catalogue (names, keyword arguments, ranges, the
// fields each part takes), then — on the typed config — the engine's own guards and the rules that
// tie the parts together and to the data (scene_rules.cpp). Every problem is reported, not only
// the first; one per field.
#include "nnp/validate_scene.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>

#include "nnp/catalogue.h"
#include "nnp/error.h"
#include "nnp/json.h"
#include "nnp/learner.h"
#include "nnp/memory_estimate.h"
#include "nnp/mlp.h"
#include "nnp/optim.h"
#include "nnp/spec_json.h"

namespace nnp {
namespace {

using Names = std::vector<std::string>;

Names of(const std::vector<std::string_view>& list) { return Names(list.begin(), list.end()); }

std::string join(const Names& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

template <class List>
Names names_of(const List& list) {
  Names out;
  for (const auto& e : list) out.emplace_back(name_of(e.kind));
  return out;
}

// A value as a message shows it: its JSON, or its length for a long array.
std::string shown(const Json& v) {
  if (v.is_array() && v.size() > 8) return "an array of " + std::to_string(v.size());
  return v.dump();
}

std::string field(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

std::string item(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

// The field `key` of an object, or nullptr when absent.
const Json* get(const Json& object, std::string_view key) { return object.find(key); }

class Walker {
 public:
  Problems problems;

  void scene(const Json& s) {
    if (!fields(s, "", of(catalogue().fields.scene))) return;
    const Json* format = get(s, "format");
    if (format == nullptr || *format != kSceneFormat) bad("format", "\"" + std::string(kSceneFormat) + "\"", format);
    number(get(s, "seed"), "seed", limits().seed);
    data(get(s, "data"));
    model(get(s, "model"));
    loss(get(s, "loss"));
    optimizer(get(s, "optimizer"));
    if (const Json* v = get(s, "scheduler"); v != nullptr && !v->is_null()) scheduler(*v);
    for (const char* key : {"clip_grad_norm", "clip_grad_value"}) {
      const Json* v = get(s, key);
      if (v == nullptr || v->is_null()) continue;
      const Range& r = std::string(key) == "clip_grad_norm" ? limits().clip_grad_norm : limits().clip_grad_value;
      if (!(v->is_number() && r.contains(v->number()))) bad(key, r.describe() + ", or null for no clipping", v);
    }
    if (const Json* v = get(s, "l1")) number(v, "l1", limits().l1);
    if (const Json* v = get(s, "init")) init(*v);
    training(get(s, "training"));
  }

 private:
  static const Limits& limits() { return catalogue().limits; }

  void add(const std::string& path, const std::string& message) { problems.push_back({path, message}); }

  // `path` must be `expected`: missing, or the wrong value.
  void bad(const std::string& path, const std::string& expected, const Json* v) {
    if (v == nullptr)
      add(path, path + " is missing; it must be " + expected);
    else
      add(path, path + " must be " + expected + ", got " + shown(*v));
  }

  // An object whose keys are all in `keys`; `owner` names what the keys are arguments of.
  bool fields(const Json* v, const std::string& path, const Names& keys, const std::string& owner = "") {
    if (v == nullptr || !v->is_object()) {
      if (path.empty())
        add(path, "the scene must be an object, got " + (v == nullptr ? std::string("nothing") : shown(*v)));
      else
        bad(path, "an object", v);
      return false;
    }
    for (const auto& [key, value] : v->members()) {
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      const std::string at = field(path, key);
      std::string message = at;
      if (!owner.empty() && keys.size() == 1) {
        message += " is not an argument of ";
        message += owner;
        message += ", which takes none (accepted: name)";
      } else {
        message += " is not a field of ";
        message += owner.empty() ? (path.empty() ? "a scene" : path) : owner;
        message += "; accepted: ";
        message += join(keys);
      }
      add(at, message);
    }
    return true;
  }
  bool fields(const Json& v, const std::string& path, const Names& keys, const std::string& owner = "") {
    return fields(&v, path, keys, owner);
  }

  bool number(const Json* v, const std::string& path, const Range& r) {
    if (v != nullptr && v->is_number() && r.contains(v->number())) return true;
    bad(path, r.describe(), v);
    return false;
  }
  void boolean(const Json* v, const std::string& path) {
    if (v == nullptr || !v->is_boolean()) bad(path, "true or false", v);
  }
  // The name, when it is one of `names`.
  std::optional<std::string> one_of(const Json* v, const std::string& path, const Names& names) {
    if (v != nullptr && v->is_string() && std::find(names.begin(), names.end(), v->string()) != names.end())
      return v->string();
    bad(path, "one of " + join(names), v);
    return std::nullopt;
  }

  void arg(const Json& v, const std::string& path, const ArgInfo& a) {
    switch (a.type) {
      case ArgType::Number: number(&v, path, a.range); return;
      case ArgType::Boolean: boolean(&v, path); return;
      case ArgType::Choice: one_of(&v, path, Names(a.choices.begin(), a.choices.end())); return;
      case ArgType::Pair: {
        if (!v.is_array() || v.size() != 2) {
          bad(path, "a pair [" + std::string(a.name) + "1, " + std::string(a.name) + "2]", &v);
          return;
        }
        for (std::size_t i = 0; i < 2; ++i) number(&v[i], item(path, i), a.range);
        return;
      }
    }
  }

  // {name, ...args} of a class: the name, the keys it takes and each argument's value.
  template <class Entry>
  const Entry* named(const Json* v, const std::string& path, const std::vector<Entry>& list, const std::string& what) {
    if (v == nullptr || !v->is_object()) {
      bad(path, "an object {name, ...arguments} naming " + what, v);
      return nullptr;
    }
    const auto name = one_of(get(*v, "name"), field(path, "name"), names_of(list));
    if (!name) return nullptr;
    const Entry* e = &*std::find_if(list.begin(), list.end(), [&](const Entry& x) { return name_of(x.kind) == *name; });
    Names keys{"name"};
    for (const ArgInfo& a : e->args) keys.emplace_back(a.name);
    fields(v, path, keys, *name);
    for (const ArgInfo& a : e->args) {
      const std::string at = field(path, std::string(a.name));
      if (const Json* x = get(*v, std::string(a.name)))
        arg(*x, at, a);
      else if (a.required)
        bad(at, a.range.describe() + " (" + *name + " needs it)", nullptr);  // required ones are numbers
    }
    return e;
  }

  void data(const Json* v) {
    if (!fields(v, "data", of(catalogue().fields.data))) return;
    const Json& d = *v;
    Names names;
    for (const GeneratorInfo& g : catalogue().datasets) names.emplace_back(g.name);
    names.emplace_back("supplied");
    const auto name = one_of(get(d, "name"), "data.name", names);
    number(get(d, "trainFraction"), "data.trainFraction", limits().train_fraction);
    if (const Json* f = get(d, "validationFraction"))
      number(f, "data.validationFraction", limits().validation_fraction);
    if (const Json* f = get(d, "features")) features(*f);
    for (const char* key : {"standardize", "signedLabels"})
      if (const Json* b = get(d, key)) boolean(b, std::string("data.") + key);
    if (!name) return;
    if (*name == "supplied") {
      for (const char* key : {"samples", "noise", "classes"})
        if (get(d, key) != nullptr)
          add(std::string("data.") + key,
              std::string("data.") + key + " is only for generated data; supplied data brings its own rows");
      const Json* rows = get(d, "rows");
      const Json* dataset = get(d, "dataset");
      if (rows != nullptr && dataset != nullptr)
        add("data.rows", "data.rows and data.dataset exclude each other: give rows of their own or a dataset");
      if (rows != nullptr) scene_rows(*rows);
      // The shipped datasets are the page's files (web/public/data): the page checks the name.
      if (dataset != nullptr && !dataset->is_string()) bad("data.dataset", "the name of a shipped dataset", dataset);
      return;
    }
    for (const char* key : {"dataset", "rows"})
      if (get(d, key) != nullptr)
        add(std::string("data.") + key,
            std::string("data.") + key + " is only for data.name \"supplied\"; " + *name + " is generated");
    number(get(d, "samples"), "data.samples", limits().samples);
    number(get(d, "noise"), "data.noise", limits().noise);
    const Json* classes = get(d, "classes");
    if (classes == nullptr) return;
    const GeneratorInfo& g = *find_generator(*name);
    if (g.min_classes != g.max_classes) {
      number(classes, "data.classes", {.min = double(g.min_classes), .max = double(g.max_classes), .integer = true});
    } else if (*classes != g.min_classes || g.min_classes == 0) {
      std::string takers;
      for (const GeneratorInfo& t : catalogue().datasets)
        if (t.min_classes != t.max_classes)
          takers += (takers.empty() ? "" : " and ") + std::string(t.name) + " (" + std::to_string(t.min_classes) +
                    " to " + std::to_string(t.max_classes) + ")";
      add("data.classes", "data.classes: " + *name + " has " +
                              (g.min_classes == 0 ? std::string("no classes: it is a regression")
                                                  : "exactly " + std::to_string(g.min_classes) + " classes") +
                              "; only " + takers + " take data.classes, got " + shown(*classes));
    }
  }

  void features(const Json& f) {
    Names names;
    for (Feature x : catalogue().features) names.emplace_back(name_of(x));
    if (!f.is_array() || f.empty() || f.size() > names.size()) {
      bad("data.features",
          "an array of 1 to " + std::to_string(names.size()) + " feature names from " + join(names) +
              " (or leave it out for the raw x1, x2)",
          &f);
      return;
    }
    Names seen;
    for (std::size_t i = 0; i < f.size(); ++i) {
      const auto n = one_of(&f[i], item("data.features", i), names);
      if (!n) continue;
      if (std::find(seen.begin(), seen.end(), *n) != seen.end())
        add(item("data.features", i), item("data.features", i) + ": \"" + *n + "\" is listed twice");
      seen.push_back(*n);
    }
  }

  // Rows carried in the scene: shapes, then the first bad value of each array.
  void scene_rows(const Json& r) {
    const std::string path = "data.rows";
    if (!fields(r, path, of(catalogue().fields.rows))) return;
    const bool features_ok = number(get(r, "features"), path + ".features", limits().inputs);
    const bool classes_ok = number(get(r, "classes"), path + ".classes", limits().classes);
    if (!features_ok || !classes_ok) return;
    const int features = static_cast<int>(get(r, "features")->number()),
              classes = static_cast<int>(get(r, "classes")->number());
    if (classes == 1) {
      add(path + ".classes", path + ".classes must be 0 for a regression, else 2 to " +
                                 format_number(limits().classes.max) + " classes, got 1");
      return;
    }
    const Json* y = get(r, "y");
    if (row_values(r, path, features, classes) && y->size() < 2)
      add(path + ".y", path + ".y needs at least 2 rows, got " + std::to_string(y->size()));
    if (const Json* t = get(r, "test"); t != nullptr && fields(t, path + ".test", {"x", "y"}))
      row_values(*t, path + ".test", features, classes);
    if (const Json* s = get(r, "source"); s != nullptr && !s->is_string()) bad(path + ".source", "a string", s);
    if (const Json* n = get(r, "classNames")) {
      const bool ok = n->is_array() && static_cast<int>(n->size()) == classes &&
                      std::all_of(n->array().begin(), n->array().end(), [](const Json& x) { return x.is_string(); });
      if (!ok) bad(path + ".classNames", "an array of " + std::to_string(classes) + " strings, one per class", n);
    }
  }

  bool row_values(const Json& r, const std::string& path, int features, int classes) {
    const Json* x = get(r, "x");
    const Json* y = get(r, "y");
    if (y == nullptr || !y->is_array() || y->empty()) {
      bad(path + ".y", "an array of one target per row", y);
      return false;
    }
    if (x == nullptr || !x->is_array() || x->size() != y->size() * static_cast<std::size_t>(features)) {
      bad(path + ".x",
          "an array of " + std::to_string(y->size()) + " × " + std::to_string(features) + " numbers (row-major)", x);
      return false;
    }
    for (std::size_t i = 0; i < x->size(); ++i)
      if (!((*x)[i].is_number() && std::isfinite((*x)[i].number()))) {
        bad(item(path + ".x", i), "a finite number", &(*x)[i]);
        break;
      }
    const Range target = classes == 0 ? Range{.min = -HUGE_VAL, .max = HUGE_VAL}
                                      : Range{.min = 0, .max = double(classes - 1), .integer = true};
    for (std::size_t i = 0; i < y->size(); ++i)
      if (!((*y)[i].is_number() && target.contains((*y)[i].number()))) {
        bad(item(path + ".y", i), classes == 0 ? "a finite number" : "a class index 0 … " + std::to_string(classes - 1),
            &(*y)[i]);
        break;
      }
    return true;
  }

  void model(const Json* v) {
    if (!fields(v, "model", of(catalogue().fields.model))) return;
    number(get(*v, "inputs"), "model.inputs", limits().inputs);
    const Json* layers = get(*v, "layers");
    const Range& count = limits().layers;
    if (layers == nullptr || !layers->is_array() || !count.contains(static_cast<double>(layers->size()))) {
      bad("model.layers", "an array of " + format_number(count.min) + " to " + format_number(count.max) + " layers",
          layers);
      return;
    }
    for (std::size_t i = 0; i < layers->size(); ++i) {
      const std::string path = item("model.layers", i);
      const Json& l = (*layers)[i];
      if (!fields(l, path, of(catalogue().fields.layer))) continue;
      number(get(l, "units"), path + ".units", limits().units);
      activation(get(l, "activation"), path + ".activation");
      if (const Json* d = get(l, "dropout")) number(d, path + ".dropout", limits().dropout);
    }
  }

  void activation(const Json* v, const std::string& path) {
    const auto& list = catalogue().activations;
    if (v != nullptr && v->is_string()) {
      one_of(v, path, names_of(list));
      return;
    }
    if (v == nullptr || !v->is_object()) {
      bad(path, "one of " + join(names_of(list)) + ", or an object {name, ...arguments}", v);
      return;
    }
    named(v, path, list, "an activation");
  }

  void loss(const Json* v) { named(v, "loss", catalogue().losses, "a loss"); }

  // SGD's nesterov against momentum and dampening is the Optimizer's own guard (validate_scene
  // runs it on the typed config).
  void optimizer(const Json* v) { named(v, "optimizer", catalogue().optimizers, "an optimizer"); }

  void scheduler(const Json& v) { named(&v, "scheduler", catalogue().schedulers, "a scheduler, or null for none"); }

  void init(const Json& v) {
    if (!fields(v, "init", of(catalogue().fields.init))) return;
    std::optional<std::string> weight = "default";
    if (const Json* w = get(v, "weight")) weight = one_of(w, "init.weight", names_of(catalogue().inits));
    if (!weight) return;
    const InitInfo& scheme = *std::find_if(catalogue().inits.begin(), catalogue().inits.end(),
                                           [&](const InitInfo& i) { return name_of(i.kind) == *weight; });
    // The scheme's own arguments; another scheme's are refused, naming the scheme that takes them.
    for (const InitInfo& other : catalogue().inits)
      for (const ArgInfo& a : other.args) {
        const std::string key = "init." + std::string(a.name);
        const Json* x = get(v, std::string(a.name));
        if (&other == &scheme && x != nullptr)
          number(x, key, a.range);
        else if (&other == &scheme && a.required)
          bad(key, a.range.describe() + " (weight \"" + *weight + "\" needs it)", nullptr);
        else if (&other != &scheme && x != nullptr)
          add(key, key + " is only used with init.weight \"" + std::string(name_of(other.kind)) + "\" (weight is \"" +
                       *weight + "\")");
      }
    const auto value = [&](const char* key, double fallback) {
      const Json* x = get(v, key);
      return x != nullptr && x->is_number() ? x->number() : fallback;
    };
    if (const ArgInfo* a = find_arg(scheme.args, "a"))
      if (value("a", a->number) > value("b", find_arg(scheme.args, "b")->number))
        add("init.b",
            "init.b must be at least init.a (U(a, b) needs a ≤ b; a is " + format_number(value("a", a->number)) + ")");
    if (const Json* bias = get(v, "bias")) {
      if (scheme.bias) {
        number(bias, "init.bias", limits().init_value);
      } else {
        Names takers;
        for (const InitInfo& i : catalogue().inits)
          if (i.bias) takers.emplace_back(name_of(i.kind));
        add("init.bias", "init.bias is not used with init.weight \"" + *weight +
                             "\" (nn.Linear's biases are U(±1/√fan_in)); set init.weight to one of " + join(takers));
      }
    }
  }

  void training(const Json* v) {
    if (!fields(v, "training", of(catalogue().fields.training))) return;
    const Json& t = *v;
    number(get(t, "batchSize"), "training.batchSize", limits().batch_size);
    for (const char* key : {"dropLast", "shuffle"})
      if (const Json* b = get(t, key)) boolean(b, std::string("training.") + key);
    if (const Json* e = get(t, "evaluateEvery")) number(e, "training.evaluateEvery", limits().evaluate_every);
    if (const Json* e = get(t, "earlyStopping"); e != nullptr) {
      const std::string path = "training.earlyStopping";
      if (fields(e, path, of(catalogue().fields.early_stopping))) {
        number(get(*e, "patience"), path + ".patience", limits().patience);
        if (const Json* x = get(*e, "minDelta")) number(x, path + ".minDelta", limits().min_delta);
        if (const Json* x = get(*e, "restoreBest")) boolean(x, path + ".restoreBest");
      }
    }
    if (const Json* a = get(t, "augmentation");
        a != nullptr && fields(a, "training.augmentation", of(catalogue().fields.augmentation))) {
      if (const Json* x = get(*a, "jitter")) number(x, "training.augmentation.jitter", limits().jitter);
      if (const Json* x = get(*a, "mixup")) number(x, "training.augmentation.mixup", limits().mixup);
    }
    if (const Json* e = get(t, "ensemble");
        e != nullptr && fields(e, "training.ensemble", of(catalogue().fields.ensemble))) {
      number(get(*e, "members"), "training.ensemble.members", limits().members);
      if (const Json* x = get(*e, "bootstrap")) boolean(x, "training.ensemble.bootstrap");
    }
  }
};

// A problem at `path`, or inside it, or at a field that holds it (one message per field).
bool reported(const Problems& problems, const std::string& path) {
  const auto within = [](const std::string& inner, const std::string& outer) {
    return inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
           (inner[outer.size()] == '.' || inner[outer.size()] == '[');
  };
  return std::any_of(problems.begin(), problems.end(),
                     [&](const Problem& p) { return p.path == path || within(p.path, path) || within(path, p.path); });
}

// The path an engine message starts with ("optimizer.nesterov needs …" → "optimizer.nesterov").
std::string path_of(const std::string& message) {
  std::size_t n = 0;
  while (n < message.size() && (std::isalnum(static_cast<unsigned char>(message[n])) ||
                                std::string_view("_.[]").find(message[n]) != std::string_view::npos))
    ++n;
  return message.substr(0, n);
}

// Runs an engine guard, adding its problem when no problem names that field yet.
template <class F>
void guard(Problems& out, F&& f) {
  try {
    f();
  } catch (const Error& e) {
    const std::string path = path_of(e.what());
    if (!reported(out, path)) out.push_back({path, e.what()});
  }
}

// The shape of the scene's data, when the scene or the caller knows it.
std::optional<DataShape> shape_of(const Json& scene, const TrainerConfig& c, const std::optional<DataShape>& given) {
  if (c.data.name != "supplied") {
    const GeneratorInfo& g = *find_generator(c.data.name);
    return DataShape{.rows = c.data.samples,
                     .features = g.features,
                     .classes = g.min_classes == g.max_classes ? g.min_classes : c.data.classes};
  }
  const Json& d = *get(scene, "data");
  const Json* r = get(d, "rows");
  if (r == nullptr) return given;
  return DataShape{.rows = static_cast<int>(get(*r, "y")->size()),
                   .features = static_cast<int>(get(*r, "features")->number()),
                   .classes = static_cast<int>(get(*r, "classes")->number()),
                   .separate_test = r->contains("test")};
}

// Where the data's rows come from, for a message about their number.
std::string data_path(const Json& scene, const TrainerConfig& c) {
  if (c.data.name != "supplied") return "data.samples";
  return get(*get(scene, "data"), "rows") != nullptr ? "data.rows" : "data";
}

// Supplied rows within the catalogue's limit, and the whole scene within the memory budget:
// refused here, before the Trainer allocates anything.
void check_size(const TrainerConfig& c, const DataShape& shape, const std::string& path, Problems& out) {
  const Range& rows = catalogue().limits.rows;
  if (c.data.name == "supplied" && !rows.contains(shape.rows))
    out.push_back({path, path + ": the data has " + std::to_string(shape.rows) + " rows; the playground takes " +
                             rows.describe() + " (use a sample of the rows)"});
  if (auto p = memory_problem(estimate_memory(c, shape), path)) out.push_back(std::move(*p));
}

}  // namespace

Problems validate_scene(std::string_view text, const std::optional<DataShape>& supplied) {
  if (std::string too_big = json_size_problem(static_cast<double>(text.size())); !too_big.empty())
    return {{"", too_big}};
  const std::optional<Json> parsed = Json::parse(text);
  if (!parsed) return {{"", "the scene is not valid JSON"}};
  const Json& scene = *parsed;
  Walker w;
  w.scene(scene);
  Problems out = std::move(w.problems);
  if (!scene.is_object()) return out;
  // The typed rules need a config the engine can read: the scene without the page's own fields.
  Json config = scene;
  config.erase("format");
  if (Json* data = config.find("data"); data != nullptr) {
    data->erase("dataset");
    data->erase("rows");
  }
  TrainerConfig c;
  try {
    c = trainer_config_from(config);
  } catch (const Error& e) {
    if (out.empty()) out.push_back({path_of(e.what()), e.what()});
    return out;
  }
  guard(out, [&] { validate(c.learner.model); });
  guard(out, [&] { validate(c.learner.optimizer); });
  guard(out, [&] { validate(c.learner.scheduler); });
  guard(out, [&] { validate(c.learner); });
  guard(out, [&] { validate(c); });
  Problems rules;
  check_training(c, rules);
  // What the data's shape depends on must be well-formed for its rules to mean anything.
  const bool data_ok = std::none_of(out.begin(), out.end(), [](const Problem& p) {
    for (const char* key : {"data.name", "data.samples", "data.classes", "data.rows", "data.trainFraction",
                            "data.validationFraction", "data.features", "model.layers"})
      if (p.path.rfind(key, 0) == 0) return true;
    return false;
  });
  if (data_ok)
    if (const auto shape = shape_of(scene, c, supplied)) {
      check_against_data(c, *shape, rules);
      check_size(c, *shape, data_path(scene, c), rules);
    }
  for (Problem& p : rules)
    if (!reported(out, p.path)) out.push_back(std::move(p));
  return out;
}

}  // namespace nnp
