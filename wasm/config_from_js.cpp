#include "config_from_js.h"

#include <cmath>
#include <string>

#include "nnp/error.h"

namespace nnp::wasm {
namespace {

using emscripten::val;

std::string join(const std::string& path, const char* key) { return path.empty() ? key : path + "." + key; }

val field(const val& obj, const std::string& path, const char* key, const char* expected) {
  if (obj.isUndefined() || obj.isNull() || obj.typeOf().as<std::string>() != "object")
    throw Error((path.empty() ? std::string("the engine config") : path) + " must be an object");
  val v = obj[key];
  if (v.isUndefined() || v.isNull()) throw Error(join(path, key) + " is missing (expected " + expected + ")");
  return v;
}

double number(const val& obj, const std::string& path, const char* key) {
  val v = field(obj, path, key, "a number");
  if (v.typeOf().as<std::string>() != "number") throw Error(join(path, key) + " must be a number");
  return v.as<double>();
}

int integer(const val& obj, const std::string& path, const char* key) {
  const double d = number(obj, path, key);
  if (!(std::floor(d) == d) || std::fabs(d) > 2147483647.0)
    throw Error(join(path, key) + " must be a whole number, got " + val(d).call<std::string>("toString"));
  return static_cast<int>(d);
}

std::string string(const val& obj, const std::string& path, const char* key) {
  val v = field(obj, path, key, "a string");
  if (v.typeOf().as<std::string>() != "string") throw Error(join(path, key) + " must be a string");
  return v.as<std::string>();
}

}  // namespace

TrainerConfig config_from_js(const val& js) {
  TrainerConfig c;
  const double seed = number(js, "", "seed");
  if (!(seed >= 0 && std::floor(seed) == seed && seed <= 9007199254740991.0))
    throw Error("seed must be a whole number ≥ 0");
  c.seed = static_cast<std::uint64_t>(seed);

  val data = field(js, "", "data", "an object");
  c.data.name = string(data, "data", "name");
  c.data.samples = integer(data, "data", "samples");
  c.data.noise = number(data, "data", "noise");
  c.data.train_fraction = number(data, "data", "trainFraction");

  val net = field(js, "", "network", "an object");
  c.network.inputs = integer(net, "network", "inputs");
  val layers = field(net, "network", "layers", "an array");
  if (!layers.isArray()) throw Error("network.layers must be an array");
  const int n = layers["length"].as<int>();
  for (int i = 0; i < n; ++i) {
    const std::string path = "network.layers[" + std::to_string(i) + "]";
    val layer = layers[i];
    LayerSpec spec;
    spec.units = integer(layer, path, "units");
    const std::string act = string(layer, path, "activation");
    const auto parsed = parse_activation(act);
    if (!parsed) throw Error(path + ".activation: unknown '" + act + "'; accepted: " + activation_names());
    spec.activation = *parsed;
    c.network.layers.push_back(spec);
  }

  val loss = field(js, "", "loss", "an object");
  const std::string loss_name = string(loss, "loss", "name");
  const auto parsed_loss = parse_loss(loss_name);
  if (!parsed_loss) throw Error("loss.name: unknown '" + loss_name + "'; accepted: " + loss_names());
  c.loss = *parsed_loss;

  val opt = field(js, "", "optimizer", "an object");
  const std::string opt_name = string(opt, "optimizer", "name");
  const auto parsed_opt = parse_optimizer(opt_name);
  if (!parsed_opt) throw Error("optimizer.name: unknown '" + opt_name + "'; accepted: " + optimizer_names());
  c.optimizer = *parsed_opt;
  c.lr = static_cast<float>(number(opt, "optimizer", "lr"));

  c.batch_size = integer(js, "", "batchSize");
  return c;
}

}  // namespace nnp::wasm
