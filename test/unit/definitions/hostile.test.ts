// Definitions written to hurt: alias bombs, huge files, odd filesystem
// entries, and the YAML that PyYAML accepts (merge keys).
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { isMainThread } from 'node:worker_threads'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { validateCommand } from '../../../src/commands/validate.js'
import { MAX_PROBLEMS_PER_FILE } from '../../../src/definitions/problem-limits.js'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import { errorsOf, UserError } from '../../../src/problems.js'
import type { Reporter } from '../../../src/reporter.js'
import { cli } from '../../support/cli.js'

const fixtures = path.resolve(import.meta.dirname, '../../fixtures')
const now = new Date('2026-11-24T00:00:00Z')
const scratch = mkdtempSync(path.join(tmpdir(), 'hostile-'))
chmodSync(scratch, 0o755)
afterAll(() => execFileSync('rm', ['-rf', scratch]))

let n = 0
/** A fresh directory holding `files` (name -> text). */
function dir(files: Record<string, string | Buffer> = {}): string {
  const d = path.join(scratch, `d${n++}`)
  mkdirSync(d, { mode: 0o755 })
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(d, name), text)
  return d
}

const image = (name: string, versions: string): string =>
  [
    `  - name: ${name}`,
    '    format: qcow2',
    '    login: cirros',
    '    min_disk: 1',
    '    min_ram: 64',
    '    status: active',
    '    visibility: public',
    '    multi: false',
    '    meta: {architecture: x86_64, hw_disk_bus: scsi}',
    '    tags: []',
    `    versions: ${versions}`,
  ].join('\n')
/** The image entry anchored as `&img`. */
const anchored = (entry: string): string => entry.replace('  - name', '  - &img\n    name')
const valid = `images:\n${image('Cirros', "[{version: '1', url: 'https://example.test/c.img'}]")}\n`

/** Runs validate in-process and keeps the job summary it writes. */
async function summaryOf(images: string): Promise<{ code: number; summary: string }> {
  let summary = ''
  const quiet = (): void => undefined
  const reporter = {
    info: quiet,
    warning: quiet,
    debug: quiet,
    problems: quiet,
    secret: quiet,
    summary: async (markdown: string) => {
      summary += markdown
    },
  } as unknown as Reporter
  const code = await validateCommand({ images, strict: false }, reporter)
  return { code, summary }
}

/** Root in a worker thread (as mutation testing runs the suite) cannot drop its rights. */
const rightsFixed = process.getuid?.() === 0 && !isMainThread

/** Runs `fn` with the rights of nobody, so that permission bits count even for root. */
async function asNobody<T>(fn: () => Promise<T>): Promise<T> {
  if (process.getuid?.() !== 0) return fn()
  process.seteuid?.(65534)
  try {
    return await fn()
  } finally {
    process.seteuid?.(0)
  }
}

describe('alias bombs', () => {
  it('4,000 image aliases of 4,000 version aliases (80 KB) stop at once, naming file and anchor', async () => {
    const versions = `[&v {version: '1', url: 'https://example.test/c.img'}${', *v'.repeat(4000)}]`
    const text = `images:\n${anchored(image('Cirros', versions))}\n${'  - *img\n'.repeat(4000)}`
    expect(text.length).toBeLessThan(90_000)
    const d = dir({ 'bomb.yml': text })
    const started = Date.now()
    const catalog = await loadCatalog({ images: d, now, cwd: d })
    expect(Date.now() - started).toBeLessThan(5000)
    const errors = errorsOf(catalog.problems)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ file: 'bomb.yml' })
    expect(errors[0]?.message).toMatch(/alias '\*img' of anchor '&img'/)
  })

  it('a 1 MB name aliased 2,500 times prints a few lines, not gigabytes', async () => {
    const name = 'N'.repeat(1024 * 1024)
    const rest = `${image('*n', "[{version: '1', url: 'https://example.test/c.img'}]")}\n`.repeat(
      2500,
    )
    const d = dir({
      'names.yml': `images:\n${image(`&n ${name}`, "[{version: '0', url: 'https://example.test/c.img'}]")}\n${rest}`,
    })
    const r = await cli('validate', '--images', d)
    expect(r.code).toBe(1)
    expect(r.stdout.length + r.stderr.length).toBeLessThan(20_000)
    expect(r.stdout).toMatch(/anchor '&n'/)
  })

  it('250 x 250 aliases of a broken version are one error, not a stack overflow', async () => {
    const versions = `[&v {version: '1', url: 'ftp:/broken'}${', *v'.repeat(250)}]`
    const text = `images:\n${anchored(image('Cirros', versions))}\n${'  - *img\n'.repeat(250)}`
    const d = dir({ 'a.yml': text })
    const r = await cli('validate', '--images', d)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/a\.yml:\d+:\d+ {2}error {2}aliases expand this file/)
  })

  it('an alias of a node that contains it is an error, not an endless loop', async () => {
    const d = dir({ 'loop.yml': `images: &all\n  - *all\n` })
    const catalog = await loadCatalog({ images: d, now, cwd: d })
    expect(errorsOf(catalog.problems).map((p) => [p.line, p.message])).toEqual([
      [2, expect.stringMatching(/alias '\*all' refers to the node of anchor '&all'/)],
    ])
  })
})

