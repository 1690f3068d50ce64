// The mirror bucket: HEAD to compare, and a streaming multipart upload
// (./multipart.ts) of each build, over the project's HTTP client with SigV4.
import type { Http } from '../http/client.js'
import type { ExistingObject } from './decide.js'
import { s3Api, type S3Api, type S3Settings } from './s3-api.js'
import { uploadStream, type UploadRequest } from './multipart.js'

export type { S3Settings, UploadRequest }

/**
 * Bytes buffered per part and parts in flight: memory stays at about their product.
 * Fewer, larger parts cost the store less CPU per GiB (measured on Swift's s3api:
 * 16 MiB x 2 took about a fifth less than 8 MiB x 4, at the same peak RSS).
 */
export const PART_SIZE = 16 * 1024 * 1024
export const QUEUE_SIZE = 2

export interface MirrorStore {
  readonly bucket: string
  /** null when there is no such object; errors (403, network) throw. */
  head(key: string): Promise<ExistingObject | null>
  /** A streaming multipart upload; on any error its parts are aborted, so no object appears. */
  upload(request: UploadRequest): Promise<void>
  /** S3 operations sent so far, by name (HeadObject, PutObject, UploadPart, ...). */
  readonly operations: Readonly<Record<string, number>>
  close(): void
}

interface SdkError {
  name?: string
  Code?: string
  $metadata?: { httpStatusCode?: number }
}

const statusOf = (error: unknown): number | undefined =>
  (error as SdkError | null)?.$metadata?.httpStatusCode

/** A message for the user: the bucket and key, the status, never a credential. */
export function describeS3Error(what: string, error: unknown): string {
  const e = (error ?? {}) as SdkError & { message?: string }
  const status = statusOf(error)
  const code = e.Code ?? e.name
  const hint =
    status === 403 || code === 'InvalidAccessKeyId' || code === 'SignatureDoesNotMatch'
      ? ': check the mirror credentials and that they may write to the bucket'
      : code === 'NoSuchBucket'
        ? ': create the bucket first'
        : ''
  const detail = [status !== undefined ? `HTTP ${status}` : undefined, code, e.message]
    .filter((x) => x !== undefined && x !== '')
    .join(' ')
  return `${what} failed (${detail})${hint}`
}

/** The store over the project's HTTP client, requests signed here (./sigv4.ts). */
export function createS3Store(settings: S3Settings, http?: Http): Promise<MirrorStore> {
  const operations: Record<string, number> = {}
  const api = s3Api(settings, operations, http)
  const bucket = settings.bucket
  return Promise.resolve({
    bucket,
    operations,
    head: (key) => headObject(api, bucket, key),
    upload: (request) => uploadObject(api, bucket, request),
    close: () => undefined,
  })
}

async function headObject(api: S3Api, bucket: string, key: string): Promise<ExistingObject | null> {
  try {
    const response = await api.send('HeadObject', {
      method: 'HEAD',
      key,
      expected: [200, 404],
      idempotent: true,
    })
    if (response.status === 404) return null
    const length = response.headers.get('content-length')
    const checksum = response.headers.get('x-amz-meta-checksum')
    return {
      ...(length !== null && /^\d+$/.test(length) ? { size: Number(length) } : {}),
      ...(checksum !== null ? { checksum } : {}),
    }
  } catch (error) {
    throw new Error(describeS3Error(`HEAD s3://${bucket}/${key}`, error), { cause: error })
  }
}

async function uploadObject(api: S3Api, bucket: string, request: UploadRequest): Promise<void> {
  try {
    await uploadStream(api, request, { partSize: PART_SIZE, queueSize: QUEUE_SIZE })
  } catch (error) {
    if (statusOf(error) === undefined) throw error
    throw new Error(describeS3Error(`upload to s3://${bucket}/${request.key}`, error), {
      cause: error,
    })
  }
}
