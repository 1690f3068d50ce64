// AlmaLinux and any mirror folder with one CHECKSUM manifest and a fixed
// file name that always points at the newest build
// (`AlmaLinux-9-GenericCloud-latest.x86_64.qcow2`): the url stays, the
// checksum comes from the manifest, the version from the image's Last-Modified.
import { fileOf, fromLastModified, readManifest, requireChecksum, type Source } from '../source.js'

export const fixedName: Source = {
  key: 'fixed-name',
  layout:
    'a checksum manifest listing a fixed file name that always holds the newest build (AlmaLinux)',
  matches: (t) => !/[*]/.test(fileOf(t.latestUrl)),
  async newest(t, reader) {
    const entries = await readManifest(reader, t.latestChecksumUrl)
    const checksum = requireChecksum(entries, fileOf(t.latestUrl), t.latestChecksumUrl)
    return { ...(await fromLastModified(reader, t.latestUrl)), url: t.latestUrl, checksum }
  },
}
