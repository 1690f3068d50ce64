// The one request function every OpenStack call goes through: user agent,
// per-attempt timeout, JSON helpers, retries of transient failures (only for
// idempotent requests), request counting, and errors without secrets.

import { ConnectionError, connectionReason } from './connection.js'
import { HttpError, extractServiceMessage, truncateBody } from './error.js'
import { RequestCounter, pathTemplate } from './request-counter.js'
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from './retry.js'
import { SecretRegistry, type OnSecret } from './secrets.js'

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'
/** A request body streamed without buffering (a Node Readable or a web ReadableStream). */
export type StreamBody = AsyncIterable<Uint8Array>
export type FetchFunction = typeof globalThis.fetch
export type Sleep = (ms: number) => Promise<void>

export interface HttpRequest {
  method: HttpMethod
  url: string | URL
  /** Statuses that are success; anything else throws HttpError. */
  expected: readonly number[]
  /** Path template for counting (`/v2/images/{id}`); derived from the URL when absent. */
  template?: string
  headers?: Record<string, string>
  /** Sent as JSON (`Content-Type: application/json` unless `contentType` says otherwise). */
  json?: unknown
  body?: string | Uint8Array | StreamBody
  contentType?: string
  /** Per-attempt timeout; 0 = none. Default: the client's, or none for streamed bodies. */
  timeoutMs?: number
  /** Safe to repeat although the method is not idempotent (e.g. issuing a Keystone token). */
  idempotent?: boolean
  /** What to do with the response body. Default 'json'. 'stream' leaves it to the caller. */
  responseType?: 'json' | 'text' | 'none' | 'stream'
  signal?: AbortSignal
}

export interface HttpResponse<T = unknown> {
  status: number
  headers: Headers
  url: string
  /** Parsed JSON, text, or undefined (for 'none', 'stream' and empty bodies). */
  data: T
  /** The unread body, only for responseType 'stream'. */
  body: ReadableStream<Uint8Array> | null
}

export interface HttpOptions {
  fetch?: FetchFunction
  /** Injectable for tests, so retries wait 0 s. */
  sleep?: Sleep
  random?: () => number
  now?: () => number
  userAgent?: string
  /** Default per-attempt timeout in ms (default 60 s). */
  timeoutMs?: number
  retry?: Partial<RetryPolicy>
  secrets?: SecretRegistry
  onSecret?: OnSecret
  counter?: RequestCounter
  /** Debug log, one line per request; never contains secrets. */
  log?: (line: string) => void
  /** What to set when a certificate is not trusted (default: the cloud's cacert / verify). */
  trustHint?: string
}

export interface Http {
  request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>
  readonly counter: RequestCounter
  readonly secrets: SecretRegistry
  readonly userAgent: string
}

export const DEFAULT_USER_AGENT = `openstack-image-manager (node ${process.version})`
const DEFAULT_TIMEOUT_MS = 60_000

const defaultSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export function createHttp(options: HttpOptions = {}): Http {
  const fetchFn = options.fetch ?? globalThis.fetch
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const now = options.now ?? Date.now
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
  const secrets = options.secrets ?? new SecretRegistry(options.onSecret)
  const counter = options.counter ?? new RequestCounter()
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT
  const log = options.log ?? (() => undefined)

  async function request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
    const url = new URL(req.url)
    const shownUrl = secrets.redact(url.toString())
    const template = req.template ?? pathTemplate(url.pathname)
    const streamed = isStream(req.body)
    const timeoutMs = req.timeoutMs ?? (streamed ? 0 : (options.timeoutMs ?? DEFAULT_TIMEOUT_MS))
    const headers = buildHeaders(req, userAgent)
    // A streamed body can be sent once only: never retried whatever the method.
    const idempotent = streamed ? false : req.idempotent
    const retryMethod = streamed ? 'STREAM' : req.method

    for (let attempt = 1; ; attempt++) {
      counter.add(req.method, template)
      const started = now()
      const tracked = streamed ? trackStream(req.body as StreamBody) : undefined
      const body = tracked
        ? tracked.iterable
        : req.json !== undefined
          ? JSON.stringify(req.json)
          : req.body
      const timeout = startTimeout(timeoutMs, req.signal)
      let response: Response
      let data: unknown
      try {
        response = await fetchFn(url, {
          method: req.method,
          headers,
          body: body as RequestInit['body'],
          signal: timeout.signal,
          // undici keeps every chunk of a body it might resend after a redirect
          // (nodejs/undici#4058): a streamed image would end up whole in memory.
          redirect: streamed ? 'error' : 'follow',
          ...(streamed ? { duplex: 'half' } : {}),
        } as RequestInit)
        if (!req.expected.includes(response.status)) {
          const text = secrets.redact(await readText(response))
          timeout.clear()
          const decision = decideRetry({
            method: retryMethod,
            idempotent,
            attempt,
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
            policy,
            random,
            nowMs: now(),
          })
          log(`${req.method} ${shownUrl} -> ${response.status} (${now() - started} ms)`)
          if (decision.retry) {
            log(
              `retrying ${req.method} ${shownUrl} in ${decision.delayMs} ms after ${response.status} (attempt ${attempt + 1} of ${policy.maxAttempts})`,
            )
            await sleep(decision.delayMs)
            continue
          }
          throw new HttpError(
            req.method,
            shownUrl,
            req.expected,
            response.status,
            truncateBody(text),
            extractServiceMessage(text),
            response.headers,
          )
        }
        data = await readData(response, req.responseType ?? 'json')
        if (req.responseType !== 'stream') timeout.clear()
      } catch (error) {
        timeout.clear()
        if (error instanceof HttpError || error instanceof ResponseFormatError) throw error
        // A failing request body (e.g. a checksum mismatch of a streamed download) is the real cause.
        if (tracked?.error !== undefined) throw tracked.error
        if (req.signal?.aborted === true) throw req.signal.reason ?? error
        const failure = timeout.timedOut ? timeoutError(timeoutMs) : error
        const decision = decideRetry({
          method: retryMethod,
          idempotent,
          attempt,
          error: failure,
          policy,
          random,
          nowMs: now(),
        })
        const reason = timeout.timedOut
          ? `timed out after ${timeoutMs / 1000} s`
          : connectionReason(error, options.trustHint)
        log(`${req.method} ${shownUrl} -> ${reason} (${now() - started} ms)`)
        if (decision.retry) {
          log(
            `retrying ${req.method} ${shownUrl} in ${decision.delayMs} ms after ${reason} (attempt ${attempt + 1} of ${policy.maxAttempts})`,
          )
          await sleep(decision.delayMs)
          continue
        }
        throw new ConnectionError(`${req.method} ${shownUrl}: ${reason}`, reason, { cause: error })
      }
      log(`${req.method} ${shownUrl} -> ${response.status} (${now() - started} ms)`)
      return {
        status: response.status,
        headers: response.headers,
        url: response.url || url.toString(),
        data: data as T,
        body: req.responseType === 'stream' ? response.body : null,
      }
    }
  }

  return { request, counter, secrets, userAgent }
}

function buildHeaders(req: HttpRequest, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = { 'User-Agent': userAgent, Accept: 'application/json' }
  if (req.json !== undefined) headers['Content-Type'] = req.contentType ?? 'application/json'
  else if (req.body !== undefined)
    headers['Content-Type'] = req.contentType ?? 'application/octet-stream'
  return { ...headers, ...req.headers }
}

function isStream(body: HttpRequest['body']): boolean {
  return body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)
}

/** Wrap a streamed body so that an error of the source is remembered. */
interface TrackedStream {
  iterable: StreamBody
  error?: unknown
}

function trackStream(source: StreamBody): TrackedStream {
  const tracked: Partial<TrackedStream> = {}
  tracked.iterable = (async function* () {
    try {
      for await (const chunk of source) yield chunk
    } catch (error) {
      tracked.error = error
      throw error
    }
  })()
  return tracked as TrackedStream
}

interface Timeout {
  signal: AbortSignal | undefined
  timedOut: boolean
  clear(): void
}

function startTimeout(ms: number, outer: AbortSignal | undefined): Timeout {
  if (ms <= 0) return { signal: outer, timedOut: false, clear: () => undefined }
  const controller = new AbortController()
  const state: Timeout = {
    signal: outer ? AbortSignal.any([outer, controller.signal]) : controller.signal,
    timedOut: false,
    clear: () => clearTimeout(timer),
  }
  const timer = setTimeout(() => {
    state.timedOut = true
    controller.abort(timeoutError(ms))
  }, ms)
  return state
}

function timeoutError(ms: number): Error {
  const error = new Error(`timed out after ${ms / 1000} s`)
  error.name = 'TimeoutError'
  return error
}

async function readText(response: Response): Promise<string> {
  try {
    return await response.text()
  } catch {
    return ''
  }
}

async function readData(
  response: Response,
  type: NonNullable<HttpRequest['responseType']>,
): Promise<unknown> {
  if (type === 'stream') return undefined
  if (type === 'none') {
    await response.arrayBuffer()
    return undefined
  }
  const text = await response.text()
  if (type === 'text') return text
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new ResponseFormatError(
      `${response.url}: expected a JSON response, got: ${text.slice(0, 200)}`,
    )
  }
}

/** A successful status with a body that is not what the API promises. */
export class ResponseFormatError extends Error {
  override readonly name = 'ResponseFormatError'
}
