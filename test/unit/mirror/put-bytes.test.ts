// A part sent over node:http: a server that takes the bytes and never answers
// fails the part at its timeout as a connection error retries understand.
import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { ConnectionError } from '../../../src/http/connection.js'
import { isTransientError } from '../../../src/http/retry.js'
import { putBytes } from '../../../src/mirror/put-bytes.js'
import { closeServer, listenLoopback } from '../../support/loopback.js'

let server: Server | undefined
afterEach(async () => {
  if (server) await closeServer(server)
  server = undefined
})

describe('putBytes', () => {
  it('a server that never answers fails the part at its timeout, as a transient connection error', async () => {
    let received = 0
    server = createServer((req) => req.on('data', (c: Buffer) => (received += c.length)))
    const port = await listenLoopback(server)
    const started = Date.now()
    const error = await putBytes({
      method: 'PUT',
      url: new URL(`http://127.0.0.1:${port}/bucket/key?partNumber=1`),
      headers: {},
      bytes: [Buffer.alloc(1000, 1), Buffer.alloc(24, 2)],
      timeoutMs: 300,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as ConnectionError).message).toMatch(/bucket\/key: timed out$/)
    expect(isTransientError((error as ConnectionError).cause)).toBe(true)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(received).toBe(1024)
  })

  it('answers with the status, headers and body of the response', async () => {
    server = createServer((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(200, { ETag: '"e1"' }).end('<ok/>'))
    })
    const port = await listenLoopback(server)
    const response = await putBytes({
      method: 'PUT',
      url: new URL(`http://127.0.0.1:${port}/bucket/key`),
      headers: {},
      bytes: [Buffer.from('abc')],
      timeoutMs: 5000,
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toBe('"e1"')
    expect(response.text).toBe('<ok/>')
  })
})
