// Embind registration only: the engine's logic is in core/. Configs cross as JSON (parsed and
// validated by core/src/spec), arrays as Float32Array copies, and every C++ error is rethrown as a
// JavaScript Error carrying the C++ message.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <string>
#include <vector>

#include "nnp/error.h"
#include "nnp/generators.h"
#include "nnp/kernels.h"
#include "nnp/learner.h"
#include "nnp/nnpd.h"
#include "nnp/perceptron.h"
#include "nnp/predictions.h"
#include "nnp/rng.h"
#include "nnp/spec_json.h"
#include "nnp/trainer.h"

namespace nnp::wasm {
namespace {

using emscripten::val;

[[noreturn]] void throw_js(const std::string& message) {
  val::global("Error").new_(message).throw_();
  __builtin_unreachable();
}

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
std::string json_text(const val& config) {
  if (config.isString()) return config.as<std::string>();
  if (config.isUndefined() || config.isNull() || config.typeOf().as<std::string>() != "object")
    throw_js("the config must be an object (or its JSON text)");
  return val::global("JSON").call<std::string>("stringify", config);
}

// A copy that JS owns (a view would be detached when the wasm heap grows).
val float_array(const float* data, std::size_t n) {
  return val::global("Float32Array").new_(emscripten::typed_memory_view(n, data)).call<val>("slice");
}

val int_array(const std::vector<int>& v) {
  return val::global("Int32Array").new_(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}

// Copies a JS array or typed array into `out` (reused, so steady use allocates nothing).
void read_floats(const val& array, const char* what, std::vector<float>& out) {
  if (array.isUndefined() || array.isNull() || !array["length"].isNumber())
    throw_js(std::string(what) + " must be a Float32Array or an array of numbers");
  const auto n = array["length"].as<std::size_t>();
  out.resize(n);
  // A view of the heap, filled in place (taken after the resize, which may grow the heap).
  val(emscripten::typed_memory_view(n, out.data())).call<void>("set", array);
}

val progress_to_js(const Progress& p) {
  val o = val::object();
  o.set("stopped", p.stopped);
  o.set("step", static_cast<double>(p.step));
  o.set("epoch", static_cast<double>(p.epoch));
  o.set("samples", static_cast<double>(p.samples));
  o.set("batchLoss", p.batch_loss);
  return o;
}

val evaluation_to_js(const Evaluation& e);

// [x1, x2, target] per point for 2-D data, [x, target, target] for 1-D data; empty otherwise.
val points_to_js(const Dataset& d) {
  if (d.features > 2) return val::global("Float32Array").new_(0);
  std::vector<float> xyl(static_cast<std::size_t>(d.size()) * 3);
  for (int i = 0; i < d.size(); ++i) {
    const float target = d.y[static_cast<std::size_t>(i) * d.targets];
    xyl[3 * i] = d.x[static_cast<std::size_t>(i) * d.features];
    xyl[3 * i + 1] = d.features == 2 ? d.x[static_cast<std::size_t>(i) * d.features + 1] : target;
    xyl[3 * i + 2] = target;
  }
  return float_array(xyl.data(), xyl.size());
}

val metrics_to_js(const Metrics& m) {
  val o = val::object();
  o.set("loss", m.loss);
  o.set("accuracy", m.accuracy);
  return o;
}

// {x, y, features, classes}: rows of raw inputs and one target per row (class index or value).
Dataset dataset_from_js(const val& d, const std::string& what) {
  if (d.isUndefined() || d.isNull() || d.typeOf().as<std::string>() != "object")
    throw Error(what + " must be an object {x, y, features, classes}");
  for (const char* key : {"x", "y", "features", "classes"})
    if (d[key].isUndefined()) throw Error(what + "." + key + " is missing");
  Dataset out;
  out.features = d["features"].as<int>();
  out.classes = d["classes"].as<int>();
  out.targets = 1;
  read_floats(d["x"], (what + ".x").c_str(), out.x);
  read_floats(d["y"], (what + ".y").c_str(), out.y);
  if (out.features < 1 || out.x.size() != out.y.size() * static_cast<std::size_t>(out.features))
    throw Error(what + ": x holds " + std::to_string(out.x.size()) + " values, which is not rows × features = " +
                std::to_string(out.y.size()) + " × " + std::to_string(out.features));
  if (out.classes < 0 || out.classes == 1) throw Error(what + ".classes must be 0 (regression) or at least 2");
  for (std::size_t i = 0; i < out.y.size(); ++i) {
    const float v = out.y[i];
    if (!std::isfinite(v) ||
        (out.classes > 0 && !(v >= 0 && v < static_cast<float>(out.classes) && std::floor(v) == v)))
      throw Error(
          what + ".y: row " + std::to_string(i) + " = " + format_number(v) +
          (out.classes > 0 ? " is not a class index from 0 to " + std::to_string(out.classes - 1) : " is not finite"));
  }
  for (std::size_t i = 0; i < out.x.size(); ++i)
    if (!std::isfinite(out.x[i]))
      throw Error(what + ".x: row " + std::to_string(i / static_cast<std::size_t>(out.features)) + ", feature " +
                  std::to_string(i % static_cast<std::size_t>(out.features)) + " is not a finite number");
  return out;
}

// The bytes of a .nnpd file (Uint8Array or ArrayBuffer).
std::vector<std::uint8_t> bytes_from_js(const val& bytes, const std::string& what) {
  if (bytes.isUndefined() || bytes.isNull()) throw Error(what + " must be the bytes of a .nnpd file (a Uint8Array)");
  const val u8 = val::global("Uint8Array").new_(bytes);
  std::vector<std::uint8_t> out(u8["length"].as<std::size_t>());
  val(emscripten::typed_memory_view(out.size(), out.data())).call<void>("set", u8);
  return out;
}

// {x, y, features, classes} or {nnpd: bytes, name?}.
Dataset any_dataset_from_js(const val& d, const std::string& what) {
  if (!d.isUndefined() && !d.isNull() && d.typeOf().as<std::string>() == "object" && !d["nnpd"].isUndefined()) {
    const std::string name = d["name"].isString() ? d["name"].as<std::string>() : what;
    const std::vector<std::uint8_t> bytes = bytes_from_js(d["nnpd"], what + ".nnpd");
    return read_nnpd(bytes, name).data;
  }
  return dataset_from_js(d, what);
}

SuppliedData supplied_from_js(const val& data) {
  SuppliedData s;
  s.data = any_dataset_from_js(data, "data");
  if (!data["test"].isUndefined() && !data["test"].isNull()) s.test = any_dataset_from_js(data["test"], "data.test");
  return s;
}

// The metadata of a .nnpd file, for the page: {name, title, classNames, width, height, rows,
// features, classes, source, license}.
val nnpd_info(const val& bytes, const std::string& name) {
  return guarded([&] {
    const LabeledData d = read_nnpd(bytes_from_js(bytes, name), name);
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
  });
}

val evaluation_to_js(const Evaluation& e) {
  val o = val::object();
  o.set("train", metrics_to_js(e.train));
  o.set("validation", metrics_to_js(e.validation));
  o.set("test", metrics_to_js(e.test));
  // Flat fields, kept for the page's readouts.
  o.set("trainLoss", e.train.loss);
  o.set("trainAccuracy", e.train.accuracy);
  o.set("testLoss", e.test.loss);
  o.set("testAccuracy", e.test.accuracy);
  return o;
}

// The JS-facing Trainer: owns a core Trainer and converts at the boundary.
class JsTrainer {
 public:
  explicit JsTrainer(const val& config)
      : t_(guarded([&] { return Trainer(trainer_config_from_json(json_text(config))); })) {}
  JsTrainer(const val& config, const val& data)
      : t_(guarded([&] { return Trainer(trainer_config_from_json(json_text(config)), supplied_from_js(data)); })) {}

  val run(double steps) {
    if (!(steps >= 0 && steps <= 1e9)) throw_js("run: steps must be a number from 0 to 1e9");
    return guarded([&] { return progress_to_js(t_.run(static_cast<int>(steps))); });
  }
  val run_epochs(double epochs) {
    if (!(epochs >= 0 && epochs <= 1e6)) throw_js("runEpochs: epochs must be a number from 0 to 1e6");
    return guarded([&] { return progress_to_js(t_.run_epochs(static_cast<int>(epochs))); });
  }
  val progress() const { return progress_to_js(t_.progress()); }
  val evaluate() {
    return guarded([&] { return evaluation_to_js(t_.evaluate()); });
  }
  // One record per evaluation: {epoch, step, lr, gradNorm, train, validation, test} with {loss, accuracy}.
  val history() const { return history_from(0); }
  // The records from index `first` on: the worker sends only what is new since its last snapshot.
  val history_from(double first) const {
    val out = val::array();
    const auto& h = t_.history();
    for (std::size_t i = first > 0 ? static_cast<std::size_t>(first) : 0; i < h.size(); ++i) {
      const EpochRecord& r = h[i];
      val o = evaluation_to_js(r.metrics);
      o.set("epoch", static_cast<double>(r.epoch));
      o.set("step", static_cast<double>(r.step));
      o.set("lr", r.lr);
      o.set("gradNorm", r.grad_norm);
      out.call<void>("push", o);
    }
    return out;
  }
  double best_epoch() const { return static_cast<double>(t_.best_epoch()); }
  int members() const { return t_.members(); }
  // A saved model = scene + these: every member's parameters by torch name, [out, in] weights.
  val parameters(int member) {
    return guarded([&] {
      Learner& l = t_.member(member);
      val o = val::object();
      for (const ParamInfo& p : l.model().named_parameters()) {
        const auto v = l.parameter(p.name);
        o.set(p.name, float_array(v.data(), v.size()));
      }
      return o;
    });
  }
  void set_parameters(int member, const val& params) {
    guarded([&] {
      Learner& l = t_.member(member);
      for (const ParamInfo& p : l.model().named_parameters())
        if (params[p.name].isUndefined())
          throw Error("parameters: '" + p.name + "' is missing for member " + std::to_string(member));
      const val keys = val::global("Object").call<val>("keys", params);
      for (int i = 0; i < keys["length"].as<int>(); ++i) {
        const std::string name = keys[i].as<std::string>();
        read_floats(params[name], ("parameters." + name).c_str(), scratch_);
        l.set_parameter(name, scratch_);
      }
    });
  }
  // Member m's gradients from its last step, by torch name (zero_grad runs at the start of a
  // step, so they stay readable after it; zeros before the first step).
  val gradients(int member) {
    return guarded([&] {
      Learner& l = t_.member(member);
      val o = val::object();
      for (const ParamInfo& p : l.model().named_parameters()) {
        const auto g = l.gradient(p.name);
        o.set(p.name, float_array(g.data(), g.size()));
      }
      return o;
    });
  }
  // Every unit's output over the plane (Trainer::neuron_maps): maps × res × res floats, map u at
  // [u·res·res …), u over the network inputs, then each layer's units.
  val neuron_maps(int res, float x_min, float x_max, float y_min, float y_max) {
    return guarded([&] {
      if (res < 1 || res > 256) throw Error("neuronMaps: resolution must be from 1 to 256, got " + std::to_string(res));
      std::size_t units = static_cast<std::size_t>(t_.model().inputs());
      for (const LayerSpec& l : t_.model().spec().layers) units += static_cast<std::size_t>(l.units);
      grid_.resize(units * static_cast<std::size_t>(res) * static_cast<std::size_t>(res));
      t_.neuron_maps(res, x_min, x_max, y_min, y_max, grid_.data());
      return float_array(grid_.data(), grid_.size());
    });
  }
  val evaluate_member(int m) {
    return guarded([&] { return evaluation_to_js(t_.evaluate_member(m)); });
  }
  val predict_grid(int res, float x_min, float x_max, float y_min, float y_max) {
    return guarded([&] {
      if (res < 1 || res > 1024)
        throw Error("predictGrid: resolution must be from 1 to 1024, got " + std::to_string(res));
      grid_.resize(static_cast<std::size_t>(res) * res);
      t_.predict_grid(res, x_min, x_max, y_min, y_max, grid_.data());
      return float_array(grid_.data(), grid_.size());
    });
  }
  val confusion(const std::string& split) {
    return guarded([&] {
      if (split != "train" && split != "test")
        throw Error("confusion: split must be 'train' or 'test', got '" + split + "'");
      const Confusion c = t_.confusion(split == "train" ? t_.inputs().train : t_.inputs().test);
      val o = val::object();
      o.set("classes", c.classes);
      o.set("counts", int_array(c.counts));
      return o;
    });
  }
  val predict_grid_classes(int res, float x_min, float x_max, float y_min, float y_max) {
    return guarded([&] {
      if (res < 1 || res > 1024)
        throw Error("predictGridClasses: resolution must be from 1 to 1024, got " + std::to_string(res));
      grid_.resize(static_cast<std::size_t>(res) * res * t_.model().outputs());
      t_.predict_grid_probabilities(res, x_min, x_max, y_min, y_max, grid_.data());
      return float_array(grid_.data(), grid_.size());
    });
  }
  // Network outputs for raw inputs x [n × features] (an ensemble: its mean probabilities); a copy.
  val predict(const val& x, int n) {
    read_floats(x, "predict's x", scratch_);
    return guarded([&] {
      const int nf = t_.raw().train.features;
      if (n < 1 || scratch_.size() != static_cast<std::size_t>(n) * nf)
        throw Error("predict: x must hold n × features = " + std::to_string(n) + " × " + std::to_string(nf) +
                    " values, got " + std::to_string(scratch_.size()));
      std::vector<float> in(scratch_);
      grid_.resize(static_cast<std::size_t>(n) * t_.model().outputs());
      t_.predict(in.data(), n, grid_.data());
      return float_array(grid_.data(), grid_.size());
    });
  }
  val train_points() const { return points_to_js(t_.raw().train); }
  val validation_points() const { return points_to_js(t_.raw().validation); }
  val test_points() const { return points_to_js(t_.raw().test); }
  // The test rows' raw inputs, rows × features (an image's pixels row-major); a copy.
  val test_inputs() const { return float_array(t_.raw().test.x.data(), t_.raw().test.x.size()); }
  // Each test row's predicted and actual class (member 0, as confusion()); empty for a regression.
  val test_predictions() {
    return guarded([&] {
      const ClassPredictions p = predict_classes(t_, t_.inputs().test);
      val o = val::object();
      o.set("classes", p.classes);
      o.set("predicted", int_array(p.predicted));
      o.set("actual", int_array(p.actual));
      return o;
    });
  }
  void set_learning_rate(double lr) {
    guarded([&] { t_.set_learning_rate(lr); });
  }
  double learning_rate() { return t_.learner().lr(); }
  // Any of {lr, l1, weight_decay, dropout: [p per layer]} changed mid-run, without a reset.
  void set_hyperparameters(const val& h) {
    guarded([&] {
      Learner& l = t_.learner();
      if (!h["lr"].isUndefined()) l.set_lr(h["lr"].as<double>());
      if (!h["l1"].isUndefined()) l.set_l1(h["l1"].as<float>());
      if (!h["weight_decay"].isUndefined()) l.set_weight_decay(h["weight_decay"].as<double>());
      if (!h["dropout"].isUndefined()) {
        const int n = h["dropout"]["length"].as<int>();
        for (int i = 0; i < n; ++i) l.set_dropout(static_cast<std::size_t>(i), h["dropout"][i].as<float>());
      }
    });
  }

 private:
  Trainer t_;
  std::vector<float> grid_, scratch_;
};

// The JS-facing Learner: one PyTorch-style step on batches the caller supplies; parameters in
// torch's layout. This is what `npm run parity` drives.
class JsLearner {
 public:
  JsLearner(const val& spec, double seed)
      : l_(guarded(
            [&] { return Learner(learner_spec_from_json(json_text(spec)), static_cast<std::uint64_t>(seed)); })) {}

  val parameter_names() const {
    val names = val::array();
    for (const ParamInfo& p : l_.model().named_parameters()) names.call<void>("push", p.name);
    return names;
  }
  void set_parameter(const std::string& name, const val& data) {
    read_floats(data, "setParameter's data", x_);
    guarded([&] { l_.set_parameter(name, x_); });
  }
  val parameter(const std::string& name) const {
    return guarded([&] {
      const auto p = l_.parameter(name);
      return float_array(p.data(), p.size());
    });
  }
  val gradient(const std::string& name) const {
    return guarded([&] {
      const auto g = l_.gradient(name);
      return float_array(g.data(), g.size());
    });
  }
  double compute_gradients(const val& x, int n, const val& y, int y_cols) {
    read_batch(x, n, y, y_cols);
    return guarded([&] { return static_cast<double>(l_.compute_gradients(x_.data(), y_.data(), n, y_cols)); });
  }
  void apply_update() {
    guarded([&] { l_.apply_update(); });
  }
  double step(const val& x, int n, const val& y, int y_cols) { return train_on_batch(x, n, y, y_cols, 1); }
  // `steps` optimiser steps (at least one) on the same batch, all inside wasm (one boundary
  // crossing); returns the last objective. For benchmarks and for overfitting one batch on purpose.
  double train_on_batch(const val& x, int n, const val& y, int y_cols, int steps) {
    read_batch(x, n, y, y_cols);
    return guarded([&] { return l_.run_steps(x_.data(), y_.data(), n, y_cols, std::max(steps, 1)); });
  }
  double lr() const { return l_.lr(); }
  double steps() const { return static_cast<double>(l_.steps()); }
  // false: every step on the tape (the benchmark's A/B of the tape-free step; same results).
  void set_tape_free(bool on) { l_.set_tape_free(on); }
  bool tape_free() const { return l_.tape_free(); }

 private:
  // Copies a batch from JS into x_, y_ and checks its shape against the model.
  void read_batch(const val& x, int n, const val& y, int y_cols) {
    read_floats(x, "x", x_);
    read_floats(y, "y", y_);
    guarded([&] {
      if (n < 1 || x_.size() != static_cast<std::size_t>(n) * l_.model().inputs())
        throw Error("x must hold n × inputs = " + std::to_string(n) + " × " + std::to_string(l_.model().inputs()) +
                    " values, got " + std::to_string(x_.size()));
      if (y_cols < 1 || y_.size() != static_cast<std::size_t>(n) * y_cols)
        throw Error("y must hold n × yCols = " + std::to_string(n) + " × " + std::to_string(y_cols) + " values, got " +
                    std::to_string(y_.size()));
    });
  }

  Learner l_;
  std::vector<float> x_, y_;
};

// The perceptron lesson: Rosenblatt's rule on a generated 2-class set (whole set, fixed order).
class JsPerceptron {
 public:
  JsPerceptron(const std::string& dataset, int samples, double noise, double seed, double lr)
      : data_(guarded([&] {
          Pcg32 rng(static_cast<std::uint64_t>(seed));
          Dataset d = generate({.name = dataset, .samples = samples, .noise = noise, .classes = 2}, rng);
          if (d.classes != 2 || d.features != 2)
            throw Error("perceptron: '" + dataset + "' is not a 2-D, two-class dataset");
          return d;
        })),
        p_(guarded([&] { return Perceptron(2, PerceptronSpec{.lr = lr}); })) {}

  // Runs up to `epochs` epochs, stopping at convergence or a detected cycle.
  val run(int epochs) {
    for (int e = 0; e < epochs && !p_.converged() && !p_.cycling(); ++e) p_.epoch(data_);
    val o = val::object();
    o.set("epochs", p_.epochs());
    o.set("mistakes", p_.mistakes_per_epoch().empty() ? 0 : p_.mistakes_per_epoch().back());
    o.set("converged", p_.converged());
    o.set("cycling", p_.cycling());
    o.set("cycleLength", p_.cycle_length());
    o.set("accuracy", p_.accuracy(data_));
    o.set("w1", p_.weights()[0]);
    o.set("w2", p_.weights()[1]);
    o.set("bias", p_.bias());
    return o;
  }
  val points() const { return points_to_js(data_); }

 private:
  Dataset data_;
  Perceptron p_;
};

// Seconds for `reps` products C = op(A)·op(B) on random data (benchmark page). form: 0 = A·B,
// 1 = Aᵀ·B, 2 = A·Bᵀ.
double bench_matmul(int m, int n, int k, int reps, int form) {
  if (form < 0 || form > 2)
    throw_js("benchMatmul: form must be 0 (A·B), 1 (Aᵀ·B) or 2 (A·Bᵀ), got " + std::to_string(form));
  if (m < 1 || n < 1 || k < 1 || reps < 1) throw_js("benchMatmul: m, n, k and reps must be ≥ 1");
  const bool ta = form == 1, tb = form == 2;
  std::vector<float> a(static_cast<std::size_t>(m) * k), b(static_cast<std::size_t>(k) * n),
      c(static_cast<std::size_t>(m) * n);
  Pcg32 rng(1);
  for (float& v : a) v = static_cast<float>(rng.uniform(-1, 1));
  for (float& v : b) v = static_cast<float>(rng.uniform(-1, 1));
  const int lda = ta ? m : k, ldb = tb ? k : n;
  gemm(ta, tb, m, n, k, 1.0f, a.data(), lda, b.data(), ldb, 0.0f, c.data(), n);  // warm-up
  const auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; ++r) gemm(ta, tb, m, n, k, 1.0f, a.data(), lda, b.data(), ldb, 0.0f, c.data(), n);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The benchmark rooflines: { seconds, flops } for `iters` rounds of the SIMD multiply + add peak
// kernel, or `reps` runs of the GEMM micro-kernel alone on L1-resident panels (kernels.h).
template <float (*Run)(long), long (*Flops)(long)>
val bench_roofline(double count, const char* name) {
  if (!(count >= 1 && count <= 1e9)) throw_js(std::string(name) + ": count must be between 1 and 1e9");
  const long n = static_cast<long>(count);
  const auto t0 = std::chrono::steady_clock::now();
  const float checksum = Run(n);
  val o = val::object();
  o.set("seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  o.set("flops", static_cast<double>(Flops(n)));
  o.set("checksum", checksum);
  return o;
}
val bench_peak(double iters) { return bench_roofline<muladd_peak, muladd_peak_flops>(iters, "benchPeak"); }
val bench_gemm_kernel(double reps) {
  return bench_roofline<gemm_kernel_repeat, gemm_kernel_flops>(reps, "benchGemmKernel");
}

}  // namespace
}  // namespace nnp::wasm

EMSCRIPTEN_BINDINGS(nnp) {
  using namespace emscripten;
  using nnp::wasm::JsLearner;
  using nnp::wasm::JsTrainer;
  function("simdArch", &nnp::simd_arch);
  function("benchMatmul", &nnp::wasm::bench_matmul);
  function("benchPeak", &nnp::wasm::bench_peak);
  function("benchGemmKernel", &nnp::wasm::bench_gemm_kernel);
  function("datasetInfo", &nnp::wasm::nnpd_info);
  class_<JsTrainer>("Trainer")
      .constructor<const val&>()
      .constructor<const val&, const val&>()
      .function("run", &JsTrainer::run)
      .function("runEpochs", &JsTrainer::run_epochs)
      .function("history", &JsTrainer::history)
      .function("historyFrom", &JsTrainer::history_from)
      .function("bestEpoch", &JsTrainer::best_epoch)
      .function("members", &JsTrainer::members)
      .function("parameters", &JsTrainer::parameters)
      .function("setParameters", &JsTrainer::set_parameters)
      .function("evaluateMember", &JsTrainer::evaluate_member)
      .function("progress", &JsTrainer::progress)
      .function("evaluate", &JsTrainer::evaluate)
      .function("predictGrid", &JsTrainer::predict_grid)
      .function("predict", &JsTrainer::predict)
      .function("predictGridClasses", &JsTrainer::predict_grid_classes)
      .function("confusion", &JsTrainer::confusion)
      .function("trainPoints", &JsTrainer::train_points)
      .function("validationPoints", &JsTrainer::validation_points)
      .function("testPoints", &JsTrainer::test_points)
      .function("testInputs", &JsTrainer::test_inputs)
      .function("testPredictions", &JsTrainer::test_predictions)
      .function("setLearningRate", &JsTrainer::set_learning_rate)
      .function("learningRate", &JsTrainer::learning_rate)
      .function("setHyperparameters", &JsTrainer::set_hyperparameters)
      .function("gradients", &JsTrainer::gradients)
      .function("neuronMaps", &JsTrainer::neuron_maps);
  class_<nnp::wasm::JsPerceptron>("Perceptron")
      .constructor<const std::string&, int, double, double, double>()
      .function("run", &nnp::wasm::JsPerceptron::run)
      .function("points", &nnp::wasm::JsPerceptron::points);
  class_<JsLearner>("Learner")
      .constructor<const val&, double>()
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
