import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  decideRetry,
  isTransientError,
  parseRetryAfter,
} from '../../../src/http/retry.js'
import { fetchFailure } from '../../support/strict-fetch.js'

const policy = DEFAULT_RETRY_POLICY
const base = { attempt: 1, policy, random: () => 0, nowMs: 0 }

describe('decideRetry', () => {
  it.each([
    ['GET', 503, true],
    ['HEAD', 502, true],
    ['DELETE', 504, true],
    ['OPTIONS', 429, true],
    ['GET', 500, false],
    ['GET', 404, false],
    ['GET', 401, false],
    ['POST', 503, false],
    ['PUT', 503, false],
    ['PATCH', 429, false],
  ] as const)('%s answered %i: retry %s', (method, status, retry) => {
    expect(decideRetry({ ...base, method, status }).retry).toBe(retry)
  })

  it.each([
    ['ECONNRESET', true],
    ['ECONNREFUSED', true],
    ['UND_ERR_SOCKET', true],
    ['EPIPE', true],
    ['ENOTFOUND', false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', false],
  ])('GET failing with %s: retry %s', (code, retry) => {
    expect(decideRetry({ ...base, method: 'GET', error: fetchFailure(code) }).retry).toBe(retry)
  })

  it('stops after maxAttempts', () => {
    expect(
      decideRetry({ ...base, method: 'GET', status: 503, attempt: policy.maxAttempts }).retry,
    ).toBe(false)
  })

  it('lets an idempotent POST be retried', () => {
    expect(decideRetry({ ...base, method: 'POST', status: 503, idempotent: true }).retry).toBe(true)
  })

  it('waits what Retry-After says instead of the backoff', () => {
    expect(decideRetry({ ...base, method: 'GET', status: 429, retryAfter: '12' })).toEqual({
      retry: true,
      delayMs: 12_000,
    })
  })
})

describe('backoffDelay', () => {
  it('doubles per retry, half of it random, capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0))).toEqual([
      250, 500, 1000, 2000,
    ])
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 1))).toEqual([
      500, 1000, 2000, 4000,
    ])
    expect(backoffDelay(30, policy, () => 1)).toBe(policy.maxDelayMs)
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000)
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000)
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 20_000)).toBe(0)
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
    expect(parseRetryAfter(null, 0)).toBeUndefined()
  })
})

describe('isTransientError', () => {
  it('treats our own timeout as transient', () => {
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' })
    expect(isTransientError(timeout)).toBe(true)
    expect(isTransientError(new Error('something else'))).toBe(false)
  })
})
