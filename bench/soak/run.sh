#!/usr/bin/env bash
# The soak: SECONDS (default 600) on a fresh SQLite file, valid traffic
# beside a mixed hostile load:
#   192 connections of users mixing reads and writes (users.lua);
#    64 of an attacker flooding unknown tokens from one address (attacker.lua);
#    16 of a reader with a valid token sending a new query shape each time
#       and tampered cursors (shapes.lua);
#    64 slow clients trickling a request a byte at a time or saying nothing
#       (slow_clients.mjs).
# Every 15 s it prints the server's RSS and open file descriptors. It fails
# unless every user request got a 2xx with no socket error, the server
# answered only 200, 201, 400, 401 and 429 (GET /metrics: no 5xx at all),
# and RSS and file descriptors stayed flat after the first minute.
# Usage: bench/soak/run.sh path/to/tessera [seconds]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tessera="$1"
seconds="${2:-600}"
work="$(mktemp -d)"
slow=""
trap 'kill $slow "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
"$tessera" serve --listen 127.0.0.1:0 --data-dir "$work/data" --ready-file "$work/ready" \
  --trusted-proxies 127.0.0.1 --log-level warn >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 200); do [ -s "$work/ready" ] && break; sleep 0.05; done
url="http://$(cat "$work/ready")"
eval "$(node "$here/../seed.mjs" "$url" 0)"
export SOAK_TOKEN="$TOKEN" SOAK_UNKNOWN_TOKEN="$UNKNOWN" SOAK_TABLE="$TABLE" SOAK_RECORD="$RECORD" \
  SOAK_SORT_SIGNATURE="$SORT_SIGNATURE"

sample() {  # elapsed seconds -> "t rss_mb fds"
  echo "$1 $(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$server/status") $(ls "/proc/$server/fd" | wc -l)"
}
echo "soak: ${seconds}s, 192 users beside 64 bad-token, 16 query-shape and 64 slow connections against $url"
node "$here/slow_clients.mjs" "$(cat "$work/ready")" 64 &
slow=$!
wrk -t1 -c192 -d"${seconds}s" --timeout 10s -s "$here/users.lua" "$url" >"$work/users.out" &
users=$!
wrk -t1 -c64 -d"${seconds}s" --timeout 10s -s "$here/attacker.lua" "$url" >"$work/attacker.out" &
attacker=$!
wrk -t1 -c16 -d"${seconds}s" --timeout 10s -s "$here/shapes.lua" "$url" >"$work/shapes.out" &
shapes=$!
printf '%8s %10s %6s\n' "seconds" "RSS MB" "fds"
: >"$work/samples"
# Samples while the load runs (the last one 15 s or less before its end).
for ((t = 0; t < seconds; t += 15)); do
  sample "$t" | tee -a "$work/samples" | awk '{printf "%8s %10s %6s\n", $1, $2, $3}'
  sleep 15
done
wait "$users" "$attacker" "$shapes"
echo "--- users"; cat "$work/users.out"
echo "--- attacker"; cat "$work/attacker.out"
echo "--- query shapes and tampered cursors"; cat "$work/shapes.out"

failures=()
grep -q "Non-2xx or 3xx responses" "$work/users.out" && failures+=("users got answers other than 2xx")
grep -q "Socket errors" "$work/users.out" && failures+=("users saw socket errors")
curl -fsS "$url/metrics" >"$work/metrics"
statuses="$(grep '^tessera_http_requests_total' "$work/metrics" | sed 's/.*status="\([0-9]*\)".*/\1/' | sort -u | tr '\n' ' ')"
echo "statuses answered: $statuses"
for status in $statuses; do
  case "$status" in
    200 | 201 | 400 | 401 | 429) ;;
    *) failures+=("the server answered $status") ;;
  esac
done
# Flat: from the first minute to the last sample, RSS grows by less than a
# quarter and open file descriptors by fewer than 8.
# (From half-way on runs shorter than two minutes.)
read -r rss_start fds_start < <(awk -v from=$((seconds < 120 ? seconds / 2 : 60)) \
  '$1 >= from {print $2, $3; exit}' "$work/samples")
read -r rss_end fds_end < <(tail -1 "$work/samples" | awk '{print $2, $3}')
awk -v a="$rss_start" -v b="$rss_end" 'BEGIN {exit !(b > a * 1.25)}' &&
  failures+=("RSS grew from $rss_start MB to $rss_end MB")
[ "$fds_end" -ge $((fds_start + 8)) ] && failures+=("file descriptors grew from $fds_start to $fds_end")
kill -0 "$server" 2>/dev/null || failures+=("the server died")
if [ ${#failures[@]} -gt 0 ]; then
  printf 'soak FAILED: %s\n' "${failures[@]}"
  exit 1
fi
echo "soak passed: RSS $rss_start -> $rss_end MB, fds $fds_start -> $fds_end, no 5xx"
