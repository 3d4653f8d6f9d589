#!/usr/bin/env bash
# npm run train -- SCENE.json [--epochs N] [--data DATA.json]: trains a scene with the wasm engine
# under Node, one JSON line per evaluation on stdout, then a summary (scripts/train.ts). Builds
# what it needs first — the wasm module and the bundle of scripts/train.ts — with their output on
# stderr, so stdout holds only JSON (`npm run --silent train …` also keeps npm's banner off it).
source "$(dirname "$0")/env.sh"
{
  bash "$ROOT/scripts/build-wasm.sh"
  (cd "$ROOT" && node_modules/.bin/vite build --config scripts/vite.train.config.ts)
} >&2
exec node "$ROOT/build/train/train.mjs" "$@"
