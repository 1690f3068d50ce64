// Ubuntu cloud-images and Debian cloud: `<base>/<alias>/<file>` where the
// listing of `<base>/` holds dated build folders (`20240422/`,
// `release-20240703/`, `20240703-1797/`) beside aliases (`current/`,
// `release/`, `latest/`, `daily/`). The newest folder's SUMS file names the
// image, either as the alias does (Ubuntu) or with the folder appended
// (Debian: `debian-12-genericcloud-amd64-20240703-1797.qcow2`).
import { buildFolder, listingEntries, newestBuildFolder } from '../listing.js'
import { UpstreamError } from '../reader.js'
import { fileOf, folderOf, fromDate, join, readManifest, type Source } from '../source.js'
import { checksumOf } from '../checksums.js'
import type { Tracked } from '../types.js'

const ALIASES = new Set(['current', 'latest', 'release'])

function parts(t: Tracked): { base: string; folder: string; file: string } | null {
  const folderUrl = folderOf(t.latestUrl)
  if (folderOf(t.latestChecksumUrl) !== folderUrl) return null
  const base = folderOf(folderUrl)
  if (new URL(base).pathname === '') return null
  const folder = fileOf(folderUrl)
  if (!ALIASES.has(folder) && !buildFolder(folder)) return null
  return { base, folder, file: fileOf(t.latestUrl) }
}

/** The names the image may have in build folder `folder`, most likely first. */
function candidates(file: string, oldFolder: string, folder: string): string[] {
  const names = [file]
  if (buildFolder(oldFolder) && file.includes(oldFolder))
    names.unshift(file.split(oldFolder).join(folder))
  // Debian appends `-<folder>` before the extension (`.qcow2`, `.tar.xz`).
  for (let i = file.length; i > 0; i = file.lastIndexOf('.', i - 1)) {
    names.push(`${file.slice(0, i)}-${folder}${file.slice(i)}`)
  }
  return names
}

export const datedFolders: Source = {
  key: 'dated-folders',
  layout: 'a listing of dated build folders with SHA256SUMS/SHA512SUMS in each (Ubuntu, Debian)',
  matches: (t) => parts(t) !== null,
  async newest(t, reader) {
    const { base, folder: oldFolder, file } = parts(t) as NonNullable<ReturnType<typeof parts>>
    const listingUrl = `${base}/`
    const listing = await reader.text(listingUrl, 'the build listing')
    const newest = newestBuildFolder(listingEntries(listing.text, listingUrl))
    if (!newest)
      throw new UpstreamError(
        `the build listing ${listingUrl} has no dated build folder (only ${
          listingEntries(listing.text, listingUrl)
            .filter((e) => e.endsWith('/'))
            .slice(0, 5)
            .join(', ') || 'no folders'
        })`,
        listingUrl,
      )
    const folderUrl = join(base, newest.name)
    const manifestUrl = join(folderUrl, fileOf(t.latestChecksumUrl))
    const entries = await readManifest(reader, manifestUrl)
    for (const name of candidates(file, oldFolder, newest.name)) {
      const checksum = checksumOf(entries, name)
      if (checksum) return { ...fromDate(newest.date), url: join(folderUrl, name), checksum }
    }
    throw new UpstreamError(
      `${manifestUrl} has no checksum for ${file} (nor a dated name of it)`,
      manifestUrl,
    )
  },
}
