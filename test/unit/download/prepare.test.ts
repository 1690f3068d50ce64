// Know what you send: the first bytes of a source tell its compression (undone
// on the way, with the real xz, bzip2, zstd and zip tools making the archives)
// and its disk format (the real qemu-img making the disks).
import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChecksumMismatchError, openDownload } from '../../../src/download/download.js'
import { prepareSource, SourceFormatError } from '../../../src/download/prepare.js'
import { unpack } from '../../../src/download/unpack.js'
import {
  compressionOfName,
  type Compression,
  formatContradiction,
  sniffCompression,
  sniffFormat,
} from '../../../src/download/sniff.js'

const run = promisify(execFile)
let dir: string
let qcow2: string
let qcow2Bytes: Buffer

/** A qcow2 with some data written into it, so that its compressed forms are not trivial. */
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'prepare-'))
  const raw = path.join(dir, 'disk.raw')
  // Half noise, half a pattern: the archives are large enough to stream in many chunks.
  const data = Buffer.concat([randomBytes(2 ** 20), Buffer.alloc(2 ** 20)])
  for (let i = 2 ** 20; i < data.length; i += 512) data.writeUInt32LE((i * 2654435761) >>> 0, i)
  await writeFile(raw, data)
  qcow2 = path.join(dir, 'disk.qcow2')
  await run('qemu-img', ['convert', '-q', '-f', 'raw', '-O', 'qcow2', raw, qcow2])
  qcow2Bytes = await readFile(qcow2)
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const disk = async (format: string): Promise<Buffer> => {
  const file = path.join(dir, `empty.${format}`)
  await run('qemu-img', ['create', '-q', '-f', format, file, '4M'])
  return readFile(file)
}

describe('sniffFormat', () => {
  it.each([
    ['qcow2', 'qcow2'],
    ['vmdk', 'vmdk'],
    ['vhdx', 'vhdx'],
    ['vpc', 'vhd'],
    ['vdi', 'vdi'],
    ['raw', 'raw'],
  ])('qemu-img -f %s is %s', async (made, sniffed) => {
    expect(sniffFormat(await disk(made))).toBe(sniffed)
  })

  it('an ISO 9660 volume descriptor at 32769', () => {
    const iso = Buffer.alloc(40_000)
    iso.write('\x01CD001', 0x8000, 'latin1')
    expect(sniffFormat(iso)).toBe('iso')
  })
})

describe('formatContradiction', () => {
  it.each([
    ['qcow2', 'raw', /no qcow2 header/],
    ['raw', 'qcow2', /the data is qcow2/],
    ['vmdk', 'qcow2', /the data is qcow2/],
    ['vhd', 'qcow2', /the data is qcow2/],
    ['iso', 'raw', /no iso header/],
  ])('declared %s, data %s: refused', async (declared, made, why) => {
    expect(formatContradiction(declared, await disk(made))).toMatch(why)
  })

  it.each([
    ['qcow2', 'qcow2'],
    ['raw', 'raw'],
    ['vhd', 'vpc'],
    ['vhd', 'vhdx'],
    // A fixed VHD has its only footer at the end: its start looks raw.
    ['vhd', 'raw'],
    ['vdi', 'vdi'],
    ['vmdk', 'vmdk'],
  ])('declared %s, data %s: fits', async (declared, made) => {
    expect(formatContradiction(declared, await disk(made))).toBeUndefined()
  })
})

describe('compression by name and by magic', () => {
  it.each([
    ['https://x.test/a.qcow2.gz', 'gzip'],
    ['https://x.test/a.img.xz?x=1', 'xz'],
    ['https://x.test/a.img.bz2', 'bzip2'],
    ['https://x.test/a.img.ZST', 'zstd'],
    ['https://x.test/a.zip', 'zip'],
    ['https://x.test/a.qcow2', undefined],
    ['https://x.test/gz/a.qcow2', undefined],
  ])('%s: %s', (url, expected) => {
    expect(compressionOfName(url)).toBe(expected)
  })
})

/** `disk.qcow2` compressed by the real tool; returns the archive's path. */
async function compressed(kind: string): Promise<string> {
  const tools: Record<string, [string, string[], string]> = {
    gzip: ['gzip', ['-k', '-f'], '.gz'],
    xz: ['xz', ['-k', '-f', '-T1'], '.xz'],
    bzip2: ['bzip2', ['-k', '-f'], '.bz2'],
    zstd: ['zstd', ['-q', '-f'], '.zst'],
  }
  if (kind === 'zip') {
    const out = path.join(dir, 'disk.zip')
    await run('zip', ['-q', '-j', out, qcow2])
    return out
  }
  const [tool, args, ext] = tools[kind] as [string, string[], string]
  await run(tool, [...args, qcow2])
  return `${qcow2}${ext}`
}

