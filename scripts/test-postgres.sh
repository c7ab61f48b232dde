#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the tests, from Debian's packages:
#   test-postgres.sh start DIR   initdb in DIR, start on a free loopback port,
#                                write the server's URL to DIR/url
#   test-postgres.sh stop DIR    stop it and remove DIR
#   test-postgres.sh halt DIR    stop the server, keep its files (fault tests)
#   test-postgres.sh resume DIR  start it again on the same port
# PostgreSQL refuses to run as root, so as root the cluster runs as the
# `postgres` user the package creates. The cluster is tuned for tests, not
# for keeping data: fsync and synchronous commit are off.
set -euo pipefail
action="$1"
dir="$2"
bin=/usr/lib/postgresql/15/bin

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  # Below Linux's ephemeral range (32768+), where outgoing connections take ports.
  for port in $(shuf -i 20000-32000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2
  exit 1
}

run_server() {
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
    start >/dev/null; then
    cat "$dir/server.log" >&2
    exit 1
  fi
}

case "$action" in
  start)
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U tessera -A trust --no-locale -E UTF8 >"$dir/initdb.log"
    port="$(free_port)"
    echo "$port" >"$dir/port"
    run_server
    echo "postgres://tessera@127.0.0.1:$port/postgres" >"$dir/url"
    ;;
  halt)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  resume)
    port="$(cat "$dir/port")"
    run_server
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
