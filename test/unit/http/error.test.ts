import { describe, expect, it } from 'vitest'
import {
  HttpError,
  extractServiceMessage,
  isStatus,
  truncateBody,
} from '../../../src/http/error.js'

describe('extractServiceMessage', () => {
  it.each([
    [
      'Keystone JSON',
      '{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}',
      'The request you have made requires authentication.',
    ],
    [
      'Glance JSON',
      '{"message": "Image name too long: 300", "code": "400 Bad Request", "title": "Bad Request"}',
      'Image name too long: 300',
    ],
    [
      'Glance HTML',
      '<html>\n <head>\n  <title>409 Conflict</title>\n </head>\n <body>\n  <h1>409 Conflict</h1>\n  Image status transition from active to deactivated is not allowed<br /><br />\n\n\n\n </body>\n</html>',
      'Image status transition from active to deactivated is not allowed',
    ],
    [
      'Glance HTML with entities and a detail line',
      '<html>\n <head>\n  <title>403 Forbidden</title>\n </head>\n <body>\n  <h1>403 Forbidden</h1>\n  Not allowed to deactivate image in status &#x27;queued&#x27;<br /><br />\n\n\n\n </body>\n</html>',
      "Not allowed to deactivate image in status 'queued'",
    ],
    ['plain text', 'Service Unavailable\n', 'Service Unavailable'],
    ['empty', '  ', undefined],
  ])('%s', (_name, body, message) => {
    expect(extractServiceMessage(body)).toBe(message)
  })

  it('keeps messages to one short line', () => {
    const message = extractServiceMessage(`{"message": "${'x'.repeat(500)}\\nsecond line"}`) ?? ''
    expect(message.length).toBe(300)
    expect(message).not.toContain('\n')
  })
})

describe('HttpError', () => {
  it('says method, URL, expected and actual status in one line', () => {
    const error = new HttpError(
      'DELETE',
      'http://g/v2/images/x',
      [204],
      403,
      '...',
      'Image x is protected',
    )
    expect(error.message).toBe(
      'DELETE http://g/v2/images/x: expected 204, got 403: Image x is protected',
    )
    expect(isStatus(error, 403)).toBe(true)
    expect(isStatus(error, 404, 409)).toBe(false)
    expect(isStatus(new Error('x'), 403)).toBe(false)
  })

  it('truncates long bodies', () => {
    expect(truncateBody('a'.repeat(3000))).toBe(`${'a'.repeat(2000)}... (3000 characters)`)
  })
})
