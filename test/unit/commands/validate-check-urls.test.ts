// `image-manager validate --check-urls [--changed FILE] [--source-cacert FILE]`
// through the CLI: exit codes, the restriction to changed files (counted on
// the server), and image sources over TLS with a private CA.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startImageServer, type ImageServer } from '../../support/image-server.js'
import { issueServerCert, makeCa, startTlsProxy, type TlsProxy } from '../../support/tls.js'
import { cli } from '../../support/cli.js'

let dir: string
let images: ImageServer
let tls: TlsProxy
let caFile: string

const definition = (name: string, url: string): string =>
  [
    'images:',
    `  - name: ${name}`,
    '    format: qcow2',
    '    login: ubuntu',
    '    min_disk: 8',
    '    min_ram: 512',
    '    status: active',
    '    visibility: public',
    '    multi: false',
    '    meta:',
    '      architecture: x86_64',
    '      hw_disk_bus: virtio',
    '    tags: []',
    '    versions:',
    "      - version: '1'",
    `        url: ${url}`,
    '',
  ].join('\n')

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'validate-urls-'))
  images = await startImageServer()
  await images.addFile('live.img', 'image bytes')
  const ca = await makeCa(dir, 'source-ca')
  caFile = ca.certFile
  tls = await startTlsProxy(images.url, await issueServerCert(ca, dir, 'images'))
  await writeFile(path.join(dir, 'good.yml'), definition('Good', images.urlOf('live.img')))
  await writeFile(path.join(dir, 'bad.yml'), definition('Bad', images.urlOf('gone.img')))
  await writeFile(path.join(dir, 'tls.yml'), definition('Tls', `${tls.url}/live.img`))
})

afterAll(async () => {
  await tls.close()
  await images.close()
  await rm(dir, { recursive: true, force: true })
})

describe('validate --check-urls', () => {
  it('is off by default: no request, exit 0 with a dead url', async () => {
    images.requests.length = 0
    const r = await cli('validate', '--images', path.join(dir, 'bad.yml'))
    expect(r.code).toBe(0)
    expect(images.requests).toEqual([])
  })

  it('fails (exit 1) on a dead url, at its line, and says how many urls it checked', async () => {
    const r = await cli('validate', '--images', path.join(dir, 'bad.yml'), '--check-urls')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /bad\.yml:16:9 {2}error {2}url '.*\/gone\.img' of 'Bad' version 1 answers 404/,
    )
    expect(r.stdout).toMatch(/^urls: 1 url of 1 definition checked$/m)
  })

  it('checks only the definitions of the --changed files', async () => {
    images.requests.length = 0
    const good = path.join(dir, 'good.yml')
    const r = await cli('validate', '--images', dir, '--check-urls', '--changed', good)
    expect(r.code).toBe(0)
    expect(images.requests).toEqual(['HEAD /live.img'])
    const both = await cli(
      'validate',
      '--images',
      dir,
      '--check-urls',
      '--changed',
      `${good},${path.join(dir, 'bad.yml')}`,
    )
    expect(both.code).toBe(1)
    expect(both.stdout).toMatch(/^urls: 2 urls of 2 definitions checked$/m)
  })

  it('trusts a private CA of image sources only with --source-cacert', async () => {
    const file = path.join(dir, 'tls.yml')
    const without = await cli('validate', '--images', file, '--check-urls')
    expect(without.code).toBe(1)
    expect(without.stdout).toMatch(
      /cannot be reached: TLS certificate not trusted \(image sources are checked against the system CAs; for a private CA give --source-cacert FILE .*\): fix the server's certificate or trust its CA, or remove this version/,
    )
    const withCa = await cli(
      'validate',
      '--images',
      file,
      '--check-urls',
      '--source-cacert',
      caFile,
    )
    expect(withCa.code).toBe(0)
    expect(tls.requests).toContain('HEAD /live.img')
  })

  it('usage errors exit 2: --changed without --check-urls, an unreadable --source-cacert', async () => {
    const file = path.join(dir, 'good.yml')
    const changed = await cli('validate', '--images', file, '--changed', file)
    expect(changed.code).toBe(2)
    expect(changed.stderr).toMatch(/--changed restricts --check-urls: give --check-urls too/)
    const cacert = await cli(
      'validate',
      '--images',
      file,
      '--check-urls',
      '--source-cacert',
      path.join(dir, 'nope.pem'),
    )
    expect(cacert.code).toBe(2)
    expect(cacert.stderr).toMatch(/Cannot read the --source-cacert .*nope\.pem: ENOENT/)
    expect(cacert.stderr).not.toMatch(/\n\s+at /)
  })
})
