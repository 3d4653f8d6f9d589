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
  function("datasetInfo", &nnp::wasm::dataset_info);
  function("splitSizes", &nnp::wasm::split_sizes_js);
  // validateScene(scene) and validateScene(scene, shape): Embind overloads by argument count.
  function("validateScene", select_overload<val(const val&)>(&nnp::wasm::validate_scene_js));
  function("validateScene", select_overload<val(const val&, const val&)>(&nnp::wasm::validate_scene_js));
  class_<JsTrainer>("Trainer")
      .constructor<const val&>()
      .constructor<const val&, const val&>()
      .function("run", &JsTrainer::run)
      .function("runEpochs", &JsTrainer::run_epochs)
      .function("history", &JsTrainer::history)
      .function("historyFrom", &JsTrainer::history_from)
      .function("recordEvery", &JsTrainer::record_every)
      .function("bestEpoch", &JsTrainer::best_epoch)
      .function("members", &JsTrainer::members)
      .function("parameters", &JsTrainer::parameters)
      .function("setParameters", &JsTrainer::set_parameters)
      .function("evaluateMember", &JsTrainer::evaluate_member)
      .function("progress", &JsTrainer::progress)
      .function("evaluate", &JsTrainer::evaluate)
      .function("predictGrid", &JsTrainer::predict_grid)
      .function("predict", &JsTrainer::predict)
      .function("predictProbabilities", &JsTrainer::predict_probabilities)
      .function("predictGridClasses", &JsTrainer::predict_grid_classes)
      .function("confusion", &JsTrainer::confusion)
      .function("trainPoints", &JsTrainer::train_points)
      .function("validationPoints", &JsTrainer::validation_points)
      .function("testPoints", &JsTrainer::test_points)
      .function("testInputs", &JsTrainer::test_inputs)
      .function("testTargets", &JsTrainer::test_targets)
      .function("testPredictions", &JsTrainer::test_predictions)
      .function("learningRate", &JsTrainer::learning_rate)
      .function("setHyperparameters", &JsTrainer::set_hyperparameters)
      .function("gradients", &JsTrainer::gradients)
      .function("neuronMaps", &JsTrainer::neuron_maps);
  class_<JsLearner>("Learner")
      .constructor<const val&, const val&>()
      .function("parameterNames", &JsLearner::parameter_names)
      .function("setParameter", &JsLearner::set_parameter)
      .function("parameter", &JsLearner::parameter)
      .function("gradient", &JsLearner::gradient)
      .function("computeGradients", &JsLearner::compute_gradients)
      .function("applyUpdate", &JsLearner::apply_update)
      .function("step", &JsLearner::step)
      .function("trainOnBatch", &JsLearner::train_on_batch)
      .function("lr", &JsLearner::lr)
      .function("steps", &JsLearner::steps)
      .function("setTapeFree", &JsLearner::set_tape_free)
      .function("tapeFree", &JsLearner::tape_free);
}
