#pragma once
// The JS-facing classes: each owns a core object and converts at the boundary (conversions.h);
// bindings.cpp registers them. Argument checks here name the JS method, as the caller wrote it.
// Scalar arguments come as vals, checked by name (conversions.h's int_arg …): Embind's own int,
// float and string conversions would wrap, zero or refuse them without naming the argument.
#include <emscripten/val.h>

#include <string>
#include <utility>
#include <vector>

#include "nnp/learner.h"
#include "nnp/perceptron.h"
#include "nnp/trainer.h"

namespace nnp::wasm {

using emscripten::val;

// One history() record: an evaluation, when, the learning rate then and the last gradient norm.
using HistoryRecord = EpochRecord;

class JsTrainer {
 public:
  explicit JsTrainer(const val& config);
  JsTrainer(const val& config, const val& data);

  Progress run(const val& steps);
  Progress run_epochs(const val& epochs);
  Progress progress() const { return t_.progress(); }
  Evaluation evaluate();
  Evaluation evaluate_member(const val& member);
  // An array of HistoryRecord value_objects from index `first` on: the worker sends only what is
  // new since its last snapshot.
  val history_from(const val& first) const;
  val history() const { return history_from(val(0)); }
  double record_every() const { return static_cast<double>(t_.record_every()); }
  double best_epoch() const { return static_cast<double>(t_.best_epoch()); }
  int members() const { return t_.members(); }
  // A saved model = scene + these: every member's parameters by torch name, [out, in] weights.
  val parameters(const val& member);
  void set_parameters(const val& member, const val& params);
  // Member m's gradients from its last step, by torch name (zeros before the first step).
  val gradients(const val& member);
  // res, x_min, x_max, y_min, y_max: a grid's resolution and its box.
  val neuron_maps(const val& res, const val& x_min, const val& x_max, const val& y_min, const val& y_max);
  val predict_grid(const val& res, const val& x_min, const val& x_max, const val& y_min, const val& y_max);
  val predict_grid_classes(const val& res, const val& x_min, const val& x_max, const val& y_min, const val& y_max);
  val predict(const val& x, const val& n);
  // Every class's probability (as the plot shows them) for raw inputs x [n × features]; a copy.
  val predict_probabilities(const val& x, const val& n);
  val confusion(const val& split);
  val train_points() const;
  val validation_points() const;
  val test_points() const;
  val test_inputs() const;
  // The test rows' targets as the data holds them, rows × targets (a regression's values); a copy.
  val test_targets() const;
  val test_predictions();
  double learning_rate() { return t_.learner().lr(); }
  // The one route for changes mid-run: any of {lr, l1, weight_decay, dropout: [p per layer]}.
  void set_hyperparameters(const val& h);

 private:
  // x [n × features] checked and copied, outputs [n × outputs] by predict_rows(in, n, out).
  template <class PredictRows>
  val predicted(const val& x, const val& n, const char* what, const char* n_name, PredictRows predict_rows);
  // A grid's resolution and box checked by their `names`, then `fill`ed.
  template <class Fill>
  val grid(const char* const (&names)[5], const val& res, const val& x_min, const val& x_max, const val& y_min,
           const val& y_max, Fill fill);

  Trainer t_;
  std::vector<float> grid_, scratch_;
};

// One PyTorch-style step on batches the caller supplies; parameters in torch's layout. This is
// what `npm run parity` drives.
class JsLearner {
 public:
  JsLearner(const val& spec, const val& seed);

  val parameter_names() const;
  void set_parameter(const val& name, const val& data);
  val parameter(const val& name) const;
  val gradient(const val& name) const;
  double compute_gradients(const val& x, const val& n, const val& y, const val& y_cols);
  void apply_update();
  double step(const val& x, const val& n, const val& y, const val& y_cols) {
    return train_on_batch(x, n, y, y_cols, val(1));
  }
  // `steps` optimiser steps (at least one) on the same batch, all inside wasm (one boundary
  // crossing); returns the last objective. For benchmarks and for overfitting one batch on purpose.
  double train_on_batch(const val& x, const val& n, const val& y, const val& y_cols, const val& steps);
  double lr() const { return l_.lr(); }
  double steps() const { return static_cast<double>(l_.steps()); }
  // false: every step on the tape (the benchmark's A/B of the tape-free step; same results).
  void set_tape_free(bool on) { l_.set_tape_free(on); }
  bool tape_free() const { return l_.tape_free(); }

 private:
  // Copies a batch from JS into x_, y_ and checks its shape against the model; returns {n, yCols}.
  std::pair<int, int> read_batch(const val& x, const val& n, const val& y, const val& y_cols);

  Learner l_;
  std::vector<float> x_, y_;
};

// Perceptron.run's record.
struct PerceptronRun {
  int epochs = 0, mistakes = 0;
  bool converged = false, cycling = false;
  int cycle_length = 0;
  double accuracy = 0.0;
  double w1 = 0.0, w2 = 0.0, bias = 0.0;
};

// The perceptron lesson: Rosenblatt's rule on a generated 2-class set (whole set, fixed order).
class JsPerceptron {
 public:
  JsPerceptron(const val& dataset, const val& samples, const val& noise, const val& seed, const val& lr);
  // Runs up to `epochs` epochs (at most kMaxEpochs a call), stopping at convergence or a detected cycle.
  PerceptronRun run(const val& epochs);
  // The cycle check compares each epoch's weights with every earlier epoch's (all kept): a call's
  // cost grows with the square of its epochs, so a huge count would never return.
  static constexpr int kMaxEpochs = 10000;
  val points() const;

 private:
  Dataset data_;
  Perceptron p_;
};

// .nnpd metadata for the page: {name, title, classNames, width, height, rows, features, classes,
// source, license}.
val dataset_info(const val& bytes, const val& name);
// The engine's catalogue (catalogue.h) as a JS object.
val catalogue_js();
// The rows of each set a split cuts from data of `shape` ({train, validation, test}; test null for
// a separate test set), as the Trainer will cut them.
val split_sizes_js(const val& split, const val& shape);
// Every problem of a scene (an object or its JSON text), given the supplied data's shape if any.
val validate_scene_js(const val& scene, const val& shape);
inline val validate_scene_js(const val& scene) { return validate_scene_js(scene, val::undefined()); }

}  // namespace nnp::wasm
