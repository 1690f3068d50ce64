#!/usr/bin/env bash
# Benchmark: `image-manager mirror` of one 1 GiB image from a loopback http
# server into the local S3 store (scripts/local-s3.sh, Swift s3api), against
# `curl` uploading the same file to the same bucket in one PUT. Prints wall
# time, throughput and peak RSS of each, and the ratio. Bundles the CLI from
# src/ into a temp dir first (no dist/ needed). Needs python3, curl, GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${BENCH_MIRROR_MIB:-1024}
endpoint=$(bash scripts/local-s3.sh up | tail -n 1)
dir=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
npx ncc build src/cli/index.ts -o "$dir/cli" --target es2022 --quiet

mkdir -p "$dir/www" "$dir/catalog"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$dir/www/bench.qcow2"
sum=$(sha256sum "$dir/www/bench.qcow2" | cut -d' ' -f1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir/www" >/dev/null 2>&1 &
server_pid=$!
cat >"$dir/catalog/bench.yml" <<YAML
images:
  - name: Bench
    shortname: bench
    format: qcow2
    login: user
    min_disk: 1
    min_ram: 512
    status: active
    visibility: public
    multi: true
    meta:
      architecture: x86_64
      hw_disk_bus: scsi
    tags: []
    versions:
      - version: '1'
        url: http://127.0.0.1:$port/bench.qcow2
        checksum: sha256:$sum
YAML
for _ in $(seq 50); do curl -sf --noproxy '*' -o /dev/null -I "http://127.0.0.1:$port/bench.qcow2" && break; sleep 0.1; done

# The fixed loopback credentials of scripts/local-s3.sh; netrc because the key holds a colon.
printf 'machine 127.0.0.1 login test:tester password testing\n' >"$dir/netrc"
s3curl() {
  curl -sS --fail --noproxy '*' --netrc-file "$dir/netrc" --aws-sigv4 'aws:amz:us-east-1:s3' \
    -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' "$@"
}
bucket=bench-mirror-$(date +%s)
s3curl -X PUT "$endpoint/$bucket" -o /dev/null

export AWS_ACCESS_KEY_ID=test:tester AWS_SECRET_ACCESS_KEY=testing
/usr/bin/time -f '%e %M' -o "$dir/mirror.time" node "$dir/cli/index.js" mirror \
  --images "$dir/catalog" --endpoint "$endpoint" --bucket "$bucket" --path-style >/dev/null
/usr/bin/time -f '%e %M' -o "$dir/curl.time" \
  bash -c "$(declare -f s3curl); dir=$dir; s3curl -T '$dir/www/bench.qcow2' '$endpoint/$bucket/curl.qcow2' -o /dev/null"

read -r m_s m_kb <"$dir/mirror.time"
read -r c_s c_kb <"$dir/curl.time"
awk -v mib="$size_mib" -v ms="$m_s" -v mk="$m_kb" -v cs="$c_s" -v ck="$c_kb" 'BEGIN {
  printf "image:  %d MiB\n", mib
  printf "mirror: %.1f s, %.0f MiB/s, peak RSS %.0f MiB (download, sha256, multipart upload)\n", ms, mib / ms, mk / 1024
  printf "curl:   %.1f s, %.0f MiB/s, peak RSS %.0f MiB (one PUT of the file on disk)\n", cs, mib / cs, ck / 1024
  printf "ratio:  mirror throughput = %.2f x curl\n", cs / ms
}'
