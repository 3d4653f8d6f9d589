// Embind registration only: the engine's logic is in core/, the JS-facing classes in adapters.cpp,
// the JS ↔ C++ conversions in conversions.cpp, what only scripts, tests and benchmarks call
// (the benchmark kernels, the catalogue, the perceptron lesson's class) in tools_bindings.cpp.
// Records cross as value_objects (plain JS objects); web/src/wasm/core.d.mts types all of it.
#include <emscripten/bind.h>
#include <emscripten/emmalloc.h>

#include <cstdint>
#include <type_traits>

#include "adapters.h"
#include "nnp/kernels.h"
#include "nnp/validate_scene.h"
#include "refusals.h"

namespace {

using namespace emscripten;
using nnp::Evaluation;

// The allocator's bytes in use (taken from the heap by emmalloc, less what is free in it): the soak
// benchmark and its test watch it stay flat over long runs (docs/reliability.md, "Soak").
double heap_in_use() { return static_cast<double>(emmalloc_dynamic_heap_size() - emmalloc_free_dynamic_memory()); }

// The Evaluation inside a record (an Evaluation is its own).
template <class T>
auto& evaluation_of(T& t) {
  if constexpr (std::is_same_v<std::remove_const_t<T>, Evaluation>)
    return t;
  else
    return t.metrics;
}

// Evaluation's fields, and the flat ones the page's readouts use, on an Evaluation or a record
// holding one.
template <class T>
void evaluation_fields(value_object<T>& o) {
  using nnp::Metrics;
  o.field(
       "train", +[](const T& t) { return evaluation_of(t).train; },
       +[](T& t, Metrics m) { evaluation_of(t).train = m; })
      .field(
          "validation", +[](const T& t) { return evaluation_of(t).validation; },
          +[](T& t, Metrics m) { evaluation_of(t).validation = m; })
      .field(
          "test", +[](const T& t) { return evaluation_of(t).test; },
          +[](T& t, Metrics m) { evaluation_of(t).test = m; })
      .field(
          "trainLoss", +[](const T& t) { return evaluation_of(t).train.loss; },
          +[](T& t, double v) { evaluation_of(t).train.loss = v; })
      .field(
          "trainAccuracy", +[](const T& t) { return evaluation_of(t).train.accuracy; },
          +[](T& t, double v) { evaluation_of(t).train.accuracy = v; })
      .field(
          "testLoss", +[](const T& t) { return evaluation_of(t).test.loss; },
          +[](T& t, double v) { evaluation_of(t).test.loss = v; })
      .field(
          "testAccuracy", +[](const T& t) { return evaluation_of(t).test.accuracy; },
          +[](T& t, double v) { evaluation_of(t).test.accuracy = v; });
}

// A whole number of JS's (a double) for a 64-bit count.
template <class T, std::int64_t T::*F>
void count_field(value_object<T>& o, const char* name) {
  o.field(
      name, +[](const T& t) { return static_cast<double>(t.*F); },
      +[](T& t, double v) { t.*F = static_cast<std::int64_t>(v); });
}

}  // namespace

