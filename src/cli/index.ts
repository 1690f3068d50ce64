#!/usr/bin/env node
import { main } from './main.js'
import { runAsProcess } from './process.js'

await runAsProcess(main)
