// The real S3 store (OpenStack Swift with s3api) started by
// `scripts/local-s3.sh up`. Tests that need it FAIL (never skip) saying how to start it.
import { randomBytes } from 'node:crypto'
import type { Reporter } from '../../src/reporter.js'
import type { S3Settings } from '../../src/mirror/s3.js'

// The SDK warns on every Node older than 22; this project supports Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

export const DEFAULT_S3_ENDPOINT = 'http://127.0.0.1:18180'
const HOW = 'start it with `bash scripts/local-s3.sh up` (or point LOCAL_S3_ENDPOINT at it)'

export const localS3Endpoint = (): string => process.env.LOCAL_S3_ENDPOINT || DEFAULT_S3_ENDPOINT

/** The fixed loopback credentials of scripts/local-s3.sh, for a bucket of one test file. */
export function localS3Settings(bucket: string, prefix = ''): S3Settings {
  return {
    endpoint: localS3Endpoint(),
    region: 'us-east-1',
    bucket,
    prefix,
    pathStyle: true,
    accessKeyId: 'test:tester',
    secretAccessKey: 'testing',
  }
}

/** A bucket name unique to one run (S3 names: 3-63 lowercase letters, digits, dashes). */
export const uniqueBucket = (label: string): string =>
  `it-${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`

/** Creates the bucket; a clear failure when the store does not answer. */
export async function createLocalBucket(bucket: string): Promise<void> {
  const { S3Client, CreateBucketCommand } = await import('@aws-sdk/client-s3')
  const client = new S3Client({
    ...localS3Settings(bucket),
    forcePathStyle: true,
    credentials: { accessKeyId: 'test:tester', secretAccessKey: 'testing' },
  })
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }))
  } catch (error) {
    throw new Error(`The local S3 store does not answer (${String(error)}); ${HOW}`, {
      cause: error,
    })
  } finally {
    client.destroy()
  }
}

/** Object keys of a bucket (complete objects only: S3 lists no unfinished upload). */
export async function listKeys(bucket: string): Promise<string[]> {
  const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3')
  const client = new S3Client({
    ...localS3Settings(bucket),
    forcePathStyle: true,
    credentials: { accessKeyId: 'test:tester', secretAccessKey: 'testing' },
  })
  try {
    const out = await client.send(new ListObjectsV2Command({ Bucket: bucket }))
    return (out.Contents ?? []).map((o) => o.Key ?? '').sort()
  } finally {
    client.destroy()
  }
}

/** A reporter that keeps what it was told. */
export function recordingReporter(): Reporter & { infos: string[]; warnings: string[] } {
  const infos: string[] = []
  const warnings: string[] = []
  return {
    infos,
    warnings,
    info: (m) => infos.push(m),
    warning: (m) => warnings.push(m),
    debug() {},
    problems() {},
    summary: async () => {},
    secret() {},
  }
}

/**
 * Makes the bucket world-readable through Swift's own API (tempauth token,
 * container read ACL `.r:*`) and returns the public url its objects are
 * served under: `{storage url}/{bucket}/{key}`, as a mirror's web front would.
 */
export async function publishLocalBucket(bucket: string): Promise<string> {
  const auth = await fetch(`${localS3Endpoint()}/auth/v1.0`, {
    headers: { 'X-Auth-User': 'test:tester', 'X-Auth-Key': 'testing' },
  })
  const token = auth.headers.get('x-auth-token')
  const storage = auth.headers.get('x-storage-url')
  if (!auth.ok || !token || !storage)
    throw new Error(`The local S3 store gave no Swift token (HTTP ${auth.status}); ${HOW}`)
  const acl = await fetch(`${storage}/${bucket}`, {
    method: 'POST',
    headers: { 'X-Auth-Token': token, 'X-Container-Read': '.r:*' },
  })
  if (!acl.ok) throw new Error(`Could not make ${bucket} public: HTTP ${acl.status}`)
  return `${storage}/${bucket}`
}
