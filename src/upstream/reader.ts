// Reads upstream listings and manifests through the image-source client
// (download/upstream-http.ts): at most `concurrency` requests at once,
// a timeout that covers the whole body, and a size bound, so a hostile or
// broken mirror costs an error, not the job's memory or a hung run. With a
// cache, requests are conditional and a 304 answers from it.
import type { Readable } from 'node:stream'
import type { Http } from '../http/client.js'
import { getErrorMessage } from '../problems.js'
import { limiter } from '../limiter.js'
import { HttpCache } from './http-cache.js'

export const DEFAULT_TIMEOUT_MS = 30_000
/** Listings and manifests are small (the largest real one, CentOS Stream's CHECKSUM, is ~40 KB). */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024
export const DEFAULT_CONCURRENCY = 8

/** Something upstream could not be read or did not hold what it should; names the url. */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError'
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message)
  }
}

export interface Fetched {
  /** The url asked for (not a redirect's target: a build url must stay on the configured mirror). */
  url: string
  text: string
  lastModified: string | null
}

export interface Reader {
  /** GET a listing or manifest. `what` names it in errors ("the listing"). */
  text(url: string, what: string): Promise<Fetched>
  /** The Last-Modified header of an image (HEAD). */
  lastModified(url: string): Promise<string | null>
  /**
   * Set by discovery for a definition with checksum_signature: the text of a
   * checksum file to parse, once its signature holds; throws otherwise.
   */
  checked?(url: string, text: string): Promise<string>
  /** The headers of a HEAD of `url`, never from the cache (a mirror object's metadata). */
  head(url: string): Promise<Headers>
  /** Forgets what the cache holds for `url`: what was read from it did not parse. */
  forget(url: string): void
}

export interface ReaderOptions {
  http: Http
  timeoutMs?: number
  maxBytes?: number
  concurrency?: number
  /** Validators and bodies of earlier runs (`update --cache-dir`). */
  cache?: HttpCache
}

async function readBounded(
  body: Readable | null,
  maxBytes: number,
  url: string,
  what: string,
): Promise<string> {
  if (!body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for await (const value of body as AsyncIterable<Uint8Array>) {
      size += value.byteLength
      if (size > maxBytes) {
        throw new UpstreamError(
          `${what} ${url} is larger than ${maxBytes} bytes: not a listing or manifest`,
          url,
        )
      }
      chunks.push(value)
    }
  } finally {
    body.destroy()
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks))
}

/** The reader's settings with the defaults filled in, and its slot for requests. */
interface ReaderContext {
  http: Http
  cache: HttpCache | undefined
  timeoutMs: number
  maxBytes: number
  slot: ReturnType<typeof limiter>
}

export function createReader(options: ReaderOptions): Reader {
  const ctx: ReaderContext = {
    http: options.http,
    cache: options.cache,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    slot: limiter(options.concurrency ?? DEFAULT_CONCURRENCY),
  }
  return {
    text: (url, what) => withDeadline(ctx, url, what, (signal) => getText(ctx, url, what, signal)),
    lastModified: (url) =>
      withDeadline(ctx, url, 'the image', (signal) => headLastModified(ctx, url, signal)),
    head: (url) =>
      withDeadline(ctx, url, 'the object', async (signal) => {
        const response = await ctx.http.request({
          method: 'HEAD',
          url,
          headers: { Accept: '*/*' },
          expected: [200],
          responseType: 'none',
          timeoutMs: 0,
          signal,
        })
        return response.headers
      }),
    forget: (url) => ctx.cache?.forget(url),
  }
}

/** Runs one request with a deadline over headers and body alike. */
async function withDeadline<T>(
  { slot, timeoutMs }: ReaderContext,
  url: string,
  what: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  return slot(async () => {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      return await work(controller.signal)
    } catch (error) {
      if (error instanceof UpstreamError) throw error
      if (controller.signal.aborted) {
        throw new UpstreamError(`${what} ${url}: timed out after ${timeoutMs / 1000} s`, url)
      }
      // The client's errors name the method, the url and the reason (404, refused, TLS).
      throw new UpstreamError(`cannot read ${what}: ${getErrorMessage(error)}`, url)
    } finally {
      clearTimeout(timer)
    }
  })
}

async function getText(
  { http, cache, maxBytes }: ReaderContext,
  url: string,
  what: string,
  signal: AbortSignal,
): Promise<Fetched> {
  const cached = cache?.get('GET', url)
  const response = await http.request({
    method: 'GET',
    url,
    headers: { Accept: '*/*', ...HttpCache.conditions(cached) },
    expected: cached ? [200, 304] : [200],
    responseType: 'stream',
    timeoutMs: 0,
    signal,
  })
  if (response.status === 304 && cached) {
    response.body?.resume() // no body: the connection stays reusable
    cache?.revalidated('GET', url, response.headers)
    return { url, text: cached.body ?? '', lastModified: cached.lastModified ?? null }
  }
  const length = Number(response.headers.get('content-length') ?? 0)
  if (length > maxBytes) {
    response.body?.destroy()
    throw new UpstreamError(
      `${what} ${url} has ${length} bytes, more than the ${maxBytes} a listing or manifest may have`,
      url,
    )
  }
  const text = await readBounded(response.body, maxBytes, url, what)
  cache?.put('GET', url, response.headers, text)
  return { url, text, lastModified: response.headers.get('last-modified') }
}

async function headLastModified(
  { http, cache }: ReaderContext,
  url: string,
  signal: AbortSignal,
): Promise<string | null> {
  const cached = cache?.get('HEAD', url)
  const response = await http.request({
    method: 'HEAD',
    url,
    headers: { Accept: '*/*', ...HttpCache.conditions(cached) },
    expected: cached ? [200, 304] : [200],
    responseType: 'none',
    timeoutMs: 0,
    signal,
  })
  if (response.status === 304 && cached) {
    cache?.revalidated('HEAD', url, response.headers)
    return cache?.get('HEAD', url)?.lastModified ?? cached.lastModified ?? null
  }
  cache?.put('HEAD', url, response.headers)
  return response.headers.get('last-modified')
}
