// libFuzzer target: a Trainer built from a fuzzed scene, then driven as the worker drives it
// (wasm/adapters.cpp): a few steps, setHyperparameters with hostile values (NaN, ±Infinity, huge,
// negative), more steps, evaluate, predictGrid and neuronMaps at hostile resolutions, predict on
// hostile inputs. The scene is one of docs/scenes/*.json with up to five fields replaced, removed
// or added (values from hostile.h, names from the catalogue), so most cases are near-valid scenes.
// Properties: validate_scene's problems name their paths; a scene it accepts builds a Trainer; the
// Trainer refuses any other by an nnp::Error naming the field, as it refuses every later hostile
// value; divergence is a DivergedError.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "hostile.h"
#include "nnp/catalogue.h"
#include "nnp/error.h"
#include "nnp/spec_json.h"
#include "nnp/trainer.h"
#include "nnp/validate_scene.h"

namespace {

using nlohmann::json;
using nnp::fuzz::hostile_double;
using nnp::fuzz::hostile_float;
using nnp::fuzz::hostile_int;

// One case's work is bounded, so that a case takes milliseconds: multiply-adds of one pass over
// the data (samples × the network's weights × members). Bigger scenes are validated, not trained;
// how large a scene may be is the catalogue's limits, not this.
constexpr double kMaxWork = 4e6;

std::vector<json> g_scenes;
std::vector<std::string> g_names;  // every name a string field may take

std::vector<std::string> catalogue_names() {
  const nnp::Catalogue& c = nnp::catalogue();
  std::vector<std::string> out = {"", "supplied", "x", "nn-playground/scene@1", "nn-playground/scene@2"};
  const auto kinds = [&](const auto& infos) {
    for (const auto& info : infos) out.emplace_back(nnp::name_of(info.kind));
  };
  kinds(c.activations);
  kinds(c.losses);
  kinds(c.optimizers);
  kinds(c.schedulers);
  kinds(c.inits);
  for (const auto& g : c.datasets) out.emplace_back(g.name);
  for (nnp::Reduction r : c.reductions) out.emplace_back(nnp::name_of(r));
  for (nnp::Feature f : c.features) out.emplace_back(nnp::name_of(f));
  return out;
}

void paths(const json& j, const json::json_pointer& at, std::vector<json::json_pointer>& out) {
  out.push_back(at);
  if (j.is_object())
    for (const auto& [key, value] : j.items()) paths(value, at / key, out);
  else if (j.is_array())
    for (std::size_t i = 0; i < j.size(); ++i) paths(j[i], at / i, out);
}

json hostile_value(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 5)) {
    case 0: return hostile_double(in);  // NaN and ±Infinity are written as null, as JSON.stringify does
    case 1: return hostile_int(in, 64);
    case 2: return nnp::fuzz::pick(in, g_names);
    case 3: return in.PickValueInArray({json(nullptr), json(true), json(false), json::array(), json::object()});
    case 4: return in.ConsumeRandomLengthString(16);
    default: return json::array({hostile_double(in), hostile_double(in)});
  }
}

void mutate(json& scene, FuzzedDataProvider& in) {
  std::vector<json::json_pointer> all;
  paths(scene, json::json_pointer(), all);
  const json::json_pointer at = all[in.ConsumeIntegralInRange<std::size_t>(0, all.size() - 1)];
  json& node = scene[at];
  switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0:  // replace
      if (!at.empty()) node = hostile_value(in);
      break;
    case 1:  // remove
      if (!at.empty())
        scene[at.parent_pointer()].is_object()
            ? void(scene[at.parent_pointer()].erase(at.back()))
            : void(scene[at.parent_pointer()].erase(static_cast<std::size_t>(std::stoul(at.back()))));
      break;
    case 2:  // add a field the catalogue knows, anywhere
      if (node.is_object()) node[nnp::fuzz::pick(in, nnp::fuzz::field_names())] = hostile_value(in);
      break;
    default:  // repeat an array's element (another layer)
      if (node.is_array() && !node.empty())
        node.push_back(node[in.ConsumeIntegralInRange<std::size_t>(0, node.size() - 1)]);
      break;
  }
}

// Multiply-adds of one network's pass over one row (a bad config's negative sizes count as 1).
double work_per_row(const nnp::TrainerConfig& c) {
  double weights = 0, inputs = std::max(c.learner.model.inputs, 1);
  for (const auto& layer : c.learner.model.layers) {
    weights += inputs * std::max(layer.units, 1);
    inputs = std::max(layer.units, 1);
  }
  return weights;
}

