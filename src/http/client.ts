// The one request function every OpenStack call goes through: user agent,
// per-attempt timeout, JSON helpers, retries of transient failures (only for
// idempotent requests), request counting, and errors without secrets.

import { ConnectionError, connectionReason } from './connection.js'
import { HttpError, extractServiceMessage, truncateBody } from './error.js'
import { RequestCounter, pathTemplate } from './request-counter.js'
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from './retry.js'
import { SecretRegistry, splitUserinfo, type OnSecret } from './secrets.js'
import type { ConnectionOptions } from 'node:tls'
import type { Readable } from 'node:stream'
import { fetchWithTls } from './tls.js'
import { fetchTransport, type FetchFunction, type Reply, type Transport } from './transport.js'
import {
  ResponseFormatError,
  readData,
  readText,
  startTimeout,
  timeoutError,
  trackStream,
  type ResponseType,
  type Timeout,
  type TrackedStream,
} from './attempt.js'

export { ResponseFormatError }

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'
/** A request body streamed without buffering (a Node Readable or a web ReadableStream). */
export type StreamBody = AsyncIterable<Uint8Array>
export type { FetchFunction }
export type Sleep = (ms: number) => Promise<void>

export interface HttpRequest {
  method: HttpMethod
  url: string | URL
  /** Statuses that are success; anything else throws HttpError. */
  expected: readonly number[]
  /** Statuses that are success only on a retry (a DELETE whose first answer was lost finds 404). */
  expectedOnRetry?: readonly number[]
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
  responseType?: ResponseType
  signal?: AbortSignal
}

export interface HttpResponse<T = unknown> {
  status: number
  headers: Headers
  url: string
  /** Parsed JSON, text, or undefined (for 'none', 'stream' and empty bodies). */
  data: T
  /** The unread body, only for responseType 'stream'. */
  body: Readable | null
}

