#!/usr/bin/env bash
# Configures and builds a hardening build with clang:
#   clang-build.sh BUILD_DIR SANITIZERS FUZZ [TARGET...]
# SANITIZERS is "address,undefined" or "thread"; FUZZ is ON to build fuzz/
# as libFuzzer targets. Without TARGETs everything is built. -O1 with line
# tables keeps the build quick and the reports readable; assert() stays on.
set -euo pipefail
build_dir="$1" sanitizers="$2" fuzz="$3"
shift 3
CXX=clang++-14 cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DTESSERA_SANITIZERS="$sanitizers" -DTESSERA_FUZZ="$fuzz" \
  ${TESSERA_FUZZ_SECONDS:+-DTESSERA_FUZZ_SECONDS="$TESSERA_FUZZ_SECONDS"} >/dev/null
targets=()
for target in "$@"; do targets+=(--target "$target"); done
cmake --build "$build_dir" -j "$(nproc)" "${targets[@]}"
