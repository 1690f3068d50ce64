// TLS for tests: throwaway CAs and server certificates made with `openssl` at
// test time, and a TLS-terminating proxy (a small node https server) that
// forwards to a loopback http service such as Keystone, Glance or an image server.

import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:https'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { closeServer, forward, listenLoopback } from './loopback.js'

const run = promisify(execFile)

export interface CertificateAuthority {
  name: string
  /** Path of the CA certificate (PEM): what a `cacert` setting points at. */
  certFile: string
  keyFile: string
}

export interface ServerCertificate {
  cert: string
  key: string
}

/** A self-signed CA in `dir`; `name` is its common name and file prefix. */
export async function makeCa(dir: string, name: string): Promise<CertificateAuthority> {
  const certFile = join(dir, `${name}.pem`)
  const keyFile = join(dir, `${name}.key`)
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ])
  return { name, certFile, keyFile }
}

/** A server certificate for 127.0.0.1 and localhost, signed by `ca`. */
export async function issueServerCert(
  ca: CertificateAuthority,
  dir: string,
  name: string,
): Promise<ServerCertificate> {
  const base = join(dir, name)
  await writeFile(
    `${base}.ext`,
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n',
  )
  await run('openssl', [
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    `${base}.key`,
    '-out',
    `${base}.csr`,
    '-subj',
    `/CN=${name}`,
  ])
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    `${base}.csr`,
    '-CA',
    ca.certFile,
    '-CAkey',
    ca.keyFile,
    '-CAcreateserial',
    '-out',
    `${base}.pem`,
    '-days',
    '2',
    '-extfile',
    `${base}.ext`,
  ])
  return { cert: await readFile(`${base}.pem`, 'utf8'), key: await readFile(`${base}.key`, 'utf8') }
}

export interface TlsProxy {
  /** `https://127.0.0.1:<port>` */
  url: string
  /** Requests that arrived over TLS: `GET /v3/auth/tokens`. */
  requests: string[]
  close(): Promise<void>
}

/** An https server with `certificate` that forwards every request to the http `target`. */
export async function startTlsProxy(
  target: string,
  certificate: ServerCertificate,
): Promise<TlsProxy> {
  const upstream = new URL(target)
  const requests: string[] = []
  const server: Server = createServer(certificate, (req, res) => {
    requests.push(`${req.method} ${req.url}`)
    forward(upstream, req, res)
  })
  const port = await listenLoopback(server)
  return {
    url: `https://127.0.0.1:${port}`,
    requests,
    close: () => closeServer(server),
  }
}
