#!/usr/bin/env bash
# local-s3.sh - a real, throwaway S3-compatible object store on loopback for the
# mirror's integration tests: OpenStack Swift from Debian's packages (account,
# container and object servers, and the proxy with the s3api and tempauth
# middlewares), one replica on one device under the data dir.
#
# Usage: scripts/local-s3.sh install|up|down|status
#   install  apt-get install the packages (root or sudo); quick no-op if present
#   up       install if needed, write the configuration and rings, start the four
#            servers, wait until S3 answers. Idempotent. The LAST line of stdout is
#            the S3 endpoint (http://127.0.0.1:PORT); everything else goes to stderr.
#   down     stop exactly the processes `up` started (by their pid files)
#   status   exit 0 only when the proxy answers its healthcheck
#
# Environment (all optional):
#   LOCAL_S3_DIR      data dir                     (/var/tmp/image-manager-s3)
#   LOCAL_S3_PORT     proxy (S3 endpoint) port     (18180)
#   LOCAL_S3_TIMEOUT  seconds `up` waits           (60)
# The account, container and object servers listen on the three ports after
# LOCAL_S3_PORT and a private memcached (tempauth keeps its tokens there) on the
# fourth, all on 127.0.0.1 only. Debian's own swift services are neither
# used nor touched (their configuration in /etc/swift is not read).
#
# Fixed test credentials (loopback-only, throwaway store), region us-east-1:
#   access key id  test:tester    secret access key  testing
set -euo pipefail

readonly DIR=${LOCAL_S3_DIR:-/var/tmp/image-manager-s3}
readonly PORT=${LOCAL_S3_PORT:-18180}
readonly TIMEOUT=${LOCAL_S3_TIMEOUT:-60}
readonly ACCOUNT_PORT=$((PORT + 1)) CONTAINER_PORT=$((PORT + 2)) OBJECT_PORT=$((PORT + 3))
readonly ETC=$DIR/etc RUN=$DIR/run LOGS=$DIR/log DEVICES=$DIR/srv
readonly MEMCACHED_PORT=$((PORT + 4))
readonly ENDPOINT="http://127.0.0.1:$PORT"
readonly SERVERS=(account container object proxy)

readonly PACKAGES=(swift swift-proxy swift-account swift-container swift-object python3-swift memcached curl)

# Debian's Python programs: keep a pyenv/virtualenv out of them, and loopback off any proxy.
readonly SERVICE_ENV=(env -u PYTHONPATH -u PYTHONHOME -u VIRTUAL_ENV
  PATH=/usr/sbin:/usr/bin:/sbin:/bin 'no_proxy=127.0.0.1,localhost' 'NO_PROXY=127.0.0.1,localhost')

