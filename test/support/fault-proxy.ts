// An HTTP proxy in front of the real Glance that injects faults for matching
// requests (a status, a connection reset, a delay) and counts requests.

import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import { closeServer, forward as forwardTo, listenLoopback } from './loopback.js'

export type Fault =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { reset: true }
  /** Reads this much of the request body, then drops the connection: a reset mid-upload. */
  | { resetAfterBytes: number }
  | { delayMs: number }
  /** Passes the request on and changes the answer's body: a state the real Glance cannot reach. */
  | { rewrite: (body: string) => string }

export interface FaultRule {
  method?: string
  /** Matched against the path with its query. */
  path: RegExp
  fault: Fault
  /** How many matching requests get the fault (default 1). */
  times?: number
}

export interface ProxiedRequest {
  method: string
  path: string
  /** 'status 503', 'reset', 'reset after N bytes', 'delay 200 ms', or undefined when passed through untouched. */
  fault?: string
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: use as the Glance endpoint. */
  url: string
  inject(rule: FaultRule): void
  clear(): void
  requests: ProxiedRequest[]
  /** Requests with this method whose path matches. */
  count(method: string, path: RegExp): number
  close(): Promise<void>
}

/** `keepHost`: forward the client's Host header unchanged (for SigV4-signed S3 requests). */
export async function startFaultProxy(
  target: string,
  { keepHost = false }: { keepHost?: boolean } = {},
): Promise<FaultProxy> {
  const upstream = new URL(target)
  const rules: (FaultRule & { left: number })[] = []
  const requests: ProxiedRequest[] = []

  const forward = (req: IncomingMessage, res: ServerResponse): void =>
    forwardTo(upstream, req, res, keepHost)

  const server: Server = createServer((req, res) => {
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    const rule = rules.find(
      (r) => r.left > 0 && (r.method === undefined || r.method === method) && r.path.test(path),
    )
    const entry: ProxiedRequest = { method, path }
    requests.push(entry)
    if (rule === undefined) {
      forward(req, res)
      return
    }
    rule.left--
    const { fault } = rule
    if ('reset' in fault) {
      entry.fault = 'reset'
      req.socket.destroy()
    } else if ('resetAfterBytes' in fault) {
      entry.fault = `reset after ${fault.resetAfterBytes} bytes`
      let received = 0
      req.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received >= fault.resetAfterBytes) req.socket.destroy()
      })
    } else if ('status' in fault) {
      entry.fault = `status ${fault.status}`
      req.resume()
      req.on('end', () => {
        res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers })
        res.end(fault.body ?? JSON.stringify({ message: `injected ${fault.status}` }))
      })
    } else if ('rewrite' in fault) {
      entry.fault = 'rewrite'
      forwardRewritten(upstream, req, res, fault.rewrite)
    } else {
      entry.fault = `delay ${fault.delayMs} ms`
      setTimeout(() => forward(req, res), fault.delayMs)
    }
  })
  const port = await listenLoopback(server)

  return {
    url: `http://127.0.0.1:${port}`,
    inject: (rule) => rules.push({ ...rule, left: rule.times ?? 1 }),
    clear: () => void (rules.length = 0),
    requests,
    count: (method, path) =>
      requests.filter((r) => r.method === method && path.test(r.path)).length,
    close: () => closeServer(server),
  }
}

/** Like forward(), with the answer's body changed by `rewrite` (its length set anew). */
function forwardRewritten(
  upstream: URL,
  req: IncomingMessage,
  res: ServerResponse,
  rewrite: (body: string) => string,
): void {
  const proxied = httpRequest(
    {
      hostname: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: upstream.host },
    },
    (answer) => {
      const chunks: Buffer[] = []
      answer.on('data', (c: Buffer) => chunks.push(c))
      answer.on('end', () => {
        const body = Buffer.from(rewrite(Buffer.concat(chunks).toString('utf8')))
        const headers = { ...answer.headers, 'content-length': String(body.length) }
        delete headers['transfer-encoding']
        res.writeHead(answer.statusCode ?? 502, headers)
        res.end(body)
      })
    },
  )
  proxied.on('error', () => res.destroy())
  req.pipe(proxied)
}
