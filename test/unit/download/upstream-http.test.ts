import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:https'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeServer, listenLoopback } from '../../support/loopback.js'
import { issueServerCert, makeCa, type CertificateAuthority } from '../../support/tls.js'
import { connectionReason } from '../../../src/http/connection.js'
import { createUpstreamHttp, SOURCE_TRUST_HINT } from '../../../src/download/upstream-http.js'

const tlsFailure = (code: string): TypeError =>
  new TypeError('fetch failed', { cause: Object.assign(new Error('certificate'), { code }) })

describe('the upstream client', () => {
  it('names an unreadable --source-cacert', async () => {
    await expect(
      createUpstreamHttp({ sourceCacert: '/nonexistent/source-ca.pem' }),
    ).rejects.toThrow('Cannot read the --source-cacert /nonexistent/source-ca.pem: ENOENT')
  })

  it("points at --source-cacert, not at the cloud's cacert, for an untrusted source", async () => {
    const http = await createUpstreamHttp({
      fetch: () => Promise.reject(tlsFailure('UNABLE_TO_GET_ISSUER_CERT_LOCALLY')),
    })
    await expect(
      http.request({ method: 'HEAD', url: 'https://mirror.example/x.img', expected: [200] }),
    ).rejects.toThrow(
      `HEAD https://mirror.example/x.img: TLS certificate not trusted (${SOURCE_TRUST_HINT})`,
    )
    // The cloud's own client keeps its hint.
    expect(connectionReason(tlsFailure('SELF_SIGNED_CERT_IN_CHAIN'))).toBe(
      'self-signed TLS certificate in chain (set cacert, or verify: false)',
    )
  })
})

describe('a download from an https source with a private CA (node:https)', () => {
  let dir: string
  let server: Server
  let url: string
  let ca: CertificateAuthority

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'source-ca-'))
    ca = await makeCa(dir, 'source-ca')
    server = createServer(await issueServerCert(ca, dir, 'mirror'), (_req, res) =>
      res.end('image bytes'),
    )
    url = `https://127.0.0.1:${await listenLoopback(server)}/x.img`
  })
  afterAll(async () => {
    await closeServer(server)
    await rm(dir, { recursive: true, force: true })
  })

  const download = async (sourceCacert?: string): Promise<string> => {
    const http = await createUpstreamHttp({
      retry: { maxAttempts: 1 },
      ...(sourceCacert ? { sourceCacert } : {}),
    })
    const response = await http.request({
      method: 'GET',
      url,
      expected: [200],
      responseType: 'stream',
    })
    const chunks: Buffer[] = []
    for await (const chunk of response.body ?? []) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }

  it('is refused without --source-cacert, with the hint that names it', async () => {
    await expect(download()).rejects.toThrow(`TLS certificate not trusted (${SOURCE_TRUST_HINT})`)
  })

  it('is read with --source-cacert naming that CA', async () => {
    expect(await download(ca.certFile)).toBe('image bytes')
  })
})
