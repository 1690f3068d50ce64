// The one error type for "the server answered with a status we did not expect"
// (gophercloud's ErrUnexpectedResponseCode). Callers classify with isStatus().

/** How much of a response body an error keeps. */
const MAX_BODY = 2000
const MAX_MESSAGE = 300

export class HttpError extends Error {
  override readonly name = 'HttpError'

  constructor(
    readonly method: string,
    /** The request URL (secrets already redacted). */
    readonly url: string,
    readonly expected: readonly number[],
    readonly status: number,
    /** Response body, redacted and truncated. */
    readonly body: string,
    /** The service's own explanation, when the body had one (Glance/Keystone `message`). */
    readonly serviceMessage?: string,
    /** Retry-After etc. are sometimes needed by callers. */
    readonly headers?: Headers,
  ) {
    super(
      `${method} ${url}: expected ${expected.join(' or ')}, got ${status}` +
        (serviceMessage ? `: ${serviceMessage}` : ''),
    )
  }
}

/** True when `error` is an HttpError with one of the given statuses. */
export function isStatus(error: unknown, ...statuses: number[]): error is HttpError {
  return error instanceof HttpError && statuses.includes(error.status)
}

function oneLine(text: string, max = MAX_MESSAGE): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat
}

function messageOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  if (typeof record.message === 'string' && record.message !== '') return record.message
  if (typeof record.detail === 'string' && record.detail !== '') return record.detail
  // Keystone: {"error": {"message": ...}}; nova-style: {"badRequest": {"message": ...}}
  for (const inner of Object.values(record)) {
    if (typeof inner === 'object' && inner !== null) {
      const found = messageOf(inner)
      if (found !== undefined) return found
    }
  }
  return undefined
}

/**
 * The explanation inside an error body: the `message` of a JSON body
 * (Glance, Keystone), or the text of an HTML page without its title line
 * (Glance's webob errors: "<h1>404 Not Found</h1> No image found with ID x").
 */
export function extractServiceMessage(body: string): string | undefined {
  const trimmed = body.trim()
  if (trimmed === '') return undefined
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const found = messageOf(JSON.parse(trimmed))
      if (found !== undefined) return oneLine(stripHtml(found))
    } catch {
      // not JSON after all: fall through
    }
  }
  if (/<[a-z][\s\S]*>/i.test(trimmed)) {
    const withoutTitle = trimmed
      .replace(/<title>[\s\S]*?<\/title>/i, '')
      .replace(/<h1>[\s\S]*?<\/h1>/i, '')
    const text = oneLine(stripHtml(withoutTitle))
    return text !== '' ? text : oneLine(stripHtml(trimmed))
  }
  return oneLine(trimmed)
}

function stripHtml(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&amp;/g, '&')
}

/** Truncate a body for keeping in an error. */
export function truncateBody(body: string): string {
  return body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}... (${body.length} characters)` : body
}
