// Golden files: output compared byte for byte with test/fixtures/golden/<name>.
// UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'

const GOLDEN = path.resolve(import.meta.dirname, '../fixtures/golden')

export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name)
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, actual)
  }
  if (!existsSync(file)) throw new Error(`No golden file ${file}: run with UPDATE_GOLDEN=1`)
  expect(actual, `golden file ${name}`).toBe(readFileSync(file, 'utf8'))
}
