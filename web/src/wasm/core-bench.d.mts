// Types of core-bench.mjs (scripts/build-wasm.sh): the benchmarks' glue, loading core-bench.wasm
// or core-bench-fma.wasm — the page's engine plus the benchmark kernels (wasm/CMakeLists.txt).
import type { BenchCoreModule, CoreOptions } from './core.mjs';

export default function createBenchCore(options?: CoreOptions): Promise<BenchCoreModule>;
