// What only scripts, tests and benchmarks call, linked only into the tools' modules (core-tools.wasm,
// core-tools-fma.wasm; wasm/CMakeLists.txt), not the page's: the benchmark kernels
// (bench/bench-roofline.mjs, bench/*/worker.js) and the catalogue (scripts/catalogue.mjs writes
// web/src/scene/engine-catalogue.json from it; the page reads that file).
#include <emscripten/bind.h>

#include <chrono>
#include <string>
#include <vector>

#include "adapters.h"
#include "conversions.h"
#include "nnp/kernels.h"
#include "nnp/rng.h"

namespace nnp::wasm {
namespace {

// One timed roofline run: GFLOP/s = flops / seconds / 1e9.
struct RooflineRun {
  double seconds = 0.0, flops = 0.0;
  float checksum = 0.0f;
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

// The benchmark rooflines: `iters` rounds of the SIMD multiply + add peak kernel, or `reps` runs of
// the GEMM micro-kernel alone on L1-resident panels (kernels.h).
template <float (*Run)(long), long (*Flops)(long)>
RooflineRun bench_roofline(double count, const char* name) {
  if (!(count >= 1 && count <= 1e9)) throw_js(std::string(name) + ": count must be between 1 and 1e9");
  const long n = static_cast<long>(count);
  const auto t0 = std::chrono::steady_clock::now();
  const float checksum = Run(n);
  return {.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
          .flops = static_cast<double>(Flops(n)),
          .checksum = checksum};
}
RooflineRun bench_peak(double iters) { return bench_roofline<muladd_peak, muladd_peak_flops>(iters, "benchPeak"); }
RooflineRun bench_gemm_kernel(double reps) {
  return bench_roofline<gemm_kernel_repeat, gemm_kernel_flops>(reps, "benchGemmKernel");
}

}  // namespace
}  // namespace nnp::wasm

EMSCRIPTEN_BINDINGS(nnp_tools) {
  using namespace emscripten;
  using nnp::wasm::RooflineRun;
  value_object<RooflineRun>("RooflineRun")
      .field("seconds", &RooflineRun::seconds)
      .field("flops", &RooflineRun::flops)
      .field("checksum", &RooflineRun::checksum);
  function("benchMatmul", &nnp::wasm::bench_matmul);
  function("benchPeak", &nnp::wasm::bench_peak);
  function("benchGemmKernel", &nnp::wasm::bench_gemm_kernel);
  function("catalogue", &nnp::wasm::catalogue_js);
}
