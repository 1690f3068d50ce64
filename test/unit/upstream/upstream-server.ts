// A loopback web server laid out like the real upstream sites: files by path
// (with Last-Modified), autoindex-style listings of folders, and faults per
// path (500, HTML garbage, a hang, an endless body). Counts requests. With
// `validators` it also sends an ETag and answers conditional requests with 304.
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { closeServer, listenLoopback } from '../../support/loopback.js'

export interface Fault {
  kind: 'status' | 'hang' | 'html' | 'huge'
  status?: number
}

export interface UpstreamServer {
  url: string
  /** Serve `content` at `path` (leading slash), Last-Modified `modified`, with `headers` (x-amz-meta-*). */
  file(
    path: string,
    content: string | Buffer,
    modified?: Date,
    headers?: Record<string, string>,
  ): void
  /** An autoindex listing at `path` (ending in /) of these entries (folders end with /). */
  listing(path: string, entries: string[], style?: 'apache' | 'debian' | 'nginx'): void
  fault(path: string, fault: Fault): void
  remove(path: string): void
  requests: string[]
  /** Requests that carried If-None-Match or If-Modified-Since, and those answered 304. */
  conditional: string[]
  notModified: string[]
  close(): Promise<void>
}

export interface UpstreamServerOptions {
  /**
   * Default: Last-Modified sent, conditional requests ignored (answered 200).
   * 'etag' / 'last-modified': that validator is honoured ('etag' sends both).
   * 'none': neither header is sent.
   */
  validators?: 'etag' | 'last-modified' | 'none'
}

const DEFAULT_DATE = new Date('2026-07-13T16:27:00Z')

function render(path: string, entries: string[], style: string): string {
  const rows = entries.map((e) => {
    if (style === 'debian')
      return `<tr><td class="indexcolicon"><a href="${e}"><img src="/icons/folder.gif" alt="[DIR]"></a></td><td class="indexcolname"><a href="${e}">${e}</a></td><td class="indexcollastmod">2026-07-17 08:42  </td><td class="indexcolsize">  - </td></tr>`
    if (style === 'nginx')
      return `<a href="${e}">${e}</a>                                 13-Jul-2026 16:27       -`
    return `<tr><td valign="top"><img src="/icons/folder.gif" alt="[DIR]"></td><td><a href="${e}">${e}</a></td><td align="right">2026-07-13 16:27  </td><td align="right">  - </td></tr>`
  })
  return [
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">',
    `<html><head><title>Index of ${path}</title></head><body><h1>Index of ${path}</h1>`,
    '<table><tr><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th><th><a href="?C=S;O=A">Size</a></th></tr>',
    '<tr><td><a href="../">Parent Directory</a></td></tr>',
    ...rows,
    '</table><address>Apache/2.4.58 (Ubuntu) Server</address></body></html>',
  ].join('\r\n')
}

export async function startUpstreamServer(
  options: UpstreamServerOptions = {},
): Promise<UpstreamServer> {
  const files = new Map<
    string,
    { body: Buffer; modified: Date; headers?: Record<string, string> }
  >()
  const faults = new Map<string, Fault>()
  const requests: string[] = []
  const conditional: string[] = []
  const notModified: string[] = []
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    requests.push(`${req.method} ${path}`)
    if (req.headers['if-none-match'] || req.headers['if-modified-since'])
      conditional.push(`${req.method} ${path}`)
    const fault = faults.get(path)
    if (fault?.kind === 'hang') return // never answers
    if (fault?.kind === 'status') {
      res
        .writeHead(fault.status ?? 500, { 'Content-Type': 'text/html' })
        .end('<h1>Internal Server Error</h1>')
      return
    }
    if (fault?.kind === 'html') {
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(
          '<html><body><p>Maintenance. <a href="https://example.invalid/">status</a></p>\n<script>var a="0123456789abcdef";</script></body></html>',
        )
      return
    }
    if (fault?.kind === 'huge') {
      // A body without end and without Content-Length.
      res.writeHead(200, { 'Content-Type': 'text/plain' })
      const chunk = Buffer.alloc(64 * 1024, 'a')
      const pump = (): void => {
        while (res.write(chunk)) if (res.destroyed) return
        res.once('drain', pump)
      }
      pump()
      res.on('close', () => res.removeAllListeners('drain'))
      return
    }
    const file = files.get(path)
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not Found</h1>')
      return
    }
    const etag = `"${createHash('sha256').update(file.body).digest('hex').slice(0, 16)}"`
    const validators = {
      ...(options.validators === 'none' ? {} : { 'Last-Modified': file.modified.toUTCString() }),
      ...(options.validators === 'etag' ? { ETag: etag } : {}),
    }
    // RFC 9110 13.2.2: If-None-Match decides when present, else If-Modified-Since (1 s precision).
    const match = req.headers['if-none-match']
    const since = Date.parse(req.headers['if-modified-since'] ?? '')
    const unchanged =
      options.validators === 'etag' && match !== undefined
        ? match.split(',').some((m) => m.trim() === etag)
        : (options.validators === 'etag' || options.validators === 'last-modified') &&
          !Number.isNaN(since) &&
          Math.floor(file.modified.getTime() / 1000) * 1000 <= since
    if (unchanged) {
      notModified.push(`${req.method} ${path}`)
      res.writeHead(304, validators).end()
      return
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(file.body.length),
      ...validators,
      ...file.headers,
    })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  })
  const port = await listenLoopback(server)
  return {
    url: `http://127.0.0.1:${port}`,
    file: (path, content, modified = DEFAULT_DATE, headers) =>
      void files.set(path, {
        body: Buffer.from(content),
        modified,
        ...(headers ? { headers } : {}),
      }),
    listing: (path, entries, style = 'apache') =>
      void files.set(path, {
        body: Buffer.from(render(path, entries, style)),
        modified: DEFAULT_DATE,
      }),
    fault: (path, fault) => void faults.set(path, fault),
    remove: (path) => void files.delete(path),
    requests,
    conditional,
    notModified,
    close: () => closeServer(server),
  }
}
