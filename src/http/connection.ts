// Connection-level failures (refused, reset, timeout, DNS, TLS) and their
// short human reasons, for any client: the cloud's, image sources', S3's.
import { getErrorMessage } from '../problems.js'

/** A connection-level failure (refused, reset, timeout, DNS, TLS) after all retries. */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError'
  constructor(
    message: string,
    /** Short reason, e.g. 'connection refused'. */
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

export { getErrorMessage }

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS lookup failed)',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection reset',
  UND_ERR_CLOSED: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
}

/** Certificates a trust setting fixes; the hint names the setting (the cloud's or the sources'). */
const TRUST_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed TLS certificate in chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS certificate not trusted',
}

export const CLOUD_TRUST_HINT = 'set cacert, or verify: false'

/** The innermost error code of a fetch failure (`TypeError: fetch failed` wraps the real one). */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && code !== '') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/** A short human reason for a connection failure: 'connection refused', 'timed out after 30 s', ... */
export function connectionReason(error: unknown, trustHint = CLOUD_TRUST_HINT): string {
  const name = (error as { name?: unknown } | null)?.name
  if (name === 'TimeoutError') return 'timed out'
  const code = errorCode(error)
  const trust = code === undefined ? undefined : TRUST_REASONS[code]
  if (trust !== undefined) return `${trust} (${trustHint})`
  if (code !== undefined) return REASONS[code] ?? code
  let current: unknown = error
  while (current instanceof Error && current.cause instanceof Error) current = current.cause
  return current instanceof Error ? current.message : getErrorMessage(error)
}
