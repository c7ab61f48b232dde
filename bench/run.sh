#!/usr/bin/env bash
# Measures Tessera with wrk on loopback and prints one table: requests per
# second, p50 and p99 latency, the ratio to GET /healthz, and the server's
# RSS after each run. Not a test: nothing here asserts a time.
# Usage: bench/run.sh path/to/tessera [seconds]
# BENCH_BACKEND=postgres measures on a throw-away PostgreSQL cluster
# (scripts/test-postgres.sh) instead of a fresh SQLite file.
# BENCH_CASES, an extended regular expression, keeps only the cases whose
# label matches (case (a) always runs: it is what the others are shares of).
# BENCH_SERVER_ARGS are added to `tessera serve` (e.g. "--write-threads 64").
set -euo pipefail
tessera="$1"
seconds="${2:-10}"
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
  --bad-tokens-per-minute 1000000 --trusted-proxies 127.0.0.1 --log-level warn \
  ${BENCH_SERVER_ARGS:-} >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 200); do [ -s "$work/ready" ] && break; sleep 0.05; done
url="http://$(cat "$work/ready")"
echo "seeding (10,000 and ${BENCH_BIG_RECORDS:-1000000} records)..."
eval "$(node "$(dirname "$0")/seed.mjs" "$url" "${BENCH_BIG_RECORDS:-1000000}")"

header() { printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$1"; }
# Bad tokens come from another client (forwarded through this machine, a
# trusted proxy), as an attacker's would: they use up that address's
# allowance, and (g) to (i) after them are not refused with 429.
attacker() { header "$1"; printf 'wrk.headers["X-Forwarded-For"] = "203.0.113.9"\n'; }
header "$TOKEN" >"$work/auth.lua"
header "$OAUTH_TOKEN" >"$work/oauth.lua"
attacker "tsr_pat_not_a_token" >"$work/malformed.lua"
attacker "$UNKNOWN" >"$work/unknown.lua"
node -e 'console.log(JSON.stringify({records: [{fields: {Name: "new", Qty: 1, Bin: "A"}}]}))' >"$work/one.json"
node -e 'console.log(JSON.stringify({fields: {Qty: 42}}))' >"$work/patch.json"
node -e 'console.log(JSON.stringify({records: Array.from({length: 1000}, (_, i) => ({fields: {Name: "bulk " + i, Qty: i % 97, Bin: "B"}}))}))' >"$work/thousand.json"
write_script() {  # method, body file -> a wrk script sending it with the token
  { header "$TOKEN"; printf 'wrk.method = "%s"\nwrk.headers["Content-Type"] = "application/json"\n' "$1"
    printf 'local f = io.open("%s", "r")\nwrk.body = f:read("*a")\nf:close()\n' "$2"; } >"$work/$1-$(basename "$2" .json).lua"
}
# Moves TASK between two projects, one link write per request.
{ header "$TOKEN"; printf 'wrk.method = "PATCH"\nwrk.headers["Content-Type"] = "application/json"\n'
  printf 'local bodies = {\x27{"fields":{"Project":["%s"]}}\x27, \x27{"fields":{"Project":["%s"]}}\x27}\n' "$PROJECT_A" "$PROJECT_B"
  printf 'local n = 0\nrequest = function()\n  n = n + 1\n  return wrk.format(nil, nil, nil, bodies[n %% 2 + 1])\nend\n'
} >"$work/link.lua"
write_script POST "$work/one.json"
write_script PATCH "$work/patch.json"
write_script POST "$work/thousand.json"

rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$server/status"; }
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
to_ms() { awk '{v = $1; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; printf "%.2f\n", v}'; }
baseline=""
sleep 3  # idle: an idle server hands its free memory back within two seconds
echo "idle RSS: $(rss)"
printf "%-44s %10s %9s %9s %8s %8s %9s\n" "case (median of 3 runs of ${seconds}s)" "req/s" "p50 ms" "p99 ms" "vs (a)" "RSS" "non-2xx"
measure() {  # label, path, [wrk script], [concurrent flood script]; CONNECTIONS (64)
  local label="$1" path="$2" script="${3:-}" flood="${4:-}" connections="${CONNECTIONS:-64}"
  if [ -n "$baseline" ] && [ -n "${BENCH_CASES:-}" ] && ! grep -Eq -- "$BENCH_CASES" <<<"$label"; then
    return
  fi
  # A 30 s timeout: with 64 connections, a POST of 1,000 records waits its
  # turn for longer than wrk's default of 2 s.
  local args=(-t2 -c"$connections" -d"${seconds}s" --latency --timeout 30s)
  [ -n "$script" ] && args+=(-s "$script")
  wrk -t2 -c"$connections" -d2s ${script:+-s "$script"} "$url$path" >/dev/null  # warm-up
  local rps=() p50=() p99=() out refused=0
  for _ in 1 2 3; do
    local flooder=""
    if [ -n "$flood" ]; then
      wrk -t1 -c32 -d"${seconds}s" -s "$flood" "$url$path" >/dev/null &
      flooder=$!
    fi
    out="$(wrk "${args[@]}" "$url$path")"
    [ -n "$flooder" ] && wait "$flooder"
    rps+=("$(awk '/Requests\/sec/ {print $2}' <<<"$out")")
    p50+=("$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)")
    p99+=("$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)")
    refused=$((refused + $(awk '/Non-2xx or 3xx responses/ {n = $5} END {print n + 0}' <<<"$out")))
  done
  local r q50 q99 ratio
  r="$(printf '%s\n' "${rps[@]}" | median)"
  q50="$(printf '%s\n' "${p50[@]}" | median)"
  q99="$(printf '%s\n' "${p99[@]}" | median)"
  [ -z "$baseline" ] && baseline="$r"
  ratio="$(awk -v a="$r" -v b="$baseline" 'BEGIN {printf "%.0f%%", 100 * a / b}')"
  printf "%-44s %10.0f %9s %9s %8s %8s %9s\n" "$label" "$r" "$q50" "$q99" "$ratio" "$(rss)" "$refused"
}
records="/api/table/$TABLE/record"
measure "(a) GET /healthz" "/healthz"
measure "(b) token GET one record" "$records/$RECORD" "$work/auth.lua"
measure "(b\") same with an OAuth access token" "$records/$RECORD" "$work/oauth.lua"
measure "(b') same, during an unknown-token flood" "$records/$RECORD" "$work/auth.lua" "$work/unknown.lua"
measure "(c) token list 100 records" "$records?take=100" "$work/auth.lua"
measure "(d) 1M rows, filtered+sorted, first page" "/api/table/$BIG/record?viewId=$VIEW&take=100" "$work/auth.lua"
measure "(d) 1M rows, page 500,000 deep by cursor" "/api/table/$BIG/record?viewId=$VIEW&take=100&cursor=$DEEP" "$work/auth.lua"
measure "(d') 1M rows, by a formula, first page" "/api/table/$BIG/record?viewId=$FVIEW&take=100" "$work/auth.lua"
measure "(d') 1M rows, by a formula, 500,000 deep" "/api/table/$BIG/record?viewId=$FVIEW&take=100&cursor=$FDEEP" "$work/auth.lua"
measure "(j) 100k Tasks, list 100: 2 links, 2 lookups, rollup, formula" "/api/table/$TASKS/record?take=100" "$work/auth.lua"
measure "(j) same, its 2 stored fields projected" "/api/table/$TASKS/record?take=100&projection=Name&projection=Estimate" "$work/auth.lua"
measure "(l) 100k Tasks by a lookup, first page" "/api/table/$TASKS/record?viewId=$TVIEW&take=100" "$work/auth.lua"
measure "(l) same, 50,000 deep by cursor" "/api/table/$TASKS/record?viewId=$TVIEW&take=100&cursor=$TDEEP" "$work/auth.lua"
measure "(l) 10k Projects by a rollup, first page" "/api/table/$PROJECTS/record?viewId=$PVIEW&take=100" "$work/auth.lua"
measure "(l) same, 5,000 deep by cursor" "/api/table/$PROJECTS/record?viewId=$PVIEW&take=100&cursor=$PDEEP" "$work/auth.lua"
measure "(k) PATCH a task's link (moves it)" "/api/table/$TASKS/record/$TASK" "$work/link.lua"
measure "(e) malformed token" "$records/$RECORD" "$work/malformed.lua"
measure "(f) well-formed unknown token" "$records/$RECORD" "$work/unknown.lua"
measure "(g) POST one record" "$records" "$work/POST-one.lua"
measure "(h) PATCH one record" "$records/$RECORD" "$work/PATCH-patch.lua"
# Bulk loads at 8 connections, as issue 21 sets the target; 64 is (i').
CONNECTIONS=8 measure "(i) POST 1,000 records, 8 connections" "$records" "$work/POST-thousand.lua"
measure "(i') POST 1,000 records, 64 connections" "$records" "$work/POST-thousand.lua"

# Start-up on what the cases above wrote (the big table included): the
# server stops, `tessera migrate` runs on the data with nothing to do, and
# a new server is timed from its start to its first answer to a token GET.
kill "$server"
wait "$server" 2>/dev/null || true
millis() { date +%s%3N; }
started="$(millis)"
"$tessera" migrate "${storage[@]}" >"$work/migrate.log" 2>&1
echo "tessera migrate, nothing to migrate: $(($(millis) - started)) ms"
rm -f "$work/ready"
started="$(millis)"
"$tessera" serve --listen 127.0.0.1:0 "${storage[@]}" --ready-file "$work/ready" \
  --log-level warn >>"$work/server.log" 2>&1 &
server=$!
until [ -s "$work/ready" ] &&
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://$(cat "$work/ready")$records/$RECORD"; do
  sleep 0.005
done
echo "start-up to the first token GET answered: $(($(millis) - started)) ms ($(rss) after it)"
