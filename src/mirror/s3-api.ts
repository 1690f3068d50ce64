// One signed S3 request on an object of the bucket, counted by operation name;
// an S3 error answer becomes an error with its status and S3 code.
import { createHttp, type Http, type HttpResponse } from '../http/client.js'
import { ConnectionError } from '../http/connection.js'
import { HttpError } from '../http/error.js'
import { DEFAULT_RETRY_POLICY, decideRetry } from '../http/retry.js'
import { putBytes } from './put-bytes.js'
import { encodeRfc3986, signRequest } from './sigv4.js'

export interface S3Settings {
  /** e.g. https://s3.example.com; unset: AWS for the region. */
  endpoint?: string
  region: string
  bucket: string
  /** Key prefix inside the bucket ('' for none). */
  prefix: string
  /** https://host/bucket/key instead of https://bucket.host/key (most non-AWS stores). */
  pathStyle: boolean
  accessKeyId: string
  secretAccessKey: string
}

export interface S3Call {
  method: 'HEAD' | 'PUT' | 'POST' | 'DELETE'
  key: string
  /** e.g. { uploads: '' } or { partNumber: '3', uploadId }. */
  query?: Record<string, string>
  headers?: Record<string, string>
  body?: Uint8Array | string
  /**
   * Bytes sent as they are, the stream's own chunks in order: no part is ever
   * copied into one buffer. They go over node:http(s), not fetch (./put-bytes.ts),
   * so a transient failure is retried here.
   */
  bytes?: readonly Uint8Array[]
  /** Of the body (default application/octet-stream). */
  contentType?: string
  /** Statuses that are success (default 200). */
  expected?: readonly number[]
  /** Safe to send again after a transient failure. */
  idempotent?: boolean
  timeoutMs?: number
}

export interface S3Api {
  send(operation: string, call: S3Call): Promise<HttpResponse<string | undefined>>
}

/** What S3 answered instead: the shape describeS3Error reads. */
export class S3Error extends Error {
  override readonly name: string
  readonly Code: string | undefined
  readonly $metadata: { httpStatusCode: number }
  constructor(status: number, code: string | undefined, message: string) {
    super(message)
    this.name = code ?? `HTTP${status}`
    this.Code = code
    this.$metadata = { httpStatusCode: status }
  }
}

/** `<Tag>text</Tag>` of a small S3 XML answer. */
export const xmlText = (xml: string, tag: string): string | undefined =>
  new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1]

/** An S3 error answer (a status we did not expect, or an `<Error>` inside a 200) as an S3Error. */
export function s3Error(status: number, body: string): S3Error {
  return new S3Error(status, xmlText(body, 'Code'), xmlText(body, 'Message') ?? '')
}

/** The object's url: https://host/bucket/key (path style) or https://bucket.host/key. */
export function objectUrl(settings: S3Settings, key: string): URL {
  const base = new URL(settings.endpoint ?? `https://s3.${settings.region}.amazonaws.com`)
  const path = key.split('/').map(encodeRfc3986).join('/')
  const root = base.pathname.replace(/\/+$/, '')
  if (settings.pathStyle) base.pathname = `${root}/${encodeRfc3986(settings.bucket)}/${path}`
  else {
    base.hostname = `${settings.bucket}.${base.hostname}`
    base.pathname = `${root}/${path}`
  }
  return base
}

export function s3Api(
  settings: S3Settings,
  operations: Record<string, number>,
  http: Http = createHttp(),
): S3Api {
  const credentials = {
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
  }
  http.secrets.add(settings.secretAccessKey)
  const once = async (
    operation: string,
    call: S3Call,
  ): Promise<HttpResponse<string | undefined>> => {
    const url = objectUrl(settings, call.key)
    for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v)
    const length: Record<string, string> = call.bytes
      ? { 'content-length': String(call.bytes.reduce((n, b) => n + b.length, 0)) }
      : {}
    const headers = signRequest(
      { method: call.method, url, headers: { ...call.headers, ...length } },
      credentials,
      settings.region,
      new Date(),
    )
    operations[operation] = (operations[operation] ?? 0) + 1
    if (call.bytes !== undefined) return sendBytes(http, operation, call, url, headers)
    try {
      return await http.request<string | undefined>({
        method: call.method,
        url,
        template: `${operation}`,
        headers: { Accept: '*/*', ...headers },
        ...(call.body !== undefined ? { body: call.body } : {}),
        ...(call.contentType !== undefined ? { contentType: call.contentType } : {}),
        expected: call.expected ?? [200],
        responseType: call.method === 'HEAD' ? 'none' : 'text',
        ...(call.idempotent !== undefined ? { idempotent: call.idempotent } : {}),
        ...(call.timeoutMs !== undefined ? { timeoutMs: call.timeoutMs } : {}),
      })
    } catch (error) {
      if (error instanceof HttpError) throw s3Error(error.status, error.body)
      throw error
    }
  }
  const send = (operation: string, call: S3Call): Promise<HttpResponse<string | undefined>> =>
    call.bytes === undefined ? once(operation, call) : withRetries(() => once(operation, call))
  return { send }
}

/** A part's bytes over node:http(s) (./put-bytes.ts), counted and checked like the client's requests. */
async function sendBytes(
  http: Http,
  operation: string,
  call: S3Call,
  url: URL,
  headers: Record<string, string>,
): Promise<HttpResponse<string | undefined>> {
  http.counter.add(call.method, operation)
  const response = await putBytes({
    method: call.method === 'POST' ? 'POST' : 'PUT',
    url,
    headers: { 'user-agent': http.userAgent, accept: '*/*', ...headers },
    bytes: call.bytes ?? [],
    ...(call.timeoutMs !== undefined ? { timeoutMs: call.timeoutMs } : {}),
  })
  const text = http.secrets.redact(response.text)
  if (!(call.expected ?? [200]).includes(response.status)) throw s3Error(response.status, text)
  return {
    status: response.status,
    headers: response.headers,
    url: url.toString(),
    data: text,
    body: null,
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** The client's retry policy for a request whose streamed body it cannot resend itself. */
async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (error) {
      const decision = decideRetry({
        method: 'PUT',
        idempotent: true,
        attempt: n,
        ...(error instanceof S3Error
          ? { status: error.$metadata.httpStatusCode }
          : { error: error instanceof ConnectionError ? error.cause : error }),
        policy: DEFAULT_RETRY_POLICY,
        random: Math.random,
        nowMs: Date.now(),
      })
      if (!decision.retry) throw error
      await sleep(decision.delayMs)
    }
  }
}
