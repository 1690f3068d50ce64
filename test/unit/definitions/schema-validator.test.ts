// The schema is compiled ahead of time (scripts/compile-schema.mjs). The
// committed code must be what the schema compiles to now, and judge every
// document exactly as ajv compiling the schema at run time does.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { load } from 'js-yaml'
import {
  configuredAjv,
  generateValidatorSource,
  outputPath,
  schemaPath,
  versionMetaRef,
} from '../../../scripts/compile-schema.mjs'
import { validate, versionMeta } from '../../../src/definitions/schema-validator.generated.js'

const root = path.resolve(import.meta.dirname, '../../..')
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { $id: string }
const ajv = configuredAjv()
ajv.addSchema(schema)
const runtime = ajv.getSchema(schema.$id)
const runtimeMeta = ajv.getSchema(versionMetaRef(schema))

/** Every definition document of the fixtures and examples that YAML can read. */
function documents(): { name: string; data: unknown }[] {
  const out: { name: string; data: unknown }[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.ya?ml$/.test(entry.name)) {
        try {
          out.push({ name: path.relative(root, full), data: load(readFileSync(full, 'utf8')) })
        } catch {
          // Broken YAML never reaches the schema check.
        }
      }
    }
  }
  walk(path.join(root, 'test/fixtures'))
  walk(path.join(root, 'examples'))
  return out
}

/** The same document with one value swapped: the errors of many keywords. */
function variants(data: unknown): unknown[] {
  const images = (data as { images?: unknown[] } | null)?.images
  if (!Array.isArray(images) || typeof images[0] !== 'object' || images[0] === null) return []
  const first = images[0] as Record<string, unknown>
  const swaps: unknown[] = [null, 7, -1, 'x', '', 'a\u0007b', [], {}, true, 'é'.repeat(300)]
  return Object.keys(first).flatMap((key) =>
    swaps.map((value) => ({ ...(data as object), images: [{ ...first, [key]: value }] })),
  )
}

describe('precompiled schema validator', () => {
  it('is what the schema compiles to now (else run `npm run schema:compile`)', async () => {
    const committed = readFileSync(outputPath, 'utf8')
    expect(committed === (await generateValidatorSource()), 'run `npm run schema:compile`').toBe(
      true,
    )
  })

  it('gives the same verdict and errors as the schema compiled at run time', () => {
    const docs = documents()
    expect(docs.length).toBeGreaterThan(50)
    let invalid = 0
    for (const { name, data } of docs) {
      for (const doc of [data, ...variants(data)]) {
        const expected = runtime?.(doc)
        expect(validate(doc), name).toBe(expected)
        expect(validate.errors ?? null, name).toEqual(runtime?.errors ?? null)
        if (!expected) invalid++
      }
    }
    expect(invalid).toBeGreaterThan(500)
  })

  it('checks version meta as the schema compiled at run time does', () => {
    const metas: unknown[] = [
      { os_purpose: 'oldgeneric' },
      { os_purpose: 'nonsense' },
      { architecture: 7 },
      { hw_disk_bus: 'scsi', unknown_key: 'x' },
      {},
    ]
    for (const meta of metas) {
      expect(versionMeta(meta)).toBe(runtimeMeta?.(meta))
      expect(versionMeta.errors ?? null).toEqual(runtimeMeta?.errors ?? null)
    }
  })
})
