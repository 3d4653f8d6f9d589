#!/usr/bin/env bash
# The page's two builds, in this order: web/dist, the hosted page (vite.config.ts empties dist/
# first), then web/dist/nn-playground.html, the single self-contained file (vite.single.config.ts,
# which keeps what is there). Arguments go to both (e.g. --logLevel warn).
source "$(dirname "$0")/env.sh"
cd "$ROOT"
node_modules/.bin/vite build web "$@"
node_modules/.bin/vite build web --config web/vite.single.config.ts "$@"
