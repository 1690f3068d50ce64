#!/usr/bin/env bash
# local-cloud-trixie.sh - the cloud of scripts/local-cloud.sh built from Debian 13
# ("trixie") packages: Glance 30 (2025.1) and Keystone 27, in a debootstrap
# chroot on the same loopback, on its own ports and data dir, so that the
# integration suite can run against a second Glance release beside the first.
#
# Usage: scripts/local-cloud-trixie.sh install|up|down|status|reset|crash-glance|run
#   install  debootstrap the chroot (minbase) and apt-get install the cloud's
#            packages inside it (root); quick no-op when done
#   up       install if needed, mount /proc, /sys, /dev, /dev/pts and the data
#            dir into the chroot, then `local-cloud.sh up` inside it. The LAST
#            line of stdout is the absolute path of its clouds.yaml (same as
#            local-cloud.sh; the path is the same inside and outside the chroot)
#   down     `local-cloud.sh down` inside the chroot, then unmount what `up` mounted
#   status, reset, crash-glance   as in local-cloud.sh, inside the chroot
#   run PROGRAM [ARG...]  run PROGRAM inside the chroot (a test's own glance-api)
#
# Environment (all optional):
#   LOCAL_CLOUD_TRIXIE_ROOT           chroot      (/var/tmp/image-manager-trixie/chroot)
#   LOCAL_CLOUD_TRIXIE_DIR            data dir    (/var/tmp/image-manager-cloud-trixie)
#   LOCAL_CLOUD_TRIXIE_KEYSTONE_PORT  Keystone    (25000)
#   LOCAL_CLOUD_TRIXIE_GLANCE_PORT    Glance      (29292)
#   LOCAL_CLOUD_TRIXIE_DB_PORT        MariaDB     (23306)
#   LOCAL_CLOUD_TRIXIE_MIRROR         Debian mirror (the host's deb.debian.org one)
# The LOCAL_CLOUD_* variables of the default cloud are not read: the two
# clouds never share a port or a data dir.
set -euo pipefail

readonly HERE=$(cd "$(dirname "$0")" && pwd)
readonly ROOT=${LOCAL_CLOUD_TRIXIE_ROOT:-/var/tmp/image-manager-trixie/chroot}
readonly DIR=${LOCAL_CLOUD_TRIXIE_DIR:-/var/tmp/image-manager-cloud-trixie}
readonly KS_PORT=${LOCAL_CLOUD_TRIXIE_KEYSTONE_PORT:-25000}
readonly GL_PORT=${LOCAL_CLOUD_TRIXIE_GLANCE_PORT:-29292}
readonly DB_PORT=${LOCAL_CLOUD_TRIXIE_DB_PORT:-23306}
readonly MIRROR=${LOCAL_CLOUD_TRIXIE_MIRROR:-http://deb.debian.org/debian}
readonly SECURITY_MIRROR=${MIRROR%/debian}/debian-security
readonly SUITE=trixie
# Where local-cloud.sh is copied inside the chroot (refreshed on every command).
readonly INNER=/usr/local/sbin/local-cloud.sh

log() { printf '[local-cloud-trixie] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ $(id -u) == 0 ]] || die "run as root: debootstrap, chroot and mount need it"

# ---------------------------------------------------------------- mounts --

# Mount points in the chroot, in mounting order (unmounted in reverse).
mount_points() { printf '%s\n' "$ROOT/proc" "$ROOT/sys" "$ROOT/dev" "$ROOT/dev/pts" "$ROOT$DIR"; }

mounted() { awk -v p="$1" '$2 == p {found = 1} END {exit !found}' /proc/mounts; }

mount_one() { # TARGET
  local target=$1
  mounted "$target" && return 0
  mkdir -p "$target"
  case $target in
    "$ROOT/proc") mount -t proc proc "$target" ;;
    "$ROOT$DIR") mount --bind "$DIR" "$target" ;;
    *) mount --bind "${target#"$ROOT"}" "$target" ;;
  esac
  # Private: a mount made below it later (dev/pts) must not show up on the host.
  mount --make-private "$target"
}

