// The mirror bucket through the AWS SDK. The SDK is large: it is imported on
// first use, so commands that never mirror (validate, plan) do not load it.
import type { Readable } from 'node:stream'
import type { S3Client } from '@aws-sdk/client-s3'
import { UserError } from '../problems.js'
import type { ExistingObject } from './decide.js'
import { checkPrefix } from './key.js'

export interface S3Settings {
  /** e.g. https://s3.example.com; unset: AWS for the region. */
  endpoint?: string
  region: string
  bucket: string
  /** Key prefix inside the bucket ('' for none). */
  prefix: string
  /** https://host/bucket/key instead of https://bucket.host/key (most non-AWS stores). */
  pathStyle: boolean
  accessKeyId: string
  secretAccessKey: string
}

/** Bytes buffered per part and parts in flight: memory stays at about their product. */
export const PART_SIZE = 8 * 1024 * 1024
export const QUEUE_SIZE = 2

export interface UploadRequest {
  key: string
  body: Readable
  /** Stored as x-amz-meta-*; `checksum` is what later runs compare. */
  metadata: Record<string, string>
  /** The whole body's length, when known. */
  size?: number
}

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

/** The SDK's pieces the store uses, loaded on first use. */
interface Sdk {
  S3Client: typeof import('@aws-sdk/client-s3').S3Client
  HeadObjectCommand: typeof import('@aws-sdk/client-s3').HeadObjectCommand
  Upload: typeof import('@aws-sdk/lib-storage').Upload
}

/** Connects lazily: the SDK loads here, not when this module is imported. */
export async function createS3Store(settings: S3Settings): Promise<MirrorStore> {
  // The SDK warns on every Node older than 22; this project supports Node 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const [{ S3Client, HeadObjectCommand }, { Upload }] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/lib-storage'),
  ])
  const sdk: Sdk = { S3Client, HeadObjectCommand, Upload }
  const operations: Record<string, number> = {}
  const client = connect(sdk, settings, operations)
  const bucket = settings.bucket
  return {
    bucket,
    operations,
    head: (key) => headObject(sdk, client, bucket, key),
    upload: (request) => uploadObject(sdk, client, bucket, request),
    close: () => client.destroy(),
  }
}

/** The SDK client, counting every operation it sends into `operations`. */
function connect(sdk: Sdk, settings: S3Settings, operations: Record<string, number>): S3Client {
  const client = new sdk.S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.pathStyle,
    credentials: {
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
    },
    // Many S3-compatible stores (Swift's s3api among them) reject the SDK's
    // default trailing CRC checksums; the build's own checksum is verified anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  client.middlewareStack.add(
    (next, context) => (args) => {
      const name = (context.commandName ?? 'unknown').replace(/Command$/, '')
      operations[name] = (operations[name] ?? 0) + 1
      return next(args)
    },
    { step: 'initialize', name: 'countOperations' },
  )
  return client
}

async function headObject(
  sdk: Sdk,
  client: S3Client,
  bucket: string,
  key: string,
): Promise<ExistingObject | null> {
  try {
    const out = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }))
    const checksum = out.Metadata?.checksum
    return {
      ...(out.ContentLength !== undefined ? { size: out.ContentLength } : {}),
      ...(checksum !== undefined ? { checksum } : {}),
    }
  } catch (error) {
    if (statusOf(error) === 404) return null
    throw new Error(describeS3Error(`HEAD s3://${bucket}/${key}`, error), { cause: error })
  }
}

async function uploadObject(
  sdk: Sdk,
  client: S3Client,
  bucket: string,
  request: UploadRequest,
): Promise<void> {
  const upload = new sdk.Upload({
    client,
    params: {
      Bucket: bucket,
      Key: request.key,
      Body: request.body,
      ContentType: 'application/octet-stream',
      Metadata: request.metadata,
    },
    partSize: PART_SIZE,
    queueSize: QUEUE_SIZE,
    leavePartsOnError: false,
  })
  // A failing body (checksum mismatch, broken download) must stop the upload.
  const failed = new Promise<never>((_, reject) => {
    request.body.once('error', (error) => {
      void upload.abort().catch(() => undefined)
      reject(error)
    })
  })
  failed.catch(() => undefined)
  try {
    await Promise.race([upload.done(), failed])
  } catch (error) {
    if (statusOf(error) === undefined) throw error
    throw new Error(describeS3Error(`upload to s3://${bucket}/${request.key}`, error), {
      cause: error,
    })
  }
}

/** The settings from options and the environment; a UserError (exit 2) names what is missing. */
export function s3Settings(
  input: {
    endpoint?: string
    region?: string
    bucket?: string
    prefix?: string
    pathStyle?: boolean
    accessKeyId?: string
    secretAccessKey?: string
  },
  env: NodeJS.ProcessEnv = process.env,
): S3Settings {
  const bucket = input.bucket ?? env.MIRROR_BUCKET
  if (!bucket) throw new UserError('the mirror needs a bucket: --bucket NAME (or MIRROR_BUCKET)')
  const accessKeyId = input.accessKeyId ?? env.AWS_ACCESS_KEY_ID
  const secretAccessKey = input.secretAccessKey ?? env.AWS_SECRET_ACCESS_KEY
  if (!accessKeyId || !secretAccessKey)
    throw new UserError(
      'the mirror needs credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or --access-key-id and --secret-access-key)',
    )
  const endpoint = input.endpoint ?? env.MIRROR_ENDPOINT
  if (endpoint !== undefined && endpoint !== '' && !/^https?:\/\/[^/\s]+/.test(endpoint))
    throw new UserError(`--endpoint must be an http(s) url, not '${endpoint}'`)
  const prefix = checkPrefix(input.prefix)
  if (prefix instanceof Error) throw new UserError(`--prefix: ${prefix.message}`)
  return {
    ...(endpoint ? { endpoint } : {}),
    region: input.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    bucket,
    prefix,
    pathStyle: input.pathStyle ?? false,
    accessKeyId,
    secretAccessKey,
  }
}
