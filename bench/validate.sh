#!/usr/bin/env bash
# Benchmark: `validate` of DEFINITIONS (1,000) generated definitions x VERSIONS (3)
# in FILES (20) files, whole process, a fresh node each run, as a ratio to its
# floor: a bare node process that only reads the same files and parses them with
# js-yaml (bench/parse-floor.mjs). PAIRS (7) interleaved pairs; the CPU time
# (user + sys) is the figure, as the wall time depends on the machine's load.
# The CLI is bundled from the working tree into a temporary directory, so the
# figure is that of the source (BUNDLE=dist/cli/index.js times the committed
# bundle). Needs GNU time (/usr/bin/time) and `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bundle=${BUNDLE:-}
if [ -z "$bundle" ]; then
  npx ncc build src/cli/index.ts -o "$dir/cli" --minify --target es2022 --quiet
  bundle=$dir/cli/index.js
fi
node bench/generate-catalog.mjs "$dir/catalog" "${DEFINITIONS:-1000}" "${FILES:-20}" "${VERSIONS:-3}" >/dev/null
node "$bundle" validate --images "$dir/catalog"
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' + uncommitted changes'), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
node bench/cpu-pairs.mjs "${PAIRS:-7}" "node bench/parse-floor.mjs $dir/catalog" \
  "node $bundle validate --images $dir/catalog"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
