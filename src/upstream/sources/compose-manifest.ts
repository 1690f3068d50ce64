// Fedora Cloud: each compose publishes one PGP clear-signed BSD manifest
// named after it (`Fedora-Cloud-43-1.6-x86_64-CHECKSUM`) in the images
// folder. latest_checksum_url names one of them; the folder's listing gives
// the naturally greatest compose, whose id replaces the old one in the image
// name. The version comes from the image's Last-Modified.
import { naturalCompare } from '../../natural-sort.js'
import { listingEntries } from '../listing.js'
import { UpstreamError } from '../reader.js'
import {
  fileOf,
  folderOf,
  fromLastModified,
  join,
  readManifest,
  requireChecksum,
  type Source,
} from '../source.js'
import type { Tracked } from '../types.js'

const COMPOSE = /^(.+?)-(\d+-\d+(?:\.\d+)*)-(.*CHECKSUM)$/

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function parts(t: Tracked): { prefix: string; compose: string; suffix: string } | null {
  const m = COMPOSE.exec(fileOf(t.latestChecksumUrl))
  if (!m || !fileOf(t.latestUrl).includes(m[2] as string)) return null
  return { prefix: m[1] as string, compose: m[2] as string, suffix: m[3] as string }
}

export const composeManifest: Source = {
  key: 'compose-manifest',
  layout: 'one clear-signed CHECKSUM per compose, named after it, in the images folder (Fedora)',
  matches: (t) => parts(t) !== null,
  async newest(t, reader) {
    const { prefix, compose, suffix } = parts(t) as NonNullable<ReturnType<typeof parts>>
    const folder = folderOf(t.latestChecksumUrl)
    const listingUrl = `${folder}/`
    const listing = await reader.text(listingUrl, 'the images listing')
    const own = new RegExp(`^${escape(prefix)}-(\\d+-\\d+(?:\\.\\d+)*)-${escape(suffix)}$`)
    const composes = listingEntries(listing.text, listingUrl)
      .map((name) => own.exec(name)?.[1])
      .filter((c): c is string => c !== undefined)
    const newest = composes.sort(naturalCompare).pop()
    if (newest === undefined)
      throw new UpstreamError(
        `the images listing ${listingUrl} has no ${prefix}-<compose>-${suffix}`,
        listingUrl,
      )
    const manifestUrl = join(folder, `${prefix}-${newest}-${suffix}`)
    const entries = await readManifest(reader, manifestUrl)
    const name = fileOf(t.latestUrl).split(compose).join(newest)
    const checksum = requireChecksum(entries, name, manifestUrl)
    const url = join(folderOf(t.latestUrl), name)
    return { ...(await fromLastModified(reader, url)), url, checksum }
  },
}
