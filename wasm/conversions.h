#pragma once
// JS ↔ C++ values at the binding's edge: configs as JSON text, arrays as Float32Array copies,
// supplied data, .nnpd bytes, the records Embind cannot describe as value_objects (typed arrays,
// string lists), and every C++ error rethrown as a JavaScript Error carrying its message.
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "nnp/nnpd.h"
#include "nnp/predictions.h"
#include "nnp/trainer.h"
#include "nnp/validate_scene.h"

namespace nnp::wasm {

using emscripten::val;

[[noreturn]] void throw_js(const std::string& message);

// Runs f, turning any C++ exception into a JS Error.
template <class F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    throw_js(e.what());
  }
}

// A config given as an object or as JSON text.
std::string json_text(const val& config);
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
