# Sourced by the other scripts: paths and the environment emcc needs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# emcc's JS optimiser needs Debian's acorn under NodeSource's node.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
BUILD_NATIVE="$ROOT/build/native"
BUILD_WASM="$ROOT/build/wasm"
BUILD_NATIVE_ASAN="$ROOT/build/native-asan"  # scripts/build-native.sh asan
BUILD_FUZZ="$ROOT/build/fuzz"                # scripts/build-native.sh fuzz
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
