// A checksum file beside the image, named after it: Rocky's
// `<image>.CHECKSUM` (BSD style with `# <image>: N bytes` comments) and
// openSUSE's `<image>.sha256`. The url stays; the version comes from the
// image's Last-Modified.
import { fileOf, fromLastModified, readManifest, requireChecksum, type Source } from '../source.js'

export const sidecar: Source = {
  key: 'sidecar',
  layout:
    'a checksum file beside the image, named `<image>.CHECKSUM` or `<image>.sha256` (Rocky, openSUSE)',
  matches: (t) =>
    t.latestChecksumUrl.startsWith(`${t.latestUrl}.`) &&
    !t.latestChecksumUrl.slice(t.latestUrl.length + 1).includes('/'),
  async newest(t, reader) {
    const entries = await readManifest(reader, t.latestChecksumUrl, 'the checksum file')
    const name = fileOf(t.latestUrl)
    // A file holding only a digest is the image's too.
    const bare = entries.length === 1 && entries[0]?.name === '' ? entries[0].checksum : null
    const checksum = bare ?? requireChecksum(entries, name, t.latestChecksumUrl)
    return { ...(await fromLastModified(reader, t.latestUrl)), url: t.latestUrl, checksum }
  },
}
