// When a request may be sent again, and how long to wait first. Pure, so the
// policy is tested without a server; client.ts applies it.

import { errorCode } from './connection.js'

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number
  /** Delay before the first retry; doubles with each further one. */
  baseDelayMs: number
  /** Upper bound of the exponential delay. */
  maxDelayMs: number
  /** A Retry-After longer than this is not waited for: the error is reported instead. */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 120_000,
}

/** Methods that may be repeated blindly. PATCH, POST and PUT never are. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS'])

/** Statuses that mean "try again later". */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504])

/** Error codes of connection failures worth another attempt. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])

export function isTransientStatus(status: number): boolean {
  return TRANSIENT_STATUSES.has(status)
}

/**
 * A failure before a complete response (reset, refused, our own timeout) that
 * another attempt may not see. DNS failures of unknown hosts, TLS certificate
 * problems and bad URLs are permanent.
 */
export function isTransientError(error: unknown): boolean {
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') return true
  const code = errorCode(error)
  return code !== undefined && TRANSIENT_CODES.has(code)
}

/**
 * Milliseconds to wait according to a Retry-After header (seconds or an
 * HTTP date), or undefined when there is none or it cannot be read.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (value === null || value === undefined) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - nowMs)
}

/**
 * Exponential backoff with jitter before retry number `retry` (1 = the first
 * retry): half of the exponential delay is fixed, half random, so retries of
 * many clients spread out but still grow.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1))
  return Math.round(exponential / 2 + random() * (exponential / 2))
}

export type RetryDecision = { retry: false } | { retry: true; delayMs: number }

/**
 * Decide about another attempt after attempt number `attempt` (1-based)
 * ended with `status` (a response) or `error` (no response).
 */
export function decideRetry(input: {
  method: string
  /** Set for requests that are safe to repeat although their method is not (Keystone token issue). */
  idempotent?: boolean
  attempt: number
  status?: number
  error?: unknown
  retryAfter?: string | null
  policy: RetryPolicy
  random: () => number
  nowMs: number
}): RetryDecision {
  const { policy } = input
  if (input.attempt >= policy.maxAttempts) return { retry: false }
  if (!(input.idempotent === true || IDEMPOTENT_METHODS.has(input.method))) return { retry: false }
  const backoff = backoffDelay(input.attempt, policy, input.random)
  if (input.status !== undefined) {
    if (!isTransientStatus(input.status)) return { retry: false }
    const after = parseRetryAfter(input.retryAfter, input.nowMs)
    if (after === undefined) return { retry: true, delayMs: backoff }
    if (after > policy.maxRetryAfterMs) return { retry: false }
    return { retry: true, delayMs: after }
  }
  if (input.error !== undefined && isTransientError(input.error))
    return { retry: true, delayMs: backoff }
  return { retry: false }
}
