// Plumbing shared by the tests' loopback servers: listen on a free port, stop
// with open connections cut, and forward a request to an upstream http service.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Server } from 'node:net'

/** Listens on 127.0.0.1 at a port the system picks; resolves to that port. */
export async function listenLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as { port: number }).port
}

/** Closes `server`, cutting keep-alive and half-sent connections so close does not wait. */
export async function closeServer(server: Server & { closeAllConnections(): void }) {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

/** Sends `req` on to `upstream` (same method, path and headers) and pipes the answer back. */
export function forward(
  upstream: URL,
  req: IncomingMessage,
  res: ServerResponse,
  /** Keep the client's Host header (a signed one, as S3's SigV4 signs it). */
  keepHost = false,
): void {
  const proxied = httpRequest(
    {
      hostname: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: keepHost ? req.headers : { ...req.headers, host: upstream.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    },
  )
  proxied.on('error', () => res.destroy())
  req.pipe(proxied)
}
