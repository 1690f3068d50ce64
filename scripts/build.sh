#!/usr/bin/env bash
# npm run build: type-check, then bundle the action and the CLI with ncc, each
# with the licence notices of the third-party code it ships (licenses.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

tsc -p tsconfig.json
rm -rf dist
bundle() { # entry outdir
  ncc build "$1" -o "$2" --minify --target es2022 --stats-out "$2/stats.json" --quiet
  node scripts/bundle-licenses.mjs "$2/stats.json" "$2/licenses.txt"
}
bundle src/action/index.ts dist
bundle src/cli/index.ts dist/cli
mkdir -p dist/compat
cp src/cli/openstack-image-manager.js dist/compat/index.js
