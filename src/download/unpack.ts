// Decompressing a source while it streams: gzip and, where Node has it, zstd
// from node:zlib; xz (WASM), bzip2, zip and zstd on older Node from small
// maintained packages (docs/behaviour.md §4 says which form works where).
import { Duplex, Readable, pipeline, type Transform } from 'node:stream'
import zlib from 'node:zlib'
import { Decompress as ZstdDecoder } from 'fzstd'
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate'
import { XzReadableStream } from 'xz-decompress'
import unbzip2Stream from 'unbzip2-stream'
import type { Compression } from './sniff.js'

/** A decoder fed synchronously: fzstd and fflate. */
interface PushDecoder {
  push(chunk: Uint8Array, final?: boolean): void
}

/**
 * Feeds a push decoder in small slices and waits for the reader between them,
 * so a highly compressed run of zeros never sits in memory expanded whole.
 */
class Pushed extends Duplex {
  private continueWrite: (() => void) | undefined
  private full = false
  readonly decoder: PushDecoder

  constructor(make: (out: (data: Uint8Array) => void, fail: (e: Error) => void) => PushDecoder) {
    super()
    this.decoder = make(
      (data) => {
        // A copy: the decoders may reuse their buffers.
        if (!this.push(Buffer.from(data))) this.full = true
      },
      (error) => this.destroy(error),
    )
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (e?: Error) => void): void {
    // Small: 1 KiB of a zstd run of zeros is up to 32 MiB of output.
    const SLICE = 1024
    const next = (at: number): void => {
      try {
        for (; at < chunk.length; at += SLICE) {
          this.decoder.push(chunk.subarray(at, at + SLICE))
          // Only a refused push promises a later _read: wait for that one.
          if (this.full) {
            this.full = false
            this.continueWrite = () => next(at + SLICE)
            return
          }
        }
      } catch (error) {
        callback(error as Error)
        return
      }
      callback()
    }
    next(0)
  }

  override _final(callback: (e?: Error) => void): void {
    try {
      this.decoder.push(new Uint8Array(0), true)
      this.push(null)
      callback()
    } catch (error) {
      callback(error as Error)
    }
  }

  override _read(): void {
    const resume = this.continueWrite
    this.continueWrite = undefined
    resume?.()
  }
}

/** The one file of a zip archive; an archive of several files is refused. */
function unzipOne(url: string): Pushed {
  return new Pushed((out, fail) => {
    let found: string | undefined
    const unzip = new Unzip((file: UnzipFile) => {
      if (file.name.endsWith('/')) return
      if (found !== undefined) {
        fail(new Error(`${url}: the zip archive holds more than one file (${found}, ${file.name})`))
        return
      }
      found = file.name
      file.ondata = (error, data) => (error ? fail(error) : out(data))
      file.start()
    })
    unzip.register(UnzipInflate)
    return {
      push(chunk, final) {
        unzip.push(chunk, final)
        if (final && found === undefined) fail(new Error(`${url}: the zip archive holds no file`))
      },
    }
  })
}

function zstd(): Duplex {
  // Node 22.15+ (the action runs on Node 24) has zstd itself.
  const native = (zlib as { createZstdDecompress?: () => Transform }).createZstdDecompress
  if (native) return native()
  return new Pushed((out) => new ZstdDecoder((data) => out(data)))
}

/**
 * unbzip2-stream is an old-style stream that closes right after its end:
 * Readable.wrap would drop what is still buffered, so it is adapted by hand.
 */
function bunzip2(input: Readable): Readable {
  const classic = unbzip2Stream()
  const out = new Readable({ read: () => void classic.resume() })
  classic.on('data', (data: Buffer) => {
    if (!out.push(data)) classic.pause()
  })
  classic.on('end', () => out.push(null))
  classic.on('error', (error: Error) => out.destroy(error))
  input.on('error', (error) => out.destroy(error))
  out.once('close', () => input.destroy())
  input.pipe(classic)
  return out
}

/** `input` decompressed; errors and early ends travel both ways. */
export function unpack(compression: Compression, input: Readable, url: string): Readable {
  if (compression === 'bzip2') return bunzip2(input)
  if (compression === 'xz') {
    const web = Readable.toWeb(input) as unknown as ReadableStream<Uint8Array>
    return Readable.fromWeb(new XzReadableStream(web) as Parameters<typeof Readable.fromWeb>[0])
  }
  const decoder: Duplex =
    compression === 'gzip' ? zlib.createGunzip() : compression === 'zstd' ? zstd() : unzipOne(url)
  return pipeline(input, decoder, () => undefined)
}
