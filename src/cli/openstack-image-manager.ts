#!/usr/bin/env node
// The `openstack-image-manager` bin: the established tool's command line.
import { compatMain } from './compat.js'
import { runAsProcess } from './process.js'

await runAsProcess(compatMain)
