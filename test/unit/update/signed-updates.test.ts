// `update` with checksum_signature over loopback upstreams: of six
// definitions whose upstreams each publish a new build, only those whose
// checksum file carries a good signature by a trusted, unexpired key are
// bumped; the others keep their entry and report why. The bump pull request
// body names the key that vouched. `version: latest` (plan) is checked the
// same way. Keys are made in the test; nothing leaves loopback.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import { createUpstreamHttp } from '../../../src/download/upstream-http.js'
import { bumpBody } from '../../../src/update/bump-body.js'
import { findUpdates } from '../../../src/update/find-updates.js'
import { resolveLatest } from '../../../src/upstream/latest.js'
import { cli } from '../../support/cli.js'
import { sha256 } from '../upstream/layouts.js'
import { clearsign, detachedSignature, makeKey, type TestKey } from '../upstream/signing-keys.js'
import { startUpstreamServer, type UpstreamServer } from '../upstream/upstream-server.js'

const OLD = sha256('old build')
const NEW = sha256('new build')
const IMAGE = 'Distro-9-GenericCloud-latest.x86_64.qcow2'

let server: UpstreamServer
let dir: string
let trusted: TestKey
let stranger: TestKey
let expired: TestKey

interface Case {
  name: string
  /** What the upstream folder serves besides the image. */
  publish(folder: string, sums: string): Promise<void>
  signature: string
  fingerprints: () => string[]
}

const sumsOf = (hex: string): string =>
  `${hex}  ${IMAGE}\n${sha256('ext4')}  Distro-9-GenericCloud-ext4-latest.x86_64.qcow2\n`

const CASES: Case[] = [
  {
    name: 'good-detached',
    signature: '.gpg',
    fingerprints: () => [trusted.fingerprint],
    publish: async (f, sums) => {
      server.file(`${f}/SHA256SUMS`, sums)
      server.file(`${f}/SHA256SUMS.gpg`, await detachedSignature(trusted, sums))
    },
  },
  {
    name: 'good-clearsigned',
    signature: 'clearsigned',
    fingerprints: () => [trusted.fingerprint],
    publish: async (f, sums) => server.file(`${f}/SHA256SUMS`, await clearsign(trusted, sums)),
  },
  {
    // Signed, then a mirror swapped the checksum: the new hash is not what was signed.
    name: 'bad',
    signature: '.gpg',
    fingerprints: () => [trusted.fingerprint],
    publish: async (f, sums) => {
      server.file(`${f}/SHA256SUMS`, sums)
      server.file(`${f}/SHA256SUMS.gpg`, await detachedSignature(trusted, sumsOf(OLD)))
    },
  },
  {
    name: 'missing',
    signature: '.gpg',
    fingerprints: () => [trusted.fingerprint],
    publish: async (f, sums) => server.file(`${f}/SHA256SUMS`, sums),
  },
  {
    name: 'unknown-key',
    signature: 'clearsigned',
    fingerprints: () => [trusted.fingerprint],
    publish: async (f, sums) => server.file(`${f}/SHA256SUMS`, await clearsign(stranger, sums)),
  },
  {
    name: 'expired-key',
    signature: '.gpg',
    fingerprints: () => [expired.fingerprint],
    publish: async (f, sums) => {
      server.file(`${f}/SHA256SUMS`, sums)
      server.file(`${f}/SHA256SUMS.gpg`, await detachedSignature(expired, sums))
    },
  },
]

function definition(c: Case, version: string, checksum: string): string {
  const folder = `${server.url}/${c.name}`
  return `  - name: Distro ${c.name}
    format: qcow2
    login: distro
    min_disk: 8
    min_ram: 512
    status: active
    visibility: public
    multi: true
    meta:
      architecture: x86_64
      hw_disk_bus: scsi
      os_distro: rocky
      os_version: '9'
      os_purpose: generic
      replace_frequency: quarterly
      uuid_validity: last-3
      provided_until: none
    tags: []
    latest_url: ${folder}/${IMAGE}
    latest_checksum_url: ${folder}/SHA256SUMS
    checksum_signature:
      signature: '${c.signature}'
      keys: [keys/distro.asc]
      fingerprints: [${c.fingerprints().join(', ')}]
    versions:
      - version: '${version}'
        url: ${folder}/${IMAGE}
${checksum}`
}

