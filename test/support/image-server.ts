// A loopback HTTP server serving files from a temp dir (GET, HEAD, 404,
// Content-Length, Last-Modified), started and stopped by each test, plus tiny
// qcow2 images made with qemu-img.

import { execFile } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { createServer, type Server, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join, normalize } from 'node:path'
import { promisify } from 'node:util'
import { closeServer, listenLoopback } from './loopback.js'

const run = promisify(execFile)

export interface ImageServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  dir: string
  /** URL of a file in the served directory. */
  urlOf(name: string): string
  /** Write a file to serve; returns its URL. */
  addFile(name: string, content: string | Buffer, lastModified?: Date): Promise<string>
  /** Every request received: `GET /x.qcow2`. */
  requests: string[]
  /** Downloads (GET) still being sent: one nobody reads any more stays open. */
  openDownloads(): number
  close(): Promise<void>
}

export async function startImageServer(): Promise<ImageServer> {
  const dir = await mkdtemp(join(tmpdir(), 'image-server-'))
  const requests: string[] = []
  const sending = new Set<ServerResponse>()
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      requests.push(`${req.method} ${path}`)
      const file = normalize(join(dir, path))
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !file.startsWith(`${dir}/`)) {
        res.writeHead(req.method === 'GET' || req.method === 'HEAD' ? 404 : 405).end()
        return
      }
      const info = await stat(file).catch(() => undefined)
      if (info === undefined || !info.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n')
        return
      }
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(info.size),
        'Last-Modified': info.mtime.toUTCString(),
      })
      if (req.method === 'HEAD') res.end()
      else {
        sending.add(res)
        res.on('close', () => sending.delete(res))
        createReadStream(file).pipe(res)
      }
    })()
  })
  const port = await listenLoopback(server)
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    dir,
    urlOf: (name) => `${url}/${encodeURIComponent(name)}`,
    async addFile(name, content, lastModified) {
      const file = join(dir, name)
      await writeFile(file, content)
      if (lastModified) await utimes(file, lastModified, lastModified)
      return `${url}/${encodeURIComponent(name)}`
    },
    requests,
    openDownloads: () => sending.size,
    async close() {
      await closeServer(server)
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** A tiny qcow2 image (`qemu-img create -f qcow2`); returns its path. */
export async function makeQcow2(dir: string, name: string, virtualSize = '16M'): Promise<string> {
  const path = join(dir, name)
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', path, virtualSize])
  return path
}
