#!/usr/bin/env bash
# Benchmark: a no-op plan of DEFINITIONS (500) definitions x 3 versions against a
# Glance that holds those 1,500 managed images plus UNMANAGED (500) unmanaged
# ones (the local cloud), whole process, as a ratio to its floor: a bare node
# process that gets a token and reads the same listing (bench/list-floor.mjs).
# Counts the OpenStack requests of one run, then PAIRS (7) interleaved pairs;
# the wall time is the figure (plan waits for Glance), the CPU time is printed
# too. The images are seeded once (SEED=1 forces a purge and a fresh seed; the
# seed is kept for the next run while the plan still finds nothing to change).
# The CLI is bundled from the working tree into a temporary directory
# (BUNDLE=dist/cli/index.js times the committed bundle).
# Needs: the local cloud up (scripts/local-cloud.sh up), GNU time, `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
export OS_CLIENT_CONFIG_FILE=${LOCAL_CLOUD_CLOUDS_YAML:-/var/tmp/image-manager-cloud/clouds.yaml}
export LOCAL_CLOUD_CLOUDS_YAML=$OS_CLIENT_CONFIG_FILE
definitions=${DEFINITIONS:-500}
unmanaged=${UNMANAGED:-500}
tag=${TAG:-bench-plan-$definitions-$unmanaged}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bundle=${BUNDLE:-}
if [ -z "$bundle" ]; then
  npx ncc build src/cli/index.ts -o "$dir/cli" --minify --target es2022 --quiet
  bundle=$dir/cli/index.js
fi
node bench/generate-catalog.mjs "$dir/catalog" "$definitions" 20 3 http://127.0.0.1:18080 >/dev/null
plan=(node "$bundle" plan --images "$dir/catalog" --cloud local-admin --tag "$tag")
changes() { "${plan[@]}" --out "$1" >/dev/null; node -e 'const s=require(process.argv[1]).summary;console.log(Object.entries(s).filter(([k])=>!["unchanged","skipped"].includes(k)).reduce((n,[,c])=>n+c,0))' "$1"; }
if [ "${SEED:-auto}" = 1 ] || [ "$(changes "$dir/check.json")" != 0 ]; then
  node bench/seed-glance.mjs purge "$tag" >&2
  node bench/seed-glance.mjs purge "$tag-unmanaged" >&2
  "${plan[@]}" --out "$dir/initial.json" >/dev/null
  node bench/seed-glance.mjs seed "$dir/initial.json" "$unmanaged" "$tag-unmanaged" >&2
fi
"${plan[@]}" --out "$dir/noop.json" | tail -n 1
node -e '
  const p = require(process.argv[1]);
  const glance = Object.entries(p.requests).filter(([k]) => !k.includes("/v3/"));
  console.log("Glance requests:", JSON.stringify(Object.fromEntries(glance)), "total", glance.reduce((n, [, c]) => n + c, 0));
' "$dir/noop.json"
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' + uncommitted changes'), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
node bench/cpu-pairs.mjs "${PAIRS:-7}" "node bench/list-floor.mjs $tag" "${plan[*]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
