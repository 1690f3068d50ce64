// A url's `user:password@` (a private mirror): sent as Basic auth to its own
// origin only, never shown, whichever transport carries the request (fetch for
// a text answer, node:http for a download's stream). The upstream client and
// --check-urls agree.
import type { Readable } from 'node:stream'
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUpstreamHttp } from '../../../src/download/upstream-http.js'
import { withoutUserinfo } from '../../../src/http/secrets.js'
import { escapeMarkdown } from '../../../src/escape/markdown.js'
import { closeServer, listenLoopback } from '../../support/loopback.js'

const BASIC = `Basic ${Buffer.from('builder:S3cr3t@x').toString('base64')}`

let origin: Server
let other: Server
let originUrl: string
let otherUrl: string
const seen: Record<string, (string | undefined)[]> = { origin: [], other: [] }

beforeAll(async () => {
  other = createServer((req, res) => {
    seen.other?.push(req.headers.authorization)
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('other')
  })
  otherUrl = `http://127.0.0.1:${await listenLoopback(other)}`
  origin = createServer((req, res) => {
    seen.origin?.push(req.headers.authorization)
    if (req.headers.authorization !== BASIC) return void res.writeHead(401).end()
    if (req.url === '/away') return void res.writeHead(302, { Location: `${otherUrl}/x` }).end()
    if (req.url === '/here') return void res.writeHead(302, { Location: '/file' }).end()
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('file')
  })
  originUrl = `http://127.0.0.1:${await listenLoopback(origin)}`
})
afterAll(async () => {
  await closeServer(origin as Server & { closeAllConnections(): void })
  await closeServer(other as Server & { closeAllConnections(): void })
})

const withCredentials = (url: string): string =>
  url.replace('http://', 'http://builder:S3cr3t%40x@')

async function get(url: string, type: 'text' | 'stream'): Promise<string> {
  const http = await createUpstreamHttp()
  const r = await http.request<string>({ method: 'GET', url, expected: [200], responseType: type })
  if (type === 'text') return r.data
  const chunks: Buffer[] = []
  for await (const chunk of r.body as Readable) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

describe.each(['text', 'stream'] as const)(
  'the upstream client (%s) and a url with userinfo',
  (type) => {
    it('sends it as Basic auth to the same origin, also after a redirect there', async () => {
      seen.origin = []
      expect(await get(withCredentials(`${originUrl}/here`), type)).toBe('file')
      expect(seen.origin).toEqual([BASIC, BASIC])
    })

    it('drops it on a redirect to another origin', async () => {
      seen.other = []
      expect(await get(withCredentials(`${originUrl}/away`), type)).toBe('other')
      expect(seen.other).toEqual([undefined])
    })

    it('names the url without it when the request fails', async () => {
      const http = await createUpstreamHttp({ retry: { maxAttempts: 1 } })
      const error = await http
        .request({
          method: 'GET',
          url: withCredentials('http://127.0.0.1:1/x'),
          expected: [200],
          responseType: type,
        })
        .then(
          () => undefined,
          (e: unknown) => e as Error,
        )
      expect(error?.message).toMatch(/^GET http:\/\/127\.0\.0\.1:1\/x: /)
      expect(error?.message).not.toMatch(/S3cr3t|builder/)
    })
  },
)

it('the password is a secret from the first request on: masked in every message', async () => {
  const http = await createUpstreamHttp()
  await http.request({
    method: 'GET',
    url: withCredentials(`${originUrl}/f`),
    expected: [200],
    responseType: 'none',
  })
  expect(http.secrets.redact('x S3cr3t@x y')).toBe('x *** y')
})

describe('withoutUserinfo', () => {
  it('takes linear time on hostile text (long runs of letters, colons, schemes)', () => {
    const started = Date.now()
    for (const text of [
      'y'.repeat(200_000),
      'y:'.repeat(100_000),
      'a://'.repeat(50_000),
      `https://${'u'.repeat(200_000)}`,
      '&#58;'.repeat(50_000),
    ])
      withoutUserinfo(text)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('cuts userinfo from plain text and from escaped Markdown', () => {
    const text = 'get http://builder:S3cr3t@x@h.example/a@b then https://h.example/c@d'
    expect(withoutUserinfo(text)).toBe('get http://h.example/a@b then https://h.example/c@d')
    expect(withoutUserinfo('-https://u:S3cr3t@h/x y.ftp://u:S3cr3t@h')).toBe(
      '-https://h/x y.ftp://h',
    )
    const markdown = escapeMarkdown(text)
    expect(withoutUserinfo(markdown)).not.toMatch(/S3cr3t|builder/)
    expect(withoutUserinfo(markdown)).toContain('h.example/a')
  })
})
