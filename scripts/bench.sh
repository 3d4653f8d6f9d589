#!/usr/bin/env bash
# npm run bench: native Google Benchmark, then the same engine in headless Chromium.
# Raw results go to bench/results/ (native.json, browser.json, roofline.json).
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build-native.sh"
bash "$ROOT/scripts/build-wasm.sh"
mkdir -p "$ROOT/bench/results"
step "native (Google Benchmark, one thread)"
"$BUILD_NATIVE/bench/core_bench" --benchmark_out="$ROOT/bench/results/native.json" --benchmark_out_format=json
step "real data under Node (digits, Fashion-MNIST subset)"
node "$ROOT/bench/bench-real-data.mjs" | tee "$ROOT/bench/results/real-data-node.json"
step "Chromium (the module the page loads, in a module worker)"
node "$ROOT/bench/bench-browser.mjs" | tee "$ROOT/bench/results/browser.json"
step "GEMM roofline and W1–W3 in Chromium, both modules, on the worker's CPU time"
ROOFLINE_WORKLOADS=1 node "$ROOT/bench/bench-roofline.mjs" > "$ROOT/bench/results/roofline.json"
node "$ROOT/bench/bench-peers.mjs"  # issue 6 peers (TF.js wasm/cpu, brain.js, ConvNetJS) → bench/results/peers.json
step "the page's own cost: W1 with every view live (production build)"
(cd "$ROOT" && node_modules/.bin/vite build web --logLevel warn)
node "$ROOT/bench/bench-page.mjs" | tee "$ROOT/bench/results/page.json"
step "issue 17's soak: 1,000,000 W1 steps and 20 Fashion-MNIST epochs, every view open, heaps before and after"
node "$ROOT/bench/bench-soak.mjs" | tee "$ROOT/bench/results/soak.json"
step "issue 13's budgets: each wasm module and the first load gzipped, the engine ready (production build)"
node "$ROOT/bench/bench-budgets.mjs" | tee "$ROOT/bench/results/budgets.json"
step "issue 18's engines: the page's time to ready and W1 in Chromium, Firefox and WebKit"
bash "$ROOT/scripts/with-display.sh" node "$ROOT/bench/bench-engines.mjs" | tee "$ROOT/bench/results/engines.json"
step "report: the table → docs/benchmarks.md, every number → bench/results/latest.json"
node "$ROOT/bench/bench-report.mjs"
