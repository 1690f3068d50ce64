#!/usr/bin/env node
// The `openstack-image-manager` bin, copied by `npm run build` to
// dist/compat/index.js (the import path is relative to there). It has no bundle
// of its own: it marks the process as this bin and runs the image-manager
// bundle, whose entry (src/cli/index.ts) then reads the old tool's command line.
// Only a dynamic import, so it runs alike whether Node loads it as ESM or CommonJS.
globalThis[Symbol.for('openstack-image-manager.bin')] = true
import('../cli/index.js')
