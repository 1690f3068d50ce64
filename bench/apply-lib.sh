# shellcheck shell=bash
# Shared by the bench/apply-*.sh benchmarks (sourced, not run).
# Needs: the local cloud up (scripts/local-cloud.sh up), /usr/bin/python3,
# /usr/bin/time, curl, hyperfine, qemu-img, and the CLI: by default the
# committed bundle dist/cli/index.js (`npm run build` after changing src/);
# CLI=path times another build (A/B).
# Environment: CLI (default dist/cli/index.js), LOCAL_CLOUD_CLOUDS_YAML,
# BENCH_DIR (scratch space, default /var/tmp; 1 GiB images need room there),
# KEEP=DIR (copy the run's logs there at the end).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export LOCAL_CLOUD_CLOUDS_YAML=${LOCAL_CLOUD_CLOUDS_YAML:-/var/tmp/image-manager-cloud/clouds.yaml}
export OS_CLIENT_CONFIG_FILE=$LOCAL_CLOUD_CLOUDS_YAML
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
CLI=${CLI:-dist/cli/index.js}
GLANCE_LOG=${GLANCE_LOG:-/var/tmp/image-manager-cloud/log/glance.log}
[ -f "$CLI" ] || { echo "no CLI at $CLI: run npm run build (or set CLI=)" >&2; exit 2; }
bash scripts/local-cloud.sh status >/dev/null 2>&1 || { echo "the local cloud is not up: bash scripts/local-cloud.sh up" >&2; exit 2; }

work=$(mktemp -d "${BENCH_DIR:-/var/tmp}/bench-apply.XXXXXX")
bench_pids=()
bench_tags=()
bench_cleanup() {
  local pid tag
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${bench_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for tag in "${bench_tags[@]}"; do node bench/seed-glance.mjs purge "$tag" >&2 || true; done
  if [ -n "${KEEP:-}" ]; then # keep the logs (not the images) for a closer look
    mkdir -p "$KEEP"
    find "$work" -maxdepth 1 -type f \( -name '*.jsonl' -o -name '*.log' -o -name '*.txt' -o -name '*.json' -o -name '*.md' -o -name '*.tsv' \) -exec cp {} "$KEEP"/ \;
  fi
  rm -rf "$work"
}
trap bench_cleanup EXIT

note() { printf '%s\n' "$*" >&2; }
load() { uptime | sed 's/.*load average: /load /'; }
# The commit measured, +changes when src/ or bench/ differ from it.
bench_commit() { echo "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench 2>/dev/null || echo +changes)"; }

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

wait_port() { # PORT
  for _ in $(seq 100); do
    curl -s --noproxy '*' -o /dev/null "http://127.0.0.1:$1/" && return 0
    sleep 0.1
  done
  echo "nothing listens on port $1" >&2
  return 1
}

# start_web DIR -> sets WEB_PORT; a static file server on loopback, its log in $work/web.log.
start_web() {
  WEB_PORT=$(free_port)
  /usr/bin/python3 -m http.server "$WEB_PORT" --bind 127.0.0.1 --directory "$1" >>"$work/web.log" 2>&1 &
  bench_pids+=($!)
  WEB_PID=$!
  wait_port "$WEB_PORT"
}

# CPU seconds (user + system, with reaped children such as qemu-img) spent so far
# by the cloud's processes: everything whose command line names the local
# cloud's data dir (MariaDB, Keystone's uwsgi, glance-api and its workers),
# plus the loopback web server of start_web. Sampled before and after a run,
# the difference divided by the cores is the floor: the least wall time the
# cloud needed for its own work, however fast the client.
cloud_cpu_snapshot() { # -> lines "PID TICKS" of the cloud's processes (and the web server)
  local dir=${LOCAL_CLOUD_DIR:-/var/tmp/image-manager-cloud} pid t
  for pid in $(grep -lF -- "$dir" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3) ${WEB_PID:-}; do
    # Fields 14-17 of /proc/PID/stat: utime stime cutime cstime (after the command's ")").
    t=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $12 + $13 + $14 + $15}') || continue
    [ -n "$t" ] && echo "$pid $t"
  done
}
# CPU seconds the cloud spent between two snapshots, per process: a process that
# ended in between (a restarted worker, another user's) counts nothing instead of
# taking its whole past off the sum; one that started counts all of its time.
cloud_cpu_delta() { # BEFORE_FILE AFTER_FILE
  awk -v hz="$(getconf CLK_TCK)" 'NR == FNR {b[$1] = $2; next} {d = $2 - ($1 in b ? b[$1] : 0); if (d > 0) s += d}
    END {printf "%.2f", s / hz}' "$1" "$2"
}
# start_proxy LOG -> sets PROXY_PORT and PROXY_CLOUDS (a clouds.yaml whose
# `local-admin` reaches Glance through the counting proxy).
start_proxy() {
  PROXY_PORT=$(free_port)
  node bench/apply-proxy.mjs "$PROXY_PORT" "$(glance_url)" "$1" >/dev/null &
  bench_pids+=($!)
  PROXY_PID=$!
  wait_port "$PROXY_PORT"
  PROXY_CLOUDS=$work/clouds-proxy.yaml
  node --input-type=module -e '
    import { readFileSync, writeFileSync } from "node:fs"
    import * as yaml from "js-yaml"
    const [src, out, url] = process.argv.slice(1)
    const doc = yaml.load(readFileSync(src, "utf8"))
    doc.clouds["local-admin"].image_endpoint_override = url
    writeFileSync(out, yaml.dump(doc))
  ' "$LOCAL_CLOUD_CLOUDS_YAML" "$PROXY_CLOUDS" "http://127.0.0.1:$PROXY_PORT"
}

