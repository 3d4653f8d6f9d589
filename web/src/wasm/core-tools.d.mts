// Types of core-tools.mjs (scripts/build-wasm.sh): the tools' glue, loading core-tools.wasm or
// core-tools-fma.wasm — the page's engine plus what only scripts, tests and benchmarks call
// (wasm/CMakeLists.txt).
import type { CoreOptions, ToolsCoreModule } from './core.mjs';

export default function createToolsCore(options?: CoreOptions): Promise<ToolsCoreModule>;
