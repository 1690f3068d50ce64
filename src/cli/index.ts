#!/usr/bin/env node
import { main } from './main.js'

// A closed pipe (`image-manager plan | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

process.exitCode = await main(process.argv.slice(2), { out: process.stdout, err: process.stderr })
