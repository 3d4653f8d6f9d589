// What only scripts, tests and benchmarks call, linked only into the tools' modules (core-tools.wasm,
// core-tools-fma.wasm; wasm/CMakeLists.txt), not the page's: the benchmark kernels
// (bench/bench-roofline.mjs, bench/*/worker.js), the catalogue (scripts/catalogue.mjs writes
// web/src/scene/engine-catalogue.json from it; the page reads that file) and the perceptron
// lesson's class.
#include <emscripten/bind.h>

#include <chrono>
#include <climits>
#include <string>
#include <utility>
#include <vector>

#include "adapters.h"
#include "conversions.h"
#include "nnp/kernels.h"
#include "nnp/memory_estimate.h"
#include "nnp/rng.h"
#include "refusals.h"

namespace nnp::wasm {
namespace {

// One timed roofline run: GFLOP/s = flops / seconds / 1e9.
struct RooflineRun {
  double seconds = 0.0, flops = 0.0;
  float checksum = 0.0f;
};

// Seconds for `reps` products C = op(A)·op(B) on random data (benchmark page). form: 0 = A·B,
// 1 = Aᵀ·B, 2 = A·Bᵀ.
double bench_matmul(const val& rows, const val& cols, const val& inner, const val& repeats, const val& which) {
  const int form = int_arg(which, "benchMatmul: form (0 A·B, 1 Aᵀ·B, 2 A·Bᵀ)", 0, 2);
  // Each matrix within the engine's memory budget (checked before it is allocated), each product
  // within Trainer.run's count: no call aborts out of memory or runs for hours.
  const int m = int_arg(rows, "benchMatmul: m", 1, INT_MAX), n = int_arg(cols, "benchMatmul: n", 1, INT_MAX),
            k = int_arg(inner, "benchMatmul: k", 1, INT_MAX), reps = int_arg(repeats, "benchMatmul: reps", 1, 1000000);
  for (const auto& [count, what] : {std::pair{1.0 * m * k, "benchMatmul: m × k"},
                                    {1.0 * k * n, "benchMatmul: k × n"},
                                    {1.0 * m * n, "benchMatmul: m × n"}})
    if (std::string problem = array_size_problem(count, sizeof(float), what); !problem.empty()) refuse(problem);
  if (2.0 * m * n * k * reps > 1e12) refuse("benchMatmul: 2·m·n·k·reps must be at most 1e12 multiply-adds");
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

// The benchmark rooflines: `iters` rounds of the SIMD multiply + add peak kernel, or `reps` runs of
// the GEMM micro-kernel alone on L1-resident panels (kernels.h).
template <float (*Run)(long), long (*Flops)(long)>
RooflineRun bench_roofline(const val& times, const char* name) {
  const double count = times.isNumber() ? times.as<double>() : 0;
  if (!(count >= 1 && count <= 1e9))
    refuse(std::string(name) + ": count must be between 1 and 1e9, got " + shown(times));
  const long n = static_cast<long>(count);
  const auto t0 = std::chrono::steady_clock::now();
  const float checksum = Run(n);
  return {.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
          .flops = static_cast<double>(Flops(n)),
          .checksum = checksum};
}
RooflineRun bench_peak(const val& iters) { return bench_roofline<muladd_peak, muladd_peak_flops>(iters, "benchPeak"); }
RooflineRun bench_gemm_kernel(const val& reps) {
  return bench_roofline<gemm_kernel_repeat, gemm_kernel_flops>(reps, "benchGemmKernel");
}

}  // namespace
}  // namespace nnp::wasm

EMSCRIPTEN_BINDINGS(nnp_tools) {
  using namespace emscripten;
  using nnp::wasm::make;
  using nnp::wasm::refusing;
  using nnp::wasm::RooflineRun;
  value_object<RooflineRun>("RooflineRun")
      .field("seconds", &RooflineRun::seconds)
      .field("flops", &RooflineRun::flops)
      .field("checksum", &RooflineRun::checksum);
  function("benchMatmul", &refusing<&nnp::wasm::bench_matmul>::call);
  function("benchPeak", &refusing<&nnp::wasm::bench_peak>::call);
  function("benchGemmKernel", &refusing<&nnp::wasm::bench_gemm_kernel>::call);
  function("catalogue", &refusing<&nnp::wasm::catalogue_js>::call);
  // The perceptron lesson's class: no page view calls it (the perceptron lab has its own, in
  // core-labs.wasm), so the page's modules leave it out (issue 13's budget).
  using nnp::wasm::JsPerceptron;
  using nnp::wasm::PerceptronRun;
  value_object<PerceptronRun>("PerceptronRun")
      .field("epochs", &PerceptronRun::epochs)
      .field("mistakes", &PerceptronRun::mistakes)
      .field("converged", &PerceptronRun::converged)
      .field("cycling", &PerceptronRun::cycling)
      .field("cycleLength", &PerceptronRun::cycle_length)
      .field("accuracy", &PerceptronRun::accuracy)
      .field("w1", &PerceptronRun::w1)
      .field("w2", &PerceptronRun::w2)
      .field("bias", &PerceptronRun::bias);
  class_<JsPerceptron>("Perceptron")
      .constructor(&make<JsPerceptron, const val&, const val&, const val&, const val&, const val&>,
                   allow_raw_pointers())
      .function("run", &refusing<&JsPerceptron::run>::call)
      .function("points", &refusing<&JsPerceptron::points>::call);
}
