#!/usr/bin/env bash
# Throwaway PostgreSQL for the services specs: fsync is off, so never keep data in it.
#   postgres.sh up DIR PORT   initialises DIR/data when missing, starts on 127.0.0.1:PORT (socket in DIR)
#   postgres.sh down DIR      stops it
# Needs Debian's PostgreSQL server binaries (apt-get install -y postgresql); PG_BIN overrides where they are.
# initdb and postgres refuse to run as root, so both run as the postgres user, who must be able to reach DIR.
set -euo pipefail

usage() { echo "usage: $0 up DIR PORT | down DIR" >&2; exit 2; }

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$newest" ]]; then
    echo "no PostgreSQL binaries under /usr/lib/postgresql: apt-get install -y postgresql, or set PG_BIN" >&2
    exit 1
  fi
  echo "$newest"
}

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

up() {
  local dir=$1 port=$2 bin
  bin=$(find_bin)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$dir"; fi
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync > "$dir/initdb.log"
  fi
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start > /dev/null
  echo "postgres://postgres@127.0.0.1:$port/postgres"
}

down() {
  local dir=$1 bin
  bin=$(find_bin)
  if [[ ! -f "$dir/data/postmaster.pid" ]]; then echo "not running in $dir" >&2; return 0; fi
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null
}

case "${1:-}" in
  up) [[ $# -eq 3 ]] || usage; up "$2" "$3" ;;
  down) [[ $# -eq 2 ]] || usage; down "$2" ;;
  *) usage ;;
esac