void hyperparameters(nnp::Trainer& t, FuzzedDataProvider& in) {
  const auto each = [&](const auto& set) {
    for (int m = 0; m < t.members(); ++m) set(t.member(m));
  };
  try {
    switch (in.ConsumeIntegralInRange(0, 3)) {
      case 0: t.set_learning_rate(hostile_double(in)); break;
      case 1: {
        const float l1 = hostile_float(in);
        each([&](nnp::Learner& l) { l.set_l1(l1); });
        break;
      }
      case 2: {
        const double wd = hostile_double(in);
        each([&](nnp::Learner& l) { l.set_weight_decay(wd); });
        break;
      }
      default: {
        const std::size_t layer = in.ConsumeIntegralInRange<std::size_t>(0, t.config().learner.model.layers.size());
        const float p = hostile_float(in);
        each([&](nnp::Learner& l) { l.set_dropout(layer, p); });
      }
    }
  } catch (const nnp::Error& e) {
    nnp::fuzz::refused_field(e.what());
  }
}

void views(nnp::Trainer& t, FuzzedDataProvider& in, double work_per_row) {
  std::vector<float> out;
  const float x0 = hostile_float(in), x1 = hostile_float(in), y0 = hostile_float(in), y1 = hostile_float(in);
  try {
    const int res = hostile_int(in, 24);
    const bool every_class = in.ConsumeBool();
    const std::size_t n = t.grid_size(res, every_class);
    if (static_cast<double>(res) * res * work_per_row <= kMaxWork) {
      out.resize(n);
      every_class ? t.predict_grid_probabilities(res, x0, x1, y0, y1, out.data())
                  : t.predict_grid(res, x0, x1, y0, y1, out.data());
    }
  } catch (const nnp::Error& e) {
    nnp::fuzz::refused_field(e.what());
  }
  try {
    const int res = hostile_int(in, 12);
    const std::size_t n = t.neuron_maps_size(res);
    if (static_cast<double>(res) * res * work_per_row <= kMaxWork) {
      out.resize(n);
      t.neuron_maps(res, x0, x1, y0, y1, out.data());
    }
  } catch (const nnp::Error& e) {
    nnp::fuzz::refused_field(e.what());
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  for (const auto& entry : std::filesystem::directory_iterator(NNP_SCENES_DIR)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream f(entry.path());
    g_scenes.push_back(json::parse(f));
  }
  if (g_scenes.empty()) nnp::fuzz::fail("no scenes in", NNP_SCENES_DIR);
  g_names = catalogue_names();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  using namespace nnp;
  FuzzedDataProvider in(bytes, size);
  json scene = g_scenes[in.ConsumeIntegralInRange<std::size_t>(0, g_scenes.size() - 1)];
  for (int i = in.ConsumeIntegralInRange(0, 5); i > 0; --i) mutate(scene, in);
  const auto dump = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
  const std::string text = dump(scene);
  const Problems problems = validate_scene(text);
  for (const Problem& p : problems) fuzz::problem(p);
  if (!scene.is_object() || !scene["data"].is_object()) return 0;
  // What the page keeps to itself (validate_scene's own reading): the format, a shipped dataset's
  // name and a scene's own rows. Those scenes train on supplied rows: fuzz_supplied's part.
  if (scene["data"].contains("dataset") || scene["data"].contains("rows")) return 0;
  scene.erase("format");
  // A scene validate_scene refuses still goes to the Trainer, as new Trainer(config) from an API
  // user would send it without asking validateScene first: the engine's own guards must refuse it
  // by name, or train it.
  const auto refused = [&](const Error& e, const char* what) {
    if (problems.empty()) fuzz::fail(what, e.what());
    fuzz::refused_field(e.what());
  };
  TrainerConfig c;
  try {
    c = trainer_config_from_json(dump(scene));
  } catch (const Error& e) {
    refused(e, "validate_scene accepted a scene whose config the engine refuses");
    return 0;
  }
  const double per_row = work_per_row(c);
  if (per_row * std::max(c.data.samples, 1) * std::max(c.training.ensemble.members, 1) > kMaxWork) return 0;
  std::optional<Trainer> t;
  try {
    t.emplace(c);
  } catch (const Error& e) {
    refused(e, "validate_scene accepted a scene the Trainer refuses");
    return 0;
  }
  try {
    t->run(in.ConsumeIntegralInRange(0, 12));
    for (int i = in.ConsumeIntegralInRange(0, 3); i > 0; --i) hyperparameters(*t, in);
    t->run(in.ConsumeIntegralInRange(0, 12));
    t->evaluate();
  } catch (const DivergedError& e) {
    fuzz::show(e.what());
  } catch (const Error& e) {
    fuzz::refused_field(e.what());
  }
  views(*t, in, per_row * t->members());
  return 0;
}
