// CentOS Stream and CentOS 7: one manifest lists a year of builds, and the
// catalog marks the build's name with a regular expression between the
// literal words HEREBE and DRAGONS inside the file name of latest_url
// (`CentOS-Stream-GenericCloud-9-HEREBE\d+\.\dDRAGONS.x86_64.qcow2`).
// As the old tool does: both words dropped, the rest is a regex searched in
// every listed name, the naturally greatest match wins and replaces the file
// name; the version comes from that image's Last-Modified.
import { naturalCompare } from '../../natural-sort.js'
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

const marked = (url: string): boolean => /HEREBE.*DRAGONS/.test(fileOf(url))

export const manifestPattern: Source = {
  key: 'manifest-pattern',
  layout:
    'a manifest of many builds, the build chosen by a HEREBE…DRAGONS regex in latest_url (CentOS)',
  matches: (t) => marked(t.latestUrl),
  async newest(t, reader) {
    const source = fileOf(t.latestUrl).replace('HEREBE', '').replace('DRAGONS', '')
    let pattern: RegExp
    try {
      pattern = new RegExp(source)
    } catch (error) {
      throw new UpstreamError(
        `the HEREBE…DRAGONS pattern of latest_url is not a valid regular expression (${source}): ${(error as Error).message}`,
        t.latestUrl,
      )
    }
    const entries = await readManifest(reader, t.latestChecksumUrl)
    const names = [...new Set(entries.map((e) => e.name).filter((n) => pattern.test(n)))]
    const name = names.sort(naturalCompare).pop()
    if (name === undefined)
      throw new UpstreamError(
        `${t.latestChecksumUrl} lists no file matching ${source}`,
        t.latestChecksumUrl,
      )
    const checksum = requireChecksum(entries, name, t.latestChecksumUrl)
    const url = join(folderOf(t.latestUrl), name)
    return { ...(await fromLastModified(reader, url)), url, checksum }
  },
}
