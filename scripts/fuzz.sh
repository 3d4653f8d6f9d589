#!/usr/bin/env bash
# Coverage-guided fuzzing of the engine's entry points (tests/fuzz, libFuzzer + ASan + UBSan), then
# property-based fuzzing of the page's parsers (web/test/hostile-input.test.ts, fast-check) and of
# the Embind API itself (web/test/embind-hostile.test.ts and embind-labs-hostile.test.ts: every
# binding of core.wasm, core-tools.wasm and core-labs.wasm called with hostile arguments):
#   bash scripts/fuzz.sh               100,000 cases per entry point and per parser's property (the
#                                      fuzz benchmark: docs/reliability.md)
#   bash scripts/fuzz.sh 2000 native   a short run of the C++ targets only (npm test; its vitest
#                                      step runs the parsers' properties with 200 cases each)
# Prints the cases each target ran and, for a long run, a sample of the refusals it saw (each must
# name its field: the targets check it, tests/fuzz/fuzz_check.h). A crash, a sanitizer report, a
# refusal that names nothing, or a case over 60 s (a hang: a case takes milliseconds; the margin is
# for a shared, loaded machine) stops the script with the reproducer's path.
source "$(dirname "$0")/env.sh"
runs=${1:-100000}
which=${2:-all} # native, page or all

native() {
  bash "$ROOT/scripts/build-native.sh" fuzz >/dev/null
  step "fuzz: $runs cases per entry point"
  local seeds="$BUILD_FUZZ/seeds" total=0
  mkdir -p "$seeds/scene" "$seeds/nnpd" "$seeds/none" "$BUILD_FUZZ/crashes"
  cp "$ROOT"/docs/scenes/*.json "$seeds/scene/"
  cp "$ROOT"/web/public/data/iris.nnpd "$ROOT"/web/public/data/digits.nnpd "$seeds/nnpd/"
  declare -A seed_of=([scene]=scene [nnpd]=nnpd [supplied]=none [trainer]=none)
  for target in scene nnpd supplied trainer; do
    local corpus="$BUILD_FUZZ/corpus/$target" log="$BUILD_FUZZ/fuzz_$target.log" start
    mkdir -p "$corpus"
    start=$(date +%s)
    if ! NNP_FUZZ_SHOW=1 "$BUILD_FUZZ/tests/fuzz/fuzz_$target" -runs="$runs" -timeout=60 -print_final_stats=1 \
      -artifact_prefix="$BUILD_FUZZ/crashes/${target}-" "$corpus" "$seeds/${seed_of[$target]}" >"$log" 2>&1; then
      grep -av '^refused: ' "$log" | tail -n 40
      echo "fuzz_$target FAILED: reproduce with $BUILD_FUZZ/tests/fuzz/fuzz_$target <the file named above>" >&2
      exit 1
    fi
    # libFuzzer's count includes the corpus it replays first: stat::number_of_executed_units.
    local n refusals distinct
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    refusals=$(grep -ac '^refused: ' "$log" || true)
    distinct=$(grep -a '^refused: ' "$log" | sort -u | wc -l)
    printf '  fuzz_%-9s %7d cases, 0 crashes, 0 hangs, %d refusals (%d distinct messages), %d s\n' \
      "$target" "$n" "$refusals" "$distinct" "$(($(date +%s) - start))"
    total=$((total + n))
    if [ "$runs" -ge 100000 ]; then
      grep -a '^refused: ' "$log" | sort -u | shuf -n 6 --random-source=<(yes) | cut -c1-200 | sed 's/^/      /'
    fi
  done
  echo "fuzz: $total cases, 0 crashes"
}

page() {
  step "fuzz: the page's parsers and the Embind API, $runs cases per property and entry point"
  local log="$ROOT/build/fuzz-ts.log"
  if ! NNP_FUZZ_RUNS=$runs "$ROOT/node_modules/.bin/vitest" run --root "$ROOT/web" test/hostile-input.test.ts \
    test/embind-hostile.test.ts test/embind-labs-hostile.test.ts --testTimeout=86400000 >"$log" 2>&1; then
    tail -n 60 "$log"
    exit 1
  fi
  # Cases per property, then each entry point's time, heap and live JS handles.
  sed -n 's/^.*fuzz-ts /  /p; s/^.*fuzz-embind /  /p' "$log"
}

case "$which" in
  native) native ;;
  page) page ;;
  all) native && page ;;
  *) echo "fuzz.sh: the second argument is native, page or all, got '$which'" >&2; exit 1 ;;
esac
