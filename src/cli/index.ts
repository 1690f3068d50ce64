#!/usr/bin/env node
// One bundle for both bins: `image-manager` runs this file, `openstack-image-manager`
// (openstack-image-manager.js) sets the mark below first and then imports it.
import { compatMain } from './compat.js'
import { main } from './main.js'
import { runAsProcess } from './process.js'

const asCompat = (globalThis as Record<symbol, unknown>)[Symbol.for('openstack-image-manager.bin')]

await runAsProcess(asCompat === true ? compatMain : main)
