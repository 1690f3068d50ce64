// Know what you send (docs/behaviour.md §4): the first bytes of a streamed
// source tell its compression, which is undone on the way, and its disk
// format, which must fit the declared one before anything is uploaded.
import { Readable } from 'node:stream'
import {
  SNIFF_BYTES,
  formatContradiction,
  sniffCompression,
  sniffFormat,
  type Compression,
  type SniffedFormat,
} from './sniff.js'
import { unpack } from './unpack.js'
import { ChecksumMismatchError } from './download.js'

/** The data contradicts the declared format, or cannot be unpacked to a disk. */
export class SourceFormatError extends Error {
  override readonly name = 'SourceFormatError'
}

/**
 * The first `n` bytes (fewer when the stream is shorter) and a stream that
 * still yields them: they are put back, or, once the source has ended, replayed.
 */
export function peek(input: Readable, n: number): Promise<{ head: Buffer; stream: Readable }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let length = 0
    const stop = (): void => {
      input.off('readable', onReadable)
      input.off('end', onEnd)
      input.off('error', onError)
    }
    const onError = (error: Error): void => {
      stop()
      reject(error)
    }
    const onEnd = (): void => {
      stop()
      const head = Buffer.concat(chunks)
      resolve({ head, stream: Readable.from(head.length ? [head] : []) })
    }
    const onReadable = (): void => {
      let chunk: Buffer | null
      while (length < n && (chunk = input.read() as Buffer | null) !== null) {
        chunks.push(chunk)
        length += chunk.length
      }
      if (length < n) return
      stop()
      const head = Buffer.concat(chunks)
      input.unshift(head)
      resolve({ head, stream: input })
    }
    input.on('readable', onReadable)
    input.once('end', onEnd)
    input.once('error', onError)
  })
}

export interface PreparedSource {
  /** The disk's bytes, decompressed. */
  stream: Readable
  /** What the source was compressed with, if it was. */
  compression?: Compression
  format: SniffedFormat
}

/** The source's bytes as a disk of the declared format, or a SourceFormatError before any is read on. */
export async function prepareSource(
  input: Readable,
  { url, format }: { url: string; format: string },
): Promise<PreparedSource> {
  let { head, stream } = await peek(input, SNIFF_BYTES)
  const compression = sniffCompression(head)
  try {
    if (compression) {
      ;({ head, stream } = await peek(unpack(compression, stream, url), SNIFF_BYTES))
      const twice = sniffCompression(head)
      if (twice) throw new SourceFormatError(`${url}: ${compression} holds ${twice} data again`)
    }
    const why = formatContradiction(format, head)
    if (why) throw new SourceFormatError(`${url}: declared format ${format}, but ${why}`)
  } catch (error) {
    stream.destroy()
    input.destroy()
    if (error instanceof SourceFormatError || error instanceof ChecksumMismatchError) throw error
    throw new SourceFormatError(
      `${url}: cannot unpack its ${compression ?? 'data'}: ${(error as Error).message}`,
    )
  }
  return { stream, ...(compression ? { compression } : {}), format: sniffFormat(head) }
}
