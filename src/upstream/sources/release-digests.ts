// Flatcar: `<channel>/<arch>/current/version.txt` names the newest release
// (FLATCAR_VERSION=4230.2.4, FLATCAR_BUILD_ID="2025-10-13-1234"); the image
// lives in the release's own folder with `<image>.DIGESTS` beside it, whose
// SHA512 section gives the checksum. The version is the release number, as
// catalogs write it (folders are named by release, not by date); the build
// date comes from the build id, else from the digests' Last-Modified.
import { UpstreamError } from '../reader.js'
import {
  fileOf,
  folderOf,
  join,
  manifestEntries,
  requireChecksum,
  signedText,
  type Source,
} from '../source.js'
import { lastModifiedVersion } from '../checksums.js'
import { isoDate } from '../listing.js'

/** `KEY=value` / `KEY="value"` lines. */
function shellVariables(text: string): Map<string, string> {
  const vars = new Map<string, string>()
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)=(?:"([^"]*)"|'([^']*)'|(\S*))\s*$/.exec(line)
    if (m) vars.set(m[1] as string, m[2] ?? m[3] ?? m[4] ?? '')
  }
  return vars
}

export const releaseDigests: Source = {
  key: 'release-digests',
  layout: 'version.txt naming the release, `<image>.DIGESTS` in the release folder (Flatcar)',
  matches: (t) =>
    fileOf(t.latestChecksumUrl) === 'version.txt' &&
    folderOf(t.latestChecksumUrl) === folderOf(t.latestUrl),
  async newest(t, reader) {
    const info = await reader.text(t.latestChecksumUrl, 'the release file')
    const vars = shellVariables(info.text)
    const version = vars.get('FLATCAR_VERSION') ?? vars.get('VERSION')
    if (!version || !/^[0-9][0-9A-Za-z.+_-]*$/.test(version))
      throw new UpstreamError(
        `${t.latestChecksumUrl} names no release (FLATCAR_VERSION=…)`,
        t.latestChecksumUrl,
      )
    const releaseFolder = join(folderOf(folderOf(t.latestUrl)), version)
    const url = join(releaseFolder, fileOf(t.latestUrl))
    const digestsUrl = `${url}.DIGESTS`
    const digests = await reader.text(digestsUrl, 'the digests file')
    const text = await signedText(reader, digestsUrl, digests.text)
    const entries = manifestEntries(text, digestsUrl, 'the digests file')
    const checksum = requireChecksum(entries, fileOf(t.latestUrl), digestsUrl)
    const buildId = /^(\d{4})-(\d{2})-(\d{2})/.exec(vars.get('FLATCAR_BUILD_ID') ?? '')
    const date = buildId
      ? `${buildId[1]}${buildId[2]}${buildId[3]}`
      : lastModifiedVersion(digests.lastModified)
    if (!date)
      throw new UpstreamError(
        `${digestsUrl}: no build date (no FLATCAR_BUILD_ID, no Last-Modified)`,
        digestsUrl,
      )
    return { version, buildDate: isoDate(date), url, checksum }
  },
}
