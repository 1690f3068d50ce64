// endoflife.date on loopback: its v1 API's `/api/v1/products/<product>` from
// test/fixtures/endoflife (bodies in the shape of the site's OpenAPI document,
// docs/api/v1/openapi.yml, ProductResponse), or whatever a test puts in `replies`.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/endoflife')

export interface EndOfLifeServer {
  /** Base url, the value for --eol-url. */
  url: string
  /** Paths requested, in order. */
  requests: string[]
  /** Path -> status and body, instead of the fixture. */
  replies: Map<string, { status: number; body: string }>
  close(): Promise<void>
}

export async function startEndOfLifeServer(): Promise<EndOfLifeServer> {
  const requests: string[] = []
  const replies = new Map<string, { status: number; body: string }>()
  const server = createServer((request, response) => {
    const url = request.url ?? '/'
    requests.push(`${request.method} ${url}`)
    const canned = replies.get(url)
    const product = /^\/api\/v1\/products\/([a-z0-9-]+)$/.exec(url)?.[1]
    let status = 404
    let body = 'Not found'
    if (canned) ({ status, body } = canned)
    else if (product !== undefined) {
      try {
        body = readFileSync(path.join(FIXTURES, `${product}.json`), 'utf8')
        status = 200
      } catch {
        // no such product: 404
      }
    }
    response.writeHead(status, {
      'content-type': status === 200 ? 'application/json; charset=utf-8' : 'text/plain',
    })
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    replies,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
