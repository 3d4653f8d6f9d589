#!/usr/bin/env bash
# Coverage-guided fuzzing of the engine's entry points (tests/fuzz, libFuzzer + ASan + UBSan):
#   bash scripts/fuzz.sh            100,000 cases per entry point (the fuzz benchmark, docs/reliability.md)
#   bash scripts/fuzz.sh 2000       a short run of each (npm test)
# Prints the cases each target ran, and a sample of the refusals it saw (each must name its field:
# the targets check it, tests/fuzz/fuzz_check.h). A crash, a sanitizer report, a refusal that names
# nothing, or a case over 10 s (a hang) stops the script with the reproducer's path.
source "$(dirname "$0")/env.sh"
runs=${1:-100000}
bash "$ROOT/scripts/build-native.sh" fuzz >/dev/null
step "fuzz: $runs cases per entry point"
seeds="$BUILD_FUZZ/seeds"
mkdir -p "$seeds/scene" "$seeds/nnpd" "$seeds/none"
cp "$ROOT"/docs/scenes/*.json "$seeds/scene/"
cp "$ROOT"/web/public/data/iris.nnpd "$ROOT"/web/public/data/digits.nnpd "$seeds/nnpd/"
declare -A seed_of=([scene]=scene [nnpd]=nnpd [supplied]=none [trainer]=none)
total=0
for target in scene nnpd supplied trainer; do
  corpus="$BUILD_FUZZ/corpus/$target" log="$BUILD_FUZZ/fuzz_$target.log"
  mkdir -p "$corpus" "$BUILD_FUZZ/crashes"
  start=$(date +%s)
  if ! NNP_FUZZ_SHOW=1 "$BUILD_FUZZ/tests/fuzz/fuzz_$target" -runs="$runs" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$BUILD_FUZZ/crashes/${target}-" "$corpus" "$seeds/${seed_of[$target]}" >"$log" 2>&1; then
    grep -v '^refused: ' "$log" | tail -n 40
    echo "fuzz_$target FAILED: reproduce with $BUILD_FUZZ/tests/fuzz/fuzz_$target <the file named above>" >&2
    exit 1
  fi
  # libFuzzer's stats count the seed corpus's runs too: stat::number_of_executed_units.
  n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  refusals=$(grep -c '^refused: ' "$log" || true)
  distinct=$(grep '^refused: ' "$log" | sort -u | wc -l)
  printf '  fuzz_%-9s %7d cases, 0 crashes, 0 hangs, %d refusals (%d distinct messages), %d s\n' \
    "$target" "$n" "$refusals" "$distinct" "$(($(date +%s) - start))"
  total=$((total + n))
  if [ "$runs" -ge 100000 ]; then
    grep '^refused: ' "$log" | sort -u | shuf -n 6 --random-source=<(yes) | cut -c1-200 | sed 's/^/      /'
  fi
done
echo "fuzz: $total cases, 0 crashes"
