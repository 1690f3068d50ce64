// The floor of `validate`: a bare process that reads each definition file of a
// catalog directory and parses it with js-yaml, and does nothing else.
// Usage: node bench/parse-floor.mjs DIR
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'

const dir = process.argv[2]
for (const f of readdirSync(dir).sort()) {
  if (/\.ya?ml$/.test(f)) load(readFileSync(join(dir, f), 'utf8'))
}
