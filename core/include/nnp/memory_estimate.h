#pragma once
// The engine's estimate of what a scene allocates — its parameters and bytes — written once, so
// that validate_scene(), the Trainer, the Learner and the wasm bindings refuse a scene over the
// catalogue's memory budget (catalogue().limits.memory_budget) before anything is allocated, each
// with the same figures and the fields to change.
//
//   const nnp::MemoryEstimate e = nnp::estimate_memory(config, {.rows = 500, .features = 2, .classes = 2});
//   e.parameters;  // every member's weights and biases
//   e.bytes;       // parameters with their state, the batch's activations, the data and its copies
#include <optional>
#include <string>
#include <string_view>

#include "nnp/validate_scene.h"

namespace nnp {

struct MemoryEstimate {
  double parameters = 0;       // all members
  double parameter_bytes = 0;  // with gradients, optimiser state and early stopping's copy
  double activation_bytes = 0;
  double data_bytes = 0;
  double bytes = 0;  // the sum
};

// One network's weights and biases.
double parameter_count(const MlpSpec& model);
// A Trainer of `config` over data of `shape` (its rows, features and classes).
MemoryEstimate estimate_memory(const TrainerConfig& config, const DataShape& shape);
// A Learner alone over batches of `rows` rows (0: its parameters only).
MemoryEstimate estimate_memory(const MlpSpec& model, double rows);

// The problem when the estimate exceeds the budget: its path is the field that weighs most
// (model.layers, training.batchSize, training.ensemble.members or the data), its message gives the
// estimated parameters and memory and what to change.
std::optional<Problem> memory_problem(const MemoryEstimate& e, std::string_view data_path);
// Throws memory_problem's message as an nnp::Error.
void check_memory(const MemoryEstimate& e, std::string_view data_path);
// Throws unless `count` values of `bytes_each` bytes fit the budget: an array handed to the
// engine (`what` names it) is refused before it is copied. array_size_problem: its message, or ""
// (for callers that throw something else, without a try/catch).
void check_array_size(double count, double bytes_each, std::string_view what);
std::string array_size_problem(double count, double bytes_each, std::string_view what);
// The longest JSON text the engine parses: its tree takes up to kJsonTreeBytesPerChar bytes per
// character ("[1,1,…]"), within the budget.
inline constexpr double kJsonTreeBytesPerChar = 32;
double json_text_budget();
// "" when `chars` of JSON are within json_text_budget(); else "the JSON is 40 MB, more than …".
std::string json_size_problem(double chars);
// "1.5 GB", "120 MB", "4 KB": bytes as the messages and the page show them.
std::string describe_bytes(double bytes);

}  // namespace nnp
