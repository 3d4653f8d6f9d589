#!/usr/bin/env bash
# Everything a fresh clone needs before it builds: Debian packages, then npm packages.
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/setup-system.sh"
cd "$ROOT"
# npm ci only when node_modules is missing or older than the lockfile.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi
