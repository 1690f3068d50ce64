// A strict fetch double: every request must match the next expectation (method,
// URL, and optionally headers and JSON body); an unexpected request fails the
// test, and so does an expectation left unused (call `done()` in afterEach).

import { expect } from 'vitest'
import type { FetchFunction } from '../../src/http/client.js'

export interface RecordedRequest {
  method: string
  url: string
  headers: Record<string, string>
  /** The body as text (streams are read to the end). */
  body: string
}

export type Reply =
  | { status: number; json?: unknown; body?: string; headers?: Record<string, string> }
  | { error: unknown }

export interface Expectation {
  method: string
  /** Exact URL, or a pattern. */
  url: string | RegExp
  /** Headers that must be present with these values (names case-insensitive). */
  headers?: Record<string, string>
  /** The JSON body the request must carry (deep equality). */
  json?: unknown
  /** Further assertions on the request. */
  check?: (request: RecordedRequest) => void
  reply: Reply | ((request: RecordedRequest) => Reply)
}

export interface StrictFetch {
  fetch: FetchFunction
  /** Every request seen, in order. */
  requests: RecordedRequest[]
  /** Queue more expectations. */
  expect(...expectations: Expectation[]): void
  /** Fail when an expectation was not used or a request was unexpected. */
  done(): void
}

/** A connection-level failure as Node's fetch reports it (`TypeError: fetch failed`, cause with a code). */
export function fetchFailure(code: string, message = code): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) })
}

async function readBody(body: unknown): Promise<string> {
  if (body === undefined || body === null) return ''
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8')
  if (typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = []
    for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk))
    return Buffer.concat(chunks).toString('utf8')
  }
  return String(body)
}

export function strictFetch(...initial: Expectation[]): StrictFetch {
  const queue: Expectation[] = [...initial]
  const requests: RecordedRequest[] = []
  const problems: string[] = []

  const fetchDouble = async (
    input: Parameters<FetchFunction>[0],
    init?: RequestInit,
  ): Promise<Response> => {
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(
      (init?.headers as Record<string, string> | undefined) ?? {},
    )) {
      headers[name.toLowerCase()] = value
    }
    const method = init?.method ?? 'GET'
    const url =
      input instanceof URL ? input.toString() : typeof input === 'string' ? input : input.url
    let body: string
    try {
      body = await readBody(init?.body)
    } catch (error) {
      // Like a real server, the request was made but its body broke off.
      requests.push({ method, url, headers, body: '' })
      queue.shift()
      throw new TypeError('fetch failed', { cause: error })
    }
    const request: RecordedRequest = { method, url, headers, body }
    requests.push(request)
    const next = queue.shift()
    const matches =
      next !== undefined &&
      next.method === method &&
      (typeof next.url === 'string' ? next.url === url : next.url.test(url))
    if (next === undefined || !matches) {
      const wanted = next ? `${next.method} ${String(next.url)}` : 'no request at all'
      problems.push(`unexpected request ${method} ${url}; expected ${wanted}`)
      throw new Error(`strictFetch: unexpected request ${method} ${url}; expected ${wanted}`)
    }
    for (const [name, value] of Object.entries(next.headers ?? {})) {
      expect(headers[name.toLowerCase()], `header ${name} of ${method} ${url}`).toBe(value)
    }
    if (next.json !== undefined)
      expect(JSON.parse(request.body), `body of ${method} ${url}`).toEqual(next.json)
    next.check?.(request)
    const reply = typeof next.reply === 'function' ? next.reply(request) : next.reply
    if ('error' in reply) throw reply.error
    const responseHeaders = new Headers(reply.headers)
    let responseBody: string | null = reply.body ?? null
    if (reply.json !== undefined) {
      responseBody = JSON.stringify(reply.json)
      if (!responseHeaders.has('content-type'))
        responseHeaders.set('content-type', 'application/json')
    }
    const nullBody = reply.status === 204 || reply.status === 304
    const response = new Response(nullBody ? null : responseBody, {
      status: reply.status,
      headers: responseHeaders,
    })
    Object.defineProperty(response, 'url', { value: url })
    return response
  }

  return {
    fetch: fetchDouble as FetchFunction,
    requests,
    expect: (...more) => queue.push(...more),
    done() {
      const unused = queue.map((e) => `${e.method} ${String(e.url)}`)
      queue.length = 0
      const all = [...problems, ...unused.map((u) => `expected request not made: ${u}`)]
      problems.length = 0
      if (all.length > 0) throw new Error(`strictFetch:\n${all.join('\n')}`)
    },
  }
}

/** A sleep that records the delays and waits 0 s. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = []
  return { delays, sleep: async (ms) => void delays.push(ms) }
}
