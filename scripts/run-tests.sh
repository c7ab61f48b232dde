#!/usr/bin/env bash
# Runs every test of a built tree with ctest and ends with ctest's summary
# line ("100% tests passed, 0 tests failed out of N").
set -euo pipefail
build_dir="${1:-build}"
jobs="$(nproc)"
ctest --test-dir "$build_dir" --output-on-failure --timeout 600 -j "$jobs"
