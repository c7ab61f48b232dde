#!/usr/bin/env bash
# Installs every Debian package Tessera needs to build, run and test
# (Chromium for the browser tests: playwright-core drives /usr/bin/chromium;
# clang with its sanitizer and libFuzzer runtimes for the hardening builds;
# wrk for the benchmarks and the soak; openssl makes the test certificates;
# python3-aiosmtpd is the mail server the password-reset tests read).
# Idempotent: packages already present are skipped, and apt-get runs only
# when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config clang-format
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libre2-dev libpq-dev libcurl4-openssl-dev libssl-dev openssl postgresql-15 haproxy libsodium-dev libcli11-dev libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev llvm-14 wrk
  curl jq tzdata python3-aiosmtpd
  chromium fonts-liberation
  nodejs npm
)

missing=()
for pkg in "${packages[@]}"; do
  # A newer Node.js installed another way (e.g. nodesource) is fine.
  if [ "$pkg" = nodejs ] || [ "$pkg" = npm ]; then
    if command -v node >/dev/null && command -v npm >/dev/null; then continue; fi
  fi
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