mount_all() {
  mkdir -p "$DIR"
  local target
  while read -r target; do mount_one "$target"; done < <(mount_points)
}

unmount_all() {
  local target failed=0
  while read -r target; do
    mounted "$target" || continue
    umount "$target" || { log "could not unmount $target"; failed=1; }
  done < <(mount_points | tac)
  return "$failed"
}

# ---------------------------------------------------------------- install --

# The chroot's apt sources: trixie, its updates and its security fixes.
write_sources() {
  rm -f "$ROOT/etc/apt/sources.list"
  cat >"$ROOT/etc/apt/sources.list.d/debian.sources" <<EOF
# Written by scripts/local-cloud-trixie.sh.
Types: deb
URIs: $MIRROR
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $SECURITY_MIRROR
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
}

bootstrap() {
  [[ -e $ROOT/.debootstrap-done ]] && return 0
  command -v debootstrap >/dev/null || {
    log "installing debootstrap on the host"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >&2
  }
  log "debootstrap $SUITE into $ROOT (a few minutes)"
  mkdir -p "$ROOT"
  debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR" >&2
  # Services never start on their own in the chroot: local-cloud.sh starts them.
  printf '#!/bin/sh\n# by local-cloud-trixie.sh: no service starts on install\nexit 101\n' \
    >"$ROOT/usr/sbin/policy-rc.d"
  chmod 755 "$ROOT/usr/sbin/policy-rc.d"
  write_sources
  touch "$ROOT/.debootstrap-done"
}

# Copy local-cloud.sh in and run it inside the chroot with this cloud's
# settings, and nothing else from the caller's environment.
inner() { # COMMAND
  install -m 755 "$HERE/local-cloud.sh" "$ROOT$INNER"
  cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
  chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    LOCAL_CLOUD_DIR="$DIR" LOCAL_CLOUD_KEYSTONE_PORT="$KS_PORT" \
    LOCAL_CLOUD_GLANCE_PORT="$GL_PORT" LOCAL_CLOUD_DB_PORT="$DB_PORT" \
    ${LOCAL_CLOUD_TIMEOUT:+LOCAL_CLOUD_TIMEOUT="$LOCAL_CLOUD_TIMEOUT"} \
    ${LOCAL_CLOUD_RESET:+LOCAL_CLOUD_RESET="$LOCAL_CLOUD_RESET"} \
    /bin/bash "$INNER" "$1"
}

cmd_install() {
  bootstrap
  # The inner install needs /proc and /dev; leave mounted only what was before.
  local was_up=0
  mounted "$ROOT/proc" && was_up=1
  mount_all
  local rc=0
  inner install || rc=$?
  ((was_up)) || unmount_all || true
  return "$rc"
}

# ---------------------------------------------------------------- commands --

cmd_up() {
  bootstrap
  mount_all
  inner up
}

cmd_down() {
  if [[ -e $ROOT$INNER ]] && mounted "$ROOT/proc"; then inner down; fi
  unmount_all || die "something in $ROOT is still in use; see /proc/mounts"
  log "down, nothing mounted under $ROOT"
}

cmd_status() {
  mounted "$ROOT/proc" || { log "not up (nothing mounted under $ROOT)"; return 1; }
  inner status
}

cmd_reset() {
  bootstrap
  mount_all
  inner reset
}

cmd_crash-glance() {
  mounted "$ROOT/proc" || die "not up"
  inner crash-glance
}

# `run` keeps its pid (exec): a caller that started it in its own process group
# stops exactly that group.
cmd_run() {
  mounted "$ROOT/proc" || die "not up"
  exec chroot "$ROOT" /usr/bin/env -u PYTHONPATH -u PYTHONHOME -u VIRTUAL_ENV \
    PATH=/usr/sbin:/usr/bin:/sbin:/bin 'no_proxy=127.0.0.1,localhost' "$@"
}

main() {
  case ${1:-} in
    install | up | down | status | reset | crash-glance) "cmd_$1" ;;
    run)
      shift
      (($# > 0)) || die "run needs a program"
      cmd_run "$@"
      ;;
    *)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
      exit 2
      ;;
  esac
}

main "$@"
