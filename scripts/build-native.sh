#!/usr/bin/env bash
# Builds the native core, its tests and benchmarks.
source "$(dirname "$0")/env.sh"
step "native build"
if [ ! -f "$BUILD_NATIVE/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD_NATIVE" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$BUILD_NATIVE"
