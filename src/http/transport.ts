// What carries one attempt of the request function (client.ts) to the server
// and back. API calls go over fetch; image bytes (a streamed request body or a
// streamed response) over node:http(s) (./node-transport.ts). A test that
// injects its own fetch gets every request through it.
import { Readable } from 'node:stream'

export type FetchFunction = typeof globalThis.fetch

export interface Exchange {
  method: string
  headers: Record<string, string>
  body?: string | Uint8Array | AsyncIterable<Uint8Array>
  signal?: AbortSignal
  /** Follow redirects; false: a 3xx is the answer (a streamed body cannot be sent twice). */
  follow: boolean
}

export interface Reply {
  status: number
  headers: Headers
  /** The url finally answered (after redirects). */
  url: string
  text(): Promise<string>
  /** Reads the body to its end and drops it (the connection can be reused). */
  discard(): Promise<void>
  /** The unread body, for the caller to read or destroy. */
  stream(): Readable
}

export type Transport = (url: URL, exchange: Exchange) => Promise<Reply>

const isStreamed = (body: Exchange['body']): body is AsyncIterable<Uint8Array> =>
  body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)

export function fetchTransport(fetchFn: FetchFunction): Transport {
  return async (url, exchange) => {
    const streamed = isStreamed(exchange.body)
    const response = await fetchFn(url, {
      method: exchange.method,
      headers: exchange.headers,
      body: streamed ? bodyStream(exchange.body as AsyncIterable<Uint8Array>) : exchange.body,
      signal: exchange.signal,
      // undici keeps every chunk of a body it might resend after a redirect
      // (nodejs/undici#4058): a streamed image would end up whole in memory.
      redirect: exchange.follow ? 'follow' : 'error',
      ...(streamed ? { duplex: 'half' } : {}),
    } as RequestInit)
    return {
      status: response.status,
      headers: response.headers,
      url: response.url || url.toString(),
      text: () => response.text(),
      discard: async () => void (await response.arrayBuffer()),
      stream: () =>
        response.body === null
          ? Readable.from([])
          : Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]),
    }
  }
}

/**
 * The body handed to fetch: undici copies every chunk of an async-iterable body
 * (into a new Uint8Array, a byte stream), a ReadableStream of our own it reads as it is.
 */
export function bodyStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await iterator.next()
        if (done === true) controller.close()
        else controller.enqueue(value)
      },
      async cancel(reason) {
        await iterator.return?.(reason)
      },
    },
    { highWaterMark: 0 },
  )
}
