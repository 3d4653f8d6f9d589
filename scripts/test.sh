#!/usr/bin/env bash
# npm test: the style checks (scripts/lint.sh), then every suite — native GoogleTest (ctest), the
# same tests under ASan + UBSan, a short run of each fuzz target (scripts/fuzz.sh), the same tests
# compiled to wasm under node, type check, Vitest against the built .wasm, Playwright end-to-end
# in Debian's Chromium, and the cross-browser smoke path in Chromium, Firefox and WebKit
# (e2e/browsers/).
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
summary=()
total=0
count() { total=$((total + ${1:-0})); }

bash scripts/lint.sh  # style: clang-format, prettier, ESLint, clang-tidy

bash scripts/build-native.sh
step "ctest (native)"
ctest --test-dir "$BUILD_NATIVE" --output-on-failure -j2 | tail -n 4
n=$(ctest --test-dir "$BUILD_NATIVE" -N | sed -n 's/^Total Tests: //p'); count "$n"
summary+=("ctest native: $n passed")

bash scripts/build-native.sh asan
step "ctest (native, ASan + UBSan)"
ctest --test-dir "$BUILD_NATIVE_ASAN" --output-on-failure -j2 | tail -n 4
n=$(ctest --test-dir "$BUILD_NATIVE_ASAN" -N | sed -n 's/^Total Tests: //p'); count "$n"
summary+=("ctest native under ASan + UBSan: $n passed")

log="$ROOT/build/fuzz-short.log"
bash scripts/fuzz.sh 2000 native | tee "$log"
n=$(grep -c '^  fuzz_.* 0 crashes' "$log"); count "$n"
summary+=("fuzz (libFuzzer + ASan + UBSan): $n entry points, $(sed -n 's/^fuzz: \([0-9]*\) cases.*/\1/p' "$log") cases, 0 crashes")

bash scripts/build-wasm.sh all
step "ctest (wasm under node)"
ctest --test-dir "$BUILD_WASM" --output-on-failure -j2 | tail -n 4
n=$(ctest --test-dir "$BUILD_WASM" -N | sed -n 's/^Total Tests: //p'); count "$n"
summary+=("ctest wasm: $n passed")

step "parity: PyTorch fixtures through both wasm modules under node"
for module in core.wasm core-fma.wasm; do
  log="$ROOT/build/parity-$module.log"
  PARITY_MODULE=$module node scripts/parity.mjs > "$log" || { cat "$log"; exit 1; }
  tail -n 1 "$log"
  n=$(sed -n 's/^\([0-9]*\) passed, 0 failed$/\1/p' "$log"); count "$n"
  summary+=("parity ($module): $n passed")
done

step "type check + page build"
node_modules/.bin/tsc -p web --noEmit
bash scripts/build-page.sh --logLevel warn

step "vitest"
node_modules/.bin/vitest run --root web 2>&1 | tee "$ROOT/build/vitest.log"
n=$(sed 's/\x1b\[[0-9;]*m//g' "$ROOT/build/vitest.log" | sed -n 's/^ *Tests *\([0-9]*\) passed.*/\1/p'); count "$n"
summary+=("vitest: $n passed")

step "playwright"
node_modules/.bin/playwright test 2>&1 | tee "$ROOT/build/playwright.log"
n=$(sed -n 's/^ *\([0-9]*\) passed.*/\1/p' "$ROOT/build/playwright.log"); count "$n"
summary+=("playwright: $n passed")

step "browsers: the smoke path in Chromium, Firefox and WebKit (production build)"
bash scripts/with-display.sh node e2e/browsers/run.mjs 2>&1 | tee "$ROOT/build/browsers.log"
n=$(sed -n 's/^\([0-9]*\) passed, 0 failed$/\1/p' "$ROOT/build/browsers.log"); count "$n"
summary+=("browsers: $n passed")

step "summary"
printf '  %s\n' "${summary[@]}"
# Every suite above stops the script on its first failure, so reaching here means none failed.
echo "$total passed, 0 failed"
