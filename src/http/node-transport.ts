// Image bytes over node:http(s) instead of fetch: an upload goes to the socket
// chunk by chunk, a download arrives as the socket's own buffers, with no web
// stream and no copy in between. Profiles of a 1 GiB mirror and of a streamed
// import put fetch's streams at about 0.6 to 0.9 CPU s per GiB more than this,
// on a path where the CPU is the limit. TLS settings are the client's.
import * as http from 'node:http'
import * as https from 'node:https'
import { Readable } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'
import type { ConnectionOptions } from 'node:tls'
import type { Exchange, Reply, Transport } from './transport.js'

/** As many as fetch follows. */
const MAX_REDIRECTS = 20
const REDIRECTS = new Set([301, 302, 303, 307, 308])
/** A connection silent this long is cut, before or during the body (fetch's body timeout too). */
const IDLE_TIMEOUT_MS = 300_000

export function nodeTransport(tls: ConnectionOptions = {}, idleMs = IDLE_TIMEOUT_MS): Transport {
  const agent = new https.Agent({ keepAlive: true, ...tls })
  return async (url, exchange) => {
    let current = url
    let headers = exchange.headers
    for (let hop = 0; ; hop++) {
      const response = await send(current, { ...exchange, headers }, { agent, idleMs })
      const location = response.headers.location
      const status = response.statusCode ?? 0
      if (!exchange.follow || !REDIRECTS.has(status) || location === undefined)
        return reply(current, response)
      response.resume()
      if (hop === MAX_REDIRECTS)
        throw new Error(`${exchange.method} ${url.origin}: more than ${MAX_REDIRECTS} redirects`)
      const next = new URL(location, current)
      // Credentials go only to the origin they were given for, as fetch does.
      if (next.origin !== current.origin) headers = withoutAuthorization(headers)
      current = next
    }
  }
}

/** One request; resolves with the response as soon as its head arrives. */
function send(
  url: URL,
  exchange: Exchange,
  { agent, idleMs }: { agent: https.Agent; idleMs: number },
): Promise<http.IncomingMessage> {
  const secure = url.protocol === 'https:'
  return new Promise((resolve, reject) => {
    let response: http.IncomingMessage | undefined
    const request = (secure ? https.request : http.request)(
      url,
      {
        method: exchange.method,
        headers: exchange.headers,
        ...(secure ? { agent } : {}),
        ...(exchange.signal ? { signal: exchange.signal } : {}),
      },
      (head) => resolve((response = head)),
    )
    request.once('error', reject)
    request.setTimeout(idleMs, () => {
      const error = Object.assign(new Error(`no data for ${idleMs / 1000} s`), {
        code: 'ETIMEDOUT',
      })
      request.destroy(error)
      response?.destroy(error)
    })
    const { body } = exchange
    if (body === undefined || typeof body === 'string' || body instanceof Uint8Array)
      request.end(body)
    // Back-pressure both ways; a failing source destroys the request (and the reverse).
    else pipeline(Readable.from(body, { objectMode: false }), request).catch(reject)
  })
}

function reply(url: URL, response: http.IncomingMessage): Reply {
  return {
    status: response.statusCode ?? 0,
    headers: toHeaders(response.headers),
    url: url.toString(),
    text: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of response) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    },
    discard: () => finished(response.resume()),
    stream: () => response,
  }
}

export function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(raw))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, v)
  return headers
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'),
  )
}
