#!/usr/bin/env bash
# Installs the npm packages of the web app (web/) and of the Node test
# suites (tests/mcp: the official MCP SDK client; tests/e2e: playwright-core),
# exactly as pinned in each package-lock.json. A folder whose node_modules
# already matches its lock is skipped.
# Usage: install-node-deps.sh [folder...]   (default: all three)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
folders=("$@")
if [ ${#folders[@]} -eq 0 ]; then folders=(web tests/mcp tests/e2e); fi
for folder in "${folders[@]}"; do
  cd "$root/$folder"
  if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    continue
  fi
  echo "install-node-deps: npm ci in $folder"
  npm ci --no-audit --no-fund --loglevel=error
done
