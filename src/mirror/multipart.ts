// A streaming multipart upload without a buffer layer: a part is the list of the
// stream's own chunks (never copied into one buffer); a full part goes out while
// the stream goes on, at most `queueSize` parts at a time.
// When all are busy the stream waits (back-pressure), so memory stays at about
// (queueSize + 1) x partSize. Nothing is completed before the stream has ended,
// i.e. before the download's checksum matched; on any failure the upload is aborted.
import type { S3Api } from './s3-api.js'
import { s3Error, xmlText } from './s3-api.js'
import type { Readable } from 'node:stream'

export interface UploadRequest {
  key: string
  body: Readable
  /** Stored as x-amz-meta-*; `checksum` is what later runs compare. */
  metadata: Record<string, string>
  /** The whole body's length, when known. */
  size?: number
}

export interface UploadShape {
  partSize: number
  queueSize: number
}

/** A part may take long on a slow link, but never forever. */
const PART_TIMEOUT_MS = 600_000

export async function uploadStream(
  api: S3Api,
  request: UploadRequest,
  shape: UploadShape,
): Promise<void> {
  const parts = new Parts(api, request, shape)
  try {
    for await (const chunk of request.body as AsyncIterable<Uint8Array>) await parts.write(chunk)
    await parts.finish()
  } catch (error) {
    await parts.abort()
    throw error
  }
}

class Parts {
  private uploadId: Promise<string> | undefined
  private current: Uint8Array[] = []
  private filled = 0
  private count = 0
  private readonly inFlight = new Set<Promise<void>>()
  private readonly etags: string[] = []
  private failure: { error: unknown } | undefined

  constructor(
    private readonly api: S3Api,
    private readonly request: UploadRequest,
    private readonly shape: UploadShape,
  ) {}

  /** Adds the chunk to the current part (split, without a copy, where a part is full). */
  async write(chunk: Uint8Array): Promise<void> {
    let rest = chunk
    while (this.filled + rest.length >= this.shape.partSize) {
      const room = this.shape.partSize - this.filled
      this.current.push(rest.subarray(0, room))
      this.filled += room
      rest = rest.subarray(room)
      await this.send()
    }
    if (rest.length > 0) {
      this.current.push(rest)
      this.filled += rest.length
    }
  }

  /** After the stream's end: one PUT when it all fit in one part, else the last part and Complete. */
  async finish(): Promise<void> {
    if (this.uploadId === undefined) {
      await this.api.send('PutObject', {
        method: 'PUT',
        key: this.request.key,
        headers: this.metadata(),
        bytes: this.current,
        idempotent: true,
        timeoutMs: PART_TIMEOUT_MS,
      })
      return
    }
    if (this.filled > 0) await this.send()
    await Promise.all(this.inFlight)
    this.throwFailure()
    await this.complete(await this.uploadId)
  }

  /** Stops: waits for the parts under way, then removes them all (no object appears). */
  async abort(): Promise<void> {
    await Promise.all(this.inFlight)
    const uploadId = await this.uploadId?.catch(() => undefined)
    if (uploadId === undefined) return
    await this.api
      .send('AbortMultipartUpload', {
        method: 'DELETE',
        key: this.request.key,
        query: { uploadId },
        expected: [204, 200, 404],
        idempotent: true,
      })
      .catch(() => undefined)
  }

  private metadata(): Record<string, string> {
    return Object.fromEntries(
      Object.entries(this.request.metadata).map(([k, v]) => [`x-amz-meta-${k.toLowerCase()}`, v]),
    )
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure.error
  }

  /** Sends the current part (waiting for a free slot first) and starts filling a fresh one. */
  private async send(): Promise<void> {
    this.uploadId ??= this.create()
    while (this.inFlight.size >= this.shape.queueSize) await Promise.race(this.inFlight)
    this.throwFailure()
    const body = this.current
    const number = ++this.count
    this.current = []
    this.filled = 0
    const sent: Promise<void> = this.uploadPart(number, body)
      .catch((error: unknown) => void (this.failure ??= { error }))
      .finally(() => this.inFlight.delete(sent))
    this.inFlight.add(sent)
  }

  private async create(): Promise<string> {
    const response = await this.api.send('CreateMultipartUpload', {
      method: 'POST',
      key: this.request.key,
      query: { uploads: '' },
      headers: { ...this.metadata(), 'content-type': 'application/octet-stream' },
    })
    const uploadId = xmlText(`${response.data ?? ''}`, 'UploadId')
    if (uploadId === undefined) throw s3Error(response.status, `${response.data ?? ''}`)
    return uploadId
  }

  private async uploadPart(number: number, body: readonly Uint8Array[]): Promise<void> {
    const uploadId = await this.uploadId
    const response = await this.api.send('UploadPart', {
      method: 'PUT',
      key: this.request.key,
      query: { partNumber: String(number), uploadId: `${uploadId}` },
      bytes: body,
      idempotent: true,
      timeoutMs: PART_TIMEOUT_MS,
    })
    this.etags[number - 1] = response.headers.get('etag') ?? ''
  }

  private async complete(uploadId: string): Promise<void> {
    const parts = this.etags
      .map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`)
      .join('')
    const response = await this.api.send('CompleteMultipartUpload', {
      method: 'POST',
      key: this.request.key,
      query: { uploadId },
      body: `<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>`,
      contentType: 'application/xml',
    })
    // S3 may answer 200 and still fail the completion in the body.
    if (`${response.data ?? ''}`.includes('<Error>'))
      throw s3Error(response.status, `${response.data ?? ''}`)
  }
}
