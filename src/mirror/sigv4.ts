// AWS Signature Version 4 for S3 requests, with an unsigned payload: the
// headers are signed, the body is not hashed a second time (the build's own
// checksum is verified on the way, and the parts go over TLS where it matters).
import { createHash, createHmac } from 'node:crypto'

export interface Credentials {
  accessKeyId: string
  secretAccessKey: string
}

export interface SignedRequest {
  method: string
  url: URL
  /** Headers to sign besides host and the x-amz-* ones added here (lower-case names). */
  headers?: Record<string, string>
}

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD'

/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
export const encodeRfc3986 = (text: string): string =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex')
const hmac = (key: Buffer | string, text: string): Buffer =>
  createHmac('sha256', key).update(text).digest()

/** The query as SigV4 canonicalises it: pairs sorted, each part encoded, `k=` for no value. */
function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
}

/** The headers to send: the request's own plus x-amz-date, x-amz-content-sha256 and Authorization. */
export function signRequest(
  request: SignedRequest,
  credentials: Credentials,
  region: string,
  now: Date,
): Record<string, string> {
  const stamp = now.toISOString().replace(/[-:]|\.\d{3}/g, '')
  const day = stamp.slice(0, 8)
  const headers: Record<string, string> = {
    ...request.headers,
    'x-amz-content-sha256': UNSIGNED_PAYLOAD,
    'x-amz-date': stamp,
  }
  const signed: Record<string, string> = { ...headers, host: request.url.host }
  const names = Object.keys(signed)
    .map((n) => n.toLowerCase())
    .sort()
  const lower = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), v]))
  const canonical = [
    request.method,
    request.url.pathname,
    canonicalQuery(request.url),
    names.map((n) => `${n}:${`${lower[n]}`.trim().replace(/\s+/g, ' ')}\n`).join(''),
    names.join(';'),
    UNSIGNED_PAYLOAD,
  ].join('\n')
  const scope = `${day}/${region}/s3/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256Hex(canonical)].join('\n')
  const key = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), 's3'),
    'aws4_request',
  )
  const signature = createHmac('sha256', key).update(toSign).digest('hex')
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`
  return headers
}
