#!/usr/bin/env bash
# with-display.sh COMMAND…: runs COMMAND under xvfb-run (a private X display, for WebKit's
# MiniBrowser) in a process group of its own, and ends that whole group when it finishes, fails
# or is interrupted, so no Xvfb, WebKitWebDriver, MiniBrowser or browser outlives the run.
set -euo pipefail
command -v xvfb-run >/dev/null || { echo "with-display: xvfb-run is missing (bash scripts/setup-system.sh)" >&2; exit 1; }
# A background job of a script is no group leader, so setsid starts the new session in that very
# process: its pid is the group's id.
setsid xvfb-run -a "$@" &
group=$!
trap 'kill -TERM -- "-$group" 2>/dev/null || true' EXIT
wait "$group"
