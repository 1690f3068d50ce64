// What every upstream source is, and the steps several of them share.
import { checksumOf, lastModifiedVersion, parseManifest, type ManifestEntry } from './checksums.js'
import { isoDate } from './listing.js'
import { UpstreamError, type Reader } from './reader.js'
import type { UpstreamBuild, Checksum, Tracked } from './types.js'

export interface Source {
  /** The key an explicit `#upstream=<key>` selects, and the name in messages. */
  key: string
  /** The layout, for help and docs. */
  layout: string
  /** Whether the tracked urls have this layout's shape (never decided by the host name). */
  matches(tracked: Tracked): boolean
  /** The newest build upstream; throws UpstreamError naming what could not be read and its url. */
  newest(tracked: Tracked, reader: Reader): Promise<UpstreamBuild>
}

/** `https://h/a/b/file.img` -> `https://h/a/b` */
export const folderOf = (url: string): string => url.slice(0, url.lastIndexOf('/'))
/** `https://h/a/b/file.img` -> `file.img` (decoded) */
export function fileOf(url: string): string {
  const raw = url.slice(url.lastIndexOf('/') + 1)
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
/** A folder url plus a file name, encoded as a path segment. */
export const join = (folder: string, name: string): string =>
  `${folder}/${encodeURIComponent(name).replace(/%2B/g, '+')}`

/** Reads a manifest; an empty or foreign one (HTML, nothing parseable) is an error. */
export async function readManifest(
  reader: Reader,
  url: string,
  what = 'the checksum manifest',
): Promise<ManifestEntry[]> {
  const fetched = await reader.text(url, what)
  return manifestEntries(await signedText(reader, url, fetched.text), url, what)
}

/** The text of a checksum file to parse: as read, or its signed text once the signature holds. */
export const signedText = (reader: Reader, url: string, text: string): Promise<string> =>
  reader.checked ? reader.checked(url, text) : Promise.resolve(text)

/** The entries of a manifest's text; none (HTML, garbage) is an error. */
export function manifestEntries(
  text: string,
  url: string,
  what = 'the checksum manifest',
): ManifestEntry[] {
  const entries = parseManifest(text)
  if (entries.length === 0)
    throw new UpstreamError(`${what} ${url} lists no checksums (not a checksum manifest?)`, url)
  return entries
}

/** The checksum of `name` in a manifest, or an error naming both. */
export function requireChecksum(entries: ManifestEntry[], name: string, url: string): Checksum {
  const checksum = checksumOf(entries, name)
  if (!checksum) throw new UpstreamError(`${url} has no checksum for ${name}`, url)
  return checksum
}

/** Version and build date from a YYYYMMDD date. */
export const fromDate = (yyyymmdd: string): Pick<UpstreamBuild, 'version' | 'buildDate'> => ({
  version: yyyymmdd,
  buildDate: isoDate(yyyymmdd),
})

/** Version and build date from the image's Last-Modified header (the old tool's rule). */
export async function fromLastModified(
  reader: Reader,
  imageUrl: string,
): Promise<Pick<UpstreamBuild, 'version' | 'buildDate'>> {
  const date = lastModifiedVersion(await reader.lastModified(imageUrl))
  if (!date)
    throw new UpstreamError(
      `${imageUrl} sends no readable Last-Modified header, which gives this layout its version`,
      imageUrl,
    )
  return fromDate(date)
}
