// The HTTP client for image sources (HEAD checks, downloads, checksum files of
// `version: latest`). It never takes the cloud's TLS settings: a private
// `cacert` of the cloud would replace the CAs a public mirror needs, and
// `verify: false` for a lab cloud must not switch checks off for the internet.
// It trusts Node's default CAs, plus the CA bundle of `--source-cacert` when given.

import { readFile } from 'node:fs/promises'
import * as tls from 'node:tls'
import type { ConnectionOptions } from 'node:tls'
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

/** The connection options for image sources: the default CAs plus the source CA, when one is given. */
async function upstreamTls(sourceCacert?: string): Promise<ConnectionOptions | undefined> {
  if (sourceCacert === undefined) return undefined
  const ca = [...(await defaultCertificates()), await readPem(sourceCacert, '--source-cacert')]
  return { ca, rejectUnauthorized: true }
}

/** The fetch for image sources (the url checks of `validate`). */
export async function createUpstreamFetch(sourceCacert?: string): Promise<FetchFunction> {
  const tls = await upstreamTls(sourceCacert)
  return tls ? fetchWithTls(tls) : globalThis.fetch
}

/** An Http for image sources, with the same retries and timeouts as the cloud's client. */
export async function createUpstreamHttp(options: UpstreamHttpOptions = {}): Promise<Http> {
  const { sourceCacert, ...http } = options
  const tls = options.fetch ? undefined : await upstreamTls(sourceCacert)
  return createHttp({ ...http, ...(tls ? { tls } : {}), trustHint: SOURCE_TRUST_HINT })
}
