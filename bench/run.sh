#!/usr/bin/env bash
# Measures Tessera with wrk on loopback and prints one table: requests per
# second, p50 and p99 latency, the ratio to GET /healthz, and the server's
# RSS after each run. Not a test: nothing here asserts a time.
# Usage: bench/run.sh path/to/tessera [seconds]
# BENCH_BACKEND=postgres measures on a throw-away PostgreSQL cluster
# (scripts/test-postgres.sh) instead of a fresh SQLite file.
set -euo pipefail
tessera="$1"
seconds="${2:-10}"
command -v wrk >/dev/null || { echo "bench: installing wrk"; apt-get install -y -qq wrk >/dev/null; }
work="$(mktemp -d)"
pgdir="$(mktemp -u /tmp/tessera-bench-pg.XXXXXX)"
postgres="$(dirname "$0")/../scripts/test-postgres.sh"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; [ -d "$pgdir" ] && "$postgres" stop "$pgdir"' EXIT
storage=(--data-dir "$work/data")
if [ "${BENCH_BACKEND:-sqlite}" = postgres ]; then
  "$postgres" start "$pgdir"
  storage+=(--database "$(cat "$pgdir/url")")
fi
echo "backend: ${BENCH_BACKEND:-sqlite}"
"$tessera" serve --listen 127.0.0.1:0 "${storage[@]}" --ready-file "$work/ready" \
  --log-level warn >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 200); do [ -s "$work/ready" ] && break; sleep 0.05; done
url="http://$(cat "$work/ready")"
eval "$(node "$(dirname "$0")/seed.mjs" "$url")"

cat >"$work/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA
cat >"$work/bad.lua" <<LUA
wrk.headers["Authorization"] = "Bearer tsr_pat_not_a_token"
LUA

rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$server/status"; }
baseline=""
printf "%-40s %10s %9s %9s %8s %8s\n" "case" "req/s" "p50" "p99" "vs (a)" "RSS"
measure() {
  local label="$1" path="$2" script="${3:-}"
  local args=(-t2 -c64 -d"${seconds}s" --latency)
  [ -n "$script" ] && args+=(-s "$script")
  wrk -t2 -c64 -d2s ${script:+-s "$script"} "$url$path" >/dev/null  # warm-up
  local out rps p50 p99 ratio
  out="$(wrk "${args[@]}" "$url$path")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  [ -z "$baseline" ] && baseline="$rps"
  ratio="$(awk -v a="$rps" -v b="$baseline" 'BEGIN {printf "%.0f%%", 100 * a / b}')"
  printf "%-40s %10s %9s %9s %8s %8s\n" "$label" "$rps" "$p50" "$p99" "$ratio" "$(rss)"
}
measure "(a) GET /healthz" "/healthz"
measure "(b) token GET one record" "/api/table/$TABLE/record/$RECORD" "$work/auth.lua"
measure "(c) token list 100 records" "/api/table/$TABLE/record?take=100" "$work/auth.lua"
measure "(e) malformed token" "/api/table/$TABLE/record/$RECORD" "$work/bad.lua"
