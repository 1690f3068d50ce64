import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ChecksumMismatchError,
  openDownload,
  parseChecksum,
  probeUrl,
  type DownloadProgress,
} from '../../../src/download/download.js'
import { createHttp } from '../../../src/http/client.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { strictFetch } from '../../support/strict-fetch.js'

let server: ImageServer
let qcow2: Buffer
let sha256: string

beforeAll(async () => {
  server = await startImageServer()
  qcow2 = await readFile(await makeQcow2(server.dir, 'tiny.qcow2'))
  sha256 = createHash('sha256').update(qcow2).digest('hex')
})
afterAll(() => server.close())

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

describe('openDownload', () => {
  it('streams an http URL while hashing, counting and reporting progress', async () => {
    const modified = new Date('2024-04-22T10:00:00Z')
    const url = await server.addFile('img.qcow2', qcow2, modified)
    const events: DownloadProgress[] = []
    let clock = 0
    const download = await openDownload(url, {
      expected: `sha256:${sha256}`,
      algorithms: ['md5', 'sha512'],
      onProgress: (p) => events.push(p),
      progressIntervalMs: 0,
      now: () => (clock += 10),
    })
    expect(download.size).toBe(qcow2.length)
    expect(download.lastModified).toEqual(modified)
    expect(await drain(download.stream)).toEqual(qcow2)
    const result = await download.result
    expect(result.bytes).toBe(qcow2.length)
    expect(result.digests).toEqual({
      md5: createHash('md5').update(qcow2).digest('hex'),
      sha512: createHash('sha512').update(qcow2).digest('hex'),
      sha256,
    })
    const last = events.at(-1)
    expect(last).toMatchObject({ bytes: qcow2.length, total: qcow2.length, done: true })
    expect(last?.rate).toBeGreaterThan(0)
  })

  it('fails the stream at its end on a checksum mismatch', async () => {
    const url = await server.addFile('bad.qcow2', qcow2)
    const wrong = 'sha256:' + '0'.repeat(64)
    const download = await openDownload(url, { expected: wrong })
    const error = await drain(download.stream).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ChecksumMismatchError)
    expect((error as Error).message).toBe(
      `Checksum mismatch for ${url}: expected sha256:${'0'.repeat(64)}, got sha256:${sha256}`,
    )
    await expect(download.result).rejects.toThrow(ChecksumMismatchError)
  })

  it('makes an upload that consumes the stream fail with the mismatch', async () => {
    const url = await server.addFile('bad2.qcow2', qcow2)
    const download = await openDownload(url, { expected: `md5:${'1'.repeat(32)}` })
    const fake = strictFetch({
      method: 'PUT',
      url: 'http://glance.test/v2/images/x/stage',
      reply: { status: 204 },
    })
    const http = createHttp({ fetch: fake.fetch })
    await expect(
      http.request({
        method: 'PUT',
        url: 'http://glance.test/v2/images/x/stage',
        expected: [204],
        body: download.stream,
      }),
    ).rejects.toThrow(ChecksumMismatchError)
    fake.done()
  })

  it('reads file: URLs, absolute and relative', async () => {
    // Absolute file: urls, too, must stay inside baseDir (the definition file's directory).
    const download = await openDownload(`file://${server.dir}/tiny.qcow2`, { baseDir: server.dir })
    expect((await drain(download.stream)).length).toBe(qcow2.length)
    expect((await download.result).digests.sha256).toBe(sha256)
    const relative = await openDownload('file:tiny.qcow2', { baseDir: server.dir })
    expect(relative.size).toBe(qcow2.length)
    await drain(relative.stream)
  })

  it('reports a missing file on the server as an HTTP 404', async () => {
    await expect(openDownload(server.urlOf('missing.qcow2'))).rejects.toThrow(
      `GET ${server.urlOf('missing.qcow2')}: expected 200, got 404: not found`,
    )
  })
})

describe('probeUrl', () => {
  it('HEADs an http URL and stats a file', async () => {
    const modified = new Date('2024-07-03T00:00:00Z')
    const url = await server.addFile('probe.qcow2', qcow2, modified)
    expect(await probeUrl(url)).toEqual({ url, size: qcow2.length, lastModified: modified })
    expect(server.requests).toContain('HEAD /probe.qcow2')
    expect((await probeUrl('file:probe.qcow2', { baseDir: server.dir })).size).toBe(qcow2.length)
    await expect(probeUrl(server.urlOf('gone.qcow2'))).rejects.toThrow(
      `HEAD ${server.urlOf('gone.qcow2')}: expected 200, got 404`,
    )
  })
})

describe('parseChecksum', () => {
  it('reads <algo>:<hex> and rejects bad ones', () => {
    expect(parseChecksum(`sha256:${'A'.repeat(64)}`)).toEqual({
      algorithm: 'sha256',
      hex: 'a'.repeat(64),
    })
    expect(() => parseChecksum('sha256:abc')).toThrow(
      "Invalid checksum 'sha256:abc'; expected <algo>:<hex> with algo one of md5, sha1, sha256, sha512",
    )
    expect(() => parseChecksum('crc32:abcd')).toThrow('Invalid checksum')
  })
})
