#!/usr/bin/env bash
# npm start: install what is missing, build, and serve the playground (production build).
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/build.sh"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-5173}"
step "serving the playground at http://$HOST:$PORT/  (Ctrl+C stops)"
cd "$ROOT"
exec node_modules/.bin/vite preview web --host "$HOST" --port "$PORT" --strictPort
