# Sourced by the services' scripts.
# stop_daemon NAME PIDFILE COMMAND_PATTERN: stops the process the pid file names, if it is still one of ours (its
# command matches the pattern: a stale pid file may name another process by now). SIGKILL only for a daemon that
# ignores SIGTERM for 10 s. Returns 1 when there was nothing of ours to stop.
stop_daemon() {
  local name=$1 file=$2 pattern=$3 pid
  [[ -f "$file" ]] || return 1
  pid=$(cat "$file")
  [[ "$(ps -p "$pid" -o comm= 2> /dev/null)" =~ ^($pattern)$ ]] || return 1
  kill "$pid" 2> /dev/null || return 1
  for _ in $(seq 1 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2> /dev/null; then
    echo "$name ($pid) ignored SIGTERM, sending SIGKILL" >&2
    kill -9 "$pid"
  fi
  echo "stopped $name ($pid)" >&2
}
