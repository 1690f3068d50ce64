// Image bytes go over node:http, not fetch (src/http/node-transport.ts): a
// streamed upload and a streamed download through the request function, against
// a loopback server that records what it got. The same promises as over fetch:
// a streamed body is sent once, a failing source is the error and cuts the
// upload off, a download is retried before its body starts, redirects end.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Readable } from 'node:stream'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createHttp } from '../../../src/http/client.js'
import { HttpError } from '../../../src/http/error.js'
import { nodeTransport } from '../../../src/http/node-transport.js'
import { closeServer, listenLoopback } from '../../support/loopback.js'

type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer[]) => void

let server: Server
let base: string
let handler: Handler
/** Per request: the method, path, bytes received and whether the body ended. */
let seen: { method: string; path: string; bytes: Buffer; ended: boolean }[]

beforeAll(async () => {
  server = createServer((req, res) => {
    const body: Buffer[] = []
    const entry = {
      method: req.method ?? '',
      path: req.url ?? '',
      bytes: Buffer.alloc(0),
      ended: false,
    }
    seen.push(entry)
    req.on('data', (chunk: Buffer) => body.push(chunk))
    req.on('end', () => {
      entry.ended = true
      entry.bytes = Buffer.concat(body)
      handler(req, res, body)
    })
    req.on('close', () => (entry.bytes = Buffer.concat(body)))
  })
  base = `http://127.0.0.1:${await listenLoopback(server)}`
})
afterAll(() => closeServer(server as Server & { closeAllConnections(): void }))
beforeEach(() => {
  seen = []
  handler = (_req, res) => res.writeHead(204).end()
})

const http = () => createHttp({ sleep: () => Promise.resolve(), retry: { maxAttempts: 3 } })

async function* chunks(...parts: (Buffer | Error)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) {
    if (part instanceof Error) throw part
    yield part
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const put = (body: AsyncIterable<Uint8Array>, client = http()) =>
  client.request({
    method: 'PUT',
    url: `${base}/stage`,
    body,
    expected: [204],
    responseType: 'none',
  })

async function readAll(stream: Readable | null): Promise<string> {
  const got: Buffer[] = []
  for await (const chunk of stream ?? []) got.push(chunk as Buffer)
  return Buffer.concat(got).toString('utf8')
}

describe('a streamed upload over node:http', () => {
  it('reaches the server whole and in order', async () => {
    const parts = [Buffer.from('abc'), Buffer.alloc(100_000, 1), Buffer.from('xyz')]
    await put(chunks(...parts))
    expect(seen).toHaveLength(1)
    expect(seen[0]?.bytes.equals(Buffer.concat(parts))).toBe(true)
  })

  it('is sent once: a 503 is the error, never a second attempt', async () => {
    handler = (_req, res) => res.writeHead(503).end('busy')
    const error = await put(chunks(Buffer.from('abc'))).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).status).toBe(503)
    expect(seen).toHaveLength(1)
  })

  it("fails with its source's error (a checksum mismatch), and the server never gets the end", async () => {
    const mismatch = new Error('Checksum mismatch')
    const client = http()
    const error = await put(chunks(Buffer.alloc(70_000, 2), mismatch), client).catch(
      (e: unknown) => e,
    )
    expect(error).toBe(mismatch)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(seen).toHaveLength(1)
    expect(seen[0]?.ended).toBe(false)
    expect(client.counter.total()).toBe(1)
  })
})

describe('a streamed download over node:http', () => {
  const get = (path: string, client = http(), signal?: AbortSignal) =>
    client.request({
      method: 'GET',
      url: `${base}${path}`,
      expected: [200],
      responseType: 'stream',
      timeoutMs: 0,
      ...(signal ? { signal } : {}),
    })

  it('is asked again after a 503 before its body starts, then streams', async () => {
    handler = (_req, res) =>
      seen.length === 1 ? res.writeHead(503).end() : res.writeHead(200).end('image bytes')
    const client = http()
    const response = await get('/image', client)
    expect(await readAll(response.body)).toBe('image bytes')
    expect(seen.map((s) => s.method)).toEqual(['GET', 'GET'])
    expect(client.counter.total()).toBe(2)
  })

  it('follows redirects, relative ones too, and names the url it ends at', async () => {
    handler = (req, res) =>
      req.url === '/old'
        ? res.writeHead(302, { Location: '/new' }).end()
        : res.writeHead(200).end('moved')
    const response = await get('/old')
    expect(await readAll(response.body)).toBe('moved')
    expect(response.url).toBe(`${base}/new`)
  })

  it('gives up after 20 redirects instead of following a loop for ever', async () => {
    handler = (_req, res) => res.writeHead(302, { Location: '/loop' }).end()
    const error = await get('/loop', createHttp({ retry: { maxAttempts: 1 } })).catch(
      (e: unknown) => e as Error,
    )
    expect(String(error)).toMatch(/more than 20 redirects/)
    expect(seen).toHaveLength(21)
  })

  it('stops when its signal aborts in the middle of the body', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Length': '1000000' })
      res.write(Buffer.alloc(1000))
    }
    const controller = new AbortController()
    const response = await get('/slow', http(), controller.signal)
    setTimeout(() => controller.abort(), 20)
    await expect(readAll(response.body)).rejects.toThrow()
  })
})

describe('a silent server', () => {
  const transport = nodeTransport({}, 100)
  const exchange = { method: 'GET', headers: {}, follow: true }

  it('is cut off when no answer comes', async () => {
    handler = () => undefined
    await expect(transport(new URL(`${base}/mute`), exchange)).rejects.toMatchObject({
      code: 'ETIMEDOUT',
    })
  })

  it('is cut off when the body stops coming, with that reason', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Length': '1000000' })
      res.write(Buffer.alloc(1000))
    }
    const reply = await transport(new URL(`${base}/stall`), exchange)
    await expect(readAll(reply.stream())).rejects.toMatchObject({ code: 'ETIMEDOUT' })
  })
})
