#pragma once
// JS ↔ C++ values at the binding's edge: configs as JSON text, arrays as Float32Array copies,
// supplied data, .nnpd bytes, the records Embind cannot describe as value_objects (typed arrays,
// string lists), and every C++ error rethrown as a JavaScript Error carrying its message.
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "nnp/json.h"
#include "nnp/nnpd.h"
#include "nnp/predictions.h"
#include "nnp/trainer.h"
#include "nnp/validate_scene.h"

namespace nnp::wasm {

using emscripten::val;

// A refusal from the binding layer: throws nnp::Error(message), which refusals.h's wrappers turn
// into the JS Error the caller sees.
[[noreturn]] void refuse(const std::string& message);

// Scalar arguments from JS, checked by name before use: `what` names the argument as the caller
// wrote it ("run: steps", "predictGrid: xMin"). Embind's own conversions name nothing and trust
// too much: an int argument wraps 2^31 to −2^31 and turns "a", NaN or 1e300 into 0, val::as<int>()
// of NaN or 1e300 is undefined behaviour, and a BigInt or a Symbol throws "Cannot convert …".
// Each refusal says what was expected and what came: "…, got NaN", "…, got a string".
std::string shown(const val& v);
double number_arg(const val& v, const char* what);  // any JS number, NaN and ±Infinity too
// A whole number from min to max; INT_MIN to INT_MAX: only an int (the core checks its own limit).
int int_arg(const val& v, const char* what, int min, int max);
std::uint64_t seed_arg(const val& v, const char* what);  // a whole number from 0 to 2^53 − 1
float float_arg(const val& v, const char* what);         // a finite number in float's range
std::string string_arg(const val& v, const char* what);

// A config given as an object or as JSON text.
std::string json_text(const val& config, const char* what = "the config");
// Whether v is a JS object (not null), whose properties may be read.
bool is_object(const val& v);
// A config (an object or its JSON text) read by the core. The parsed tree is held by this frame,
// built with exception handling, so it is freed when the core (built without) refuses what it
// reads; and before the caller builds anything from the result.
TrainerConfig trainer_config_js(const val& config);
LearnerSpec learner_spec_js(const val& spec);
// JSON text as a JS value.
val parse_json(const std::string& text);

// A copy that JS owns (a view would be detached when the wasm heap grows).
val float_array(const float* data, std::size_t n);
inline val float_array(const std::vector<float>& v) { return float_array(v.data(), v.size()); }
val int_array(const std::vector<int>& v);
// Copies a JS array or typed array into `out` (reused, so steady use allocates nothing).
void read_floats(const val& array, const char* what, std::vector<float>& out);

// {x, y, features, classes}, {nnpd: bytes, name?}, each with an optional test set beside it.
SuppliedData supplied_from_js(const val& data);
// The bytes of a .nnpd file (Uint8Array or ArrayBuffer).
std::vector<std::uint8_t> bytes_from_js(const val& bytes, const std::string& what);
// An optional {rows, features, classes, separateTest?}.
std::optional<DataShape> shape_from_js(const val& shape);

// Trainer.setHyperparameters' fields: every one optional, only what changes.
struct Hyperparameters {
  std::optional<double> lr, weight_decay;
  std::optional<float> l1;
  std::vector<float> dropout;  // p per layer; empty: unchanged
};
Hyperparameters hyperparameters_from_js(const val& h);

val to_js(const LabeledData& d);  // DatasetInfo
val to_js(const Confusion& c);
val to_js(const ClassPredictions& p);
val to_js(const Problems& problems);  // an array of Problem value_objects {path, message}

}  // namespace nnp::wasm
