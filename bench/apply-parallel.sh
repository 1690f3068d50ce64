#!/usr/bin/env bash
# Benchmark: 8 definitions of one 256 MiB raw image each, `apply --concurrency 1`
# vs `--concurrency 4`, from empty each time (tag purged before every run), runs
# alternating so that a disturbance of the shared machine hits both alike.
#  SOURCE=file (default): `file:` urls, streamed by the tool (glance-direct);
#  SOURCE=http: http://127.0.0.1:PORT urls, Glance downloads them (web-download).
# Reports wall time, peak RSS, load and the Glance-log timeline of each run, and
# the ratio of the median wall times.
# Env: IMAGES (8), SIZE (MiB, 256), RUNS (2 per concurrency), CONCURRENCIES ("1 4"),
#      SOURCE, TAG (bench-apply-parallel), CLI. Needs ~ IMAGES*SIZE*2 MiB in /var/tmp.
# shellcheck source-path=SCRIPTDIR source=apply-lib.sh
source "$(dirname "$0")/apply-lib.sh"
tag=${TAG:-bench-apply-parallel}
count=${IMAGES:-8}
size=${SIZE:-256}
source_kind=${SOURCE:-file}
bench_tags+=("$tag")

need=$((size * (count * 2 + 4 + 1)))
avail=$(df -m --output=avail /var/tmp | tail -1 | tr -d ' ')
note "df /var/tmp: $(df -h --output=avail,pcent /var/tmp | tail -1 | xargs) available; need ~${need} MiB"
[ "$avail" -gt "$need" ] || { echo "not enough room in /var/tmp" >&2; exit 1; }

mkdir -p "$work/catalog"
head -c "${size}M" /dev/urandom >"$work/catalog/source.raw"
sum=$(sha256sum "$work/catalog/source.raw" | cut -d' ' -f1)
[ "$source_kind" = http ] && start_web "$work/catalog"
for i in $(seq 0 $((count - 1))); do
  ln "$work/catalog/source.raw" "$work/catalog/p$i.raw"
  if [ "$source_kind" = http ]; then url="http://127.0.0.1:$WEB_PORT/p$i.raw"; else url="file:p$i.raw"; fi
  raw_definition "Bench parallel $i" "$url" "$sum" >"$work/catalog/p$i.yml"
done
purge "$tag"

echo "$count images of $size MiB, source $source_kind"
echo
echo "| concurrency | run | wall | max RSS | PUT /stage mean (Glance) | import -> task success mean | task success -> seen mean | load before | load after |"
echo "|---:|---:|---:|---:|---:|---:|---:|:---|:---|"
: >"$work/results.tsv"
for r in $(seq "${RUNS:-2}"); do
  for c in ${CONCURRENCIES:-1 4}; do
    purge "$tag"
    before=$(load)
    /usr/bin/time -v -o "$work/time.txt" node "$CLI" apply --images "$work/catalog" --cloud local-admin --tag "$tag" --concurrency "$c" >"$work/apply.log" 2>&1 ||
      { tail -n 20 "$work/apply.log" >&2; exit 1; }
    after=$(load)
    ids_with_tag "$tag" >"$work/ids.txt"
    [ "$(awk '$2 == "active"' "$work/ids.txt" | wc -l)" = "$count" ] || { echo "not all images active" >&2; cat "$work/ids.txt" >&2; exit 1; }
    timeline=$(awk '{print $1}' "$work/ids.txt" | node bench/apply-timeline.mjs "$GLANCE_LOG" --json |
      node -e 'const rows = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse)
        const mean = (k) => { const xs = rows.map((r) => r[k]).filter((x) => x !== undefined); return xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2) + " s" : "n/a" }
        console.log([mean("stageS"), mean("glanceImportS"), mean("overshootS")].join(" | "))')
    wall=$(elapsed_s "$work/time.txt")
    printf '| %s | %s | %s s | %s MB | %s | %s | %s |\n' "$c" "$r" "$wall" "$(max_rss_mb "$work/time.txt")" "$timeline" "$before" "$after"
    printf '%s\t%s\n' "$c" "$wall" >>"$work/results.tsv"
  done
done
purge "$tag"
echo
awk -F'\t' '{ n[$1]++; v[$1, n[$1]] = $2 } END {
  for (c in n) { k = n[c]; for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[c, j] < v[c, i]) { t = v[c, i]; v[c, i] = v[c, j]; v[c, j] = t }
    med[c] = (k % 2) ? v[c, (k + 1) / 2] : (v[c, k / 2] + v[c, k / 2 + 1]) / 2; printf "median wall, concurrency %s: %.2f s (%d runs)\n", c, med[c], k }
  if ((1 in med) && (4 in med)) printf "speed-up concurrency 4 vs 1: %.2fx\n", med[1] / med[4] }' "$work/results.tsv"
