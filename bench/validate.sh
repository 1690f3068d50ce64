#!/usr/bin/env bash
# Benchmark: validate 1,000 generated definitions (3 versions each) in 20 files
# with the bundled CLI, whole process, a fresh node each run.
# Needs hyperfine (Debian package `hyperfine`). Run after `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
node bench/generate-catalog.mjs "$dir/catalog" 1000 20 3 >/dev/null
node dist/cli/index.js validate --images "$dir/catalog" >/dev/null
hyperfine --warmup 1 --runs "${RUNS:-20}" --export-markdown "$dir/result.md" \
  "node dist/cli/index.js validate --images $dir/catalog"
cat "$dir/result.md"
