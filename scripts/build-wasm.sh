#!/usr/bin/env bash
# Builds the browser module (core.mjs + core.wasm, and core-fma.wasm: relaxed SIMD) and the
# tools' (core-tools.mjs + core-tools.wasm, core-tools-fma.wasm: the same plus the benchmark kernels
# and the catalogue, for scripts, tests and benchmarks; wasm/CMakeLists.txt) and copies them to
# web/src/wasm/; and the labs' (core-labs.mjs + core-labs.wasm: web/src/labs).
source "$(dirname "$0")/env.sh"
step "wasm build (emscripten)"
if [ ! -f "$BUILD_WASM/build.ninja" ]; then
  emcmake cmake -S "$ROOT" -B "$BUILD_WASM" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CROSSCOMPILING_EMULATOR="/usr/bin/node;--no-experimental-fetch"
fi
cmake --build "$BUILD_WASM" --target ${1:-core_fma_wasm core_tools_wasm core_tools_fma_wasm core_labs_wasm}
for f in core.mjs core.wasm core-fma.wasm core-tools.mjs core-tools.wasm core-tools-fma.wasm core-labs.mjs core-labs.wasm; do
  cmp -s "$BUILD_WASM/wasm/$f" "$ROOT/web/src/wasm/$f" || cp "$BUILD_WASM/wasm/$f" "$ROOT/web/src/wasm/$f"
done
# The page reads the engine's catalogue from a committed file: refresh it from this build.
node --no-experimental-fetch "$ROOT/scripts/catalogue.mjs"
