#!/usr/bin/env bash
# Benchmark: a no-op plan of 500 definitions x 3 versions against a Glance that
# holds those 1,500 managed images plus 500 unmanaged ones (the local cloud).
# Counts the OpenStack requests of one run and times whole processes with hyperfine.
# Needs: the local cloud up (scripts/local-cloud.sh up), hyperfine, npm run build.
set -euo pipefail
cd "$(dirname "$0")/.."
export OS_CLIENT_CONFIG_FILE=${LOCAL_CLOUD_CLOUDS_YAML:-/var/tmp/image-manager-cloud/clouds.yaml}
tag=bench-plan
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
node bench/generate-catalog.mjs "$dir/catalog" "${DEFINITIONS:-500}" 20 3 http://127.0.0.1:18080 >/dev/null
plan=(node dist/cli/index.js plan --images "$dir/catalog" --cloud local-admin --tag "$tag")
if [ "${SEED:-1}" = 1 ]; then
  node bench/seed-glance.mjs purge "$tag" >&2
  node bench/seed-glance.mjs purge bench-unmanaged >&2
  "${plan[@]}" --out "$dir/initial.json" >/dev/null
  node bench/seed-glance.mjs seed "$dir/initial.json" "${UNMANAGED:-500}" bench-unmanaged >&2
fi
"${plan[@]}" --out "$dir/noop.json" | tail -n 1
node -e '
  const p = require(process.argv[1]);
  const glance = Object.entries(p.requests).filter(([k]) => !k.includes("/v3/"));
  console.log("Glance requests:", JSON.stringify(Object.fromEntries(glance)), "total", glance.reduce((n, [, c]) => n + c, 0));
' "$dir/noop.json"
hyperfine --warmup 1 --runs "${RUNS:-10}" --export-markdown "$dir/result.md" "${plan[*]}" >&2
cat "$dir/result.md"
