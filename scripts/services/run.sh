#!/usr/bin/env bash
# `npm run test:services`: the *.services-spec.ts suites against real servers started here and stopped afterwards.
#   run.sh [jest arguments]   e.g. run.sh test/services/scale-out
# Installs the servers' Debian packages when missing, starts PostgreSQL (postgres.sh), Ceph RGW (rgw.sh) and ClamAV
# (clamd.sh) on free ports in a temp dir, exports what the specs read (TEST_POSTGRES_URL, TEST_S3_*, TEST_CLAMD_*),
# runs jest, and always stops the servers and removes the temp dir. The exit code is jest's; a server that does not
# start fails the run.
set -Eeuo pipefail

# Every Debian package the services specs need, in one place.
PACKAGES=(
  postgresql
  radosgw ceph-mon ceph-osd
  clamav-daemon clamav
)

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

say() { echo "services: $*" >&2; }
fail() {
  say "$*"
  exit 1
}

# Prints "POSTGRES_PORT RGW_PORT CLAMD_PORT": RGW's monitor also takes RGW_PORT+1 and RGW_PORT+2. Every port is held
# until all are found, so the ranges cannot overlap.
free_ports() {
  node -e '
    const net = require("node:net");
    const held = [];
    const hold = (port) => new Promise((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => { held.push(server); resolve(true); });
    });
    async function range(length) {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const base = 20000 + Math.floor(Math.random() * 40000);
        const ports = Array.from({ length }, (_, offset) => base + offset);
        const results = [];
        for (const port of ports) results.push(await hold(port));
        if (results.every(Boolean)) return base;
      }
      throw new Error("no free port range found");
    }
    (async () => {
      const postgres = await range(1);
      const rgw = await range(3);
      const clamd = await range(1);
      held.forEach((server) => server.close());
      console.log(postgres, rgw, clamd);
    })().catch((error) => { console.error(error.message); process.exit(1); });
  '
}

work=""
postgres_dir=""
rgw_dir=""
clamd_dir=""
jest_group=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$jest_group" ]] && kill -0 "$jest_group" 2> /dev/null; then
    kill -TERM -- "-$jest_group" 2> /dev/null || true
    wait "$jest_group" 2> /dev/null || true
  fi
  if [[ -n "$clamd_dir" ]]; then bash "$here/clamd.sh" down "$clamd_dir" 2> /dev/null || say "could not stop clamd in $clamd_dir"; fi
  if [[ -n "$rgw_dir" ]]; then bash "$here/rgw.sh" down "$rgw_dir" 2> /dev/null || say "could not stop Ceph RGW in $rgw_dir"; fi
  if [[ -n "$postgres_dir" ]]; then bash "$here/postgres.sh" down "$postgres_dir" 2> /dev/null || say "could not stop PostgreSQL in $postgres_dir"; fi
  if [[ -n "$work" ]]; then rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bash "$root/scripts/install-debian-packages.sh" services "${PACKAGES[@]}"

work=$(mktemp -d "${TMPDIR:-/tmp}/kluis-services.XXXXXX")
# postgres.sh runs the server as the postgres user, who must be able to reach its directory inside this one.
chmod 711 "$work"
read -r postgres_port rgw_port clamd_port < <(free_ports) || fail "could not find free ports on 127.0.0.1"

started=$SECONDS
postgres_dir="$work/postgres"
if ! TEST_POSTGRES_URL=$(bash "$here/postgres.sh" up "$postgres_dir" "$postgres_port"); then
  tail -n 20 "$postgres_dir/server.log" >&2 2> /dev/null || true
  fail "PostgreSQL did not start on 127.0.0.1:$postgres_port (its log, if any, is above)"
fi
export TEST_POSTGRES_URL
say "PostgreSQL on 127.0.0.1:$postgres_port"

rgw_dir="$work/rgw"
if ! s3_settings=$(bash "$here/rgw.sh" up "$rgw_dir" "$rgw_port"); then
  fail "Ceph RGW did not start on 127.0.0.1:$rgw_port (rgw.sh said why above)"
fi
eval "$s3_settings"
for variable in TEST_S3_ENDPOINT TEST_S3_ACCESS_KEY TEST_S3_SECRET_KEY; do
  [[ -n "${!variable:-}" ]] || fail "rgw.sh started but did not set $variable"
done
export TEST_S3_ENDPOINT TEST_S3_ACCESS_KEY TEST_S3_SECRET_KEY
say "Ceph RGW on $TEST_S3_ENDPOINT"

clamd_dir="$work/clamd"
if ! clamd_settings=$(bash "$here/clamd.sh" up "$clamd_dir" "$clamd_port"); then
  fail "clamd did not start on 127.0.0.1:$clamd_port (clamd.sh said why above)"
fi
eval "$clamd_settings"
for variable in TEST_CLAMD_HOST TEST_CLAMD_PORT; do
  [[ -n "${!variable:-}" ]] || fail "clamd.sh started but did not set $variable"
done
export TEST_CLAMD_HOST TEST_CLAMD_PORT
say "clamd on $TEST_CLAMD_HOST:$TEST_CLAMD_PORT; servers up in $((SECONDS - started)) s"

cd "$root"
# The caller's arguments go first: --selectProjects takes every word after it as a project name. Jest runs in a
# process group of its own, waited for in the background, so an interrupt stops it and its workers before the servers.
setsid npx jest "$@" --selectProjects services &
jest_group=$!
wait "$jest_group"
