#!/usr/bin/env bash
# Runs the same bench/run.sh cases against two builds, in the order A B B A
# (so a machine that speeds up or slows down during the runs favours
# neither), and prints each case's mean req/s and p99 of the two runs of
# each build side by side, with the ratio B / A, so a performance change
# shows its before and after. Not a test.
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
"$here/run.sh" "$a" "$seconds" | tee "$out/a1"
"$here/run.sh" "$b" "$seconds" | tee "$out/b1"
"$here/run.sh" "$b" "$seconds" | tee "$out/b2"
"$here/run.sh" "$a" "$seconds" | tee "$out/a2"

# The rows of a run.sh table: label, req/s, p99 ms (tab-separated). A row
# ends with req/s, p50, p99, share of (a), RSS ("26 MB") and non-2xx.
rows() {
  awk '/^\([a-z]/ { label = $1; for (i = 2; i <= NF - 7; i++) label = label " " $i
                     print label "\t" $(NF - 6) "\t" $(NF - 4) }' "$1"
}
echo
printf "%-44s %10s %10s %7s %9s %9s %7s\n" "case" "A req/s" "B req/s" "B/A" "A p99" "B p99" "B/A"
# Both runs of A, then both of B: the mean of each case, in A's order.
{ rows "$out/a1" | sed 's/^/A\t/'; rows "$out/a2" | sed 's/^/A\t/'
  rows "$out/b1" | sed 's/^/B\t/'; rows "$out/b2" | sed 's/^/B\t/'; } |
  awk -F '\t' '{ key = $1 SUBSEP $2; rps[key] += $3 / 2; p99[key] += $4 / 2
                 if ($1 == "A" && !($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
    END { for (i = 1; i <= n; i++) { c = order[i]; a = "A" SUBSEP c; b = "B" SUBSEP c
            if (!(b in rps)) continue
            printf "%-44s %10.0f %10.0f %6.0f%% %9.2f %9.2f %6.0f%%\n", c, rps[a], rps[b],
                   rps[a] ? 100 * rps[b] / rps[a] : 0, p99[a], p99[b],
                   p99[a] ? 100 * p99[b] / p99[a] : 0 } }'