describe('prepareSource', () => {
  it.each(['gzip', 'xz', 'bzip2', 'zstd', 'zip'])(
    'a %s source is unpacked on the way to the very bytes of the disk',
    async (kind) => {
      const archive = await compressed(kind)
      const archived = await readFile(archive)
      expect(sniffCompression(archived)).toBe(kind)
      const prepared = await prepareSource(createReadStream(archive, { highWaterMark: 7000 }), {
        url: archive,
        format: 'qcow2',
      })
      expect(prepared.compression).toBe(kind)
      expect(prepared.format).toBe('qcow2')
      const out = await drain(prepared.stream)
      expect(out.length).toBe(qcow2Bytes.length)
      expect(out.equals(qcow2Bytes)).toBe(true)
    },
  )

  it('an uncompressed source passes whole, its first bytes put back', async () => {
    const prepared = await prepareSource(createReadStream(qcow2, { highWaterMark: 1000 }), {
      url: qcow2,
      format: 'qcow2',
    })
    expect(prepared.compression).toBeUndefined()
    expect((await drain(prepared.stream)).equals(qcow2Bytes)).toBe(true)
  })

  it('a source shorter than the sniffed head is replayed whole', async () => {
    const small = await disk('qcow2')
    const tiny = small.subarray(0, 1000)
    const prepared = await prepareSource(Readable.from([tiny]), { url: 'x', format: 'qcow2' })
    expect((await drain(prepared.stream)).equals(tiny)).toBe(true)
  })

  it('declared qcow2 with raw bytes inside a gzip: refused before a byte is passed on', async () => {
    const raw = path.join(dir, 'plain.raw')
    await writeFile(raw, Buffer.alloc(2 ** 20, 7))
    await run('gzip', ['-k', '-f', raw])
    const source = createReadStream(`${raw}.gz`)
    const error = await prepareSource(source, { url: 'https://x.test/a.qcow2.gz', format: 'qcow2' })
      .then(() => undefined)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceFormatError)
    expect((error as Error).message).toBe(
      'https://x.test/a.qcow2.gz: declared format qcow2, but the data has no qcow2 header (it looks like a raw disk or an unknown format)',
    )
    expect(source.destroyed).toBe(true)
  })

  it('a tar archive is no disk under any name', async () => {
    const tar = path.join(dir, 'disk.tar')
    await run('tar', ['-cf', tar, '-C', dir, 'disk.qcow2'])
    await expect(
      prepareSource(createReadStream(tar), { url: 'https://x.test/a.tar', format: 'raw' }),
    ).rejects.toThrow(/declared format raw, but the data is tar/)
  })

  it('a zip of two files is refused', async () => {
    const zip = path.join(dir, 'two.zip')
    await writeFile(path.join(dir, 'other.txt'), 'x'.repeat(50_000))
    await run('zip', ['-q', '-j', zip, path.join(dir, 'other.txt'), qcow2])
    const prepared = prepareSource(createReadStream(zip), { url: 'two.zip', format: 'qcow2' })
    await expect(prepared.then((p) => drain(p.stream))).rejects.toThrow(/more than one file/)
  })

  it('a corrupt gzip is a clear error, not a stream of garbage', async () => {
    const bad = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(40_000, 0xff)])
    await expect(
      prepareSource(Readable.from([bad]), { url: 'bad.gz', format: 'qcow2' }),
    ).rejects.toThrow(/^bad.gz: cannot unpack its gzip: /)
  })

  it('a checksum mismatch of the compressed source fails the unpacked stream', async () => {
    const archive = await compressed('gzip')
    const download = await openDownload(`file:${path.basename(archive)}`, {
      baseDir: dir,
      expected: `sha256:${'0'.repeat(64)}`,
    })
    // Caught in the first bytes of a short source, or at the end of a long one.
    const prepared = prepareSource(download.stream, { url: archive, format: 'qcow2' })
    await expect(prepared.then((p) => drain(p.stream))).rejects.toBeInstanceOf(
      ChecksumMismatchError,
    )
  })

  it('the compressed bytes are what the checksum is over', async () => {
    const archive = await compressed('zstd')
    const digest = createHash('sha256')
      .update(await readFile(archive))
      .digest('hex')
    const download = await openDownload(`file:${path.basename(archive)}`, {
      baseDir: dir,
      expected: `sha256:${digest}`,
    })
    const prepared = await prepareSource(download.stream, { url: archive, format: 'qcow2' })
    expect((await drain(prepared.stream)).equals(qcow2Bytes)).toBe(true)
    await expect(download.result).resolves.toMatchObject({
      bytes: (await readFile(archive)).length,
    })
  })
})

describe('unpack holds back while nobody reads', () => {
  it.each(['zstd', 'zip', 'gzip'])(
    '%s of 64 MiB of zeros: at most a few MiB expanded ahead of the reader',
    async (kind) => {
      const zeros = path.join(dir, `zeros-${kind}`)
      await run('truncate', ['-s', '64M', zeros])
      const archive = kind === 'zip' ? `${zeros}.zip` : `${zeros}.${kind === 'zstd' ? 'zst' : 'gz'}`
      if (kind === 'zip') await run('zip', ['-q', '-j', archive, zeros])
      else if (kind === 'zstd') await run('zstd', ['-q', '-f', zeros, '-o', archive])
      else await run('sh', ['-c', `gzip -c '${zeros}' > '${archive}'`])
      const out = unpack(kind as Compression, createReadStream(archive), archive)
      // Nobody reads for a while: the decoder must stop, not expand all 64 MiB.
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(out.readableLength).toBeLessThan(40 * 2 ** 20)
      let total = 0
      for await (const chunk of out) total += (chunk as Buffer).length
      expect(total).toBe(64 * 2 ** 20)
    },
    30_000,
  )
})
