#!/usr/bin/env bash
# Runs the same bench/run.sh cases against two builds, one after the other,
# and prints them side by side with the ratio B / A of each case's req/s
# and p99, so a performance change shows its before and after. Not a test.
# Usage: bench/compare.sh A B [seconds]
#   A, B: a tessera binary, or a git revision of this repository (built
#   Release, server only, in a worktree under $BENCH_BUILDS, by default
#   /tmp/tessera-bench-builds; ccache makes a rebuild of a near revision
#   quick).
# BENCH_BACKEND, BENCH_BIG_RECORDS and BENCH_CASES pass through to run.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
builds="${BENCH_BUILDS:-/tmp/tessera-bench-builds}"
seconds="${3:-10}"

binary_of() {  # a binary or a revision -> the path of a tessera binary
  if [ -x "$1" ] && [ -f "$1" ]; then
    realpath "$1"
    return
  fi
  local commit tree
  commit="$(git -C "$repo" rev-parse --verify "$1^{commit}")"
  tree="$builds/$commit"
  if [ ! -x "$tree/build/tessera" ]; then
    rm -rf "$tree"
    git -C "$repo" worktree prune
    git -C "$repo" worktree add --detach "$tree" "$commit" >&2
    cmake -S "$tree" -B "$tree/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DTESSERA_BUILD_TESTS=OFF >&2
    cmake --build "$tree/build" --target tessera >&2
  fi
  echo "$tree/build/tessera"
}

a="$(binary_of "$1")"
b="$(binary_of "$2")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "A: $1 ($a)"
echo "B: $2 ($b)"
"$here/run.sh" "$a" "$seconds" | tee "$out/a"
"$here/run.sh" "$b" "$seconds" | tee "$out/b"

# The rows of a run.sh table: label, req/s, p99 ms (tab-separated). A row
# ends with req/s, p50, p99, share of (a), RSS ("26 MB") and non-2xx.
rows() {
  awk '/^\([a-z]/ { label = $1; for (i = 2; i <= NF - 7; i++) label = label " " $i
                     print label "\t" $(NF - 6) "\t" $(NF - 4) }' "$1"
}
echo
printf "%-44s %10s %10s %7s %9s %9s %7s\n" "case" "A req/s" "B req/s" "B/A" "A p99" "B p99" "B/A"
awk -F '\t' 'NR == FNR { rps[$1] = $2; p99[$1] = $3; next }
  ($1 in rps) { printf "%-44s %10.0f %10.0f %6.0f%% %9.2f %9.2f %6.0f%%\n", $1, rps[$1], $2,
                       100 * $2 / rps[$1], p99[$1], $3, 100 * $3 / p99[$1] }' \
  <(rows "$out/a") <(rows "$out/b")
