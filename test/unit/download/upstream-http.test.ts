import { describe, expect, it } from 'vitest'
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
