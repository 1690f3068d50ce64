// createTlsFetch against a loopback https server whose certificate comes from a
// throwaway CA: each setting is checked by what the server sees, not by what
// the function returns. (Keystone and Glance behind TLS: integration/openstack/tls.)
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:https'
import os from 'node:os'
import path from 'node:path'
import type { TLSSocket } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTlsFetch } from '../../../../src/openstack/auth/tls.js'
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

/** The cause's message of a failed fetch (undici puts the TLS error there). */
async function failure(request: Promise<Response>): Promise<string> {
  const error = await request.then(
    () => new Error('the request succeeded'),
    (e: unknown) => e as Error,
  )
  return String((error.cause as Error | undefined)?.message ?? error.message)
}

describe('createTlsFetch', () => {
  it('keeps the global fetch when nothing special is configured, which refuses an unknown CA', async () => {
    expect(await createTlsFetch(passwordConfig())).toBeUndefined()
    expect(await failure(fetch(url))).toMatch(/unable to verify the first certificate/)
  })

  it('verify: false reaches a server no CA vouches for', async () => {
    const tlsFetch = await createTlsFetch(passwordConfig({ verify: false }))
    const response = await tlsFetch!(url)
    expect(await response.text()).toBe('no client certificate')
  })

  it("cacert trusts that CA's servers, and only that CA", async () => {
    const trusting = await createTlsFetch(passwordConfig({ cacert: serverCa.certFile }))
    expect(await (await trusting!(url)).text()).toBe('no client certificate')
    // A cacert replaces the trusted CAs: one that did not sign the server's certificate fails.
    const wrong = await createTlsFetch(passwordConfig({ cacert: otherCa.certFile }))
    expect(await failure(wrong!(url))).toMatch(/unable to verify the first certificate/)
  })

  it('cert and key are presented to the server as the client certificate', async () => {
    const tlsFetch = await createTlsFetch(
      passwordConfig({ cacert: serverCa.certFile, cert: client.cert, key: client.key }),
    )
    expect(await (await tlsFetch!(url)).text()).toBe('client-alice')
  })

  it('names an unreadable cacert', async () => {
    await expect(createTlsFetch(passwordConfig({ cacert: '/nonexistent/ca.pem' }))).rejects.toThrow(
      'Cannot read the cacert /nonexistent/ca.pem: ENOENT',
    )
  })
})
