#!/usr/bin/env bash
# The divergence matrix of docs/reliability.md: every scene of web/test/divergence-scenes.ts at
# lr 10, in the engine under node (web/test/divergence.test.ts over core.wasm, up to STEPS steps)
# and in the page (e2e/divergence.spec.ts against the built page in web/dist). Prints one table.
#   bash scripts/divergence-matrix.sh [STEPS]     (default 2000; npm test's vitest step runs 100)
# Needs web/src/wasm (scripts/build-wasm.sh) and web/dist (scripts/build-page.sh); PW_PORT as for
# Playwright. The native twin over docs/scenes is ctest's Divergence.* (build/native).
source "$(dirname "$0")/env.sh"
steps=${1:-2000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$ROOT"
NNP_DIVERGENCE_STEPS=$steps NNP_DIVERGENCE_MATRIX="$out/engine.md" \
  node_modules/.bin/vitest run --root web test/divergence.test.ts >&2
NNP_DIVERGENCE_PAGE="$out/page.tsv" node_modules/.bin/playwright test e2e/divergence.spec.ts >&2
# The engine's table with the page's result as a last column, matched by scene.
node -e '
const fs = require("fs");
const [engine, page] = process.argv.slice(1).map((f) => fs.readFileSync(f, "utf8"));
const shown = new Map(page.trim().split("\n").map((line) => line.split("\t")));
const lines = engine.trim().split("\n");
console.log(lines[0] + " the page (Play, then Reset) |");
console.log(lines[1] + " --- |");
for (const line of lines.slice(2)) {
  const scene = line.split(" | ")[0].slice(2);
  console.log(line + " " + (shown.get(scene) ?? "not run") + " |");
}' "$out/engine.md" "$out/page.tsv"
