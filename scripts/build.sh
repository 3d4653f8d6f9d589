#!/usr/bin/env bash
# Production build of the page: web/dist (static files, host anywhere) and
# web/dist/nn-playground.html (the whole page in one file, for file://).
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build-wasm.sh"
step "page build (vite): web/dist and the single file"
bash "$ROOT/scripts/build-page.sh"
