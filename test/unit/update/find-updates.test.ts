// `update` end to end on a copy of a real-world-style catalog (comments,
// folded urls, mixed quoting, a flow mapping) against loopback upstreams laid
// out like Ubuntu, Debian and AlmaLinux: exactly the intended lines change,
// the result validates, failures are reported without blocking the others.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import { findUpdates } from '../../../src/update/find-updates.js'
import { almalinux, debian, sha256, sha512, ubuntu } from '../upstream/layouts.js'
import { startUpstreamServer, type UpstreamServer } from '../upstream/upstream-server.js'
import { cli } from '../../support/cli.js'

const fixture = path.resolve(import.meta.dirname, '../../fixtures/upstream/catalog.yml')
const ALMA_HASH = sha256('alma-9.8-20260526')

let server: UpstreamServer
let dir: string
let file: string
let original: string

/** Line numbers (1-based) whose text differs; both texts must have as many lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n')
  const b = after.split('\n')
  expect(b.length).toBe(a.length)
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]))
}

beforeEach(async () => {
  server = await startUpstreamServer()
  ubuntu(
    'jammy',
    '/jammy',
    ['20260119/', '20260301/'],
    'current',
    'jammy-server-cloudimg',
    '20260301',
  ).setup(server)
  debian('bookworm', '/images/cloud/bookworm', '12', '').setup(server)
  almalinux.setup(server)
  // The mirror already holds the new Ubuntu build (its checksum metadata says so,
  // as `image-manager mirror` writes it): the bump may move mirror_url to it.
  server.file('/mirror/ubuntu-22.04/20260301-ubuntu-22.04.qcow2', 'qcow2', undefined, {
    'x-amz-meta-checksum': `sha256:${sha256('20260301/jammy-server-cloudimg-amd64.img')}`,
  })
  dir = await mkdtemp(path.join(tmpdir(), 'update-'))
  file = path.join(dir, 'images.yml')
  original = (await readFile(fixture, 'utf8'))
    .replaceAll('UPSTREAM', server.url)
    .replace(/4{64}/, ALMA_HASH) // AlmaLinux is current
  await writeFile(file, original)
})
afterEach(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

describe('update', () => {
  it('bumps exactly the first version entry of each newer image, in place, and the file validates', async () => {
    const r = await cli('update', '--images', dir, '--output', 'json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const after = await readFile(file, 'utf8')
    // Ubuntu: version, and the folded url, mirror_url, checksum lines, build_date; Debian: its one flow line.
    expect(changedLines(original, after)).toEqual([35, 37, 39, 41, 42, 73])
    const lines = after.split('\n')
    const jammy = sha256('20260301/jammy-server-cloudimg-amd64.img')
    expect(lines.slice(34, 42)).toEqual([
      "      - version: '20260301'",
      '        url: ',
      `          ${server.url}/jammy/20260301/jammy-server-cloudimg-amd64.img`,
      '        mirror_url: ',
      `          ${server.url}/mirror/ubuntu-22.04/20260301-ubuntu-22.04.qcow2`,
      '        checksum: ',
      `          sha256:${jammy}`,
      '        build_date: 2026-03-01',
    ])
    const deb = 'debian-12-genericcloud-amd64-20260717-2542.qcow2'
    expect(lines[72]).toBe(
      `      - {version: '20260717', url: '${server.url}/images/cloud/bookworm/20260717-2542/${deb}', checksum: 'sha512:${sha512(deb)}', build_date: 2026-07-17}`,
    )
    const catalog = await loadCatalog({ images: dir })
    expect(catalog.problems.filter((p) => p.severity === 'error')).toEqual([])

    const statuses = JSON.parse(r.stdout) as Record<string, string>[]
    expect(statuses.map((s) => [s.image, s.status, s.from, s.to])).toEqual([
      ['Ubuntu 22.04', 'newer', '20260119', '20260301'],
      ['Debian 12', 'newer', '20240703', '20260717'],
      ['AlmaLinux 9', 'current', '20260527', '20260527'],
    ])
    expect(statuses[0]).toEqual({
      file, // outside the working directory: shown absolute
      image: 'Ubuntu 22.04',
      status: 'newer',
      from: '20260119',
      to: '20260301',
      url: `${server.url}/jammy/20260301/jammy-server-cloudimg-amd64.img`,
      checksum: `sha256:${jammy}`,
      build_date: '2026-03-01',
      mirror_url: `${server.url}/mirror/ubuntu-22.04/20260301-ubuntu-22.04.qcow2`,
      mirror: 'already on the mirror',
    })

    // A second run finds nothing newer and leaves the file alone.
    const again = await cli('update', '--images', dir, '--output', 'json')
    expect(again.code).toBe(0)
    expect((JSON.parse(again.stdout) as { status: string }[]).map((s) => s.status)).toEqual([
      'current',
      'current',
      'current',
    ])
    expect(await readFile(file, 'utf8')).toBe(after)
  })

  it('--output other than text or json is a usage error (exit 2), before any lookup', async () => {
    const r = await cli('update', '--images', dir, '--output', 'xml')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("--output must be text or json, not 'xml'")
    expect(await readFile(file, 'utf8')).toBe(original)
  })

  it('--dry-run writes nothing; findUpdates returns the same new text', async () => {
    const r = await cli('update', '--images', dir, '--dry-run')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/↑ Ubuntu 22\.04: 20260119 → 20260301/)
    expect(r.stdout).toMatch(/= AlmaLinux 9: 20260527 is the newest build/)
    expect(r.stdout).toMatch(/3 tracked, would bump 2 in 1 file\(s\), 0 failed/)
    expect(await readFile(file, 'utf8')).toBe(original)
    const { updates } = await findUpdates({ images: dir })
    expect(updates).toHaveLength(1)
    expect(updates[0]?.bumps.map((b) => `${b.image} ${b.from}->${b.to} ${b.buildDate}`)).toEqual([
      'Ubuntu 22.04 20260119->20260301 2026-03-01',
      'Debian 12 20240703->20260717 2026-07-17',
    ])
    await cli('update', '--images', dir)
    expect(await readFile(file, 'utf8')).toBe(updates[0]?.content)
  })

  it('one failing upstream is reported, the others are still bumped, exit 1', async () => {
    server.fault('/images/cloud/bookworm/', { kind: 'status', status: 500 })
    const r = await cli('update', '--images', dir, '--output', 'json')
    expect(r.code).toBe(1)
    const statuses = JSON.parse(r.stdout) as Record<string, string>[]
    expect(statuses[1]).toMatchObject({ image: 'Debian 12', status: 'error' })
    expect(statuses[1]?.error).toContain(`${server.url}/images/cloud/bookworm/`)
    expect(statuses[1]?.error).toContain('500')
    expect(r.stderr).toContain('Debian 12')
    const after = await readFile(file, 'utf8')
    expect(changedLines(original, after)).toEqual([35, 37, 39, 41, 42])
  })

  it('a mirror_url whose new object the mirror does not serve is dropped, and the bump says why', async () => {
    server.remove('/mirror/ubuntu-22.04/20260301-ubuntu-22.04.qcow2')
    const r = await cli('update', '--images', dir, '--output', 'json')
    expect(r.code).toBe(0)
    const after = await readFile(file, 'utf8')
    // The two lines of the folded mirror_url are gone; the rest as in a plain bump.
    expect(after.split('\n')).toHaveLength(original.split('\n').length - 2)
    expect(after).not.toContain('/mirror/ubuntu-22.04/')
    const statuses = JSON.parse(r.stdout) as Record<string, string>[]
    expect(statuses[0]).toMatchObject({ image: 'Ubuntu 22.04', status: 'newer', to: '20260301' })
    expect(statuses[0]?.mirror_error).toContain(
      `the mirror does not serve ${server.url}/mirror/ubuntu-22.04/20260301-ubuntu-22.04.qcow2`,
    )
    expect(statuses[0]?.mirror_error).toContain('404')
    expect(r.stderr).toContain('mirror_url dropped')
    const catalog = await loadCatalog({ images: dir })
    expect(catalog.problems.filter((p) => p.severity === 'error')).toEqual([])
  })

  it('--filter limits the definitions looked up', async () => {
    const r = await cli('update', '--images', dir, '--output', 'json', '--filter', '^Alma')
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as { image: string }[]).map((s) => s.image)).toEqual([
      'AlmaLinux 9',
    ])
    expect(server.requests.some((q) => q.includes('jammy'))).toBe(false)
  })

  it('usage errors exit 2', async () => {
    expect((await cli('update', '--images', dir, '--output', 'yaml')).code).toBe(2)
    expect((await cli('update', '--images', dir, '--filter', '(')).code).toBe(2)
  })

  it('an invalid catalog is looked up nowhere, exit 1', async () => {
    await writeFile(file, original.replace('format: qcow2', 'format: qcow3'))
    const r = await cli('update', '--images', dir)
    expect(r.code).toBe(1)
    expect(server.requests).toEqual([])
  })
})
