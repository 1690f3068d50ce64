// What the first bytes of a source say it is: a compression, or a disk format.
// Pure: the stream side is in prepare.ts (docs/behaviour.md §4, "Know what you send").

export type Compression = 'gzip' | 'xz' | 'bzip2' | 'zstd' | 'zip'
export type SniffedFormat = 'qcow2' | 'vmdk' | 'vhd' | 'vhdx' | 'vdi' | 'iso' | 'tar' | 'raw'

/** Enough bytes for every magic below: the ISO 9660 volume descriptor sits at 32769. */
export const SNIFF_BYTES = 32_774

const startsWith = (data: Buffer, magic: readonly number[], at = 0): boolean =>
  data.length >= at + magic.length && magic.every((b, i) => data[at + i] === b)
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0))

const COMPRESSIONS: readonly [Compression, number[]][] = [
  ['gzip', [0x1f, 0x8b]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['bzip2', [...ascii('BZh')]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ['zip', [...ascii('PK'), 0x03, 0x04]],
]

export function sniffCompression(data: Buffer): Compression | undefined {
  return COMPRESSIONS.find(([, magic]) => startsWith(data, magic))?.[0]
}

/** The compression a file name's extension announces (`.qcow2.gz`, `.img.xz`, `.zip`). */
export function compressionOfName(url: string): Compression | undefined {
  const name = url.split(/[?#]/, 1)[0]?.toLowerCase() ?? ''
  const ext: Record<string, Compression> = {
    '.gz': 'gzip',
    '.xz': 'xz',
    '.bz2': 'bzip2',
    '.zst': 'zstd',
    '.zip': 'zip',
  }
  return Object.entries(ext).find(([e]) => name.endsWith(e))?.[1]
}

/**
 * The disk format the bytes show. `raw` means no known header: a raw disk, or a
 * fixed VHD (whose only footer is at the end of the file).
 */
export function sniffFormat(data: Buffer): SniffedFormat {
  if (startsWith(data, [...ascii('QFI'), 0xfb])) return 'qcow2'
  // Sparse extents start with KDMV; a monolithic descriptor file with its header comment.
  if (startsWith(data, ascii('KDMV')) || startsWith(data, ascii('# Disk DescriptorFile')))
    return 'vmdk'
  if (startsWith(data, ascii('vhdxfile'))) return 'vhdx'
  // A dynamic VHD begins with a copy of its footer.
  if (startsWith(data, ascii('conectix'))) return 'vhd'
  if (startsWith(data, [0x7f, 0x10, 0xda, 0xbe], 0x40)) return 'vdi'
  if (startsWith(data, ascii('CD001'), 0x8001)) return 'iso'
  // A tar archive (a .tar.gz) is no disk under any name.
  if (startsWith(data, ascii('ustar'), 257)) return 'tar'
  return 'raw'
}

/**
 * Why the bytes contradict the declared `format`, or undefined when they fit.
 * Glance's vhd covers vhdx too. Formats without a header of their own (aki,
 * ari, ami, ploop) are not judged; raw may be anything without a known header,
 * and a raw disk may also be a hybrid ISO.
 */
export function formatContradiction(declared: string, data: Buffer): string | undefined {
  const found = sniffFormat(data)
  const fits: Record<string, (f: SniffedFormat) => boolean> = {
    qcow2: (f) => f === 'qcow2',
    vmdk: (f) => f === 'vmdk',
    vdi: (f) => f === 'vdi',
    iso: (f) => f === 'iso',
    vhd: (f) => f === 'vhd' || f === 'vhdx' || f === 'raw',
    raw: (f) => f === 'raw' || f === 'iso',
  }
  const check = fits[declared]
  if (check === undefined || check(found)) return undefined
  return found === 'raw'
    ? `the data has no ${declared} header (it looks like a raw disk or an unknown format)`
    : `the data is ${found}`
}
