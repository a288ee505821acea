#!/usr/bin/env bash
# Throwaway S3 server for the services specs: Ceph RGW on one host, one monitor and one OSD keeping its data in
# RAM (memstore, at most 2 GiB), so nothing survives `down`.
#   rgw.sh up DIR PORT   starts S3 on http://127.0.0.1:PORT, with its state in DIR, and prints
#                        `export TEST_S3_ENDPOINT=… TEST_S3_ACCESS_KEY=… TEST_S3_SECRET_KEY=…` lines
#                        (also kept in DIR/s3.env), so that `eval "$(rgw.sh up DIR PORT)"` sets them
#   rgw.sh down DIR      stops it and removes DIR
# Needs: apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd
# The monitor listens on PORT+1 (msgr v2) and PORT+2 (v1), so instances on different ports do not collide.
set -Eeuo pipefail

# shellcheck source=stop-daemon.sh
source "$(dirname "${BASH_SOURCE[0]}")/stop-daemon.sh"

DAEMONS=(client.rgw.a osd.0 mon.a)
MARKER=.kluis-rgw

usage() { echo "usage: $0 up DIR PORT | down DIR" >&2; exit 2; }

require_binaries() {
  local missing=()
  for bin in ceph ceph-mon ceph-osd monmaptool radosgw radosgw-admin uuidgen curl; do
    command -v "$bin" > /dev/null || missing+=("$bin")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "missing ${missing[*]}: apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd" >&2
    exit 1
  fi
}

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

# DIR is wiped on up and removed on down, so only a directory this script made (or an empty one) is accepted.
claim_dir() {
  local dir=$1
  if [[ -d "$dir" && ! -f "$dir/$MARKER" && -n "$(ls -A "$dir")" ]]; then
    echo "$dir is not empty and was not made by $0: refusing to wipe it" >&2
    exit 1
  fi
  if [[ -f "$dir/$MARKER" ]]; then stop_daemons "$dir"; fi
  rm -rf "$dir"
  mkdir -p "$dir"/{run,log,mon,osd,rgwdata,crash}
  touch "$dir/$MARKER"
}

write_conf() {
  local dir=$1 port=$2 fsid=$3 mon_v2=$4 mon_v1=$5
  cat > "$dir/ceph.conf" <<EOF
[global]
fsid = $fsid
mon_host = [v2:127.0.0.1:$mon_v2,v1:127.0.0.1:$mon_v1]
public_network = 127.0.0.0/8
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
run_dir = $dir/run
admin_socket = $dir/run/\$name.asok
pid_file = $dir/run/\$name.pid
log_file = $dir/log/\$name.log
crash_dir = $dir/crash
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
osd_crush_chooseleaf_type = 0
mon_allow_pool_size_one = true
mon_allow_pool_delete = true
mon_warn_on_pool_no_redundancy = false
mon_max_pg_per_osd = 1000
mon_data_avail_warn = 2
mon_data_avail_crit = 1
ms_bind_ipv6 = false

[mon]
mon_data = $dir/mon/\$cluster-\$id
mon_cluster_log_file = $dir/log/cluster.log
# The default of 1 s makes the first start take about 11 s: radosgw creates its pools one proposal at a time.
paxos_propose_interval = 0.05

[osd]
osd_data = $dir/osd/\$cluster-\$id
osd_objectstore = memstore
memstore_device_bytes = 2147483648
osd_max_object_name_len = 460
osd_max_object_namespace_len = 64

[client.rgw.a]
# radosgw asks for a secure monitor connection by default, which fails with auth none.
ms_mon_client_mode = crc
rgw_frontends = beast endpoint=127.0.0.1:$port
rgw_data = $dir/rgwdata
rgw_thread_pool_size = 64
EOF
}

wait_for_s3() {
  local dir=$1 port=$2
  for _ in $(seq 1 240); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" == 200 ]] && return 0
    sleep 0.25
  done
  echo "radosgw did not answer on port $port within 60 s; last log lines:" >&2
  tail -n 20 "$dir/log/client.rgw.a.log" >&2 || true
  return 1
}

up() {
  local dir=$1 port=$2
  [[ "$port" =~ ^[0-9]+$ ]] || usage
  require_binaries
  claim_dir "$dir"
  dir=$(cd "$dir" && pwd)
  local conf="$dir/ceph.conf" fsid osd_uuid id access_key secret_key
  fsid=$(uuidgen)
  write_conf "$dir" "$port" "$fsid" $((port + 1)) $((port + 2))
  trap 'stop_daemons "$dir" > /dev/null' ERR

  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$((port + 1)),v1:127.0.0.1:$((port + 2))]" \
    "$dir/monmap" > /dev/null
  ceph-mon --conf "$conf" --mkfs -i a --monmap "$dir/monmap"
  # The daemons keep the stderr they start with: point it at a log, away from the printed settings.
  ceph-mon --conf "$conf" -i a 2>> "$dir/log/stderr.log"
  osd_uuid=$(uuidgen)
  id=$(timeout 60 ceph --conf "$conf" osd new "$osd_uuid")
  mkdir -p "$dir/osd/ceph-$id"
  ceph-osd --conf "$conf" -i "$id" --mkfs --osd-uuid "$osd_uuid" 2> "$dir/log/osd-mkfs.log"
  ceph-osd --conf "$conf" -i "$id" 2>> "$dir/log/stderr.log"
  radosgw --conf "$conf" -n client.rgw.a 2>> "$dir/log/stderr.log"
  wait_for_s3 "$dir" "$port"

  access_key=$(random_hex 10 | tr 'a-f' 'A-F')
  secret_key=$(random_hex 20)
  radosgw-admin --conf "$conf" user create --uid=test --display-name=Test \
    --access-key="$access_key" --secret-key="$secret_key" > /dev/null
  trap - ERR

  {
    echo "export TEST_S3_ENDPOINT=http://127.0.0.1:$port"
    echo "export TEST_S3_ACCESS_KEY=$access_key"
    echo "export TEST_S3_SECRET_KEY=$secret_key"
  } | tee "$dir/s3.env"
}

# Gateway first, then OSD, then monitor.
stop_daemons() {
  local dir=$1 name
  for name in "${DAEMONS[@]}"; do
    stop_daemon "$name" "$dir/run/$name.pid" 'radosgw|ceph-osd|ceph-mon' || true
  done
}

down() {
  local dir=$1
  if [[ ! -f "$dir/$MARKER" ]]; then echo "no server made by $0 in $dir" >&2; return 0; fi
  stop_daemons "$dir"
  rm -rf "$dir"
}

case "${1:-}" in
  up) [[ $# -eq 3 ]] || usage; up "$2" "$3" ;;
  down) [[ $# -eq 2 ]] || usage; down "$2" ;;
  *) usage ;;
esac
