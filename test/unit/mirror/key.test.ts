import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import { checkPrefix, mirrorKey, normalizePrefix, publicUrlOf } from '../../../src/mirror/key.js'
import { s3Settings } from '../../../src/mirror/s3-settings.js'
import { UserError } from '../../../src/problems.js'
import { cli } from '../../support/cli.js'

const EXAMPLE = path.resolve(
  import.meta.dirname,
  '../../../examples/catalog-repo/etc/images/debian.yml',
)

const def = { name: 'Ubuntu 24.04', shortname: 'ubuntu-24.04', format: 'qcow2' as const }

describe('mirrorKey', () => {
  it('is {shortname}/{version}-{shortname}.{format} under the prefix', () => {
    expect(mirrorKey(def, { version: '20240416' })).toBe('ubuntu-24.04/20240416-ubuntu-24.04.qcow2')
    expect(mirrorKey({ ...def, format: 'raw' }, { version: '1.2' }, 'images')).toBe(
      'images/ubuntu-24.04/1.2-ubuntu-24.04.raw',
    )
  })

  it('has no key without a shortname, or with a slash in shortname or version', () => {
    expect(mirrorKey({ name: 'X', format: 'qcow2' }, { version: '1' })).toBeInstanceOf(Error)
    expect(String(mirrorKey({ name: 'X', format: 'qcow2' }, { version: '1' }))).toMatch(
      /X has no shortname/,
    )
    expect(mirrorKey({ ...def, shortname: 'a/b' }, { version: '1' })).toBeInstanceOf(Error)
    expect(mirrorKey(def, { version: '../1' })).toBeInstanceOf(Error)
  })
})

describe('normalizePrefix', () => {
  it('gives empty or exactly one trailing slash and no leading one', () => {
    expect(normalizePrefix(undefined)).toBe('')
    expect(normalizePrefix('')).toBe('')
    expect(normalizePrefix('/')).toBe('')
    expect(normalizePrefix('/a/b//')).toBe('a/b/')
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z/]{0,12}$/), (p) => {
        const n = normalizePrefix(p)
        expect(n === '' || (n.endsWith('/') && !n.endsWith('//') && !n.startsWith('/'))).toBe(true)
        expect(normalizePrefix(n)).toBe(n)
      }),
    )
  })
})

// Issue 21, finding 5: shortname and --prefix become object keys and url paths
// as they are, so neither may hold what a url or a path would read.
describe('keys and urls a catalog or a flag cannot bend', () => {
  it.each(['a?b', 'a#b', 'a%2Fb', 'a b', '..', '.hidden', 'a/b', 'a\\b', '-a'])(
    'refuses the shortname %j',
    (shortname) => {
      const key = mirrorKey({ ...def, shortname }, { version: '1' })
      expect(key).toBeInstanceOf(Error)
    },
  )

  it.each(['../x', 'a/../b', 'a/..', 'a?b/', 'a#/b', '%2e%2e/x', 'a\\..\\b'])(
    'refuses the prefix %j, as a usage error of --prefix',
    (prefix) => {
      expect(checkPrefix(prefix)).toBeInstanceOf(Error)
      expect(mirrorKey(def, { version: '1' }, prefix)).toBeInstanceOf(Error)
      expect(() =>
        s3Settings({ bucket: 'b', prefix }, { AWS_ACCESS_KEY_ID: 'i', AWS_SECRET_ACCESS_KEY: 's' }),
      ).toThrow(new UserError(`--prefix: ${(checkPrefix(prefix) as Error).message}`))
    },
  )

  it('`mirror --prefix ../x` is a usage error before anything is read or sent (exit 2)', async () => {
    const r = await cli(
      'mirror',
      '--images',
      EXAMPLE,
      '--bucket',
      'b',
      '--access-key-id',
      'i',
      '--secret-access-key',
      's',
      '--endpoint',
      'http://127.0.0.1:9',
      '--prefix',
      '../x',
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("--prefix: the mirror prefix '../x' has the segment '..'")
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('normalises a prefix: no empty or `.` segments, one trailing slash', () => {
    expect(checkPrefix('/a//./b/')).toBe('a/b/')
    expect(checkPrefix('./')).toBe('')
    expect(
      s3Settings(
        { bucket: 'b', prefix: '//images/.' },
        { AWS_ACCESS_KEY_ID: 'i', AWS_SECRET_ACCESS_KEY: 's' },
      ).prefix,
    ).toBe('images/')
  })

  it('encodes each key segment in the public url', () => {
    expect(publicUrlOf('https://m.example/bucket/', 'images/a b/1%-x.qcow2')).toBe(
      'https://m.example/bucket/images/a%20b/1%25-x.qcow2',
    )
  })

  it('the schema refuses such a shortname, naming the file and line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shortname-'))
    const file = path.join(dir, 'images.yml')
    const yaml = (await readFile(EXAMPLE, 'utf8')).replace(
      /shortname: .*/,
      "shortname: 'debian?x=1#%2e%2e'",
    )
    await writeFile(file, yaml)
    const catalog = await loadCatalog({ images: file })
    const errors = catalog.problems.filter((p) => p.severity === 'error')
    expect(errors).toHaveLength(1)
    expect(JSON.stringify(errors[0])).toContain('shortname')
    expect(errors[0]?.file).toBe(file)
    await rm(dir, { recursive: true, force: true })
  })
})
