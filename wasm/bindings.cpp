// Embind registration only: the engine's logic is in core/. Every C++ error is rethrown as a
// JavaScript Error carrying the C++ message.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <chrono>
#include <exception>
#include <vector>

#include "config_from_js.h"
#include "nnp/kernels.h"
#include "nnp/rng.h"
#include "nnp/trainer.h"

namespace nnp::wasm {
namespace {

using emscripten::val;

[[noreturn]] void throw_js(const char* message) {
  val::global("Error").new_(std::string(message)).throw_();
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

// A copy that JS owns (a view would be detached when the wasm heap grows).
val float_array(const float* data, std::size_t n) {
  return val::global("Float32Array").new_(emscripten::typed_memory_view(n, data)).call<val>("slice");
}

val progress_to_js(const Progress& p) {
  val o = val::object();
  o.set("step", static_cast<double>(p.step));
  o.set("epoch", static_cast<double>(p.epoch));
  o.set("samples", static_cast<double>(p.samples));
  o.set("batchLoss", p.batch_loss);
  return o;
}

val points_to_js(const Dataset& d) {
  std::vector<float> xyl(static_cast<std::size_t>(d.size()) * 3);
  for (int i = 0; i < d.size(); ++i) {
    xyl[3 * i] = d.x[static_cast<std::size_t>(i) * d.features];
    xyl[3 * i + 1] = d.x[static_cast<std::size_t>(i) * d.features + 1];
    xyl[3 * i + 2] = d.y[static_cast<std::size_t>(i) * d.targets];
  }
  return float_array(xyl.data(), xyl.size());
}

// The JS-facing Trainer: owns a core Trainer and converts at the boundary.
class JsTrainer {
 public:
  explicit JsTrainer(const val& config) : t_(guarded([&] { return Trainer(config_from_js(config)); })) {}

  val run(double steps) {
    if (!(steps >= 0 && steps <= 1e9)) throw_js("run: steps must be a number from 0 to 1e9");
    return guarded([&] { return progress_to_js(t_.run(static_cast<int>(steps))); });
  }
  val progress() const { return progress_to_js(t_.progress()); }
  val evaluate() {
    return guarded([&] {
      const Evaluation e = t_.evaluate();
      val o = val::object();
      o.set("trainLoss", e.train.loss);
      o.set("trainAccuracy", e.train.accuracy);
      o.set("testLoss", e.test.loss);
      o.set("testAccuracy", e.test.accuracy);
      return o;
    });
  }
  val predict_grid(int res, float x_min, float x_max, float y_min, float y_max) {
    return guarded([&] {
      grid_.resize(static_cast<std::size_t>(res > 0 ? res : 0) * (res > 0 ? res : 0));
      t_.predict_grid(res, x_min, x_max, y_min, y_max, grid_.data());
      return float_array(grid_.data(), grid_.size());
    });
  }
  val train_points() const { return points_to_js(t_.train_set()); }
  val test_points() const { return points_to_js(t_.test_set()); }
  void set_learning_rate(double lr) {
    guarded([&] { t_.set_learning_rate(static_cast<float>(lr)); });
  }

 private:
  Trainer t_;
  std::vector<float> grid_;
};

// Seconds for `reps` products C = A·B on random data (benchmark page).
double bench_matmul(int m, int n, int k, int reps) {
  std::vector<float> a(static_cast<std::size_t>(m) * k), b(static_cast<std::size_t>(k) * n),
      c(static_cast<std::size_t>(m) * n);
  Pcg32 rng(1);
  for (float& v : a) v = static_cast<float>(rng.uniform(-1, 1));
  for (float& v : b) v = static_cast<float>(rng.uniform(-1, 1));
  gemm(false, false, m, n, k, 1.0f, a.data(), k, b.data(), n, 0.0f, c.data(), n);  // warm-up
  const auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; ++r) gemm(false, false, m, n, k, 1.0f, a.data(), k, b.data(), n, 0.0f, c.data(), n);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace
}  // namespace nnp::wasm

EMSCRIPTEN_BINDINGS(nnp) {
  using namespace emscripten;
  using nnp::wasm::JsTrainer;
  function("simdArch", &nnp::simd_arch);
  function("benchMatmul", &nnp::wasm::bench_matmul);
  class_<JsTrainer>("Trainer")
      .constructor<const val&>()
      .function("run", &JsTrainer::run)
      .function("progress", &JsTrainer::progress)
      .function("evaluate", &JsTrainer::evaluate)
      .function("predictGrid", &JsTrainer::predict_grid)
      .function("trainPoints", &JsTrainer::train_points)
      .function("testPoints", &JsTrainer::test_points)
      .function("setLearningRate", &JsTrainer::set_learning_rate);
}
