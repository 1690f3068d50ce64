// Throwaway OpenPGP keys and signatures for the signature tests, made with
// the same library the code verifies with (no gpg, no network): a trusted
// key, a stranger's key and a key that expired yesterday.
import * as openpgp from 'openpgp'

export interface TestKey {
  name: string
  fingerprint: string
  armoredPublic: string
  privateKey: openpgp.PrivateKey
  /** When its signatures are dated (an expired key signed while it was valid). */
  signDate: Date
}

const DAY = 86_400_000

export async function makeKey(name: string, expired = false): Promise<TestKey> {
  // An expired key: made three days ago, valid for one day.
  const date = expired ? new Date(Date.now() - 3 * DAY) : new Date(Date.now() - 60_000)
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    userIDs: [{ name, email: `${name.toLowerCase().replace(/\W+/g, '-')}@example.invalid` }],
    date,
    ...(expired ? { keyExpirationTime: DAY / 1000 } : {}),
    format: 'armored',
  })
  const key = await openpgp.readPrivateKey({ armoredKey: privateKey })
  return {
    name,
    fingerprint: key.getFingerprint().toUpperCase(),
    armoredPublic: publicKey,
    privateKey: key,
    signDate: new Date(date.getTime() + 60_000),
  }
}

/** An armored detached signature of `text` (binary mode, as `gpg --detach-sign --armor` makes). */
export async function detachedSignature(key: TestKey, text: string): Promise<string> {
  const message = await openpgp.createMessage({ binary: new TextEncoder().encode(text) })
  return openpgp.sign({
    message,
    signingKeys: key.privateKey,
    detached: true,
    date: key.signDate,
    format: 'armored',
  })
}

/** `text` clear-signed (as `gpg --clearsign` makes, Fedora's CHECKSUM). */
export async function clearsign(key: TestKey, text: string): Promise<string> {
  const message = await openpgp.createCleartextMessage({ text })
  return openpgp.sign({ message, signingKeys: key.privateKey, date: key.signDate })
}
