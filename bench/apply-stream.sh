#!/usr/bin/env bash
# Benchmark: glance-direct streaming import of one big raw image (random bytes,
# 256 MiB by default), compared with `curl -T FILE` into a fresh image's
# `PUT /v2/images/{id}/stage`.
#  - file:  the definition's url is `file:` (always glance-direct);
#  - http:  the url is http://localhost:PORT/... on a loopback web server. The
#           definition has a checksum, so the tool streams it (download, sha256,
#           format sniffing, PUT /stage, glance-direct): verified streaming, no
#           web-download attempt. Its baseline is `curl URL | curl -T -`.
# Both modes verify the sha256 on the way (docs/behaviour.md §4).
# Throughput = size / the duration Glance logged for the `PUT /stage` request
# (the same server-side measure for curl and for us; curl's own time is shown
# too). Peak RSS of the whole apply by /usr/bin/time -v (target < 200 MB, flat in
# the image size). Targets: throughput ratio >= 0.9.
# Env: SIZES (MiB, default "256"; "1024" for the 1 GiB figure), REPEAT (5 pairs, interleaved: curl, ours, curl, ...),
#      MODES ("file http"), TAG (bench-apply-stream), CLI, or CLIS="A/index.js B/index.js"
#      to compare builds run for run (A/B, after the same curl baseline). Needs ~5x the largest
#      size free in /var/tmp (source + staging + conversion + store).
# shellcheck source-path=SCRIPTDIR source=apply-lib.sh
source "$(dirname "$0")/apply-lib.sh"
tag=${TAG:-bench-apply-stream}
sizes=${SIZES:-256}
repeat=${REPEAT:-5}
modes=${MODES:-file http}
clis=${CLIS:-$CLI} # several builds to compare, each run right after the same curl baseline
bench_tags+=("$tag" "$tag-curl")

largest=$(tr ' ' '\n' <<<"$sizes" | sort -n | tail -1)
total=0; for s in $sizes; do total=$((total + s)); done
need=$((total + 4 * largest))
avail=$(df -m --output=avail /var/tmp | tail -1 | tr -d ' ')
note "df /var/tmp: $(df -h --output=avail,pcent /var/tmp | tail -1 | xargs) available; need ~${need} MiB"
[ "$avail" -gt "$need" ] || { echo "not enough room in /var/tmp" >&2; exit 1; }

mkdir -p "$work/www"
declare -A sum
for s in $sizes; do
  head -c "${s}M" /dev/urandom >"$work/www/s$s.raw"
  sum[$s]=$(sha256sum "$work/www/s$s.raw" | cut -d' ' -f1)
done
start_web "$work/www"
glance=$(glance_url)
token=$(os_token)
purge "$tag"
purge "$tag-curl"

curl_stage() { # SIZE MODE -> "glance_s curl_s"
  local id file=$work/www/s$1.raw
  id=$(curl -sS --noproxy '*' -X POST -H "X-Auth-Token: $token" -H 'Content-Type: application/json' \
    -d "{\"name\": \"bench curl $1\", \"disk_format\": \"raw\", \"container_format\": \"bare\", \"tags\": [\"$tag-curl\"]}" \
    "$glance/v2/images" | node -pe 'JSON.parse(require("fs").readFileSync(0)).id')
  local t
  if [ "$2" = file ]; then
    t=$(curl -sS --noproxy '*' -o /dev/null -w '%{time_total}' -H 'Expect:' -H "X-Auth-Token: $token" \
      -H 'Content-Type: application/octet-stream' -T "$file" "$glance/v2/images/$id/stage")
  else
    local start end
    start=$(date +%s.%N)
    curl -sS --noproxy '*' "http://127.0.0.1:$WEB_PORT/s$1.raw" |
      curl -sS --noproxy '*' -o /dev/null -H 'Expect:' -H "X-Auth-Token: $token" \
        -H 'Content-Type: application/octet-stream' -T - "$glance/v2/images/$id/stage"
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
  fi
  echo "$(glance_duration "$id" PUT stage) $t"
  curl -sS --noproxy '*' -X DELETE -H "X-Auth-Token: $token" "$glance/v2/images/$id"
}

