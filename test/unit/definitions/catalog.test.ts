import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import { errorsOf } from '../../../src/problems.js'

const fixtures = path.resolve(import.meta.dirname, '../../fixtures')
const now = new Date('2026-11-24T00:00:00Z')

/** Each broken file names, on its first line, where its one error must be reported. */
function expectation(file: string): { line: number; column: number; fragment: string } {
  const first = readFileSync(file, 'utf8').split('\n')[0] ?? ''
  const m = /^# expect: (\d+):(\d+) (.+)$/.exec(first)
  if (!m) throw new Error(`${file} lacks its '# expect: LINE:COL fragment' line`)
  return { line: Number(m[1]), column: Number(m[2]), fragment: (m[3] as string).trim() }
}

describe('validate: the broken corpus', () => {
  const dir = path.join(fixtures, 'invalid')
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .sort()

  it('has at least 40 broken files', () => {
    expect(files.length).toBeGreaterThanOrEqual(40)
  })

  it.each(files)('%s: one error, at the right place', async (name) => {
    const file = path.join(dir, name)
    const want = expectation(file)
    const catalog = await loadCatalog({ images: file, now, cwd: fixtures })
    const errors = errorsOf(catalog.problems)
    expect(errors.map((e) => `${e.line}:${e.column}`)).toEqual([`${want.line}:${want.column}`])
    expect(errors[0]?.message.toLowerCase()).toContain(want.fragment.toLowerCase())
    expect(errors[0]?.file).toBe(path.join('invalid', name))
    expect(errors[0]?.message).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('reports two definitions with the same Glance name across files, at the second', async () => {
    const dir = path.join(fixtures, 'invalid-dir/duplicate-across-files')
    const want = expectation(path.join(dir, 'b.yml'))
    const catalog = await loadCatalog({ images: dir, now, cwd: fixtures })
    const errors = errorsOf(catalog.problems)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({
      file: 'invalid-dir/duplicate-across-files/b.yml',
      line: want.line,
      column: want.column,
    })
    expect(errors[0]?.message).toContain('invalid-dir/duplicate-across-files/a.yml:')
  })

  // One file with four schema mistakes, one with three the rules find (rules run on files the
  // schema accepts, so the two kinds can't share a file).
  it.each(['schema-errors.yml', 'rule-errors.yml'])(
    'reports every error of a file at once, not the first only: %s',
    async (name) => {
      const file = path.join(fixtures, 'invalid-many', name)
      const want = readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line) => {
          const m = /^# expect: (\d+:\d+) (.+)$/.exec(line)
          return m ? [{ at: m[1] as string, fragment: (m[2] as string).trim() }] : []
        })
      expect(want.length).toBeGreaterThanOrEqual(3)
      const catalog = await loadCatalog({ images: file, now, cwd: fixtures })
      const errors = errorsOf(catalog.problems)
      const at = (e: { line: number; column: number }): string => `${e.line}:${e.column}`
      expect(errors.map(at).sort()).toEqual(want.map((w) => w.at).sort())
      for (const w of want) {
        const error = errors.find((e) => at(e) === w.at)
        expect(error?.message.toLowerCase()).toContain(w.fragment.toLowerCase())
        expect(error?.file).toBe(`invalid-many/${name}`)
      }
    },
  )
})

describe('validate: accepted catalogs', () => {
  it('every seed example and accepted form validates without errors; only the seeds warn, of SCS keys', async () => {
    const catalog = await loadCatalog({
      images: path.join(fixtures, 'valid'),
      now,
      cwd: fixtures,
    })
    expect(errorsOf(catalog.problems)).toEqual([])
    expect(catalog.definitions.length).toBeGreaterThanOrEqual(4)
    // The seeds are the old tool's examples as published, which lack some SCS keys: one warning
    // each, at their meta. The forms written for this project warn of nothing.
    const warnings = catalog.problems.filter((p) => p.severity === 'warning')
    expect(warnings.map((w) => w.file).sort()).toEqual([
      'valid/seed-cirros.yml',
      'valid/seed-rancheros.yml',
      'valid/seed-ubuntu-multi.yml',
    ])
    for (const w of warnings)
      expect(w.message).toMatch(/^meta lacks .*, which the SCS image metadata/)
    expect(catalog.problems.every((p) => p.severity === 'error' || p.severity === 'warning')).toBe(
      true,
    )
  })

  it('reads unquoted numeric versions as written: 20240416 and 1.10', async () => {
    const catalog = await loadCatalog({
      images: path.join(fixtures, 'valid/accepted-forms.yml'),
      now,
      cwd: fixtures,
    })
    const versions = catalog.definitions.flatMap((d) => d.versions.map((v) => v.version))
    expect(versions).toContain('1.10')
    expect(versions.every((v) => typeof v === 'string')).toBe(true)
  })

  it('warns about SCS meta keys a definition lacks, and strict makes them errors', async () => {
    const seed = path.join(fixtures, 'valid/seed-rancheros.yml')
    const lenient = await loadCatalog({ images: seed, now, cwd: fixtures })
    expect(errorsOf(lenient.problems)).toEqual([])
    expect(lenient.problems.map((p) => p.message).join()).toMatch(
      /meta lacks 'os_distro', 'os_purpose', 'replace_frequency', 'uuid_validity', 'provided_until', which the SCS/,
    )
    // hypervisor_type is only recommended in SCS v2; os_version comes from the version (multi: false).
    expect(lenient.problems.map((p) => p.message).join()).not.toMatch(/hypervisor_type|os_version/)
    const strict = await loadCatalog({ images: seed, now, cwd: fixtures, strict: true })
    expect(errorsOf(strict.problems).length).toBeGreaterThan(0)
  })
})
