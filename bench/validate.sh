#!/usr/bin/env bash
# Benchmark: validate 1,000 generated definitions (3 versions each) in 20 files
# with the bundled CLI, whole process, a fresh node each run. The CLI is
# bundled from the working tree into a temporary directory, so the figure is
# that of the source (BUNDLE=dist/cli/index.js times the committed bundle).
# Needs hyperfine (Debian package `hyperfine`) and `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bundle=${BUNDLE:-}
if [ -z "$bundle" ]; then
  npx ncc build src/cli/index.ts -o "$dir/cli" --minify --target es2022 --quiet
  bundle=$dir/cli/index.js
fi
node bench/generate-catalog.mjs "$dir/catalog" 1000 20 3 >/dev/null
node "$bundle" validate --images "$dir/catalog" >/dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --warmup 1 --runs "${RUNS:-20}" --export-markdown "$dir/result.md" \
  "node $bundle validate --images $dir/catalog"
cat "$dir/result.md"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
