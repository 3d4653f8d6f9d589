#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, only when something is missing:
#   emscripten (em++ for the wasm module), chromium (Playwright's browser), ninja, GoogleTest
#   (prebuilt for native, sources for the wasm build), Google Benchmark, nlohmann-json,
#   xsimd >= 13 (header-only; bookworm ships 8.1 without the wasm arch, so it comes from
#   trixie through a pin that lets nothing else in), python3 for emcc, and clang-format and
#   clang-tidy (with run-clang-tidy) for scripts/lint.sh, clang with its runtimes (libFuzzer,
#   ASan, UBSan) for the fuzz targets and the sanitizer build (scripts/build-native.sh fuzz|asan),
#   python3-torch (the export-to-PyTorch parity test), and the cross-browser suite's browsers
#   (e2e/browsers/): Firefox ESR, WebKitGTK's WebKitWebDriver with its MiniBrowser, and xvfb-run
#   (with xauth) for the display WebKit needs.
# A second run with everything present does nothing.
set -euo pipefail

have_xsimd13() {
  [ -f /usr/include/xsimd/arch/xsimd_wasm.hpp ] &&
    grep -qE 'XSIMD_VERSION_MAJOR (1[3-9]|[2-9][0-9])' /usr/include/xsimd/config/xsimd_config.hpp
}

missing=()
command -v em++ >/dev/null || missing+=(emscripten)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v ninja >/dev/null || missing+=(ninja-build)
command -v cmake >/dev/null || missing+=(cmake)
[ -f /usr/include/gtest/gtest.h ] || missing+=(libgtest-dev)
[ -f /usr/include/gmock/gmock.h ] || missing+=(libgmock-dev)
[ -f /usr/include/benchmark/benchmark.h ] || missing+=(libbenchmark-dev)
[ -f /usr/include/nlohmann/json.hpp ] || missing+=(nlohmann-json3-dev)
[ -d /usr/src/googletest/googletest ] || missing+=(googletest)
command -v clang-format >/dev/null || missing+=(clang-format)
command -v run-clang-tidy >/dev/null || missing+=(clang-tidy)
# Debian's PyTorch 1.13: the export-to-PyTorch parity test runs the exported scripts with it.
/usr/bin/python3 -c 'import torch' 2>/dev/null || missing+=(python3-torch)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb)
command -v xauth >/dev/null || missing+=(xauth)
command -v clang++ >/dev/null || missing+=(clang)
compgen -G '/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a' >/dev/null || missing+=(libclang-rt-dev)

if [ ${#missing[@]} -eq 0 ] && have_xsimd13; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]} xsimd13" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

$SUDO apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! have_xsimd13; then
  echo "setup: installing xsimd 13 (libxsimd-dev from trixie, pinned to that package alone)"
  src=/etc/apt/sources.list.d/debian.sources
  list=/etc/apt/sources.list.d/nnp-trixie-xsimd.sources
  pin=/etc/apt/preferences.d/nnp-trixie-xsimd
  # Reuse the configured bookworm stanza (its URIs and keyring) with the suite renamed.
  awk 'BEGIN{RS=""; ORS="\n\n"} /Suites:[^\n]*bookworm([ \n]|$)/ && !/bookworm-security/ {
         n=split($0, lines, "\n"); out="";
         for (i=1;i<=n;i++) { l=lines[i]; if (l ~ /^#/) continue;
           if (l ~ /^Suites:/) l="Suites: trixie"; out=out l "\n" }
         print out; exit }' "$src" | $SUDO tee "$list" >/dev/null
  printf 'Package: *\nPin: release n=trixie\nPin-Priority: 1\n\nPackage: libxsimd-dev xtl-dev\nPin: release n=trixie\nPin-Priority: 990\n' |
    $SUDO tee "$pin" >/dev/null
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends libxsimd-dev xtl-dev
  $SUDO rm -f "$list" "$pin"
  $SUDO apt-get update -qq
  have_xsimd13 || { echo "setup: xsimd 13 did not install" >&2; exit 1; }
fi
echo "setup: system packages ready"
