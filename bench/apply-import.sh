#!/usr/bin/env bash
# Benchmark: `apply` from empty of the generated catalog, 40 definitions x 2
# versions = 80 new images (web-download from a loopback web server; each source
# a 16 MiB-virtual qcow2 that Glance converts to raw).
#  1. one apply through a counting proxy in front of Glance: Glance requests per
#     new image, time from import call to active, polling overshoot;
#  2. RUNS (default 3; 0 skips) timed applies straight to Glance from empty
#     (/usr/bin/time), each against the floor: the CPU seconds the cloud's own
#     processes spent during the run, divided by the cores.
# Targets: <= 4.5 Glance requests per new image; wall time at most 1.15x the
# floor set by the cloud's own CPU work (see cloud_cpu_delta in apply-lib.sh).
# Env: DEFINITIONS (40), VERSIONS (2), CONCURRENCY (the CLI's default, 4), RUNS (3),
#      VERIFY (auto: checked streaming of every import, each has a checksum; none: web-download),
#      TAG (bench-apply-import), CLI, LOCAL_CLOUD_CLOUDS_YAML, KEEP. See bench/apply-lib.sh.
#      TOOL=oim OIM_DIR=... [OIM_PYTHONPATH=...]: the counting run with the Python
#      openstack-image-manager instead (not part of this repository).
# shellcheck source-path=SCRIPTDIR source=apply-lib.sh
source "$(dirname "$0")/apply-lib.sh"
tag=${TAG:-bench-apply-import}
definitions=${DEFINITIONS:-40}
versions=${VERSIONS:-2}
images=$((definitions * versions))
bench_tags+=("$tag")

# Sources: one 16 MiB-virtual qcow2 hard-linked at every ${base}/${i}/${version}.qcow2.
mkdir -p "$work/www"
qemu-img create -q -f qcow2 "$work/source.qcow2" 16M
sum=$(sha256sum "$work/source.qcow2" | cut -d' ' -f1)
start_web "$work/www"
node bench/generate-catalog.mjs "$work/catalog" "$definitions" 2 "$versions" "http://127.0.0.1:$WEB_PORT" >/dev/null
sed -i "s/checksum: sha256:.*/checksum: sha256:$sum/" "$work"/catalog/*.yml
grep -ho "http://127.0.0.1:$WEB_PORT/[^ ]*" "$work"/catalog/*.yml | sed "s|http://127.0.0.1:$WEB_PORT/||" |
  while read -r p; do mkdir -p "$work/www/$(dirname "$p")"; ln "$work/source.qcow2" "$work/www/$p"; done
concurrency=()
[ -n "${CONCURRENCY:-}" ] && concurrency=(--concurrency "$CONCURRENCY")
# VERIFY=none: every import by web-download, unchecked; the default (auto) streams
# every one of these (each has a checksum) through the tool into the stage, checked.
[ -n "${VERIFY:-}" ] && concurrency+=(--verify "$VERIFY")
apply=(node "$CLI" apply --images "$work/catalog" --cloud local-admin --tag "$tag" "${concurrency[@]}")
if [ "${TOOL:-}" = oim ]; then
  # The established Python tool, for a fresh comparison on the same catalog and
  # Glance (counting run only). OIM_DIR: its checkout; OIM_PYTHONPATH: extra modules.
  apply=(env "PYTHONPATH=${OIM_PYTHONPATH:-}" bash -c 'cd "$0" && exec /usr/bin/python3 -m openstack_image_manager.main "$@"'
    "${OIM_DIR:?the checkout of openstack-image-manager}" --cloud local-admin --images "$work/catalog" --no-check --prefetch never --tag "$tag")
  RUNS=0
fi

note "== $images new images (${definitions} definitions x ${versions} versions), source $(stat -c %s "$work/source.qcow2") bytes qcow2"
purge "$tag"

# 1. Counting run through the proxy.
start_proxy "$work/requests.jsonl"
note "counting run: $(load)"
: >"$work/web.log"
OS_CLIENT_CONFIG_FILE=$PROXY_CLOUDS /usr/bin/time -v -o "$work/time.txt" "${apply[@]}" >"$work/apply.log" 2>&1 ||
  { tail -n 30 "$work/apply.log" >&2; exit 1; }
after=$(load)
stop_proxy
echo "### counting run (through the proxy), commit $(bench_commit)"
echo "wall $(elapsed_s "$work/time.txt") s, max RSS $(max_rss_mb "$work/time.txt") MB, $after (after the run)"
tail -n 1 "$work/apply.log"
node bench/apply-proxy.mjs --report "$work/requests.jsonl" "$images"
echo "latency floor of one Glance request right now (curl, sequential), $(load):"
glance_latency 20
echo "web server: $(grep -c '"HEAD ' "$work/web.log") HEAD (the tool's probes), $(grep -c '"GET ' "$work/web.log") GET (the downloads: the tool's when it streams, Glance's with web-download)"
ids_with_tag "$tag" >"$work/ids.txt"
awk '{print $1}' "$work/ids.txt" | node bench/apply-timeline.mjs "$GLANCE_LOG"
active=$(awk '$2 == "active"' "$work/ids.txt" | wc -l)
echo "images active with the tag: $active of $images"
[ "$active" = "$images" ] || exit 1
node "$CLI" plan --images "$work/catalog" --cloud local-admin --tag "$tag" --detailed-exitcode >/dev/null 2>&1 &&
  echo "a plan right after: no changes (converged)" || echo "a plan right after: CHANGES LEFT"

# 2. Timed runs straight to Glance, each from empty: wall time against the
#    cloud's floor (its CPU seconds during the run / cores).
runs=${RUNS:-3}
[ "$runs" -gt 0 ] || exit 0
cores=$(nproc)
echo
echo "### $runs timed runs straight to Glance (purged before each), commit $(bench_commit); load before: $(load)"
echo "| run | wall s | cloud CPU s | floor s (CPU / $cores cores) | wall / floor | our CPU s |"
echo "| --- | --- | --- | --- | --- | --- |"
: >"$work/ratios.txt"
for r in $(seq "$runs"); do
  purge "$tag"
  sleep 2 # let Glance finish the deletes before the clock starts
  cloud_cpu_snapshot >"$work/cpu-before.txt"
  /usr/bin/time -v -o "$work/time-$r.txt" "${apply[@]}" >"$work/apply-$r.log" 2>&1 ||
    { tail -n 30 "$work/apply-$r.log" >&2; exit 1; }
  cloud_cpu_snapshot >"$work/cpu-after.txt"
  cpu=$(cloud_cpu_delta "$work/cpu-before.txt" "$work/cpu-after.txt")
  wall=$(elapsed_s "$work/time-$r.txt")
  awk -v w="$wall" -v b=0 -v a="$cpu" -v c="$cores" -v r="$r" -v ours="$(cpu_s "$work/time-$r.txt")" \
    'BEGIN {f = (a - b) / c; printf "| %d | %.1f | %.1f | %.1f | %.2f | %.1f |\n", r, w, a - b, f, w / f, ours}'
  awk -v w="$wall" -v b=0 -v a="$cpu" -v c="$cores" 'BEGIN {printf "%.3f\n", w / ((a - b) / c)}' >>"$work/ratios.txt"
done
echo "wall / floor: median $(sort -n "$work/ratios.txt" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') (target <= 1.15); load after: $(load)"
