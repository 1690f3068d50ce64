#!/usr/bin/env bash
# Benchmark: `apply` from empty of the generated catalog, 40 definitions x 2
# versions = 80 new images (web-download from a loopback web server; each source
# a 16 MiB-virtual qcow2 that Glance converts to raw).
#  1. one apply through a counting proxy in front of Glance: Glance requests per
#     new image, time from import call to active, polling overshoot;
#  2. RUNS (default 3; 0 skips) timed applies straight to Glance (hyperfine,
#     purging the tag before each run).
# Targets (issue): <= 8 Glance requests per new image; >= 5x faster than the Python
# tool's reported 331 s (2,594 requests) for 80 images, i.e. <= 66 s.
# Env: DEFINITIONS (40), VERSIONS (2), CONCURRENCY (the CLI's default, 4), RUNS (3),
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
echo "### counting run (through the proxy)"
echo "wall $(elapsed_s "$work/time.txt") s, max RSS $(max_rss_mb "$work/time.txt") MB, $after (after the run)"
tail -n 1 "$work/apply.log"
node bench/apply-proxy.mjs --report "$work/requests.jsonl" "$images"
echo "latency floor of one Glance request right now (curl, sequential), $(load):"
glance_latency 20
echo "web server: $(grep -c '"HEAD ' "$work/web.log") HEAD (the tool's probes), $(grep -c '"GET ' "$work/web.log") GET (Glance's downloads)"
ids_with_tag "$tag" >"$work/ids.txt"
awk '{print $1}' "$work/ids.txt" | node bench/apply-timeline.mjs "$GLANCE_LOG"
active=$(awk '$2 == "active"' "$work/ids.txt" | wc -l)
echo "images active with the tag: $active of $images"
[ "$active" = "$images" ] || exit 1
node "$CLI" plan --images "$work/catalog" --cloud local-admin --tag "$tag" --detailed-exitcode >/dev/null 2>&1 &&
  echo "a plan right after: no changes (converged)" || echo "a plan right after: CHANGES LEFT"

# 2. Timed runs straight to Glance.
[ "${RUNS:-3}" -gt 0 ] || exit 0
echo
echo "### ${RUNS:-3} timed runs straight to Glance (hyperfine; prepare = purge the tag); load before: $(load)"
hyperfine --runs "${RUNS:-3}" --prepare "node bench/seed-glance.mjs purge $tag" \
  --export-markdown "$work/hyperfine.md" --export-json "$work/hyperfine.json" "${apply[*]}" >&2
cat "$work/hyperfine.md"
node -e '
  const r = require(process.argv[1]).results[0]
  console.log("runs:", r.times.map((t) => t.toFixed(1) + " s").join(", "))
  console.log(`speed-up vs 331 s: ${(331 / r.mean).toFixed(1)}x (mean), ${(331 / r.max).toFixed(1)}x (slowest run)`)
' "$work/hyperfine.json"
echo "load after: $(load)"