EMSCRIPTEN_BINDINGS(nnp) {
  using nnp::EpochRecord;
  using nnp::Metrics;
  using nnp::Problem;
  using nnp::Progress;
  using nnp::wasm::JsLearner;
  using nnp::wasm::JsTrainer;
  using nnp::wasm::make;
  using nnp::wasm::refusing;

  value_object<Metrics>("Metrics").field("loss", &Metrics::loss).field("accuracy", &Metrics::accuracy);
  value_object<Progress> progress("Progress");
  progress.field("stopped", &Progress::stopped).field("batchLoss", &Progress::batch_loss);
  count_field<Progress, &Progress::step>(progress, "step");
  count_field<Progress, &Progress::epoch>(progress, "epoch");
  count_field<Progress, &Progress::samples>(progress, "samples");
  value_object<Evaluation> evaluation("Evaluation");
  evaluation_fields(evaluation);
  value_object<EpochRecord> record("HistoryRecord");
  evaluation_fields(record);
  count_field<EpochRecord, &EpochRecord::epoch>(record, "epoch");
  count_field<EpochRecord, &EpochRecord::step>(record, "step");
  record.field("lr", &EpochRecord::lr).field("gradNorm", &EpochRecord::grad_norm);
  value_object<Problem>("Problem").field("path", &Problem::path).field("message", &Problem::message);

  function("simdArch", &nnp::simd_arch);
  function("heapInUse", &heap_in_use);
  function("datasetInfo", &refusing<&nnp::wasm::dataset_info>::call);
  function("splitSizes", &refusing<&nnp::wasm::split_sizes_js>::call);
  // validateScene(scene) and validateScene(scene, shape): Embind overloads by argument count.
  function("validateScene", &refusing<static_cast<val (*)(const val&)>(&nnp::wasm::validate_scene_js)>::call);
  function("validateScene",
           &refusing<static_cast<val (*)(const val&, const val&)>(&nnp::wasm::validate_scene_js)>::call);
  class_<JsTrainer>("Trainer")
      .constructor(&make<JsTrainer, const val&>, allow_raw_pointers())
      .constructor(&make<JsTrainer, const val&, const val&>, allow_raw_pointers())
      .function("run", &refusing<&JsTrainer::run>::call)
      .function("runEpochs", &refusing<&JsTrainer::run_epochs>::call)
      .function("history", &refusing<&JsTrainer::history>::call)
      .function("historyFrom", &refusing<&JsTrainer::history_from>::call)
      .function("recordEvery", &refusing<&JsTrainer::record_every>::call)
      .function("bestEpoch", &refusing<&JsTrainer::best_epoch>::call)
      .function("members", &refusing<&JsTrainer::members>::call)
      .function("parameters", &refusing<&JsTrainer::parameters>::call)
      .function("setParameters", &refusing<&JsTrainer::set_parameters>::call)
      .function("evaluateMember", &refusing<&JsTrainer::evaluate_member>::call)
      .function("progress", &refusing<&JsTrainer::progress>::call)
      .function("evaluate", &refusing<&JsTrainer::evaluate>::call)
      .function("predictGrid", &refusing<&JsTrainer::predict_grid>::call)
      .function("predict", &refusing<&JsTrainer::predict>::call)
      .function("predictProbabilities", &refusing<&JsTrainer::predict_probabilities>::call)
      .function("predictGridClasses", &refusing<&JsTrainer::predict_grid_classes>::call)
      .function("confusion", &refusing<&JsTrainer::confusion>::call)
      .function("trainPoints", &refusing<&JsTrainer::train_points>::call)
      .function("validationPoints", &refusing<&JsTrainer::validation_points>::call)
      .function("testPoints", &refusing<&JsTrainer::test_points>::call)
      .function("testInputs", &refusing<&JsTrainer::test_inputs>::call)
      .function("testTargets", &refusing<&JsTrainer::test_targets>::call)
      .function("testPredictions", &refusing<&JsTrainer::test_predictions>::call)
      .function("learningRate", &refusing<&JsTrainer::learning_rate>::call)
      .function("setHyperparameters", &refusing<&JsTrainer::set_hyperparameters>::call)
      .function("gradients", &refusing<&JsTrainer::gradients>::call)
      .function("neuronMaps", &refusing<&JsTrainer::neuron_maps>::call);
  class_<JsLearner>("Learner")
      .constructor(&make<JsLearner, const val&, const val&>, allow_raw_pointers())
      .function("parameterNames", &refusing<&JsLearner::parameter_names>::call)
      .function("setParameter", &refusing<&JsLearner::set_parameter>::call)
      .function("parameter", &refusing<&JsLearner::parameter>::call)
      .function("gradient", &refusing<&JsLearner::gradient>::call)
      .function("computeGradients", &refusing<&JsLearner::compute_gradients>::call)
      .function("applyUpdate", &refusing<&JsLearner::apply_update>::call)
      .function("step", &refusing<&JsLearner::step>::call)
      .function("trainOnBatch", &refusing<&JsLearner::train_on_batch>::call)
      .function("lr", &refusing<&JsLearner::lr>::call)
      .function("steps", &refusing<&JsLearner::steps>::call)
      .function("setTapeFree", &refusing<&JsLearner::set_tape_free>::call)
      .function("tapeFree", &refusing<&JsLearner::tape_free>::call);
}