ours() { # SIZE MODE CLI -> "glance_s wall_s rss_mb cpu_s rate glance_import_s overshoot_s"
  local dir=$work/cat-$2-$1 url id
  mkdir -p "$dir"
  if [ "$2" = file ]; then url="file:s$1.raw"; ln -f "$work/www/s$1.raw" "$dir/"; else url="http://localhost:$WEB_PORT/s$1.raw"; fi
  raw_definition "Bench stream $2 $1" "$url" "${sum[$1]}" >"$dir/stream.yml"
  /usr/bin/time -v -o "$work/time.txt" node "$3" apply --images "$dir" --cloud local-admin --tag "$tag" >"$work/apply.log" 2>&1 ||
    { tail -n 20 "$work/apply.log" >&2; exit 1; }
  id=$(ids_with_tag "$tag" | awk '{print $1}' | head -1)
  echo "$(glance_duration "$id" PUT stage) $(elapsed_s "$work/time.txt") $(max_rss_mb "$work/time.txt") $(cpu_s "$work/time.txt") $(grep -o '[0-9]* MiB/s' "$work/apply.log" | tail -1 | tr -d ' ')" \
    "$(node bench/apply-timeline.mjs "$GLANCE_LOG" --json "$id" | node -pe 'const r = JSON.parse(require("fs").readFileSync(0)); `${r.glanceImportS ?? "?"} ${r.overshootS ?? "?"}`')"
  purge "$tag" 2>/dev/null
}

echo "commit $(bench_commit), $(nproc) cores, $repeat interleaved pairs per size and source, load before: $(load)"
echo "| size | source | run | build | curl: PUT /stage (Glance) | curl: own time | ours: PUT /stage (Glance) | ours: stream rate (log) | ratio ours/curl | ours: apply wall | Glance import -> task success | task success -> seen active | ours: max RSS | ours: CPU user+sys | load before |"
echo "|---:|:---|---:|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|"
: >"$work/results.tsv"
for s in $sizes; do
  for mode in $modes; do
    for r in $(seq "$repeat"); do
      curl_stage "$s" "$mode" >"$work/curl.out"
      read -r cg ct <"$work/curl.out"
      for cli in $clis; do
        build=$(basename "$(dirname "$cli")")
        l=$(load)
        ours "$s" "$mode" "$cli" >"$work/ours.out"
        read -r og ow orss ocpu orate oimport oover <"$work/ours.out"
        [ -n "${orss:-}" ] && [ -n "${cg:-}" ] || { echo "a run failed" >&2; exit 1; }
        ratio=$(echo "$cg / $og" | bc -l)
        printf '| %s MiB | %s | %s | %s | %.2f s = %.0f MiB/s | %.2f s | %.2f s = %.0f MiB/s | %s | %.2f | %.2f s | %s s | %s s | %s MB | %s s | %s |\n' \
          "$s" "$mode" "$r" "$build" "$cg" "$(echo "$s / $cg" | bc -l)" "$ct" "$og" "$(echo "$s / $og" | bc -l)" "$orate" "$ratio" "$ow" \
          "$oimport" "$oover" "$orss" "$ocpu" "$l"
        printf '%s\t%s\t%s\t%s\t%s\n' "$s" "$mode" "$build" "$ratio" "$orss" >>"$work/results.tsv"
      done
    done
  done
done
echo
echo "Median throughput ratio (ours/curl, Glance-side PUT /stage durations) and max RSS:"
sort -t$'\t' -k1,1n -k2,2 -k3,3 -k4,4g "$work/results.tsv" | awk -F'\t' '
  { k = $1 " MiB " $2 " " $3; n[k]++; v[k, n[k]] = $4; if ($5 > rss[k]) rss[k] = $5; if (!(k in seen)) { seen[k] = 1; order[++m] = k } }
  END { for (i = 1; i <= m; i++) { k = order[i]; c = n[k]; med = (c % 2) ? v[k, (c + 1) / 2] : (v[k, c / 2] + v[k, c / 2 + 1]) / 2
        printf "  %-32s median ratio %.2f over %d runs (min %.2f, max %.2f), max RSS %d MB\n", k, med, c, v[k, 1], v[k, c], rss[k] } }'
note "df /var/tmp after: $(df -h --output=avail,pcent /var/tmp | tail -1 | xargs)"
echo "load after: $(load)"
