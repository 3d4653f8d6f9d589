#include "conversions.h"

#include <cmath>

#include "nnp/error.h"
#include "nnp/memory_estimate.h"
#include "nnp/supplied.h"

namespace nnp::wasm {

void throw_js(const std::string& message) {
  val::global("Error").new_(message).throw_();
  __builtin_unreachable();
}

namespace {

// A JS array's length (any object's "length"), refused before a buffer of that many `bytes_each`
// is allocated when it exceeds the memory budget: an out-of-memory abort is never the answer.
std::size_t checked_length(const val& length, double bytes_each, const std::string& what) {
  const double n = length.isNumber() ? length.as<double>() : -1;
  if (!(n >= 0 && n == std::floor(n))) throw_js(what + " must be a Float32Array or an array of numbers");
  if (std::string problem = array_size_problem(n, bytes_each, what); !problem.empty()) throw_js(problem);
  return static_cast<std::size_t>(n);
}

// JSON text up to the budget's share the parsed tree may take (json_text_budget()).
std::string checked_text(const val& text) {
  const double n = text["length"].as<double>();
  if (std::string too_big = json_size_problem(n); !too_big.empty()) throw_js(too_big);
  return text.as<std::string>();
}

}  // namespace

std::string json_text(const val& config) {
  if (config.isString()) return checked_text(config);
  if (config.isUndefined() || config.isNull() || config.typeOf().as<std::string>() != "object")
    throw_js("the config must be an object (or its JSON text)");
  return checked_text(val::global("JSON").call<val>("stringify", config));
}

val parse_json(const std::string& text) { return val::global("JSON").call<val>("parse", text); }

val float_array(const float* data, std::size_t n) {
  return val::global("Float32Array").new_(emscripten::typed_memory_view(n, data)).call<val>("slice");
}

val int_array(const std::vector<int>& v) {
  return val::global("Int32Array").new_(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}

void read_floats(const val& array, const char* what, std::vector<float>& out) {
  if (array.isUndefined() || array.isNull() || !array["length"].isNumber())
    throw_js(std::string(what) + " must be a Float32Array or an array of numbers");
  const std::size_t n = checked_length(array["length"], sizeof(float), what);
  out.resize(n);
  // A view of the heap, filled in place (taken after the resize, which may grow the heap).
  val(emscripten::typed_memory_view(n, out.data())).call<void>("set", array);
}

namespace {

bool is_object(const val& v) { return !v.isUndefined() && !v.isNull() && v.typeOf().as<std::string>() == "object"; }

// {x, y, features, classes}: rows of raw inputs and one target per row (class index or value).
Dataset dataset_from_js(const val& d, const std::string& what) {
  if (!is_object(d)) throw Error(what + " must be an object {x, y, features, classes}");
  for (const char* key : {"x", "y", "features", "classes"})
    if (d[key].isUndefined()) throw Error(what + "." + key + " is missing");
  Dataset out;
  out.features = d["features"].as<int>();
  out.classes = d["classes"].as<int>();
  out.targets = 1;
  read_floats(d["x"], (what + ".x").c_str(), out.x);
  read_floats(d["y"], (what + ".y").c_str(), out.y);
  check_supplied(out, what);
  return out;
}

// {x, y, features, classes} or {nnpd: bytes, name?}.
Dataset any_dataset_from_js(const val& d, const std::string& what) {
  if (is_object(d) && !d["nnpd"].isUndefined()) {
    const std::string name = d["name"].isString() ? d["name"].as<std::string>() : what;
    return read_nnpd(bytes_from_js(d["nnpd"], what + ".nnpd"), name).data;
  }
  return dataset_from_js(d, what);
}

}  // namespace

std::vector<std::uint8_t> bytes_from_js(const val& bytes, const std::string& what) {
  if (bytes.isUndefined() || bytes.isNull()) throw Error(what + " must be the bytes of a .nnpd file (a Uint8Array)");
  const val u8 = val::global("Uint8Array").new_(bytes);
  std::vector<std::uint8_t> out(checked_length(u8["length"], 1, what));
  val(emscripten::typed_memory_view(out.size(), out.data())).call<void>("set", u8);
  return out;
}

SuppliedData supplied_from_js(const val& data) {
  SuppliedData s;
  s.data = any_dataset_from_js(data, "data");
  if (!data["test"].isUndefined() && !data["test"].isNull()) s.test = any_dataset_from_js(data["test"], "data.test");
  return s;
}

std::optional<DataShape> shape_from_js(const val& shape) {
  if (!is_object(shape)) return std::nullopt;
  for (const char* key : {"rows", "features", "classes"})
    if (!shape[key].isNumber()) throw Error(std::string("the data's shape needs a number ") + key);
  return DataShape{.rows = shape["rows"].as<int>(),
                   .features = shape["features"].as<int>(),
                   .classes = shape["classes"].as<int>(),
                   .separate_test = shape["separateTest"].isTrue()};
}

Hyperparameters hyperparameters_from_js(const val& h) {
  Hyperparameters out;
  if (!h["lr"].isUndefined()) out.lr = h["lr"].as<double>();
  if (!h["l1"].isUndefined()) out.l1 = h["l1"].as<float>();
  if (!h["weight_decay"].isUndefined()) out.weight_decay = h["weight_decay"].as<double>();
  if (!h["dropout"].isUndefined()) read_floats(h["dropout"], "dropout", out.dropout);
  return out;
}

val to_js(const LabeledData& d) {
  val o = val::object();
  o.set("name", d.name);
  o.set("title", d.title);
  val classes = val::array();
  for (const std::string& c : d.class_names) classes.call<void>("push", c);
  o.set("classNames", classes);
  o.set("width", d.width);
  o.set("height", d.height);
  o.set("rows", d.data.size());
  o.set("features", d.data.features);
  o.set("classes", d.data.classes);
  o.set("source", d.source);
  o.set("license", d.license);
  return o;
}

val to_js(const Confusion& c) {
  val o = val::object();
  o.set("classes", c.classes);
  o.set("counts", int_array(c.counts));
  return o;
}

val to_js(const ClassPredictions& p) {
  val o = val::object();
  o.set("classes", p.classes);
  o.set("predicted", int_array(p.predicted));
  o.set("actual", int_array(p.actual));
  return o;
}

val to_js(const Problems& problems) {
  val out = val::array();
  for (const Problem& p : problems) out.call<void>("push", val(p));  // a value_object
  return out;
}

}  // namespace nnp::wasm
