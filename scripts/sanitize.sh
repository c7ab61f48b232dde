#!/usr/bin/env bash
# The sanitizer runs, both with clang:
# - ASan + UBSan (build-asan): the unit tests, the integration tests on
#   SQLite and on PostgreSQL, the cluster tests and the tours;
# - TSan (build-tsan): the unit tests and the integration tests on both
#   backends; every server they start runs requests on several threads
#   beside the writer thread and the background flusher.
# Every test must pass, and no sanitizer may report anything: the reports
# of every process (the test binaries and each server they start) are
# written to build-*/sanitizer-reports/, which must stay empty.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"
# (ctest adds the PostgreSQL fixture's start and stop by itself.)
cpp_suites='^(unit|integration|postgres\.integration|tour)\.'

run_suite() {  # build dir, ctest regex
  local reports="$PWD/$1/sanitizer-reports"
  rm -rf "$reports" && mkdir -p "$reports"
  local common="log_path=$reports/report:print_stacktrace=1"
  local status=0
  ASAN_OPTIONS="$common:detect_leaks=1" UBSAN_OPTIONS="$common:halt_on_error=1" \
    LSAN_OPTIONS="$common" TSAN_OPTIONS="$common:halt_on_error=1:second_deadlock_stack=1" \
    ctest --test-dir "$1" --output-on-failure --timeout 900 -j "$jobs" -R "$2" || status=$?
  if compgen -G "$reports/*" >/dev/null; then
    echo "sanitize: reports in $reports:"
    cat "$reports"/*
    status=1
  fi
  return "$status"
}

./scripts/clang-build.sh build-asan address,undefined ON
run_suite build-asan "$cpp_suites|^cluster\\."
./scripts/clang-build.sh build-tsan thread OFF
run_suite build-tsan "$cpp_suites"
