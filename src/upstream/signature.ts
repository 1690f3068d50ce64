// OpenPGP signatures of upstream checksum files (a definition's
// checksum_signature): the trusted keys are read from armored key files in
// the catalog and kept only where their fingerprint is listed; the checksum
// file is then used only as the signature vouches for it, and only the signed
// text is parsed (what surrounds a clear-signed block is ignored). Verifying
// is done by the maintained `openpgp` library, never by hand.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type * as OpenPGP from 'openpgp'
import { readableFileUrlPath } from '../download/file-url.js'
import { keyFileUrl } from '../definitions/key-files.js'
import type { Definition } from '../definitions/types.js'
import { getErrorMessage } from '../problems.js'
import { UpstreamError } from './reader.js'
import type { Voucher } from './types.js'

/** A definition's signature setting with its trusted keys loaded. */
export interface SignatureCheck {
  signature: string
  keys: OpenPGP.PublicKey[]
}

/** Loaded on first use: plan and validate of a catalog without signatures never pay for it. */
let library: Promise<typeof OpenPGP> | undefined
const pgp = (): Promise<typeof OpenPGP> => (library ??= import('openpgp'))

const CLEARSIGNED = '-----BEGIN PGP SIGNED MESSAGE-----'
const ARMORED_SIGNATURE = '-----BEGIN PGP SIGNATURE-----'
const ARMORED_KEY_BLOCK =
  /-----BEGIN PGP (?:PUBLIC|PRIVATE) KEY BLOCK-----[\s\S]*?-----END PGP (?:PUBLIC|PRIVATE) KEY BLOCK-----/g
const MAX_KEY_FILE_BYTES = 1024 * 1024

const fingerprintOf = (key: OpenPGP.PublicKey): string => key.getFingerprint().toUpperCase()

/**
 * The trusted keys of a definition: every listed fingerprint must be the
 * primary key of one of the key files; other keys of those files are not
 * trusted. Throws an Error naming the definition file and what to do.
 */
export async function loadSignatureCheck(def: Definition): Promise<SignatureCheck | undefined> {
  const setting = def.checksum_signature
  if (!setting) return undefined
  const where = `${def.position.file}:${def.position.line} (${def.name})`
  const found = new Map<string, OpenPGP.PublicKey>()
  for (const keyPath of setting.keys) {
    for (const key of await readKeyFile(keyPath, def.position.file, where))
      found.set(fingerprintOf(key), key)
  }
  const keys = setting.fingerprints.map((fingerprint) => {
    const key = found.get(fingerprint)
    if (!key)
      throw new Error(
        `${where}: checksum_signature trusts ${fingerprint}, but no key file (${setting.keys.join(', ')}) holds that primary key: add its armored public key to the catalog`,
      )
    return key
  })
  return { signature: setting.signature, keys }
}

async function readKeyFile(
  keyPath: string,
  definitionFile: string,
  where: string,
): Promise<OpenPGP.PublicKey[]> {
  let text: string
  try {
    const file = await readableFileUrlPath(keyFileUrl(keyPath), path.dirname(definitionFile))
    const buffer = await readFile(file)
    if (buffer.length > MAX_KEY_FILE_BYTES)
      throw new Error(`larger than ${MAX_KEY_FILE_BYTES} bytes`)
    text = buffer.toString('utf8')
  } catch (error) {
    throw new Error(`${where}: cannot read key file '${keyPath}': ${getErrorMessage(error)}`)
  }
  const openpgp = await pgp()
  let keys: OpenPGP.Key[]
  try {
    // One file may hold several armored blocks (keys exported one after another).
    const blocks = text.match(ARMORED_KEY_BLOCK) ?? [text]
    keys = (
      await Promise.all(blocks.map((armoredKeys) => openpgp.readKeys({ armoredKeys })))
    ).flat()
  } catch (error) {
    throw new Error(
      `${where}: key file '${keyPath}' is not an ASCII-armored OpenPGP public key (${getErrorMessage(error)}): export it with gpg --armor --export <fingerprint>`,
    )
  }
  // A secret key has no place in a catalog repository: refuse it rather than use it.
  if (keys.some((k) => k.isPrivate()))
    throw new Error(
      `${where}: key file '${keyPath}' holds a private key: remove it from the repository and keep only the public key`,
    )
  return keys.map((k) => k.toPublic())
}

/** Reads the detached signature file of a checksum file (text: it must be armored). */
export type FetchSignature = (url: string) => Promise<string>