stop_proxy() {
  kill "$PROXY_PID" 2>/dev/null || true
  wait "$PROXY_PID" 2>/dev/null || true
}

# Glance's endpoint, e.g. http://127.0.0.1:19292 (from the local cloud's status).
glance_url() {
  bash scripts/local-cloud.sh status 2>&1 | grep healthy | grep -o 'http://127.0.0.1:[0-9]*' | tail -1
}

# A project-scoped token of `local-admin`, for curl.
os_token() {
  node --input-type=module -e '
    import { readFileSync } from "node:fs"
    import * as yaml from "js-yaml"
    const { auth } = yaml.load(readFileSync(process.env.LOCAL_CLOUD_CLOUDS_YAML, "utf8")).clouds["local-admin"]
    const r = await fetch(`${auth.auth_url}/auth/tokens`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ auth: { identity: { methods: ["password"], password: { user: { name: auth.username, domain: { id: "default" }, password: auth.password } } }, scope: { project: { name: auth.project_name, domain: { id: "default" } } } } }) })
    console.log(r.headers.get("x-subject-token"))
  '
}

purge() { node bench/seed-glance.mjs purge "$1" >&2; }

# The "Maximum resident set size" of a /usr/bin/time -v output file, in MB.
max_rss_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
cpu_s() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$1"; } # user + sys
elapsed_s() { # /usr/bin/time -v file -> seconds
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.2f", s}' "$1"
}

# The server-side duration (s) Glance logged for METHOD PATH-SUFFIX of image ID.
glance_duration() { # ID "PUT" "stage"
  grep -a "\"$2 /v2/images/$1/$3 HTTP" "$GLANCE_LOG" | tail -1 | sed 's/\x1b\[[0-9]*m//g' | awk '{print $NF}'
}

# Ids of images with TAG (all visibilities).
ids_with_tag() { # TAG
  node --input-type=module -e '
    import { readFileSync } from "node:fs"
    import * as yaml from "js-yaml"
    const { auth } = yaml.load(readFileSync(process.env.LOCAL_CLOUD_CLOUDS_YAML, "utf8")).clouds["local-admin"]
    const r = await fetch(`${auth.auth_url}/auth/tokens`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ auth: { identity: { methods: ["password"], password: { user: { name: auth.username, domain: { id: "default" }, password: auth.password } } }, scope: { project: { name: auth.project_name, domain: { id: "default" } } } } }) })
    const token = r.headers.get("x-subject-token")
    const glance = (await r.json()).token.catalog.find((s) => s.type === "image").endpoints.find((e) => e.interface === "public").url.replace(/\/$/, "")
    const page = await (await fetch(`${glance}/v2/images?tag=${encodeURIComponent(process.argv[1])}&visibility=all&limit=1000`, { headers: { "X-Auth-Token": token } })).json()
    for (const i of page.images) console.log(i.id, i.status, i.size, i.name)
  ' "$1"
}

# Latency floor of one Glance request on this machine: N sequential curl calls of
# GET / (no token) and GET /v2/info/import (token checked by keystonemiddleware).
glance_latency() { # N
  local url token n=${1:-20}
  url=$(glance_url)
  token=$(os_token)
  for path in / /v2/info/import; do
    for _ in $(seq "$n"); do
      curl -s --noproxy '*' -o /dev/null -w '%{time_total}\n' -H "X-Auth-Token: $token" "$url$path"
    done | sort -n | awk -v p="$path" '{a[NR]=$1; s+=$1} END {printf "  GET %-16s %d calls: median %.0f ms, mean %.0f ms\n", p, NR, a[int((NR+1)/2)]*1000, s/NR*1000}'
  done
}

# A definition file with one version of a raw image: NAME URL SHA256 > FILE
raw_definition() {
  cat <<YAML
---
images:
  - name: $1
    format: raw
    login: ubuntu
    min_disk: 1
    min_ram: 512
    status: active
    visibility: public
    multi: false
    meta:
      architecture: x86_64
      hypervisor_type: qemu
      hw_disk_bus: scsi
      hw_rng_model: virtio
      hw_scsi_model: virtio-scsi
      hw_watchdog_action: reset
      os_distro: ubuntu
      os_version: '24.04'
      os_purpose: generic
      replace_frequency: never
      uuid_validity: none
      provided_until: none
    tags: []
    versions:
      - version: '1'
        url: $2
        checksum: sha256:$3
        build_date: 2024-01-10
YAML
}
