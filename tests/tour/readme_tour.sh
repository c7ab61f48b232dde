#!/usr/bin/env bash
# Runs the curl tour of a document (the block between <!-- tour:start -->
# and <!-- tour:end -->), exactly as written, against a fresh server, and
# checks that its output ends with the expected text.
# Usage: readme_tour.sh /path/to/tessera /path/to/document.md 'expected ending'

set -euo pipefail
tessera="$1"
readme="$2"
expected="$3"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

"$tessera" serve --listen 127.0.0.1:0 --data-dir "$work/data" --ready-file "$work/ready" \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 200); do [ -s "$work/ready" ] && break; sleep 0.05; done
address="$(cat "$work/ready")"

sed -n '/<!-- tour:start -->/,/<!-- tour:end -->/p' "$readme" | sed '1,2d;$d' | sed '$d' \
  | sed "s#http://127.0.0.1:8080#http://$address#" >"$work/tour.sh"
cd "$work"
output="$(bash -euo pipefail tour.sh)"
echo "$output"
if [[ "$output" != *"$expected" ]]; then
  echo "FAIL: the tour's output does not end with: $expected" >&2
  exit 1
fi
echo "tour of $(basename "$readme"): ok"
