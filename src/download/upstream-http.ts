// The HTTP client for image sources (HEAD checks, downloads, checksum files of
// `version: latest`). It never takes the cloud's TLS settings: a private
// `cacert` of the cloud would replace the CAs a public mirror needs, and
// `verify: false` for a lab cloud must not switch checks off for the internet.
// It trusts Node's default CAs, plus the CA bundle of `--source-cacert` when given.

import { readFile } from 'node:fs/promises'
import * as tls from 'node:tls'
import { createHttp, type FetchFunction, type Http, type HttpOptions } from '../http/client.js'
import { fetchWithTls, readPem } from '../http/tls.js'

export const SOURCE_TRUST_HINT =
  'image sources are checked against the system CAs; for a private CA give --source-cacert FILE (action input source-cacert)'

export interface UpstreamHttpOptions extends Pick<
  HttpOptions,
  'fetch' | 'sleep' | 'random' | 'now' | 'userAgent' | 'timeoutMs' | 'retry' | 'secrets' | 'log'
> {
  /** PEM file of CAs trusted for image sources in addition to the default ones. */
  sourceCacert?: string
}

/** Node's default CAs: its bundled ones and NODE_EXTRA_CA_CERTS (Node 24 adds the OS store with --use-system-ca). */
async function defaultCertificates(): Promise<string[]> {
  const getter = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates
  if (getter) return getter('default')
  const extra = process.env.NODE_EXTRA_CA_CERTS
  // Node 20 drops NODE_EXTRA_CA_CERTS once `ca` is given; keep it as Node would without one.
  const extraPem = extra ? await readFile(extra, 'utf8').catch(() => '') : ''
  return [...tls.rootCertificates, ...(extraPem ? [extraPem] : [])]
}

/** The fetch for image sources: the default CAs, plus the source CA when one is given. */
export async function createUpstreamFetch(sourceCacert?: string): Promise<FetchFunction> {
  if (sourceCacert === undefined) return globalThis.fetch
  const ca = [...(await defaultCertificates()), await readPem(sourceCacert, '--source-cacert')]
  return fetchWithTls({ ca, rejectUnauthorized: true })
}

/** An Http for image sources, with the same retries and timeouts as the cloud's client. */
export async function createUpstreamHttp(options: UpstreamHttpOptions = {}): Promise<Http> {
  const { sourceCacert, ...http } = options
  return createHttp({
    ...http,
    fetch: options.fetch ?? (await createUpstreamFetch(sourceCacert)),
    trustHint: SOURCE_TRUST_HINT,
  })
}
