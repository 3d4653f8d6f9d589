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

// noexcept: it throws a JS exception, never a C++ one, so its callers need no C++ landing pads
// (which a JS exception skips anyway: it unwinds wasm frames without running their destructors).
[[noreturn]] void throw_js(const std::string& message) noexcept;

// The message of the C++ exception guarded() is turning into a JS Error: kept here, not in its
// frame, because the JS throw skips that frame's destructors.
std::string& refusal_message();

// Runs f, turning any C++ exception into a JS Error. The JS throw comes after the catch block has
// ended, so the C++ exception is freed first (thrown from inside the block, every refusal leaked it).
template <class F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    refusal_message() = e.what();
  }
  throw_js(refusal_message());
}

// Scalar arguments from JS, checked by name before use: `what` names the argument as the caller
// wrote it ("run: steps", "predictGrid: xMin"). Embind's own conversions name nothing and trust
// too much: an int argument wraps 2^31 to −2^31 and turns "a", NaN or 1e300 into 0, val::as<int>()
// of NaN or 1e300 is undefined behaviour, and a BigInt or a Symbol throws "Cannot convert …".
// Each refusal says what was expected and what came: "…, got NaN", "…, got a string". They throw
// JS exceptions only (as throw_js), hence noexcept.
std::string shown(const val& v);
double number_arg(const val& v, const char* what) noexcept;  // any JS number, NaN and ±Infinity too
// A whole number from min to max; INT_MIN to INT_MAX: only an int (the core checks its own limit).
int int_arg(const val& v, const char* what, int min, int max) noexcept;
std::uint64_t seed_arg(const val& v, const char* what) noexcept;  // a whole number from 0 to 2^53 − 1
float float_arg(const val& v, const char* what) noexcept;         // a finite number in float's range
std::string string_arg(const val& v, const char* what) noexcept;

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
