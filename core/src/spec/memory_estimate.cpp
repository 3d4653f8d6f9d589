// What a scene allocates, estimated from its sizes alone (nnp/memory_estimate.h), and the refusal
// of a scene over the catalogue's budget. The counts are upper bounds of the engine's buffers, so
// that a scene the estimate accepts cannot run the wasm heap (at most 2 GB) out of memory.
#include "nnp/memory_estimate.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "nnp/catalogue.h"
#include "nnp/error.h"
#include "nnp/format.h"

namespace nnp {
namespace {

constexpr double kFloat = 4;
// Per parameter: its value, its gradient, up to three optimiser buffers (AMSGrad's two moments and
// their maximum) and early stopping's copy of the best parameters.
constexpr double kStateFloats = 6;
// Per unit and batch row: the pre-activation, the activation, its gradient and dropout's mask.
constexpr double kActivationFloats = 4;

double units(const MlpSpec& m) {
  double n = m.inputs;
  for (const LayerSpec& l : m.layers) n += l.units;
  return n;
}

// "12,345,678": a count as the messages show it.
std::string grouped(double v) {
  const std::string digits = format_f(std::floor(std::clamp(v, 0.0, 1e18)), 0);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

double parameter_count(const MlpSpec& model) {
  double n = 0, in = model.inputs;
  for (const LayerSpec& l : model.layers) {
    n += (in + 1) * l.units;
    in = l.units;
  }
  return n;
}

MemoryEstimate estimate_memory(const MlpSpec& model, double rows) {
  MemoryEstimate e;
  e.parameters = parameter_count(model);
  e.parameter_bytes = e.parameters * kStateFloats * kFloat;
  e.activation_bytes = rows * units(model) * kActivationFloats * kFloat;
  e.bytes = e.parameter_bytes + e.activation_bytes;
  return e;
}

MemoryEstimate estimate_memory(const TrainerConfig& c, const DataShape& shape) {
  const double rows = std::max(shape.rows, 0);
  // Training takes a batch at a time; evaluating and predicting take chunks of kChunkRows.
  const double batch_rows = std::max(std::min<double>(c.training.batch_size, rows), double(Trainer::kChunkRows));
  const double members = std::max(c.training.ensemble.members, 1);
  const MemoryEstimate one = estimate_memory(c.learner.model, batch_rows);
  MemoryEstimate e;
  e.parameters = one.parameters * members;
  e.parameter_bytes = one.parameter_bytes * members;
  e.activation_bytes = one.activation_bytes * members;
  // Per row: the raw features and the network's inputs (derived features, standardised), each
  // with its target.
  e.data_bytes = rows * (std::max(shape.features, 0) + std::max(c.learner.model.inputs, 0) + 2) * kFloat;
  e.bytes = e.parameter_bytes + e.activation_bytes + e.data_bytes;
  return e;
}

double json_text_budget() { return catalogue().limits.memory_budget / kJsonTreeBytesPerChar; }

std::string json_size_problem(double chars) {
  if (chars <= json_text_budget()) return "";
  return "the JSON is " + describe_bytes(chars) + ", more than the " + describe_bytes(json_text_budget()) +
         " the engine reads; give large data as a file or as arrays, not in the scene or config";
}

std::string describe_bytes(double bytes) {
  const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
  int u = 0;
  while (bytes >= 1024 && u < 4) {
    bytes /= 1024;
    ++u;
  }
  return format_f(bytes, u == 0 || bytes >= 10 ? 0 : 1) + " " + units[u];
}

std::optional<Problem> memory_problem(const MemoryEstimate& e, std::string_view data_path) {
  const double budget = catalogue().limits.memory_budget;
  if (e.bytes <= budget) return std::nullopt;  // NaN never gets here: every term is finite
  const double most = std::max({e.parameter_bytes, e.activation_bytes, e.data_bytes});
  const std::string path = most == e.parameter_bytes    ? "model.layers"
                           : most == e.activation_bytes ? "training.batchSize"
                                                        : std::string(data_path);
  return Problem{path, path + ": the scene needs about " + grouped(e.parameters) + " parameters and " +
                           describe_bytes(e.bytes) + " of memory (parameters " + describe_bytes(e.parameter_bytes) +
                           ", activations " + describe_bytes(e.activation_bytes) + ", data " +
                           describe_bytes(e.data_bytes) + "), more than the engine's budget of " +
                           describe_bytes(budget) +
                           "; use fewer or narrower layers, fewer ensemble members, a smaller batch or fewer rows"};
}

void check_memory(const MemoryEstimate& e, std::string_view data_path) {
  if (const auto p = memory_problem(e, data_path)) throw Error(p->message);
}

std::string array_size_problem(double count, double bytes_each, std::string_view what) {
  const double budget = catalogue().limits.memory_budget;
  if (count >= 0 && count * bytes_each <= budget) return "";
  return std::string(what) + " holds " + grouped(count) + " values (" + describe_bytes(count * bytes_each) +
         "), more than the engine's budget of " + describe_bytes(budget) + "; use fewer rows or columns";
}

void check_array_size(double count, double bytes_each, std::string_view what) {
  if (std::string m = array_size_problem(count, bytes_each, what); !m.empty()) throw Error(m);
}

}  // namespace nnp
