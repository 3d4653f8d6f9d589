#!/usr/bin/env bash
# Production build of the page: web/dist (static files, host anywhere).
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build-wasm.sh"
step "page build (vite)"
cd "$ROOT"
node_modules/.bin/vite build web