describe('bounded reports', () => {
  it('300,000 defects in one file: 50 shown and a count of the rest, no stack overflow', async () => {
    const tags = `[${Array(300_000).fill('1').join(',')}]`
    const d = dir({ 'tags.yml': valid.replace('tags: []', `tags: ${tags}`) })
    const catalog = await loadCatalog({ images: d, now, cwd: d })
    expect(catalog.problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1)
    expect(catalog.problems.at(-1)?.message).toMatch(
      /^299950 more problems in this file \(299950 errors\) not shown/,
    )
  })

  it('a 1 MB line: excerpts are cut, the summary stays small', async () => {
    const long = `'${'x'.repeat(1024 * 1024)}'`
    const d = dir({
      'long.yml': valid.replace("url: 'https://example.test/c.img'", `url: ${long}`),
    })
    const catalog = await loadCatalog({ images: d, now, cwd: d })
    const [error] = errorsOf(catalog.problems)
    expect(error?.message.length).toBeLessThan(600)
    expect(error?.sourceLine ?? '').not.toContain('x'.repeat(300))
    const { code, summary } = await summaryOf(d)
    expect(code).toBe(1)
    expect(summary.length).toBeLessThan(5000)
  })
})

describe('file loading', () => {
  it('a FIFO named a.yml is skipped with a warning instead of blocking', async () => {
    const d = dir({ 'b.yml': valid })
    execFileSync('mkfifo', [path.join(d, 'a.yml')])
    const catalog = await loadCatalog({ images: d, now, cwd: d })
    expect(errorsOf(catalog.problems)).toEqual([])
    expect(catalog.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        file: 'a.yml',
        message: expect.stringMatching(/FIFO/),
      }),
    )
    expect(catalog.files).toBe(1)
    // Named on its own, it is a usage error.
    const r = await cli('validate', '--images', path.join(d, 'a.yml'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/a\.yml'.*FIFO/)
  })

  it('a directory named x.yml is skipped with a warning', async () => {
    const d = dir({ 'b.yml': valid })
    mkdirSync(path.join(d, 'x.yml'))
    const catalog = await loadCatalog({ images: path.join(d, '*.yml'), now, cwd: d })
    expect(errorsOf(catalog.problems)).toEqual([])
    expect(catalog.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        file: 'x.yml',
        message: expect.stringMatching(/directory/),
      }),
    )
  })

  it('a symlink loop is a usage error naming the path', async () => {
    const d = dir({ 'b.yml': valid })
    symlinkSync('loop.yml', path.join(d, 'loop.yml'))
    const r = await cli('validate', '--images', d)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/loop\.yml'.*symbolic links/)
    expect(r.stderr).not.toMatch(/ELOOP:/)
  })

  it.skipIf(rightsFixed)('an unreadable file is a usage error naming the path', async () => {
    const d = dir({ 'secret.yml': valid })
    chmodSync(path.join(d, 'secret.yml'), 0)
    const error = await asNobody(() => loadCatalog({ images: d, now, cwd: d }).catch((e) => e))
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).exitCode).toBe(2)
    expect((error as UserError).message).toMatch(/secret\.yml'.*permission denied/)
  })

  it.skipIf(rightsFixed)(
    'an unreadable sibling directory does not hide the files a glob matches',
    async () => {
      const d = dir({ 'a.yml': valid })
      mkdirSync(path.join(d, 'private'), { mode: 0 })
      const flat = await asNobody(() => loadCatalog({ images: path.join(d, '*.yml'), now, cwd: d }))
      expect(flat.files).toBe(1)
      expect(errorsOf(flat.problems)).toEqual([])
      expect(flat.problems.map((p) => p.message).join()).not.toMatch(/cannot read/)
      const deep = await asNobody(() =>
        loadCatalog({ images: path.join(d, '**/*.yml'), now, cwd: d }),
      )
      expect(deep.files).toBe(1)
      expect(deep.problems).toContainEqual(
        expect.objectContaining({
          severity: 'warning',
          file: 'private',
          message: expect.stringMatching(/cannot read/),
        }),
      )
    },
  )

  it('invalid UTF-8 is an error at its line, not silently replaced', async () => {
    const bytes = Buffer.concat([Buffer.from(valid.replace('Cirros', 'Cirr')), Buffer.from([0xff])])
    const d = dir({ 'latin.yml': bytes })
    const catalog = await loadCatalog({ images: d, now, cwd: d })
    const [error] = errorsOf(catalog.problems)
    expect(error).toMatchObject({ line: valid.split('\n').length, column: 1 })
    expect(error?.message).toMatch(/not valid UTF-8/)
    expect(readFileSync(path.join(d, 'latin.yml')).includes(0xff)).toBe(true)
  })
})

