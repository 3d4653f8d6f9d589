#include "conversions.h"

#include <emscripten/em_js.h>
#include <emscripten/emscripten.h>

#include <climits>
#include <cmath>
#include <limits>

#include "nnp/error.h"
#include "nnp/memory_estimate.h"
#include "nnp/spec_json.h"
#include "nnp/supplied.h"

// The glue's pending refusal (embind_refusals.js), thrown as a JS Error when the call has returned.
EM_JS(void, nnp_set_refusal, (const char* message),
      { nnpRefusal = message ? UTF8ToString(message) : "the engine failed with an unknown error"; });

// JSON.stringify's text, or {error} when it throws (a BigInt or a cycle inside a config): a JS
// exception must never unwind through C++ frames, whose destructors it would skip.
EM_JS(emscripten::EM_VAL, nnp_stringify, (emscripten::EM_VAL value), {
  try {
    return Emval.toHandle({text : JSON.stringify(Emval.toValue(value))});
  } catch (e) {
    return Emval.toHandle({error : String(e && e.message)});
  }
});

namespace nnp::wasm {

void set_refusal(const char* message) noexcept { nnp_set_refusal(message); }

void refuse(const std::string& message) { throw Error(message); }

bool is_object(const val& v) { return !v.isUndefined() && !v.isNull() && v.typeOf().as<std::string>() == "object"; }

std::string shown(const val& v) {
  if (v.isNumber()) return val::global("String")(v).as<std::string>();
  if (v.isNull() || v.isUndefined()) return v.isNull() ? "null" : "undefined";
  if (v.isArray()) return "an array";
  const std::string type = v.typeOf().as<std::string>();
  return (type == "object" ? "an " : "a ") + type;
}

namespace {

[[noreturn]] void refuse_argument(const char* what, const std::string& rule, const val& v) {
  refuse(std::string(what) + " must be " + rule + ", got " + shown(v));
}

// v's number, NaN for anything else (which then fails every range check).
double number_or_nan(const val& v) { return v.isNumber() ? v.as<double>() : std::nan(""); }

}  // namespace

double number_arg(const val& v, const char* what) {
  if (!v.isNumber()) refuse_argument(what, "a number", v);
  return v.as<double>();
}

int int_arg(const val& v, const char* what, int min, int max) {
  const double d = number_or_nan(v);
  if (!(d >= min && d <= max && d == std::floor(d)))
    refuse_argument(what,
                    min == INT_MIN   ? "a whole number"
                    : max == INT_MAX ? "a whole number ≥ " + std::to_string(min)
                                     : "a whole number from " + std::to_string(min) + " to " + std::to_string(max),
                    v);
  return static_cast<int>(d);
}

std::uint64_t seed_arg(const val& v, const char* what) {
  const double d = number_or_nan(v);
  if (!(d >= 0 && d <= 9007199254740991.0 && d == std::floor(d)))
    refuse_argument(what, "a whole number from 0 to 2^53 − 1", v);
  return static_cast<std::uint64_t>(d);
}

float float_arg(const val& v, const char* what) {
  const double d = number_or_nan(v);
  if (!(std::fabs(d) <= std::numeric_limits<float>::max())) refuse_argument(what, "a finite number", v);
  return static_cast<float>(d);
}

std::string string_arg(const val& v, const char* what) {
  if (!v.isString()) refuse_argument(what, "a string", v);
  return v.as<std::string>();
}

namespace {

// A JS array's length (any object's "length"), refused before a buffer of that many `bytes_each`
// is allocated when it exceeds the memory budget: an out-of-memory abort is never the answer.
std::size_t checked_length(const val& length, double bytes_each, const std::string& what) {
  const double n = length.isNumber() ? length.as<double>() : -1;
  if (!(n >= 0 && n == std::floor(n))) refuse(what + " must be a Float32Array or an array of numbers");
  if (std::string problem = array_size_problem(n, bytes_each, what); !problem.empty()) refuse(problem);
  return static_cast<std::size_t>(n);
}

// JSON text up to the budget's share the parsed tree may take (json_text_budget()).
std::string checked_text(const val& text) {
  const double n = text["length"].as<double>();
  if (std::string too_big = json_size_problem(n); !too_big.empty()) refuse(too_big);
  return text.as<std::string>();
}

}  // namespace

std::string json_text(const val& config, const char* what) {
  if (config.isString()) return checked_text(config);
  if (!is_object(config)) refuse(std::string(what) + " must be an object (or its JSON text)");
  const val json = val::take_ownership(nnp_stringify(config.as_handle()));
  if (!json["error"].isUndefined())
    refuse(std::string(what) + " cannot be written as JSON: " + json["error"].as<std::string>());
  return checked_text(json["text"]);
}

namespace {

Json config_json(const val& config) {
  std::optional<Json> parsed = Json::parse(json_text(config));
  if (!parsed) refuse("the config is not valid JSON");
  return std::move(*parsed);
}

}  // namespace

TrainerConfig trainer_config_js(const val& config) { return trainer_config_from(config_json(config)); }
LearnerSpec learner_spec_js(const val& spec) { return learner_spec_from(config_json(spec)); }

val parse_json(const std::string& text) { return val::global("JSON").call<val>("parse", text); }

val float_array(const float* data, std::size_t n) {
  return val::global("Float32Array").new_(emscripten::typed_memory_view(n, data)).call<val>("slice");
}

val int_array(const std::vector<int>& v) {
  return val::global("Int32Array").new_(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}

void read_floats(const val& array, const char* what, std::vector<float>& out) {
  if (!is_object(array) || !array["length"].isNumber())
    refuse(std::string(what) + " must be a Float32Array or an array of numbers");
  const std::size_t n = checked_length(array["length"], sizeof(float), what);
  // The copy below converts each element as JS's Number() does, which throws for a BigInt or a
  // Symbol (past C++'s destructors) and reads a string or an object as NaN: every element must be
  // a number. A typed array's always are, but a BigInt64Array's; an array's are checked once
  // (Number.isFinite never converts), element by element only when that finds one that is not.
  const val global = val::global();
  if (val::global("ArrayBuffer").call<bool>("isView", array)) {
    if (array.instanceof (global["BigInt64Array"]) || array.instanceof (global["BigUint64Array"]))
      refuse(std::string(what) + " must be a Float32Array or an array of numbers, got a BigInt array");
  } else if (!global["Array"]["prototype"]["every"].call<bool>("call", array, global["Number"]["isFinite"])) {
    for (std::size_t i = 0; i < n; ++i)
      if (!array[i].isNumber())
        refuse(std::string(what) + "[" + std::to_string(i) + "] must be a number, got " + shown(array[i]));
  }
  out.resize(n);
  // Nothing to copy: and set() of a typed array whose buffer was transferred away (length 0) throws.
  if (n == 0) return;
  // A view of the heap, filled in place (taken after the resize, which may grow the heap).
  val(emscripten::typed_memory_view(n, out.data())).call<void>("set", array);
}

namespace {

// {x, y, features, classes}: rows of raw inputs and one target per row (class index or value).
Dataset dataset_from_js(const val& d, const std::string& what) {
  if (!is_object(d)) throw Error(what + " must be an object {x, y, features, classes}");
  for (const char* key : {"x", "y", "features", "classes"})
    if (d[key].isUndefined()) throw Error(what + "." + key + " is missing");
  Dataset out;
  out.features = int_arg(d["features"], (what + ".features").c_str(), 0, INT_MAX);
  out.classes = int_arg(d["classes"], (what + ".classes").c_str(), 0, INT_MAX);
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
  // An ArrayBuffer or a view of one, read as bytes (Uint8Array(x) of anything else would make an
  // array of x's length, or throw: a RangeError for −1, a TypeError for a detached buffer).
  const bool buffer = bytes.instanceof (val::global("ArrayBuffer"));
  if (!buffer && !val::global("ArrayBuffer").call<bool>("isView", bytes))
    throw Error(what + " must be the bytes of a .nnpd file (a Uint8Array), got " + shown(bytes));
  std::vector<std::uint8_t> out(checked_length(bytes["byteLength"], 1, what));
  if (out.empty()) return out;  // a detached buffer has no bytes, and no view may be made of it
  const val u8 = buffer ? val::global("Uint8Array").new_(bytes)
                        : val::global("Uint8Array").new_(bytes["buffer"], bytes["byteOffset"], bytes["byteLength"]);
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
  return DataShape{.rows = int_arg(shape["rows"], "the data's shape.rows", 0, INT_MAX),
                   .features = int_arg(shape["features"], "the data's shape.features", 0, INT_MAX),
                   .classes = int_arg(shape["classes"], "the data's shape.classes", 0, INT_MAX),
                   .separate_test = shape["separateTest"].isTrue()};
}

Hyperparameters hyperparameters_from_js(const val& h) {
  Hyperparameters out;
  if (!is_object(h)) refuse("setHyperparameters: the changes must be an object {lr?, l1?, weight_decay?, dropout?}");
  // Any number: the Learner's own checks refuse NaN or one out of range by the scene field's name.
  if (!h["lr"].isUndefined()) out.lr = number_arg(h["lr"], "lr");
  if (!h["l1"].isUndefined()) {
    const double l1 = number_arg(h["l1"], "l1");
    out.l1 = std::isfinite(l1) ? float_arg(h["l1"], "l1") : static_cast<float>(l1);  // NaN, ±∞ stay so
  }
  if (!h["weight_decay"].isUndefined()) out.weight_decay = number_arg(h["weight_decay"], "weight_decay");
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
