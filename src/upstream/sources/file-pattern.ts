// Anything else: a checksums file anywhere plus a file-name pattern. The
// file name of latest_url holds `*` wildcards (`cirros-*-x86_64-disk.img`);
// the naturally greatest listed name matching it wins and takes its place in
// the url. The version comes from that image's Last-Modified.
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

const globToRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .split('*')
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  )

export const filePattern: Source = {
  key: 'file-pattern',
  layout: 'a checksums file and a file name with * wildcards in latest_url',
  matches: (t) => fileOf(t.latestUrl).includes('*'),
  async newest(t, reader) {
    const glob = fileOf(t.latestUrl)
    const pattern = globToRegExp(glob)
    const entries = await readManifest(reader, t.latestChecksumUrl)
    const name = [...new Set(entries.map((e) => e.name).filter((n) => pattern.test(n)))]
      .sort(naturalCompare)
      .pop()
    if (name === undefined)
      throw new UpstreamError(
        `${t.latestChecksumUrl} lists no file matching ${glob}`,
        t.latestChecksumUrl,
      )
    const url = join(folderOf(t.latestUrl), name)
    const checksum = requireChecksum(entries, name, t.latestChecksumUrl)
    return { ...(await fromLastModified(reader, url)), url, checksum }
  },
}
