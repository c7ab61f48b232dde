#!/usr/bin/env bash
# Installs the npm packages the tests need (the official MCP SDK client),
# exactly as pinned in tests/mcp/package-lock.json. Skips the install when
# node_modules already matches the lock.
set -euo pipefail
cd "$(dirname "$0")/../tests/mcp"
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
echo "install-node-deps: npm ci in tests/mcp"
npm ci --no-audit --no-fund --loglevel=error
