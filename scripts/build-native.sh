#!/usr/bin/env bash
# Builds the native core, its tests and benchmarks (build/native, Release). With an argument, another
# build of the same project beside it:
#   asan   build/native-asan: the core and the tests under ASan + UBSan (clang), for ctest
#   fuzz   build/fuzz: the libFuzzer targets of tests/fuzz under ASan + UBSan (clang), for scripts/fuzz.sh
source "$(dirname "$0")/env.sh"
variant=${1:-release}
case "$variant" in
  release) dir=$BUILD_NATIVE; options=() ;;
  # -O1, as the sanitizers' docs advise: reports keep their frames, and ASan's instrumented code
  # compiles several times faster than at -O3.
  asan)
    dir=$BUILD_NATIVE_ASAN
    options=(-DCMAKE_CXX_COMPILER=clang++ -DNNP_SANITIZE=ON -DNNP_BUILD_BENCH=OFF "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG")
    ;;
  fuzz)
    dir=$BUILD_FUZZ
    options=(-DCMAKE_CXX_COMPILER=clang++ -DNNP_FUZZ=ON -DNNP_BUILD_TESTS=OFF -DNNP_BUILD_BENCH=OFF)
    ;;
  *) echo "build-native.sh: unknown build '$variant' (release, asan or fuzz)" >&2; exit 1 ;;
esac
step "native build ($variant)"
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "${options[@]}"
fi
cmake --build "$dir" ${NNP_BUILD_JOBS:+-j "$NNP_BUILD_JOBS"}