beforeAll(async () => {
  ;[trusted, stranger, expired] = await Promise.all([
    makeKey('Distro Cloud Images'),
    makeKey('Stranger'),
    makeKey('Distro Old Images', true),
  ])
  server = await startUpstreamServer()
  for (const c of CASES) {
    await c.publish(`/${c.name}`, sumsOf(NEW))
    server.file(`/${c.name}/${IMAGE}`, 'qcow2', new Date('2026-05-26T10:00:00Z'))
  }
  dir = await mkdtemp(path.join(tmpdir(), 'signed-update-'))
  await mkdir(path.join(dir, 'keys'))
  // The key file holds every key; the fingerprints decide which one a definition trusts.
  await writeFile(
    path.join(dir, 'keys/distro.asc'),
    [trusted, stranger, expired].map((k) => k.armoredPublic).join('\n'),
  )
})
afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

async function writeCatalog(): Promise<string> {
  const file = path.join(dir, 'images.yml')
  const checksum = `        checksum: sha256:${OLD}\n`
  await writeFile(
    file,
    `images:\n${CASES.map((c) => definition(c, '20260101', checksum)).join('')}`,
  )
  return file
}

describe('update with signed checksum files', () => {
  it('bumps only the definitions whose checksum file a trusted, valid key signed', async () => {
    const file = await writeCatalog()
    const before = await readFile(file, 'utf8')
    const r = await cli('update', '--images', dir, '--output', 'json')
    const statuses = JSON.parse(r.stdout) as Record<string, unknown>[]
    const by = new Map(statuses.map((s) => [String(s.image).replace('Distro ', ''), s]))
    expect(r.code).toBe(1) // some definitions could not be checked
    for (const name of ['good-detached', 'good-clearsigned']) {
      expect(by.get(name)).toMatchObject({
        status: 'newer',
        to: '20260526',
        checksum: `sha256:${NEW}`,
        signed_by: {
          fingerprint: trusted.fingerprint,
          userId: 'Distro Cloud Images <distro-cloud-images@example.invalid>',
        },
      })
    }
    expect(by.get('bad')?.error).toMatch(/SHA256SUMS\.gpg does not hold/)
    expect(by.get('missing')?.error).toMatch(/signature .*\/missing\/SHA256SUMS\.gpg .*404/)
    expect(by.get('unknown-key')?.error).toMatch(/not a trusted fingerprint/)
    expect(by.get('expired-key')?.error).toMatch(/expired/i)
    for (const name of ['bad', 'missing', 'unknown-key', 'expired-key'])
      expect(by.get(name)).toMatchObject({ status: 'error' })

    const after = await readFile(file, 'utf8')
    const newHash = after.split('\n').filter((l) => l.includes(NEW))
    expect(newHash).toHaveLength(2) // the two good definitions, nothing else
    const blocks = after.split('  - name: ').slice(1)
    for (const block of blocks) {
      const bumped = block.includes(NEW)
      expect(bumped).toBe(block.startsWith('Distro good-'))
    }
    expect(before).not.toBe(after)
    // The edited file still validates, signature settings included.
    expect(
      (await loadCatalog({ images: dir })).problems.filter((p) => p.severity === 'error'),
    ).toEqual([])
  })

  it('the bump pull request body names the key that vouched, by fingerprint and user id', async () => {
    await writeCatalog()
    const result = await findUpdates({ images: dir })
    const [update] = result.updates
    expect(update?.bumps.map((b) => b.image)).toEqual([
      'Distro good-detached',
      'Distro good-clearsigned',
    ])
    const body = bumpBody(update?.file ?? '', update?.bumps ?? [])
    expect(body).toContain('| Signed by |')
    // Escaped for Markdown (the user id is upstream text): fingerprint as code, then the user id.
    const cell = `| <code>${trusted.fingerprint}</code> Distro Cloud Images &#60;distro-cloud-images@`
    expect(body.split('\n').filter((line) => line.includes(cell))).toHaveLength(2)
  })
})

describe('version: latest with a signed checksum file (plan and apply)', () => {
  it('takes the checksum only when the signature holds', async () => {
    const file = await writeCatalog()
    const latest = (c: Case): string =>
      definition(c, 'latest', `        checksums_url: ${server.url}/${c.name}/SHA256SUMS\n`)
    await writeFile(file, `images:\n${CASES.map(latest).join('')}`)
    const catalog = await loadCatalog({ images: dir })
    expect(catalog.problems.filter((p) => p.severity === 'error')).toEqual([])
    const { latest: found, errors } = await resolveLatest(
      catalog.definitions,
      await createUpstreamHttp(),
    )
    expect([...found.keys()].sort()).toEqual(['Distro good-clearsigned', 'Distro good-detached'])
    expect(found.get('Distro good-clearsigned')?.upstreamChecksum).toBe(NEW)
    expect([...errors.keys()].sort()).toEqual([
      'Distro bad',
      'Distro expired-key',
      'Distro missing',
      'Distro unknown-key',
    ])
  })
})
