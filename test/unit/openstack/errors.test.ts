import { describe, expect, it } from 'vitest'
import { connectionReason, errorCode } from '../../../src/http/connection.js'
import { getErrorMessage } from '../../../src/problems.js'
import { fetchFailure } from '../../support/strict-fetch.js'

describe('errors', () => {
  it('finds the code inside a fetch failure and names it', () => {
    expect(errorCode(fetchFailure('ECONNREFUSED'))).toBe('ECONNREFUSED')
    expect(connectionReason(fetchFailure('ECONNREFUSED'))).toBe('connection refused')
    expect(connectionReason(fetchFailure('ENOTFOUND'))).toBe('host not found')
    expect(connectionReason(fetchFailure('EWHATEVER'))).toBe('EWHATEVER')
    expect(
      connectionReason(new TypeError('fetch failed', { cause: new Error('other side closed') })),
    ).toBe('other side closed')
  })

  it('gives the message of anything thrown', () => {
    expect(getErrorMessage(new Error('x'))).toBe('x')
    expect(getErrorMessage('y')).toBe('y')
    expect(getErrorMessage({ a: 1 })).toBe('{"a":1}')
  })
})
