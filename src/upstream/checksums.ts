// Reading checksum manifests: `<hex>  <file>`, `<hex> *<file>` (binary mode),
// BSD style `SHA256 (<file>) = <hex>`, or a bare digest. Pure.

const HEX = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i

const ALGO_BY_LENGTH: Record<number, string> = {
  32: 'md5',
  40: 'sha1',
  64: 'sha256',
  128: 'sha512',
}

/** `sha256:<hex>` for a bare digest, by its length. */
export const withAlgorithm = (hex: string): string =>
  `${ALGO_BY_LENGTH[hex.length] ?? 'sha256'}:${hex.toLowerCase()}`

/** The digest a manifest gives for `filename`, or null when it has none. */
export function findChecksum(manifest: string, filename: string): string | null {
  for (const raw of manifest.split(/\r?\n/)) {
    const line = raw.trim()
    const bsd = /^\w+ \((.+)\) = ([0-9a-fA-F]+)$/.exec(line)
    if (bsd) {
      if (bsd[1] === filename && HEX.test(bsd[2] as string)) return (bsd[2] as string).toLowerCase()
      continue
    }
    const [digest, name] = line.split(/\s+/, 2)
    if (digest && name && HEX.test(digest) && name.replace(/^\*/, '') === filename)
      return digest.toLowerCase()
  }
  return null
}

/** A file that holds one bare digest (and maybe a file name after it). */
export function bareChecksum(text: string): string | null {
  const first = text.trim().split(/\s+/)[0] ?? ''
  return HEX.test(first) ? first.toLowerCase() : null
}

/** `Tue, 30 Apr 2024 12:00:00 GMT` -> `20240430`; null when unreadable. */
export function lastModifiedVersion(header: string | null): string | null {
  if (!header) return null
  const time = Date.parse(header)
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10).replace(/-/g, '')
}
