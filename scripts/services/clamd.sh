#!/usr/bin/env bash
# Throwaway ClamAV daemon for the services specs. Its database holds two signatures for the EICAR test file and
# nothing else, built here: no signature download is possible, and a test should know exactly what the scanner knows.
#   clamd.sh up DIR PORT   starts clamd on 127.0.0.1:PORT with its state in DIR, waits until it answers PING, and
#                          prints `export TEST_CLAMD_HOST=… TEST_CLAMD_PORT=…` lines (also kept in DIR/clamd.env),
#                          so that `eval "$(clamd.sh up DIR PORT)"` sets them
#   clamd.sh down DIR      stops it and removes DIR
# Needs: apt-get install -y --no-install-recommends clamav-daemon clamav
set -Eeuo pipefail

# shellcheck source=stop-daemon.sh
source "$(dirname "${BASH_SOURCE[0]}")/stop-daemon.sh"

MARKER=.kluis-clamd
# clamd loads a database this small in well under a second; the bound is for a busy machine.
START_TIMEOUT_S=30
# Above every upload the services specs send (the largest is 200 MB), so a spec never meets the limit by accident.
STREAM_MAX=256M

usage() { echo "usage: $0 up DIR PORT | down DIR" >&2; exit 2; }

require_binaries() {
  local missing=()
  for bin in clamd md5sum od timeout; do
    command -v "$bin" > /dev/null || missing+=("$bin")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "missing ${missing[*]}: apt-get install -y --no-install-recommends clamav-daemon clamav" >&2
    exit 1
  fi
}

# DIR is wiped on up and removed on down, so only a directory this script made (or an empty one) is accepted.
claim_dir() {
  local dir=$1
  if [[ -d "$dir" && ! -f "$dir/$MARKER" && -n "$(ls -A "$dir")" ]]; then
    echo "$dir is not empty and was not made by $0: refusing to wipe it" >&2
    exit 1
  fi
  if [[ -f "$dir/$MARKER" ]]; then stop_clamd "$dir"; fi
  rm -rf "$dir"
  mkdir -p "$dir"/{db,tmp}
  touch "$dir/$MARKER"
}

# The 68-byte EICAR test file, assembled from pieces so that no file in the repository is itself the test virus.
eicar() {
  printf '%s' 'X5O!P%@AP[4\PZX54(P^)7CC)7}$' 'EICAR-STANDARD-ANTIVIRUS-' 'TEST-FILE!$H+H*'
}

write_database() {
  local db=$1 md5 hex
  md5=$(eicar | md5sum | cut -d' ' -f1)
  # The published MD5 of the EICAR file: a typo in the pieces above would otherwise give a scanner that finds nothing.
  if [[ "$md5" != 44d88612fea8a8f36de82e1278abb02f ]]; then
    echo "the assembled EICAR string is wrong (MD5 $md5)" >&2
    exit 1
  fi
  hex=$(eicar | od -An -v -tx1 | tr -d ' \n')
  # A whole-file hash catches the EICAR file itself; the body signature catches it anywhere inside a larger file.
  echo "$md5:68:Custom.EICAR.Hash" > "$db/custom.hdb"
  echo "Custom.EICAR.Body:0:*:$hex" > "$db/custom.ndb"
}

write_conf() {
  local dir=$1 port=$2
  {
    echo "Foreground yes"
    # Run as whoever started it: clamd switches to the Debian clamav user only when told to.
    if [[ $(id -u) -eq 0 ]]; then echo "User root"; fi
    echo "PidFile $dir/clamd.pid"
    echo "LogFile $dir/clamd.log"
    echo "LogTime yes"
    echo "DatabaseDirectory $dir/db"
    echo "TemporaryDirectory $dir/tmp"
    echo "TCPAddr 127.0.0.1"
    echo "TCPSocket $port"
    echo "StreamMaxLength $STREAM_MAX"
    # Past MaxFileSize or MaxScanSize clamd would otherwise answer OK for a file it did not look at.
    echo "MaxFileSize $STREAM_MAX"
    echo "MaxScanSize $STREAM_MAX"
    echo "AlertExceedsMax yes"
    echo "MaxThreads 4"
    echo "SelfCheck 0"
  } > "$dir/clamd.conf"
}

# Succeeds when clamd on PORT answers zPING with PONG.
answers_ping() {
  local port=$1
  timeout 2 bash -c '
    exec 3<> "/dev/tcp/127.0.0.1/$1" || exit 1
    printf "zPING\0" >&3
    IFS= read -r -d "" reply <&3 || exit 1
    [[ "$reply" == PONG ]]' _ "$port" 2> /dev/null
}

wait_for_ping() {
  local dir=$1 port=$2 pid=$3 deadline=$((SECONDS + START_TIMEOUT_S))
  while ((SECONDS < deadline)); do
    answers_ping "$port" && return 0
    if ! kill -0 "$pid" 2> /dev/null; then
      echo "clamd exited before answering; last log lines:" >&2
      tail -n 20 "$dir/clamd.log" "$dir/stderr.log" >&2 2> /dev/null || true
      return 1
    fi
    sleep 0.05
  done
  echo "clamd did not answer PING on port $port within $START_TIMEOUT_S s; last log lines:" >&2
  tail -n 20 "$dir/clamd.log" >&2 2> /dev/null || true
  return 1
}

up() {
  local dir=$1 port=$2 pid
  [[ "$port" =~ ^[0-9]+$ ]] || usage
  require_binaries
  claim_dir "$dir"
  dir=$(cd "$dir" && pwd)
  write_database "$dir/db"
  write_conf "$dir" "$port"
  trap 'stop_clamd "$dir"' ERR

  # In the background, in a session of its own, with no descriptor of the caller's: `$(clamd.sh up …)` returns as
  # soon as this script exits, and the caller's interrupts reach it only through `down`.
  setsid clamd --config-file="$dir/clamd.conf" < /dev/null > /dev/null 2>> "$dir/stderr.log" &
  pid=$!
  echo "$pid" > "$dir/launched.pid"
  wait_for_ping "$dir" "$port" "$pid"
  trap - ERR

  {
    echo "export TEST_CLAMD_HOST=127.0.0.1"
    echo "export TEST_CLAMD_PORT=$port"
  } | tee "$dir/clamd.env"
}

# clamd writes its own pid file once it has dropped privileges; until then only the launcher's pid is known.
stop_clamd() {
  local dir=$1
  stop_daemon clamd "$dir/clamd.pid" clamd || stop_daemon clamd "$dir/launched.pid" clamd || true
}

down() {
  local dir=$1
  if [[ ! -f "$dir/$MARKER" ]]; then echo "no server made by $0 in $dir" >&2; return 0; fi
  stop_clamd "$dir"
  rm -rf "$dir"
}

case "${1:-}" in
  up) [[ $# -eq 3 ]] || usage; up "$2" "$3" ;;
  down) [[ $# -eq 2 ]] || usage; down "$2" ;;
  *) usage ;;
esac