/**
 * Verifies the checksum file `text` read from `url` and returns the text to
 * parse (the signed text) and the key that vouched. Throws UpstreamError
 * naming the url when the signature is missing, bad or by a key not trusted.
 */
export async function verifyChecksumFile(
  check: SignatureCheck,
  url: string,
  text: string,
  fetchSignature: FetchSignature,
  now: Date = new Date(),
): Promise<{ text: string; voucher: Voucher }> {
  if (check.signature === 'clearsigned') {
    if (!text.includes(CLEARSIGNED))
      throw new UpstreamError(
        `${url} is not clear-signed (no PGP signed message in it), but checksum_signature says it is: no checksum from it is used`,
        url,
      )
    return verifyClearsigned(check, url, text, now)
  }
  const signatureUrl = `${url}${check.signature}`
  let signed: string
  try {
    signed = await fetchSignature(signatureUrl)
  } catch (error) {
    throw new UpstreamError(
      `the signature ${signatureUrl} of ${url} cannot be read (${getErrorMessage(error)}): no checksum from it is used`,
      signatureUrl,
    )
  }
  // A signed copy of the checksum file (AlmaLinux's CHECKSUM.asc): its signed text is what counts.
  if (signed.includes(CLEARSIGNED)) return verifyClearsigned(check, signatureUrl, signed, now)
  if (!signed.includes(ARMORED_SIGNATURE))
    throw new UpstreamError(
      `${signatureUrl} is not an ASCII-armored OpenPGP signature: no checksum from ${url} is used`,
      signatureUrl,
    )
  const openpgp = await pgp()
  const message = await openpgp.createMessage({ binary: new TextEncoder().encode(text) })
  const signature = await readPart(
    () => openpgp.readSignature({ armoredSignature: signed }),
    signatureUrl,
  )
  const voucher = await vouch(check, signatureUrl, now, () =>
    openpgp.verify({ message, signature, verificationKeys: check.keys, date: now }),
  )
  return { text, voucher }
}

async function verifyClearsigned(
  check: SignatureCheck,
  url: string,
  text: string,
  now: Date,
): Promise<{ text: string; voucher: Voucher }> {
  const openpgp = await pgp()
  const message = await readPart(
    () => openpgp.readCleartextMessage({ cleartextMessage: text }),
    url,
  )
  const voucher = await vouch(check, url, now, () =>
    openpgp.verify({ message, verificationKeys: check.keys, date: now }),
  )
  return { text: message.getText(), voucher }
}

async function readPart<T>(read: () => Promise<T>, url: string): Promise<T> {
  try {
    return await read()
  } catch (error) {
    throw new UpstreamError(
      `the signature in ${url} cannot be read (${getErrorMessage(error)}): no checksum from it is used`,
      url,
    )
  }
}

/** The trusted key that made a good signature, valid now; else an error saying why none did. */
async function vouch(
  check: SignatureCheck,
  url: string,
  now: Date,
  verify: () => Promise<OpenPGP.VerifyMessageResult>,
): Promise<Voucher> {
  let result: OpenPGP.VerifyMessageResult
  try {
    result = await verify()
  } catch (error) {
    throw new UpstreamError(
      `the signature in ${url} cannot be checked: ${getErrorMessage(error)}`,
      url,
    )
  }
  // Signatures passed over (unknown key, or after a good one) must not leave a rejection unhandled.
  for (const { verified } of result.signatures) verified.catch(() => undefined)
  const reasons: string[] = []
  for (const { keyID, verified } of result.signatures) {
    const key = check.keys.find((k) => k.getKeyIDs().some((id) => id.equals(keyID)))
    if (!key) {
      reasons.push(`made by key ${keyID.toHex().toUpperCase()}, which is not a trusted fingerprint`)
      continue
    }
    try {
      await verified
      // The key must still be valid today (not expired, not revoked), not only when it signed.
      await key.getSigningKey(keyID, now)
      return { fingerprint: fingerprintOf(key), userId: await userIdOf(key, now) }
    } catch (error) {
      reasons.push(`by ${fingerprintOf(key)}: ${getErrorMessage(error)}`)
    }
  }
  throw new UpstreamError(
    `the signature in ${url} does not hold (${reasons.join('; ') || 'no signature in it'}): no checksum from it is used`,
    url,
  )
}

async function userIdOf(key: OpenPGP.PublicKey, now: Date): Promise<string> {
  try {
    return (await key.getPrimaryUser(now)).user.userID?.userID ?? ''
  } catch {
    return key.getUserIDs()[0] ?? ''
  }
}
