// Signatures as the distributions make them: by GnuPG (an RSA key, a
// detached armored SHA256SUMS.gpg as Ubuntu's, a clear-signed CHECKSUM as
// Fedora's, text-mode and binary-mode), verified by our code with the key
// exported as a catalog keeps it. A throwaway key in a throwaway GNUPGHOME.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Definition } from '../../../src/definitions/types.js'
import {
  loadSignatureCheck,
  verifyChecksumFile,
  type SignatureCheck,
} from '../../../src/upstream/signature.js'

const hasGpg = ((): boolean => {
  try {
    execFileSync('gpg', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

const URL = 'https://cloud-images.example.invalid/noble/20260705/SHA256SUMS'
const SUMS = `${'a'.repeat(64)} *noble-server-cloudimg-amd64.img\n${'b'.repeat(64)} *noble-server-cloudimg-arm64.img\n`

let dir: string
let fingerprint: string
let check: SignatureCheck

const gpg = (...args: string[]): string =>
  execFileSync('gpg', ['--homedir', path.join(dir, 'gnupg'), '--batch', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })

const serving =
  (files: Record<string, string>) =>
  async (url: string): Promise<string> => {
    const text = files[url]
    if (text === undefined) throw new Error(`GET ${url}: 404 Not Found`)
    return text
  }

describe.skipIf(!hasGpg)('signatures made by GnuPG', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'signature-gpg-'))
    await mkdir(path.join(dir, 'gnupg'), { mode: 0o700 })
    await mkdir(path.join(dir, 'keys'))
    gpg(
      '--passphrase',
      '',
      '--quick-gen-key',
      'Test Cloud Images <images@example.invalid>',
      'rsa2048',
      'sign',
      '1y',
    )
    fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg('--with-colons', '--list-keys'))?.[1] ?? ''
    await writeFile(path.join(dir, 'keys/test.asc'), gpg('--armor', '--export', fingerprint))
    await writeFile(path.join(dir, 'SHA256SUMS'), SUMS)
    const def = {
      name: 'Ubuntu 24.04',
      checksum_signature: {
        signature: '.gpg',
        keys: ['keys/test.asc'],
        fingerprints: [fingerprint],
      },
      position: { file: path.join(dir, 'images.yml'), line: 1, column: 1 },
    } as unknown as Definition
    check = (await loadSignatureCheck(def)) as SignatureCheck
  }, 120_000)
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('a detached armored signature (gpg --armor --detach-sign), binary and text mode', async () => {
    for (const mode of [[], ['--textmode']]) {
      const out = path.join(dir, `SHA256SUMS${mode.length}.gpg`)
      gpg(
        '--yes',
        '--armor',
        ...mode,
        '--output',
        out,
        '--detach-sign',
        path.join(dir, 'SHA256SUMS'),
      )
      const fetch = serving({ [`${URL}.gpg`]: await readFile(out, 'utf8') })
      const r = await verifyChecksumFile(check, URL, SUMS, fetch)
      expect(r.voucher).toEqual({
        fingerprint,
        userId: 'Test Cloud Images <images@example.invalid>',
      })
      await expect(verifyChecksumFile(check, URL, SUMS.replace('a', 'c'), fetch)).rejects.toThrow(
        'does not hold',
      )
    }
  })

  it('a clear-signed file (gpg --clearsign), as Fedora publishes CHECKSUM', async () => {
    const out = path.join(dir, 'CHECKSUM')
    gpg(
      '--yes',
      '--digest-algo',
      'SHA256',
      '--output',
      out,
      '--clearsign',
      path.join(dir, 'SHA256SUMS'),
    )
    const signed = await readFile(out, 'utf8')
    const clearsigned = { ...check, signature: 'clearsigned' }
    const r = await verifyChecksumFile(clearsigned, URL, signed, serving({}))
    expect(r.text.trimEnd()).toBe(SUMS.trimEnd())
    expect(r.voucher.fingerprint).toBe(fingerprint)
    await expect(
      verifyChecksumFile(
        clearsigned,
        URL,
        signed.replace('b'.repeat(64), 'd'.repeat(64)),
        serving({}),
      ),
    ).rejects.toThrow('does not hold')
  })

  it('a binary (not armored) detached signature is refused with what to do', async () => {
    const out = path.join(dir, 'SHA256SUMS.sig')
    gpg('--yes', '--output', out, '--detach-sign', path.join(dir, 'SHA256SUMS'))
    const binary = (await readFile(out)).toString('utf8')
    await expect(
      verifyChecksumFile(check, URL, SUMS, serving({ [`${URL}.gpg`]: binary })),
    ).rejects.toThrow('is not an ASCII-armored OpenPGP signature')
  })
})