export interface HttpOptions {
  /** Carries every request instead of fetch and node:http(s) (tests). */
  fetch?: FetchFunction
  /** TLS settings of every connection (`ca`, `rejectUnauthorized`, `cert`, `key`). */
  tls?: ConnectionOptions
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

/** What createHttp was given, with the defaults filled in. */
interface HttpContext {
  /** fetch for API calls; node:http(s) for image bytes (./transport.ts). */
  transport: (bytes: boolean) => Promise<Transport>
  sleep: Sleep
  random: () => number
  now: () => number
  policy: RetryPolicy
  secrets: SecretRegistry
  counter: RequestCounter
  userAgent: string
  log: (line: string) => void
  timeoutMs: number | undefined
  trustHint: string | undefined
}

/** One request as every attempt sends it. */
interface Call {
  req: HttpRequest
  url: URL
  /** The URL with secrets redacted, for logs and errors. */
  shownUrl: string
  template: string
  streamed: boolean
  timeoutMs: number
  headers: Record<string, string>
  idempotent: boolean | undefined
  retryMethod: string
}

/** Per attempt: when it started, its body and its timeout. */
interface AttemptState {
  started: number
  tracked: TrackedStream | undefined
  timeout: Timeout
}

export function createHttp(options: HttpOptions = {}): Http {
  const ctx: HttpContext = {
    transport: transports(options),
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    secrets: options.secrets ?? new SecretRegistry(options.onSecret),
    counter: options.counter ?? new RequestCounter(),
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    log: options.log ?? (() => undefined),
    timeoutMs: options.timeoutMs,
    trustHint: options.trustHint,
  }
  const request = async <T>(req: HttpRequest): Promise<HttpResponse<T>> => {
    const call = prepareCall(ctx, req)
    for (let attempt = 1; ; attempt++) {
      const response = await sendAttempt<T>(ctx, call, attempt)
      if (response !== undefined) return response
    }
  }
  return { request, counter: ctx.counter, secrets: ctx.secrets, userAgent: ctx.userAgent }
}

/** Each transport made once, on first use: an API-only run never loads node:http(s). */
function transports(options: HttpOptions): (bytes: boolean) => Promise<Transport> {
  const injected = options.fetch
  if (injected !== undefined) {
    const only = Promise.resolve(fetchTransport(injected))
    return () => only
  }
  const { tls } = options
  let api: Promise<Transport> | undefined
  let bytes: Promise<Transport> | undefined
  return (forBytes) =>
    forBytes
      ? (bytes ??= import('./node-transport.js').then((m) => m.nodeTransport(tls)))
      : (api ??= (tls ? fetchWithTls(tls) : Promise.resolve(globalThis.fetch)).then(fetchTransport))
}

function prepareCall(ctx: HttpContext, req: HttpRequest): Call {
  // fetch refuses a url with userinfo: it goes as Basic auth, and its password is a secret.
  const { url, authorization, password } = splitUserinfo(new URL(req.url))
  ctx.secrets.add(password)
  const streamed = isStream(req.body)
  const headers = buildHeaders(req, ctx.userAgent)
  if (authorization && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'))
    headers.Authorization = authorization
  return {
    req,
    url,
    shownUrl: ctx.secrets.redact(url.toString()),
    template: req.template ?? pathTemplate(url.pathname),
    streamed,
    timeoutMs: req.timeoutMs ?? (streamed ? 0 : (ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS)),
    headers,
    // A streamed body can be sent once only: never retried whatever the method.
    idempotent: streamed ? false : req.idempotent,
    retryMethod: streamed ? 'STREAM' : req.method,
  }
}

/** One attempt: the response, or undefined after waiting for the next attempt. */
async function sendAttempt<T>(
  ctx: HttpContext,
  call: Call,
  attempt: number,
): Promise<HttpResponse<T> | undefined> {
  const { req, streamed } = call
  ctx.counter.add(req.method, call.template)
  const started = ctx.now()
  const tracked = streamed ? trackStream(req.body as StreamBody) : undefined
  const body = tracked
    ? tracked.iterable
    : req.json !== undefined
      ? JSON.stringify(req.json)
      : req.body
  const state: AttemptState = {
    started,
    tracked,
    timeout: startTimeout(call.timeoutMs, req.signal),
  }
  let response: Reply
  let data: unknown
  try {
    const transport = await ctx.transport(streamed || req.responseType === 'stream')
    response = await transport(call.url, {
      method: req.method,
      headers: call.headers,
      ...(body !== undefined ? { body } : {}),
      ...(state.timeout.signal ? { signal: state.timeout.signal } : {}),
      follow: !streamed,
    })
    const success =
      req.expected.includes(response.status) ||
      (attempt > 1 && req.expectedOnRetry?.includes(response.status))
    if (!success) {
      await unexpectedStatus(ctx, call, attempt, response, state)
      return undefined
    }
    data = await readData(response, req.responseType ?? 'json')
    if (req.responseType !== 'stream') state.timeout.clear()
  } catch (error) {
    await failedAttempt(ctx, call, attempt, error, state)
    return undefined
  }
  ctx.log(`${req.method} ${call.shownUrl} -> ${response.status} (${ctx.now() - started} ms)`)
  return {
    status: response.status,
    headers: response.headers,
    url: response.url,
    data: data as T,
    body: req.responseType === 'stream' ? response.stream() : null,
  }
}

/** A status not expected: waits when it may be retried, else throws HttpError. */
async function unexpectedStatus(
  ctx: HttpContext,
  call: Call,
  attempt: number,
  response: Reply,
  { started, timeout }: AttemptState,
): Promise<void> {
  const { req, shownUrl } = call
  const text = ctx.secrets.redact(await readText(response))
  timeout.clear()
  const decision = decideRetry({
    method: call.retryMethod,
    idempotent: call.idempotent,
    attempt,
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    policy: ctx.policy,
    random: ctx.random,
    nowMs: ctx.now(),
  })
  ctx.log(`${req.method} ${shownUrl} -> ${response.status} (${ctx.now() - started} ms)`)
  if (decision.retry) return waitToRetry(ctx, call, attempt, decision.delayMs, response.status)
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

/**
 * An attempt that threw: rethrows what is not a connection failure, waits when it may be
 * retried, else throws ConnectionError.
 */
async function failedAttempt(
  ctx: HttpContext,
  call: Call,
  attempt: number,
  error: unknown,
  { started, tracked, timeout }: AttemptState,
): Promise<void> {
  const { req, shownUrl, timeoutMs } = call
  timeout.clear()
  if (error instanceof HttpError || error instanceof ResponseFormatError) throw error
  // A failing request body (e.g. a checksum mismatch of a streamed download) is the real cause.
  if (tracked?.error !== undefined) throw tracked.error
  if (req.signal?.aborted === true) throw req.signal.reason ?? error
  const failure = timeout.timedOut ? timeoutError(timeoutMs) : error
  const decision = decideRetry({
    method: call.retryMethod,
    idempotent: call.idempotent,
    attempt,
    error: failure,
    policy: ctx.policy,
    random: ctx.random,
    nowMs: ctx.now(),
  })
  const reason = timeout.timedOut
    ? `timed out after ${timeoutMs / 1000} s`
    : connectionReason(error, ctx.trustHint)
  ctx.log(`${req.method} ${shownUrl} -> ${reason} (${ctx.now() - started} ms)`)
  if (decision.retry) return waitToRetry(ctx, call, attempt, decision.delayMs, reason)
  throw new ConnectionError(`${req.method} ${shownUrl}: ${reason}`, reason, { cause: error })
}

async function waitToRetry(
  ctx: HttpContext,
  { req, shownUrl }: Call,
  attempt: number,
  delayMs: number,
  after: string | number,
): Promise<void> {
  ctx.log(
    `retrying ${req.method} ${shownUrl} in ${delayMs} ms after ${after} (attempt ${attempt + 1} of ${ctx.policy.maxAttempts})`,
  )
  await ctx.sleep(delayMs)
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
