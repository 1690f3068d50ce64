// Signed checksum files: detached and clear-signed, good and bad, missing,
// by a stranger's key and by an expired key. Keys are made in the test.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as openpgp from 'openpgp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Definition } from '../../../src/definitions/types.js'
import {
  loadSignatureCheck,
  verifyChecksumFile,
  type SignatureCheck,
} from '../../../src/upstream/signature.js'
import { parseManifest } from '../../../src/upstream/checksums.js'
import { clearsign, detachedSignature, makeKey, type TestKey } from './signing-keys.js'

const URL = 'https://mirror.example.invalid/images/SHA256SUMS'
const SUMS = `${'a'.repeat(64)} *good.img\n${'b'.repeat(64)} *other.img\n`

let dir: string
let trusted: TestKey
let stranger: TestKey
let expired: TestKey

function definition(setting: Definition['checksum_signature'], file = 'images.yml'): Definition {
  return {
    name: 'Test',
    checksum_signature: setting,
    position: { file: path.join(dir, file), line: 1, column: 1 },
  } as unknown as Definition
}

async function checkFor(signature: string, ...keys: TestKey[]): Promise<SignatureCheck> {
  const check = await loadSignatureCheck(
    definition({
      signature,
      keys: ['keys/all.asc'],
      fingerprints: keys.map((k) => k.fingerprint),
    }),
  )
  return check as SignatureCheck
}

/** A fetch that serves one signature file and 404s the rest. */
const serving =
  (files: Record<string, string>) =>
  async (url: string): Promise<string> => {
    const text = files[url]
    if (text === undefined) throw new Error(`GET ${url}: 404 Not Found`)
    return text
  }

