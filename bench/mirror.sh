#!/usr/bin/env bash
# Benchmark: `image-manager mirror` of one image (1 GiB of random bytes by
# default) from a loopback http server into the local S3 store
# (scripts/local-s3.sh, Swift s3api), against the floor: `curl --aws-sigv4 -T`
# of the same file to the same bucket in one PUT. Pairs run interleaved (curl,
# mirror, curl, mirror, ...) so that a disturbance of the shared machine hits
# both alike; prints each pair with the load average, then the median ratio
# (mirror throughput / curl throughput) and the peak RSS of the mirror.
# Targets: ratio >= 0.8, peak RSS < 200 MB.
# A second reference does the mirror's whole job with C tools in each pair:
# `curl URL | tee FIFO | curl --aws-sigv4 -T -` with `sha256sum FIFO` (download,
# hash and upload at once, sharing the cores with the source server and the
# store as the mirror does); its ratio is printed beside the first.
# The CPU seconds of the store (Swift's processes) and of the source server are
# read from /proc around each curl and mirror run: on a shared machine they
# bound what the mirror can reach.
# Env: BENCH_MIRROR_MIB (1024), RUNS (5 pairs), CLIS (bundles to compare, default
#      one built from src/ now; "a/index.js b/index.js" runs each after the same curl).
# Needs python3, curl, GNU time, and ~2 x size free in the S3 store's disk.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${BENCH_MIRROR_MIB:-1024}
runs=${RUNS:-5}
endpoint=$(bash scripts/local-s3.sh up | tail -n 1)
dir=$(mktemp -d "${BENCH_DIR:-/var/tmp}/bench-mirror.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
load() { uptime | sed 's/.*load average: /load /'; }
cpu_of() { # PID... -> their CPU seconds so far (user + system)
  local ticks=0 p
  for p in "$@"; do ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
store_cpu() { cpu_of $(pgrep -f 'swift-[a-z]+-server' || true); }
since() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench 2>/dev/null || echo '+changes')
clis=${CLIS:-}
if [ -z "$clis" ]; then
  npx ncc build src/cli/index.ts -o "$dir/cli" --target es2022 --quiet
  clis=$dir/cli/index.js
fi

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
bucket=bench-mirror-$(date +%s)-$$
s3curl -X PUT "$endpoint/$bucket" -o /dev/null
export AWS_ACCESS_KEY_ID=test:tester AWS_SECRET_ACCESS_KEY=testing

pipeline() { # RUN -> seconds of download | sha256 | upload by C tools; checks the hash
  rm -f "$dir/fifo" && mkfifo "$dir/fifo"
  sha256sum "$dir/fifo" >"$dir/pipeline.sum" &
  local hasher=$! start end
  start=$(date +%s.%N)
  curl -sS --fail --noproxy '*' "http://127.0.0.1:$port/bench.qcow2" | tee "$dir/fifo" |
    s3curl -T - "$endpoint/$bucket/pipeline$1.qcow2" -o /dev/null
  wait "$hasher"
  end=$(date +%s.%N)
  [ "$(cut -d' ' -f1 "$dir/pipeline.sum")" = "$sum" ] || { echo "the pipeline's sha256 differs" >&2; exit 1; }
  s3curl -X DELETE "$endpoint/$bucket/pipeline$1.qcow2" -o /dev/null
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

echo "mirror of $size_mib MiB, commit $commit, $(nproc) cores, $runs interleaved pairs"
echo "| run | build | curl s | curl MiB/s | store CPU s (curl) | pipeline s | mirror s | mirror MiB/s | ratio to curl | ratio to pipeline | mirror peak RSS MB | mirror CPU s | store CPU s (mirror) | source CPU s (mirror) | load before |"
echo "|---:|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|"
: >"$dir/results.tsv"
for r in $(seq "$runs"); do
  l=$(load)
  s0=$(store_cpu)
  /usr/bin/time -f '%e %M' -o "$dir/curl.time" \
    bash -c "$(declare -f s3curl); dir=$dir; s3curl -T '$dir/www/bench.qcow2' '$endpoint/$bucket/curl.qcow2' -o /dev/null"
  c_store=$(since "$s0" "$(store_cpu)")
  s3curl -X DELETE "$endpoint/$bucket/curl.qcow2" -o /dev/null
  read -r c_s _ <"$dir/curl.time"
  pipeline_s=$(pipeline "$r")
  for cli in $clis; do
    build=$(basename "$(dirname "$(dirname "$cli")")")/$(basename "$(dirname "$cli")")
    s0=$(store_cpu) w0=$(cpu_of "$server_pid")
    /usr/bin/time -f '%e %M %U %S' -o "$dir/mirror.time" node "$cli" mirror \
      --images "$dir/catalog" --endpoint "$endpoint" --bucket "$bucket" --path-style --prefix "run$r" >"$dir/mirror.log" 2>&1 ||
      { tail -n 20 "$dir/mirror.log" >&2; exit 1; }
    m_store=$(since "$s0" "$(store_cpu)") m_source=$(since "$w0" "$(cpu_of "$server_pid")")
    grep -q 'uploaded 1 ' "$dir/mirror.log" || { tail -n 20 "$dir/mirror.log" >&2; exit 1; }
    if [ "$r" = 1 ]; then # the stored object holds exactly the bytes hashed on the way
      got=$(s3curl "$endpoint/$bucket/run$r/bench/1-bench.qcow2" | sha256sum | cut -d' ' -f1)
      [ "$got" = "$sum" ] || { echo "the mirrored object of $build differs from the source" >&2; exit 1; }
      note_verified="${note_verified:-}$build "
    fi
    s3curl -X DELETE "$endpoint/$bucket/run$r/bench/1-bench.qcow2" -o /dev/null || true
    read -r m_s m_kb m_user m_sys <"$dir/mirror.time"
    awk -v r="$r" -v b="$build" -v mib="$size_mib" -v ms="$m_s" -v mk="$m_kb" -v cs="$c_s" -v ps="$pipeline_s" -v l="$l" -v cpu="$m_user + $m_sys" \
      -v cst="$c_store" -v mst="$m_store" -v msrc="$m_source" 'BEGIN {
      split(cpu, c, " [+] "); printf "| %d | %s | %.2f | %.0f | %s | %.2f | %.2f | %.0f | %.2f | %.2f | %.0f | %.1f | %s | %s | %s |\n", r, b, cs, mib / cs, cst, ps, ms, mib / ms, cs / ms, ps / ms, mk / 1024, c[1] + c[2], mst, msrc, l }'
    printf '%s\t%s\t%s\t%s\n' "$build" "$(awk -v ms="$m_s" -v cs="$c_s" 'BEGIN {printf "%.3f", cs / ms}')" "$m_kb" \
      "$(awk -v ms="$m_s" -v ps="$pipeline_s" 'BEGIN {printf "%.3f", ps / ms}')" >>"$dir/results.tsv"
  done
done
echo
median() { # the median of column $1 of results.tsv per build
  sort -t$'\t' -k1,1 -k"$1,$1"g "$dir/results.tsv" | awk -F'\t' -v col="$1" '
    { n[$1]++; v[$1, n[$1]] = $col; if ($3 > rss[$1]) rss[$1] = $3 }
    END { for (b in n) { c = n[b]; med = (c % 2) ? v[b, (c + 1) / 2] : (v[b, c / 2] + v[b, c / 2 + 1]) / 2
      printf "%s %.2f %d %.2f %.2f %.0f\n", b, med, c, v[b, 1], v[b, c], rss[b] / 1024 } }'
}
median 2 | while read -r b med c lo hi rss; do
  echo "$b: median ratio mirror/curl $med over $c pairs (min $lo, max $hi), peak RSS $rss MB (target >= 0.8, < 200 MB)"
done
median 4 | while read -r b med c lo hi _; do
  echo "$b: median ratio mirror/pipeline $med over $c pairs (min $lo, max $hi): the same job done by C tools"
done
echo "objects read back and equal to the source (sha256), run 1: ${note_verified:-none}"
echo "load after: $(load)"
