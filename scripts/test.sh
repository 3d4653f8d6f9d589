#!/usr/bin/env bash
# npm test: every suite — native GoogleTest (ctest), the same tests compiled to wasm under node,
# type check, Vitest against the built .wasm, and Playwright end-to-end in Debian's Chromium.
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
summary=()

bash scripts/build-native.sh
step "ctest (native)"
ctest --test-dir "$BUILD_NATIVE" --output-on-failure -j2 | tail -n 4
summary+=("ctest native: $(ctest --test-dir "$BUILD_NATIVE" -N | sed -n 's/^Total Tests: //p') tests passed")

bash scripts/build-wasm.sh all
step "ctest (wasm under node)"
ctest --test-dir "$BUILD_WASM" --output-on-failure -j2 | tail -n 4
summary+=("ctest wasm: $(ctest --test-dir "$BUILD_WASM" -N | sed -n 's/^Total Tests: //p') tests passed")

step "type check + page build"
node_modules/.bin/tsc -p web --noEmit
node_modules/.bin/vite build web --logLevel warn

step "vitest"
node_modules/.bin/vitest run --root web 2>&1 | tee "$ROOT/build/vitest.log"
summary+=("vitest: $(grep -E '^ +Tests ' "$ROOT/build/vitest.log" | sed 's/\x1b\[[0-9;]*m//g' | xargs)")

step "playwright"
node_modules/.bin/playwright test 2>&1 | tee "$ROOT/build/playwright.log"
summary+=("playwright: $(grep -E '^ +[0-9]+ passed' "$ROOT/build/playwright.log" | xargs)")

step "summary"
printf '  %s\n' "${summary[@]}"
