// A streamed request body reaches fetch as a ReadableStream of the source's own
// chunks: undici copies every chunk of an async-iterable body (CPU and garbage
// collection on every imported byte).
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { bodyStream } from '../../../src/http/transport.js'
import { createHttp } from '../../../src/http/client.js'

const chunks = [Buffer.from('abc'), Buffer.from('defg'), Buffer.alloc(65_536, 7)]

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const seen: Uint8Array[] = []
  const reader = stream.getReader()
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return seen
    seen.push(value)
  }
}

describe('bodyStream', () => {
  it('hands over the very chunks of the source, in order, uncopied', async () => {
    const seen = await readAll(bodyStream(Readable.from(chunks)))
    expect(seen).toHaveLength(chunks.length)
    seen.forEach((chunk, i) => expect(chunk).toBe(chunks[i]))
  })

  it('closes the source when the reader cancels (a failed upload stops the download)', async () => {
    let closed = false
    const source = (async function* () {
      try {
        yield* chunks
      } finally {
        closed = true
      }
    })()
    const reader = bodyStream(source).getReader()
    await reader.read()
    await reader.cancel(new Error('upload failed'))
    expect(closed).toBe(true)
  })

  it('is what the client gives fetch for a streamed body', async () => {
    let body: unknown
    const fetch = async (_url: unknown, init?: RequestInit): Promise<Response> => {
      body = init?.body
      await readAll(init?.body as ReadableStream<Uint8Array>).then((seen) =>
        seen.forEach((chunk, i) => expect(chunk).toBe(chunks[i])),
      )
      return new Response(null, { status: 204 })
    }
    const http = createHttp({ fetch: fetch as typeof globalThis.fetch })
    await http.request({
      method: 'PUT',
      url: 'http://glance.test/v2/images/x/stage',
      expected: [204],
      responseType: 'none',
      body: Readable.from(chunks),
    })
    expect(body).toBeInstanceOf(ReadableStream)
  })
})
