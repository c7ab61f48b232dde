#!/usr/bin/env bash
# Runs the curl tour of README.md, exactly as written, against a fresh
# server, and checks that it ends with the viewer's 403.
# Usage: readme_tour.sh /path/to/tessera /path/to/README.md
set -euo pipefail
tessera="$1"
readme="$2"
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
# Responses have no trailing newline: the last JSON object is the last answer.
last="${output##*\{\"status\"}"
if [[ "$last" != ':403,"code":"forbidden",'* ]]; then
  echo "FAIL: the tour did not end with the viewer's 403" >&2
  exit 1
fi
echo "README tour: ok"