beforeAll(async () => {
  ;[trusted, stranger, expired] = await Promise.all([
    makeKey('Trusted Images'),
    makeKey('Stranger'),
    makeKey('Expired Images', true),
  ])
  dir = await mkdtemp(path.join(tmpdir(), 'signature-'))
  await mkdir(path.join(dir, 'keys'))
  await writeFile(
    path.join(dir, 'keys/all.asc'),
    [trusted, stranger, expired].map((k) => k.armoredPublic).join('\n'),
  )
  await writeFile(path.join(dir, 'keys/trusted.asc'), trusted.armoredPublic)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('detached signatures', () => {
  it('a good signature by a trusted key vouches, naming fingerprint and user id', async () => {
    const fetch = serving({ [`${URL}.gpg`]: await detachedSignature(trusted, SUMS) })
    const r = await verifyChecksumFile(await checkFor('.gpg', trusted), URL, SUMS, fetch)
    expect(r.text).toBe(SUMS)
    expect(r.voucher).toEqual({
      fingerprint: trusted.fingerprint,
      userId: 'Trusted Images <trusted-images@example.invalid>',
    })
  })

  it('a bad signature (the file changed after signing) is refused', async () => {
    const fetch = serving({ [`${URL}.gpg`]: await detachedSignature(trusted, SUMS) })
    const forged = SUMS.replace('a'.repeat(64), 'c'.repeat(64))
    await expect(
      verifyChecksumFile(await checkFor('.gpg', trusted), URL, forged, fetch),
    ).rejects.toThrow(/signature in .*SHA256SUMS\.gpg does not hold .*no checksum from it is used/)
  })

  it('a missing signature file is refused, naming its url', async () => {
    await expect(
      verifyChecksumFile(await checkFor('.gpg', trusted), URL, SUMS, serving({})),
    ).rejects.toThrow(`the signature ${URL}.gpg of ${URL} cannot be read (GET ${URL}.gpg: 404`)
  })

  it('a signature by a key that is not trusted is refused, though the key file holds it', async () => {
    const fetch = serving({ [`${URL}.gpg`]: await detachedSignature(stranger, SUMS) })
    await expect(
      verifyChecksumFile(await checkFor('.gpg', trusted), URL, SUMS, fetch),
    ).rejects.toThrow(/made by key [0-9A-F]{16}, which is not a trusted fingerprint/)
  })

  it('a signature by a trusted key that has expired is refused', async () => {
    const fetch = serving({ [`${URL}.gpg`]: await detachedSignature(expired, SUMS) })
    await expect(
      verifyChecksumFile(await checkFor('.gpg', expired), URL, SUMS, fetch),
    ).rejects.toThrow(new RegExp(`by ${expired.fingerprint}: .*expired`, 'i'))
  })

  it('of two signatures in one file (a stranger and a trusted key), the trusted one vouches', async () => {
    const message = await openpgp.createMessage({ binary: new TextEncoder().encode(SUMS) })
    const both = await openpgp.sign({
      message,
      signingKeys: [stranger.privateKey, trusted.privateKey],
      detached: true,
      date: trusted.signDate,
    })
    const r = await verifyChecksumFile(
      await checkFor('.gpg', trusted),
      URL,
      SUMS,
      serving({ [`${URL}.gpg`]: both }),
    )
    expect(r.voucher.fingerprint).toBe(trusted.fingerprint)
  })

  it('garbage where the signature should be is refused', async () => {
    const fetch = serving({ [`${URL}.gpg`]: '<html>Not here</html>' })
    await expect(
      verifyChecksumFile(await checkFor('.gpg', trusted), URL, SUMS, fetch),
    ).rejects.toThrow('is not an ASCII-armored OpenPGP signature')
  })

  it('a clear-signed copy as the signature file (AlmaLinux CHECKSUM.asc) gives its signed text', async () => {
    const fetch = serving({ [`${URL}.asc`]: await clearsign(trusted, SUMS) })
    const r = await verifyChecksumFile(await checkFor('.asc', trusted), URL, 'unsigned junk', fetch)
    expect(parseManifest(r.text).map((e) => e.name)).toEqual(['good.img', 'other.img'])
    expect(r.voucher.fingerprint).toBe(trusted.fingerprint)
  })
})

describe('clear-signed checksum files', () => {
  it('a good signature gives only the signed text: lines added around the block are not parsed', async () => {
    const signed = await clearsign(trusted, SUMS)
    // Before it an indented look-alike block, which a line-trimming parser would read first.
    const fake = `  -----BEGIN PGP SIGNED MESSAGE-----\n  Hash: SHA256\n\n${'d'.repeat(64)} *good.img\n  -----BEGIN PGP SIGNATURE-----\n  -----END PGP SIGNATURE-----\n`
    const padded = `${fake}${signed}\n${'e'.repeat(64)} *good.img\n`
    const r = await verifyChecksumFile(
      await checkFor('clearsigned', trusted),
      URL,
      padded,
      serving({}),
    )
    expect(parseManifest(r.text).map((e) => `${e.name}:${e.checksum.hex[0]}`)).toEqual([
      'good.img:a',
      'other.img:b',
    ])
    expect(r.voucher.fingerprint).toBe(trusted.fingerprint)
  })

  it('a changed line inside the signed block is refused', async () => {
    const signed = (await clearsign(trusted, SUMS)).replace('a'.repeat(64), 'c'.repeat(64))
    await expect(
      verifyChecksumFile(await checkFor('clearsigned', trusted), URL, signed, serving({})),
    ).rejects.toThrow('does not hold')
  })

  it('an unsigned file where a clear-signed one is expected is refused', async () => {
    await expect(
      verifyChecksumFile(await checkFor('clearsigned', trusted), URL, SUMS, serving({})),
    ).rejects.toThrow(`${URL} is not clear-signed`)
  })

  it('a stranger or an expired key is refused', async () => {
    const check = await checkFor('clearsigned', trusted, expired)
    for (const key of [stranger, expired]) {
      await expect(
        verifyChecksumFile(check, URL, await clearsign(key, SUMS), serving({})),
      ).rejects.toThrow('does not hold')
    }
  })
})

describe('trusted keys from the catalog', () => {
  it('a fingerprint no key file holds is an error naming the file and what to do', async () => {
    const def = definition({
      signature: '.gpg',
      keys: ['keys/trusted.asc'],
      fingerprints: [stranger.fingerprint],
    })
    await expect(loadSignatureCheck(def)).rejects.toThrow(
      `checksum_signature trusts ${stranger.fingerprint}, but no key file (keys/trusted.asc) holds that primary key`,
    )
  })

  it('only the listed keys of a key file are trusted', async () => {
    const check = await checkFor('.gpg', trusted)
    expect(check.keys.map((k) => k.getFingerprint().toUpperCase())).toEqual([trusted.fingerprint])
  })

  it('a key file outside the definition directory, also through a symlink, is refused', async () => {
    const inner = path.join(dir, 'inner')
    await mkdir(inner, { recursive: true })
    await symlink(path.join(dir, 'keys'), path.join(inner, 'linked'))
    for (const keys of [
      ['../keys/trusted.asc'],
      ['linked/trusted.asc'],
      [`${dir}/keys/trusted.asc`],
    ]) {
      const def = definition(
        { signature: '.gpg', keys, fingerprints: [trusted.fingerprint] },
        'inner/images.yml',
      )
      await expect(loadSignatureCheck(def)).rejects.toThrow(/points outside/)
    }
  })

  it('a private key in the repository is refused, not used', async () => {
    await writeFile(path.join(dir, 'keys/secret.asc'), trusted.privateKey.armor())
    const def = definition({
      signature: '.gpg',
      keys: ['keys/secret.asc'],
      fingerprints: [trusted.fingerprint],
    })
    await expect(loadSignatureCheck(def)).rejects.toThrow('holds a private key')
  })

  it('a key file that is no key is an error saying how to export one', async () => {
    await writeFile(path.join(dir, 'keys/junk.asc'), 'not a key')
    const def = definition({
      signature: '.gpg',
      keys: ['keys/junk.asc'],
      fingerprints: [trusted.fingerprint],
    })
    await expect(loadSignatureCheck(def)).rejects.toThrow('gpg --armor --export')
  })
})
