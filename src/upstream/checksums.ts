// Reading checksum manifests as real sites publish them: GNU `<hex>  <file>`
// and `<hex> *<file>` (binary mode), BSD `SHA256 (<file>) = <hex>`, bare
// digests, `# name: N bytes` comments, `# SHA512 HASH` section headers
// (Flatcar's DIGESTS), PGP clear-signed text (Fedora), CRLF and trailing
// blanks. The algorithm comes from the tag or section, else from the
// digest's length. Pure.
import type { Checksum } from './types.js'

const HEX = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i

const ALGO_BY_LENGTH: Record<number, Checksum['algorithm']> = {
  32: 'md5',
  40: 'sha1',
  64: 'sha256',
  128: 'sha512',
}

/** Stronger first: a name listed with several algorithms gets the strongest. */
const STRENGTH: Record<Checksum['algorithm'], number> = { md5: 0, sha1: 1, sha256: 2, sha512: 3 }

/** `SHA256`, `sha-512`, `SHA2-256` -> the algorithm; null for one we do not check (BLAKE2b, ...). */
function algorithmOfTag(tag: string): Checksum['algorithm'] | null {
  const t = tag
    .toLowerCase()
    .replace(/^sha2-/, 'sha')
    .replace(/-/g, '')
  return t === 'md5' || t === 'sha1' || t === 'sha256' || t === 'sha512' ? t : null
}

export interface ManifestEntry {
  /** The file name as listed ('' for a bare digest), without `*` or `./`. */
  name: string
  checksum: Checksum
}

/** The signed text of a PGP clear-signed message, dash-escaping undone; other text as it is. */
function unarmor(lines: string[]): string[] {
  const begin = lines.findIndex((l) => l === '-----BEGIN PGP SIGNED MESSAGE-----')
  if (begin < 0) return lines
  let i = begin + 1
  while (i < lines.length && lines[i] !== '') i++ // armour headers (Hash: SHA256) end at a blank line
  const end = lines.findIndex((l, n) => n > i && l === '-----BEGIN PGP SIGNATURE-----')
  return lines.slice(i + 1, end < 0 ? lines.length : end).map((l) => l.replace(/^- /, ''))
}

/** Every entry of a manifest, in order. Lines that are no entry are skipped. */
export function parseManifest(text: string): ManifestEntry[] {
  const lines = unarmor(text.split(/\r\n|\r|\n/).map((l) => l.trim()))
  const entries: ManifestEntry[] = []
  /** Algorithm of the current `# SHA512 HASH` section; null inside an unknown one; undefined outside. */
  let section: Checksum['algorithm'] | null | undefined
  for (const line of lines) {
    if (line === '' || line.startsWith('-----')) continue
    if (line.startsWith('#')) {
      const header = /^#\s*([\w-]+)\s+HASH\s*$/i.exec(line)
      if (header) section = algorithmOfTag(header[1] as string)
      continue
    }
    const bsd = /^([\w-]+)\s*\((.+)\)\s*=\s*([0-9a-fA-F]+)$/.exec(line)
    if (bsd) {
      const algorithm = algorithmOfTag(bsd[1] as string)
      const hex = (bsd[3] as string).toLowerCase()
      if (algorithm && HEX.test(hex) && ALGO_BY_LENGTH[hex.length] === algorithm) {
        entries.push({ name: cleanName(bsd[2] as string), checksum: { algorithm, hex } })
      }
      continue
    }
    const gnu = /^([0-9a-fA-F]+)(?:\s+(.+))?$/.exec(line)
    if (!gnu || !HEX.test(gnu[1] as string) || section === null) continue
    const hex = (gnu[1] as string).toLowerCase()
    const algorithm = ALGO_BY_LENGTH[hex.length] as Checksum['algorithm']
    if (section !== undefined && section !== algorithm) continue
    entries.push({ name: cleanName(gnu[2] ?? ''), checksum: { algorithm, hex } })
  }
  return entries
}

const cleanName = (name: string): string => name.replace(/^\*/, '').replace(/^\.\//, '')

/** The checksum of `name`: the strongest algorithm listed for it, the last line of equals. */
export function checksumOf(entries: readonly ManifestEntry[], name: string): Checksum | null {
  let best: Checksum | null = null
  for (const entry of entries) {
    if (entry.name !== name) continue
    if (!best || STRENGTH[entry.checksum.algorithm] >= STRENGTH[best.algorithm])
      best = entry.checksum
  }
  return best
}

/** `<algo>:<hex>` as the catalog writes it. */
export const formatChecksum = (c: Checksum): string => `${c.algorithm}:${c.hex}`

/** The digest a manifest gives for `filename`, or null when it has none. */
export function findChecksum(manifest: string, filename: string): string | null {
  return checksumOf(parseManifest(manifest), filename)?.hex ?? null
}

/** A file that holds one bare digest (and maybe a file name after it). */
export function bareChecksum(text: string): string | null {
  return parseManifest(text)[0]?.checksum.hex ?? null
}

/** `Tue, 30 Apr 2024 12:00:00 GMT` -> `20240430`; null when unreadable. */
export function lastModifiedVersion(header: string | null): string | null {
  if (!header) return null
  const time = Date.parse(header)
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10).replace(/-/g, '')
}
