// The cloud's TLS settings (cloudTls) in its http client, against a loopback
// https server whose certificate comes from a throwaway CA: each setting is
// checked by what the server sees, through both transports (fetch for API
// calls, node:https for image bytes). (Keystone and Glance behind TLS:
// integration/openstack/tls.)
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:https'
import os from 'node:os'
import path from 'node:path'
import type { TLSSocket } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cloudTls } from '../../../../src/openstack/auth/tls.js'
import { createHttp } from '../../../../src/http/client.js'
import type { CloudConfig } from '../../../../src/openstack/config/types.js'
import { passwordConfig } from '../../../support/keystone-fixtures.js'
import { issueServerCert, makeCa, type CertificateAuthority } from '../../../support/tls.js'
import { closeServer, listenLoopback } from '../../../support/loopback.js'

let dir: string
let serverCa: CertificateAuthority
let otherCa: CertificateAuthority
let server: Server
let url: string
let client: { cert: string; key: string }

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tls-unit-'))
  serverCa = await makeCa(dir, 'server-ca')
  otherCa = await makeCa(dir, 'other-ca')
  const certificate = await issueServerCert(serverCa, dir, 'server')
  const clientCertificate = await issueServerCert(otherCa, dir, 'client-alice')
  client = { cert: path.join(dir, 'client.pem'), key: path.join(dir, 'client.key') }
  await writeFile(client.cert, clientCertificate.cert)
  await writeFile(client.key, clientCertificate.key)
  // Asks for a client certificate without requiring one, and answers with its common name.
  server = createServer(
    { ...certificate, requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate()
      res.end(peer.subject?.CN ?? 'no client certificate')
    },
  )
  url = `https://127.0.0.1:${await listenLoopback(server)}/`
})

afterAll(async () => {
  await closeServer(server)
  await rm(dir, { recursive: true, force: true })
})

const TRANSPORTS = [
  ['an API call (fetch)', 'text'],
  ['image bytes (node:https)', 'stream'],
] as const

/** What the server answers to the cloud's client: its text, or the failure's message. */
async function answer(config: CloudConfig, type: 'text' | 'stream'): Promise<string> {
  const tls = await cloudTls(config)
  const http = createHttp({ ...(tls ? { tls } : {}), retry: { maxAttempts: 1 } })
  try {
    const response = await http.request<string>({
      method: 'GET',
      url,
      expected: [200],
      responseType: type,
    })
    if (type === 'text') return response.data
    const chunks: Buffer[] = []
    for await (const chunk of response.body ?? []) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  } catch (error) {
    return (error as Error).message
  }
}

describe.each(TRANSPORTS)('cloudTls, %s', (_, type) => {
  it('keeps the defaults when nothing special is configured, which refuse an unknown CA', async () => {
    expect(await cloudTls(passwordConfig())).toBeUndefined()
    expect(await answer(passwordConfig(), type)).toMatch(/TLS certificate not trusted \(set cacert/)
  })

  it('verify: false reaches a server no CA vouches for', async () => {
    expect(await answer(passwordConfig({ verify: false }), type)).toBe('no client certificate')
  })

  it("cacert trusts that CA's servers, and only that CA", async () => {
    expect(await answer(passwordConfig({ cacert: serverCa.certFile }), type)).toBe(
      'no client certificate',
    )
    // A cacert replaces the trusted CAs: one that did not sign the server's certificate fails.
    expect(await answer(passwordConfig({ cacert: otherCa.certFile }), type)).toMatch(
      /TLS certificate not trusted/,
    )
  })

  it('cert and key are presented to the server as the client certificate', async () => {
    const config = passwordConfig({ cacert: serverCa.certFile, cert: client.cert, key: client.key })
    expect(await answer(config, type)).toBe('client-alice')
  })
})

describe('cloudTls', () => {
  it('names an unreadable cacert', async () => {
    await expect(cloudTls(passwordConfig({ cacert: '/nonexistent/ca.pem' }))).rejects.toThrow(
      'Cannot read the cacert /nonexistent/ca.pem: ENOENT',
    )
  })
})
