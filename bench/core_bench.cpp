// Native benchmarks: GEMM GFLOP/s in the three training forms and skeleton training steps/s.
//   cmake --build build/native --target core_bench && build/native/bench/core_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "nnp/kernels.h"
#include "nnp/learner.h"
#include "nnp/rng.h"
#include "nnp/spec_json.h"
#include "nnp/trainer.h"
#include "test_config.h"

namespace {

void BM_Gemm(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const bool ta = state.range(1) == 1, tb = state.range(1) == 2;
  nnp::Pcg32 rng(1);
  std::vector<float> a(static_cast<std::size_t>(n) * n), b(a.size()), c(a.size());
  for (float& v : a) v = static_cast<float>(rng.uniform(-1, 1));
  for (float& v : b) v = static_cast<float>(rng.uniform(-1, 1));
  for (auto _ : state) {
    nnp::gemm(ta, tb, n, n, n, 1.0f, a.data(), n, b.data(), n, 0.0f, c.data(), n);
    benchmark::DoNotOptimize(c.data());
  }
  state.counters["GFLOP/s"] =
      benchmark::Counter(2.0 * n * n * n, benchmark::Counter::kIsIterationInvariantRate, benchmark::Counter::kIs1000);
  state.SetLabel(ta ? "AT*B" : tb ? "A*BT" : "A*B");
}
BENCHMARK(BM_Gemm)->ArgsProduct({{64, 256, 1024}, {0, 1, 2}})->Unit(benchmark::kMicrosecond);

// The rooflines: the SIMD multiply + add ceiling, and the GEMM micro-kernel alone on L1 panels.
template <float (*Run)(long), long (*Flops)(long), long kCount>
void BM_Roofline(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Run(kCount));
  state.counters["GFLOP/s"] = benchmark::Counter(
      static_cast<double>(Flops(kCount)), benchmark::Counter::kIsIterationInvariantRate, benchmark::Counter::kIs1000);
}
BENCHMARK(BM_Roofline<nnp::muladd_peak, nnp::muladd_peak_flops, 1L << 20>)->Name("BM_MulAddPeak");
BENCHMARK(BM_Roofline<nnp::gemm_kernel_repeat, nnp::gemm_kernel_flops, 2000>)->Name("BM_GemmKernel");

void BM_SkeletonSteps(benchmark::State& state) {
  nnp::Trainer t(nnp::testing::skeleton_config());
  constexpr int kSteps = 1000;
  for (auto _ : state) benchmark::DoNotOptimize(t.run(kSteps));
  state.counters["steps/s"] = benchmark::Counter(kSteps, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_SkeletonSteps)->Unit(benchmark::kMillisecond);

// W1–W3 of bench/workloads/workloads.json: Learner steps on one fixed random batch (the same
// definition as the browser benchmark's trainOnBatch). The _tape variants record every step on the
// tape (Learner::set_tape_free(false)): the A/B of the tape-free step in one run.
void BM_Workload(benchmark::State& state, const char* name, bool tape = false) {
  std::ifstream in(NNP_WORKLOADS);
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json w = nlohmann::json::parse(text.str()).at(name);
  const int batch = w.at("batch").get<int>();
  nnp::Learner learner(nnp::learner_spec_from_json(w.at("spec").dump()), 1);
  learner.set_tape_free(!tape);
  const int inputs = learner.model().inputs(), outputs = learner.model().outputs();
  const bool classes = learner.spec().loss.kind == nnp::LossKind::CrossEntropyLoss;
  const int y_cols = classes ? 1 : outputs;
  nnp::Pcg32 rng(1);
  std::vector<float> x(static_cast<std::size_t>(batch) * inputs), y(static_cast<std::size_t>(batch) * y_cols);
  for (float& v : x) v = static_cast<float>(rng.uniform(-1, 1));
  for (float& v : y)
    v = classes ? static_cast<float>(rng.below(static_cast<std::uint32_t>(outputs)))
                : static_cast<float>(rng.uniform(-1, 1));
  for (auto _ : state) benchmark::DoNotOptimize(learner.step(x.data(), y.data(), batch, y_cols));
  state.counters["steps/s"] = benchmark::Counter(1, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["samples/s"] = benchmark::Counter(batch, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK_CAPTURE(BM_Workload, W1, "W1")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Workload, W2, "W2")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Workload, W3, "W3")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Workload, W1_tape, "W1", true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Workload, W2_tape, "W2", true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Workload, W3_tape, "W3", true)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
