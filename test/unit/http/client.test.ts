import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { ConnectionError } from '../../../src/http/connection.js'
import { HttpError, isStatus } from '../../../src/http/error.js'
import { createHttp, type HttpOptions } from '../../../src/http/client.js'
import { SecretRegistry } from '../../../src/http/secrets.js'
import {
  fetchFailure,
  recordingSleep,
  strictFetch,
  type StrictFetch,
} from '../../support/strict-fetch.js'

const URL = 'http://glance.test:9292/v2/images'
let fake: StrictFetch

afterEach(() => fake.done())

function setup(options: HttpOptions = {}): ReturnType<typeof createHttp> & { delays: number[] } {
  fake = strictFetch()
  const { sleep, delays } = recordingSleep()
  return Object.assign(
    createHttp({ fetch: fake.fetch, sleep, random: () => 0.5, now: () => 1_000_000, ...options }),
    { delays },
  )
}

describe('retries', () => {
  it('retries a GET after 503 and returns the 200', async () => {
    const http = setup()
    fake.expect(
      { method: 'GET', url: URL, reply: { status: 503, body: 'busy' } },
      { method: 'GET', url: URL, reply: { status: 200, json: { images: [] } } },
    )
    const response = await http.request({ method: 'GET', url: URL, expected: [200] })
    expect(response.data).toEqual({ images: [] })
    // first retry: half of 500 ms fixed + random 0.5 * 250 ms
    expect(http.delays).toEqual([375])
    expect(http.counter.get('GET /v2/images')).toBe(2)
  })

  it('retries 502, 504 and 429 with growing delays, then gives up with the last error', async () => {
    const http = setup({ retry: { maxAttempts: 4 } })
    fake.expect(
      { method: 'GET', url: URL, reply: { status: 502 } },
      { method: 'GET', url: URL, reply: { status: 504 } },
      { method: 'GET', url: URL, reply: { status: 429 } },
      { method: 'GET', url: URL, reply: { status: 503, json: { message: 'still busy' } } },
    )
    const error = await http
      .request({ method: 'GET', url: URL, expected: [200] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).message).toBe(`GET ${URL}: expected 200, got 503: still busy`)
    expect(http.delays).toEqual([375, 750, 1500])
  })

  it('never repeats a POST, PATCH or PUT after 503', async () => {
    const http = setup()
    for (const method of ['POST', 'PATCH', 'PUT'] as const) {
      fake.expect({ method, url: URL, reply: { status: 503 } })
      const error = await http
        .request({ method, url: URL, expected: [201], json: {} })
        .catch((e: unknown) => e)
      expect(isStatus(error, 503)).toBe(true)
    }
    expect(http.delays).toEqual([])
    expect(http.counter.total()).toBe(3)
  })

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const http = setup()
    fake.expect(
      { method: 'GET', url: URL, reply: { status: 429, headers: { 'Retry-After': '7' } } },
      {
        method: 'GET',
        url: URL,
        reply: {
          status: 503,
          headers: { 'Retry-After': new Date(1_000_000 + 3000).toUTCString() },
        },
      },
      { method: 'GET', url: URL, reply: { status: 200, json: {} } },
    )
    await http.request({ method: 'GET', url: URL, expected: [200] })
    expect(http.delays).toEqual([7000, 3000])
  })

  it('does not wait for a Retry-After beyond the limit', async () => {
    const http = setup()
    fake.expect({
      method: 'GET',
      url: URL,
      reply: { status: 503, headers: { 'Retry-After': '3600' } },
    })
    await expect(http.request({ method: 'GET', url: URL, expected: [200] })).rejects.toThrow(
      HttpError,
    )
    expect(http.delays).toEqual([])
  })

  it('retries a GET after a connection reset', async () => {
    const http = setup()
    fake.expect(
      { method: 'GET', url: URL, reply: { error: fetchFailure('ECONNRESET') } },
      { method: 'GET', url: URL, reply: { status: 200, json: { ok: true } } },
    )
    expect((await http.request({ method: 'GET', url: URL, expected: [200] })).data).toEqual({
      ok: true,
    })
    expect(http.delays).toHaveLength(1)
  })

  it('does not retry a POST after a reset, and names the reason', async () => {
    const http = setup()
    fake.expect({ method: 'POST', url: URL, reply: { error: fetchFailure('ECONNRESET') } })
    const error = await http
      .request({ method: 'POST', url: URL, expected: [201], json: {} })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as Error).message).toBe(`POST ${URL}: connection reset`)
  })

  it('retries a POST marked idempotent (issuing a Keystone token)', async () => {
    const http = setup()
    fake.expect(
      { method: 'POST', url: URL, reply: { error: fetchFailure('ECONNRESET') } },
      { method: 'POST', url: URL, reply: { status: 201, json: {} } },
    )
    await http.request({ method: 'POST', url: URL, expected: [201], json: {}, idempotent: true })
  })

  it('does not retry 500 or other 4xx', async () => {
    const http = setup()
    fake.expect(
      { method: 'GET', url: URL, reply: { status: 500 } },
      { method: 'DELETE', url: URL, reply: { status: 409 } },
    )
    await expect(http.request({ method: 'GET', url: URL, expected: [200] })).rejects.toThrow(
      'expected 200, got 500',
    )
    await expect(http.request({ method: 'DELETE', url: URL, expected: [204] })).rejects.toThrow(
      'expected 204, got 409',
    )
    expect(http.delays).toEqual([])
  })

  it('retries a GET that timed out, then reports the timeout', async () => {
    fake = strictFetch()
    const hang = (_input: unknown, init?: RequestInit): Promise<Response> =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )
    const { sleep, delays } = recordingSleep()
    const http = createHttp({
      fetch: hang as typeof fetch,
      sleep,
      timeoutMs: 5,
      retry: { maxAttempts: 2 },
    })
    await expect(http.request({ method: 'GET', url: URL, expected: [200] })).rejects.toThrow(
      `GET ${URL}: timed out after 0.005 s`,
    )
    expect(delays).toHaveLength(1)
  })
})

