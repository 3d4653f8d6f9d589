#pragma once
// The scene language in one table: every name a scene accepts, the keyword arguments each class
// takes with torch's defaults (read from spec.h's structs, so they are written once) and the
// playground's ranges, the generators, the input features and the limits. The page reads it as
// JSON (catalogue_json(), generated into web/src/scene/engine-catalogue.json) and builds its menus,
// ranges and checks from it; validate_scene() checks a scene against it.
//
//   const nnp::ArgInfo* lr = nnp::find_arg(nnp::catalogue().optimizer(nnp::OptimizerKind::SGD).args, "lr");
//   lr->range.contains(0.1);                  // true
//   nnp::catalogue().limits.units.describe();  // "an integer in [1, 256]"
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nnp/data.h"
#include "nnp/generators.h"
#include "nnp/names.h"

namespace nnp {

// A closed, half-open or open interval of numbers, or of integers.
struct Range {
  double min = 0.0, max = 0.0;
  bool min_open = false, max_open = false;
  bool integer = false;

  bool contains(double v) const;
  std::string describe() const;  // "a number in (0, 10]", "an integer in [1, 256]"
};

enum class ArgType { Number, Boolean, Choice, Pair };

// One keyword argument of a class, in torch's spelling.
struct ArgInfo {
  std::string_view name;
  ArgType type = ArgType::Number;
  Range range{};                            // Number, and each element of a Pair
  std::vector<std::string_view> choices{};  // Choice
  bool required = false;                    // a scene must give it (StepLR's step_size, any optimiser's lr)
  bool has_default = true;                  // false: torch has no default (StepLR's step_size)
  // torch's default: a Number's (a Boolean's as 0 or 1), a Pair's two, a Choice's text.
  double number = 0.0, second = 0.0;
  std::string_view text{};
};

// What a loss compares the outputs with: a number, a 0/1 label on one output, or a class index
// with one output per class.
enum class LossTarget { Value, Binary, Index };

struct ActivationInfo {
  Activation kind;
  std::vector<ArgInfo> args;
};
struct LossInfo {
  LossKind kind;
  std::vector<ArgInfo> args;
  LossTarget target;
  bool mixup;  // takes mixup's blended targets (probabilities or numbers), not only class indices
};
struct OptimizerInfo {
  OptimizerKind kind;
  std::vector<ArgInfo> args;
};
struct SchedulerInfo {
  SchedulerKind kind;
  std::vector<ArgInfo> args;
};
struct InitInfo {
  InitKind kind;
  std::vector<ArgInfo> args;  // init.constant, or init.a and init.b: used by this scheme only
  bool bias;                  // takes init.bias (nn.Linear's default scheme keeps its own biases)
};

// The ranges of a scene's fields that are not a class's keyword argument. They are a playground's
// (narrower than the engine's own guards in places, e.g. 10 000 samples where generate() takes 10⁶).
struct Limits {
  Range seed, samples, noise, train_fraction, validation_fraction;
  Range inputs;  // model.inputs, and a scene's own rows' features (a CSV file's columns but its target)
  Range rows;    // supplied data's rows (a CSV file's, a scene's own, an image dataset's), each set
  Range layers;  // the length of model.layers
  Range units, dropout;
  Range classes;  // a scene's own rows' classes (0: a regression)
  Range clip_grad_norm, clip_grad_value, l1;
  Range init_value;  // init.constant, init.a, init.b, init.bias
  Range batch_size, evaluate_every, patience, min_delta, jitter, mixup, members;
  // Bytes a scene may take, as estimate_memory() counts them (nnp/memory_estimate.h): within the
  // wasm heap's 2 GB with room for the page's own buffers, so no scene runs it out of memory.
  double memory_budget = 0;
};

// The fields each part of a scene takes (a class's keyword arguments are in its entry).
struct SceneFields {
  std::vector<std::string_view> scene, data, rows, model, layer, init, training, early_stopping, augmentation, ensemble;
};

struct Catalogue {
  SceneFields fields;
  std::vector<ActivationInfo> activations;
  std::vector<LossInfo> losses;
  std::vector<Reduction> reductions;  // the ones training accepts
  std::vector<OptimizerInfo> optimizers;
  std::vector<SchedulerInfo> schedulers;
  std::vector<InitInfo> inits;
  std::span<const GeneratorInfo> datasets;
  std::vector<Feature> features;
  Limits limits;

  const ActivationInfo& activation(Activation kind) const;
  const LossInfo& loss(LossKind kind) const;
  const OptimizerInfo& optimizer(OptimizerKind kind) const;
  const SchedulerInfo& scheduler(SchedulerKind kind) const;  // not None
  const InitInfo& init(InitKind kind) const;
};

// The scene format the catalogue describes.
inline constexpr std::string_view kSceneFormat = "nn-playground/scene@1";

const Catalogue& catalogue() noexcept;
// nullptr when `args` has no argument called `name`.
const ArgInfo* find_arg(std::span<const ArgInfo> args, std::string_view name) noexcept;
// Throws nnp::Error "<path> must be <range>, got <v>" (validate_scene's words) unless `range` holds
// v: the engine's check of a field whose range the catalogue holds.
void check_range(const Range& range, std::string_view path, double v);
// The classes a generator has when data.classes is absent.
int default_classes(const GeneratorInfo& g);
// The catalogue as JSON, the shape of web/src/scene/engine-catalogue.ts's EngineCatalogue.
std::string catalogue_json();

}  // namespace nnp
