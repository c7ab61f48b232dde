#!/usr/bin/env bash
# The sanitizer runs, with clang: an ASan + UBSan build (build-asan, shared
# with the fuzzers) and a TSan build (build-tsan) of the server and the unit
# tests. Each build runs its own unit tests, and the integration suites of
# the ordinary build (BUILD_DIR, default build) run against its server
# through TESSERA_TEST_BINARY: under ASan + UBSan the integration tests on
# SQLite and on PostgreSQL and the cluster tests, under TSan the
# integration tests on both backends, whose servers run requests on
# several threads beside the writer thread and the background flusher.
# Every test must pass, and no sanitizer may report anything: the reports
# of every process are written to <sanitizer build>/sanitizer-reports/,
# which must stay empty. (tests/sanitizers/tsan.supp explains the one
# suppression, a false positive of TSan with an uninstrumented libstdc++.)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
jobs="$(nproc)"
status=0

run_suite() {  # reports dir, build dir to run, ctest regex
  local reports="$1" common
  common="log_path=$reports/report:print_stacktrace=1"
  ASAN_OPTIONS="$common:detect_leaks=1" UBSAN_OPTIONS="$common:halt_on_error=1" \
    LSAN_OPTIONS="$common" \
    TSAN_OPTIONS="$common:halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/sanitizers/tsan.supp" \
    ctest --test-dir "$2" --output-on-failure --timeout 900 -j "$jobs" -R "$3" || status=1
}

check_reports() {  # reports dir
  if compgen -G "$1/*" >/dev/null; then
    echo "sanitize: reports in $1:"
    cat "$1"/*
    status=1
  fi
}

sanitized() {  # build dir, sanitizers, fuzz, integration regex
  local reports="$PWD/$1/sanitizer-reports"
  ./scripts/clang-build.sh "$1" "$2" "$3" tessera unit_tests
  rm -rf "$reports" && mkdir -p "$reports"
  run_suite "$reports" "$1" '^unit\.'
  # (ctest adds the PostgreSQL fixture's start and stop by itself.)
  TESSERA_TEST_BINARY="$PWD/$1/tessera" run_suite "$reports" "$build_dir" "$4"
  check_reports "$reports"
}

sanitized build-asan address,undefined ON '^(integration|postgres\.integration|cluster)\.'
sanitized build-tsan thread OFF '^(integration|postgres\.integration)\.'
exit "$status"