log() { printf '[local-s3] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

as_root() {
  if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi
}

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

cmd_install() {
  local missing
  missing=$(missing_packages)
  [[ -z $missing ]] && return 0
  log "installing: $(echo $missing)"
  # Keep Debian's swift services from starting during the install (policy-rc.d 101).
  local policy=/usr/sbin/policy-rc.d placed=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
    placed=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >&2 ||
    { [[ $placed == 1 ]] && as_root rm -f "$policy"; die "apt-get install failed"; }
  [[ $placed == 1 ]] && as_root rm -f "$policy"
  return 0
}

write_server_conf() { # name port
  cat >"$ETC/$1-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $2
workers = 1
user = $(id -un)
swift_dir = $ETC
devices = $DEVICES
mount_check = false
log_name = local-s3-$1
log_facility = LOG_LOCAL5
log_address = /nonexistent

[pipeline:main]
pipeline = $1-server

[app:$1-server]
use = egg:swift#$1
EOF
  [[ $1 == object ]] && printf '\n[object-updater]\n[object-replicator]\n[object-auditor]\n' >>"$ETC/$1-server.conf"
  [[ $1 != object ]] && printf '\n[%s-replicator]\n' "$1" >>"$ETC/$1-server.conf"
  return 0
}

write_config() {
  mkdir -p "$ETC" "$RUN" "$LOGS" "$DEVICES/d1"
  cat >"$ETC/swift.conf" <<EOF
[swift-hash]
swift_hash_path_suffix = local-s3-suffix
swift_hash_path_prefix = local-s3-prefix

[storage-policy:0]
name = Policy-0
default = yes
EOF
  # Servers run as whoever runs `up` (Swift's default is the user swift, which owns nothing here).
  write_server_conf account "$ACCOUNT_PORT"
  write_server_conf container "$CONTAINER_PORT"
  write_server_conf object "$OBJECT_PORT"
  # s3api before tempauth: it turns the S3 signature into auth details tempauth
  # checks against the user's key; slo carries the multipart uploads.
  cat >"$ETC/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $PORT
workers = 1
user = $(id -un)
swift_dir = $ETC
log_name = local-s3-proxy
log_address = /nonexistent

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:s3api]
use = egg:swift#s3api
location = us-east-1

[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$MEMCACHED_PORT
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
EOF
  local ring port
  for ring in account container object; do
    [[ -f $ETC/$ring.ring.gz ]] && continue
    case $ring in
      account) port=$ACCOUNT_PORT ;; container) port=$CONTAINER_PORT ;; object) port=$OBJECT_PORT ;;
    esac
    (
      cd "$ETC"
      "${SERVICE_ENV[@]}" swift-ring-builder "$ring.builder" create 10 1 1 >/dev/null
      "${SERVICE_ENV[@]}" swift-ring-builder "$ring.builder" add "r1z1-127.0.0.1:$port/d1" 100 >/dev/null
      "${SERVICE_ENV[@]}" swift-ring-builder "$ring.builder" rebalance >/dev/null
    )
  done
}

running() { # name
  local pid
  [[ -f $RUN/$1.pid ]] || return 1
  pid=$(<"$RUN/$1.pid")
  kill -0 "$pid" 2>/dev/null
}

healthy() { curl -sS --noproxy '*' --max-time 5 -o /dev/null -w '%{http_code}' "$ENDPOINT/healthcheck" 2>/dev/null | grep -q '^200$'; }

cmd_up() {
  cmd_install
  write_config
  local name
  if ! running memcached; then
    local user=()
    [[ $(id -u) == 0 ]] && user=(-u nobody)
    setsid nohup /usr/bin/memcached -l 127.0.0.1 -p "$MEMCACHED_PORT" -U 0 -m 64 "${user[@]}" \
      </dev/null >"$LOGS/memcached.log" 2>&1 &
    echo $! >"$RUN/memcached.pid"
  fi
  for name in "${SERVERS[@]}"; do
    running "$name" && continue
    # Detached from this shell (own session, no terminal), so `up` returns at once.
    setsid nohup "${SERVICE_ENV[@]}" /usr/bin/python3 "/usr/bin/swift-$name-server" \
      "$ETC/$name-server.conf" --verbose </dev/null >"$LOGS/$name.log" 2>&1 &
    echo $! >"$RUN/$name.pid"
  done
  local waited=0
  until healthy; do
    for name in "${SERVERS[@]}"; do
      running "$name" || die "swift-$name-server exited; see $LOGS/$name.log"
    done
    ((waited++ < TIMEOUT * 4)) || die "no healthcheck from $ENDPOINT after ${TIMEOUT}s; see $LOGS"
    sleep 0.25
  done
  log "S3 (Swift s3api) on $ENDPOINT, access key test:tester"
  echo "$ENDPOINT"
}

cmd_down() {
  local name pid
  for name in "${SERVERS[@]}" memcached; do
    [[ -f $RUN/$name.pid ]] || continue
    pid=$(<"$RUN/$name.pid")
    # Each server leads its own session: its workers go with it.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    rm -f "$RUN/$name.pid"
  done
}

cmd_status() {
  local name
  for name in "${SERVERS[@]}"; do
    if running "$name"; then log "$name: running"; else log "$name: stopped"; fi
  done
  healthy
}

case ${1:-} in
  install) cmd_install ;;
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) die "usage: $0 install|up|down|status" ;;
esac
