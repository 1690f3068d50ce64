// Every secret the client handles (passwords, application credential secrets,
// tokens) is registered here. Messages and logs pass through `redact`, and the
// action forwards each value to `core.setSecret` through `onSecret`.

/** Called once per new secret value, e.g. `(v) => core.setSecret(v)`. */
export type OnSecret = (value: string) => void

const MASK = '***'
/** Values shorter than this are not searched for in text (they would garble it). */
const MIN_REDACT_LENGTH = 4

export class SecretRegistry {
  private readonly values = new Set<string>()

  constructor(private readonly onSecret?: OnSecret) {}

  /** Register a secret; empty and repeated values are ignored. */
  add(value: string | undefined | null): void {
    if (value === undefined || value === null || value === '' || this.values.has(value)) return
    this.values.add(value)
    this.onSecret?.(value)
  }

  has(value: string): boolean {
    return this.values.has(value)
  }

  /** Replace every registered secret in `text` with `***`. */
  redact(text: string): string {
    let result = text
    // Longest first, so a secret that contains another one is masked whole.
    const sorted = [...this.values].sort((a, b) => b.length - a.length)
    for (const value of sorted) {
      if (value.length < MIN_REDACT_LENGTH) continue
      result = result.split(value).join(MASK)
    }
    return result
  }
}

// A url may carry `user:password@` (a private mirror). Wherever text is shown
// (messages, log lines, dry-run lines, errors, problems, summaries), the
// userinfo of every url in it is cut out here; requests send it as Basic auth
// instead (see `splitUserinfo`), which fetch drops on a redirect to another origin.

// Scheme, `://` (or `&#58;//` in escaped Markdown), then the userinfo up to
// the last `@` before the host: a password may hold a bare `@`. The scheme is
// bounded in length, so a long run of letters costs a few steps per letter,
// not one pass per letter (a hostile line of 20,000 letters).
const USERINFO =
  /([a-z][a-z0-9+.-]{0,31}(?::|&#58;)\/\/)(?:&#\d+;|[^/?#\s&]|&(?!#\d+;))*@(?:\u2060)?/gi

/** `text` with every url in it shown without the `user:password@` it may carry. */
export const withoutUserinfo = (text: string): string => text.replace(USERINFO, '$1')

/** A url without its userinfo, and the Basic authorization that carries it instead. */
export function splitUserinfo(url: URL): { url: URL; authorization?: string; password?: string } {
  if (!url.username && !url.password) return { url }
  const bare = new URL(url)
  bare.username = ''
  bare.password = ''
  const user = safeDecode(url.username)
  const password = safeDecode(url.password)
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
  return { url: bare, authorization, password }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
