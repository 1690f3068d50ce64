// `image-manager update` as a process of the built bundle, with signed
// checksum files on a loopback upstream: the OpenPGP library must work once
// bundled by ncc. Of two new builds, the one a trusted key signed is bumped;
// the one a stranger signed is not, and the run says why.
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshBundle } from '../../support/bundle.js'
import { sha256 } from '../../unit/upstream/layouts.js'
import { clearsign, detachedSignature, makeKey } from '../../unit/upstream/signing-keys.js'
import { startUpstreamServer, type UpstreamServer } from '../../unit/upstream/upstream-server.js'

const IMAGE = 'Distro-10-GenericCloud-latest.x86_64.qcow2'
const OLD = sha256('bundle old')
const NEW = sha256('bundle new')

let dir: string
let bundle: string
let server: UpstreamServer
let fingerprint: string

const definition = (name: string, signature: string): string => `  - name: Distro ${name}
    format: qcow2
    login: distro
    min_disk: 8
    min_ram: 512
    status: active
    visibility: public
    multi: true
    meta: {architecture: x86_64, hw_disk_bus: scsi, os_distro: rocky, os_version: '10', os_purpose: generic, replace_frequency: quarterly, uuid_validity: last-3, provided_until: none}
    tags: []
    latest_url: ${server.url}/${name}/${IMAGE}
    latest_checksum_url: ${server.url}/${name}/CHECKSUM
    checksum_signature:
      signature: '${signature}'
      keys: [keys/distro.asc]
      fingerprints: ['${fingerprint.replace(/(.{4})/g, '$1 ').trim()}']
    versions:
      - version: '20260101'
        url: ${server.url}/${name}/${IMAGE}
        checksum: sha256:${OLD}
`

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'signed-bundle-'))
  bundle = await freshBundle('src/cli/index.ts', 'dist/cli', dir)
  const [trusted, stranger] = await Promise.all([makeKey('Distro Release'), makeKey('Stranger')])
  fingerprint = trusted.fingerprint
  server = await startUpstreamServer()
  const sums = `SHA256 (${IMAGE}) = ${NEW}\n`
  server.file('/signed/CHECKSUM', sums)
  server.file('/signed/CHECKSUM.asc', await detachedSignature(trusted, sums))
  server.file('/forged/CHECKSUM', await clearsign(stranger, sums))
  for (const name of ['signed', 'forged']) server.file(`/${name}/${IMAGE}`, 'qcow2')
  await mkdir(path.join(dir, 'images/keys'), { recursive: true })
  await writeFile(path.join(dir, 'images/keys/distro.asc'), trusted.armoredPublic)
  await writeFile(
    path.join(dir, 'images/distro.yml'),
    `images:\n${definition('signed', '.asc')}${definition('forged', 'clearsigned')}`,
  )
}, 240_000)

afterAll(async () => {
  await server?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('update from the bundle with signed checksum files', () => {
  it('bumps the build a trusted key signed, not the one a stranger signed', async () => {
    const run = await promisify(execFile)(
      process.execPath,
      [bundle, 'update', '--images', 'images', '--output', 'json'],
      { cwd: dir },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error)
    const statuses = JSON.parse(run.stdout) as Record<string, unknown>[]
    expect(statuses).toMatchObject([
      {
        image: 'Distro signed',
        status: 'newer',
        checksum: `sha256:${NEW}`,
        signed_by: { fingerprint, userId: 'Distro Release <distro-release@example.invalid>' },
      },
      { image: 'Distro forged', status: 'error' },
    ])
    expect(String(statuses[1]?.error)).toContain('not a trusted fingerprint')
    const after = await readFile(path.join(dir, 'images/distro.yml'), 'utf8')
    expect(after.split(NEW)).toHaveLength(2) // one bump: the signed definition's
    expect(after.indexOf(NEW)).toBeLessThan(after.indexOf('- name: Distro forged'))
  })
})