describe('requests', () => {
  it('sends user agent, JSON and accepts the listed statuses', async () => {
    const http = setup({ userAgent: 'test-agent/1' })
    fake.expect({
      method: 'PATCH',
      url: `${URL}/abc`,
      headers: {
        'user-agent': 'test-agent/1',
        'content-type': 'application/openstack-images-v2.1-json-patch',
      },
      json: [{ op: 'remove', path: '/x' }],
      reply: { status: 200, json: { id: 'abc' } },
    })
    const response = await http.request({
      method: 'PATCH',
      url: `${URL}/abc`,
      template: '/v2/images/{id}',
      expected: [200],
      json: [{ op: 'remove', path: '/x' }],
      contentType: 'application/openstack-images-v2.1-json-patch',
    })
    expect(response.status).toBe(200)
    expect(http.counter.snapshot()).toEqual({ 'PATCH /v2/images/{id}': 1 })
  })

  it('derives a template from ids in the path', async () => {
    const http = setup()
    const id = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0'
    fake.expect({ method: 'PUT', url: `${URL}/${id}/tags/x`, reply: { status: 204 } })
    await http.request({
      method: 'PUT',
      url: `${URL}/${id}/tags/x`,
      expected: [204],
      responseType: 'none',
    })
    expect(http.counter.get('PUT /v2/images/{id}/tags/x')).toBe(1)
  })

  it('streams a body with duplex half, never retries it, and reports the stream error', async () => {
    const http = setup()
    fake.expect({
      method: 'PUT',
      url: `${URL}/x/stage`,
      check: (r) => expect(r.body).toBe('abcdef'),
      reply: { status: 503 },
    })
    const error = await http
      .request({
        method: 'PUT',
        url: `${URL}/x/stage`,
        expected: [204],
        body: Readable.from([Buffer.from('abc'), Buffer.from('def')]),
      })
      .catch((e: unknown) => e)
    expect(isStatus(error, 503)).toBe(true)
    expect(http.delays).toEqual([])

    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('abc')
        throw new Error('checksum mismatch')
      })(),
    )
    fake.expect({ method: 'PUT', url: `${URL}/x/stage`, reply: { status: 204 } })
    await expect(
      http.request({ method: 'PUT', url: `${URL}/x/stage`, expected: [204], body: failing }),
    ).rejects.toThrow('checksum mismatch')
  })

  it('keeps secrets out of error messages and bodies', async () => {
    const secrets = new SecretRegistry()
    secrets.add('tok-very-secret')
    const http = setup({ secrets })
    fake.expect({
      method: 'GET',
      url: `${URL}?q=tok-very-secret`,
      reply: { status: 400, json: { message: 'bad token tok-very-secret' } },
    })
    const error = (await http
      .request({ method: 'GET', url: `${URL}?q=tok-very-secret`, expected: [200] })
      .catch((e: unknown) => e)) as HttpError
    expect(error.message).toBe(`GET ${URL}?q=***: expected 200, got 400: bad token ***`)
    expect(error.body).not.toContain('tok-very-secret')
  })

  it('extracts the message of a Glance HTML error page', async () => {
    const http = setup()
    const html =
      '<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID x<br /><br />\n\n\n\n </body>\n</html>'
    fake.expect({
      method: 'GET',
      url: `${URL}/x`,
      reply: { status: 404, body: html, headers: { 'content-type': 'text/html' } },
    })
    await expect(http.request({ method: 'GET', url: `${URL}/x`, expected: [200] })).rejects.toThrow(
      `GET ${URL}/x: expected 200, got 404: No image found with ID x`,
    )
  })
})
