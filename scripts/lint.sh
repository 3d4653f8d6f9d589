#!/usr/bin/env bash
# npm run lint, and the style step of npm test: formatting (clang-format, prettier) and lint
# (ESLint with eslint.config.js, clang-tidy with .clang-tidy). Stops at the first that fails.
source "$(dirname "$0")/env.sh"
cd "$ROOT"

step "clang-format"
git ls-files -z 'core/*.h' 'core/*.cpp' 'wasm/*.cpp' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' | xargs -0 clang-format --dry-run --Werror

step "prettier"
node_modules/.bin/prettier --check --log-level warn --no-error-on-unmatched-pattern web/src web/test e2e scripts "bench/**/*.{js,mjs,ts,html}" playwright.config.ts vitest.config.ts eslint.config.js

step "ESLint"
node_modules/.bin/eslint --max-warnings 0 .

step "clang-tidy"
# Needs the native build's compile_commands.json (configuring is enough; nothing is compiled).
[ -f "$BUILD_NATIVE/build.ninja" ] || cmake -S "$ROOT" -B "$BUILD_NATIVE" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
# wasm/ is compiled by em++ only, so it has no entry in the native compile database and is not
# checked here.
files=$(git ls-files 'core/*.cpp' 'tests/*.cpp' 'bench/*.cpp')
# -quiet: only the findings; the compile flags gcc knows and clang does not (-Wno-restrict) are fine.
# shellcheck disable=SC2086  # one argument per file
run-clang-tidy -quiet -j "$(nproc)" -p "$BUILD_NATIVE" -extra-arg=-Wno-unknown-warning-option $files \
  > "$ROOT/build/clang-tidy.log" 2>&1 || { sed 's/\x1b\[[0-9;]*m//g' "$ROOT/build/clang-tidy.log"; exit 1; }
echo "clang-tidy: $(echo "$files" | wc -l) files, no findings"