describe('merge keys, as PyYAML reads them', () => {
  const strip = (
    defs: { position: unknown; versions: { position: unknown; keys?: unknown }[] }[],
  ) =>
    defs.map(({ position: _p, versions, ...rest }) => ({
      ...rest,
      versions: versions.map(({ position: _q, keys: _k, ...v }) => v),
    }))

  it('a catalog sharing settings through << validates and means what it says written out', async () => {
    const merged = await loadCatalog({
      images: path.join(fixtures, 'valid/merge-keys.yml'),
      now,
      cwd: fixtures,
    })
    const expanded = await loadCatalog({
      images: path.join(fixtures, 'expanded/merge-keys.yml'),
      now,
      cwd: fixtures,
    })
    expect(merged.problems).toEqual([])
    expect(strip(merged.definitions)).toEqual(strip(expanded.definitions))
    // Precedence: explicit keys over merged ones, the first of a merge list over later ones.
    const uefi = merged.definitions[2]
    expect(uefi?.min_disk).toBe(2)
    expect(uefi?.meta.hw_firmware_type).toBe('uefi')
    expect(uefi?.meta.os_purpose).toBe('minimal')
  })

  it('a defect in merged settings is reported where it is written', async () => {
    const text = readFileSync(path.join(fixtures, 'valid/merge-keys.yml'), 'utf8').replace(
      'hypervisor_type: qemu',
      'hypervisor_type: qemu-kvm',
    )
    const d = dir({ 'merged.yml': text })
    const catalog = await loadCatalog({ images: d, now, cwd: d })
    const line = text.split('\n').findIndex((l) => l.includes('qemu-kvm')) + 1
    // The same line for all three definitions, so reported once.
    expect(errorsOf(catalog.problems).map((p) => [p.line, p.column])).toEqual([[line, 24]])
  })

  it('a version read through an alias keeps its written form (1.10, not 1.1)', async () => {
    const versions = `[{version: &v 1.10, url: 'https://example.test/a.img'}, {version: *v, url: 'https://example.test/b.img'}]`
    const d = dir({ 'v.yml': `images:\n${image('Cirros', versions)}\n` })
    const catalog = await loadCatalog({ images: d, now, cwd: d })
    expect(errorsOf(catalog.problems).map((p) => p.message)).toEqual([
      "duplicate version '1.10' in 'Cirros': each version may appear once",
    ])
  })
})
