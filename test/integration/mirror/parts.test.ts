// The multipart upload of src/mirror/multipart.ts against the real S3 store
// (Swift s3api), with faults injected in front of it: the stored object holds
// exactly the source's bytes in order, a transient part failure is retried, and
// a part that keeps failing aborts the upload so that no object appears.
import { createHash, randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createS3Store, PART_SIZE } from '../../../src/mirror/s3.js'
import { signRequest } from '../../../src/mirror/sigv4.js'
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js'
import {
  createLocalBucket,
  localS3Endpoint,
  localS3Settings,
  uniqueBucket,
} from '../../support/local-s3.js'

const bucket = uniqueBucket('parts')
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
// 40 MiB in odd-sized chunks (not a multiple of a part): several parts, chunks split across them.
const data = randomBytes(40 * 1024 * 1024 + 12_345)
const parts = Math.ceil(data.length / PART_SIZE)
let proxy: FaultProxy

function body(): Readable {
  const chunks: Buffer[] = []
  for (let at = 0; at < data.length; at += 1_000_003) chunks.push(data.subarray(at, at + 1_000_003))
  return Readable.from(chunks)
}

const store = () => createS3Store({ ...localS3Settings(bucket), endpoint: proxy.url })

/** The stored object's bytes, read straight from the store with a signed GET. */
async function readBack(key: string): Promise<Buffer | null> {
  const url = new URL(`${localS3Endpoint()}/${bucket}/${key}`)
  const headers = signRequest(
    { method: 'GET', url },
    { accessKeyId: 'test:tester', secretAccessKey: 'testing' },
    'us-east-1',
    new Date(),
  )
  const response = await fetch(url, { headers })
  if (response.status === 404) return null
  expect(response.status).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}

beforeAll(async () => {
  await createLocalBucket(bucket)
  proxy = await startFaultProxy(localS3Endpoint(), { keepHost: true })
})

afterAll(async () => {
  await proxy?.close()
})

describe('multipart upload', () => {
  it('stores the bytes in order and retries a part the store refused once', async () => {
    proxy.inject({ method: 'PUT', path: /partNumber=2&/, fault: { status: 503 }, times: 1 })
    const s = await store()
    await s.upload({ key: 'ok.raw', body: body(), metadata: { checksum: 'sha256:x' } })
    expect(s.operations).toEqual({
      CreateMultipartUpload: 1,
      UploadPart: parts + 1,
      CompleteMultipartUpload: 1,
    })
    expect(proxy.requests.filter((r) => r.fault === 'status 503')).toHaveLength(1)
    const stored = await readBack('ok.raw')
    expect(stored?.length).toBe(data.length)
    expect(sha256(stored ?? Buffer.alloc(0))).toBe(sha256(data))
    expect(await s.head('ok.raw')).toEqual({ size: data.length, checksum: 'sha256:x' })
  }, 120_000)

  it('sends a part again whose connection broke off mid-body (parts go over node:http)', async () => {
    proxy.inject({
      method: 'PUT',
      path: /partNumber=3&/,
      fault: { resetAfterBytes: 1_000_000 },
      times: 1,
    })
    const s = await store()
    await s.upload({ key: 'reset.raw', body: body(), metadata: { checksum: 'sha256:y' } })
    expect(proxy.requests.filter((r) => r.fault?.startsWith('reset after'))).toHaveLength(1)
    expect(s.operations.UploadPart).toBe(parts + 1)
    const stored = await readBack('reset.raw')
    expect(sha256(stored ?? Buffer.alloc(0))).toBe(sha256(data))
  }, 120_000)

  it('aborts the upload when a part keeps failing: no object, no completion', async () => {
    proxy.inject({ method: 'PUT', path: /partNumber=2&/, fault: { status: 500 }, times: 10 })
    const s = await store()
    await expect(
      s.upload({ key: 'failed.raw', body: body(), metadata: { checksum: 'sha256:x' } }),
    ).rejects.toThrow(/upload to s3:\/\/.*failed.raw failed \(HTTP 500/)
    expect(s.operations.CompleteMultipartUpload ?? 0).toBe(0)
    expect(s.operations.AbortMultipartUpload).toBe(1)
    expect(await readBack('failed.raw')).toBeNull()
    proxy.clear()
  }, 120_000)

  it('a body that fails at its end (a checksum mismatch) completes nothing', async () => {
    const failing = Readable.from(
      (async function* () {
        yield* body()
        throw new Error('Checksum mismatch')
      })(),
    )
    const s = await store()
    await expect(s.upload({ key: 'bad.raw', body: failing, metadata: {} })).rejects.toThrow(
      /Checksum mismatch/,
    )
    expect(s.operations.UploadPart).toBeGreaterThanOrEqual(2)
    expect(s.operations.CompleteMultipartUpload ?? 0).toBe(0)
    expect(await readBack('bad.raw')).toBeNull()
  }, 120_000)
})
