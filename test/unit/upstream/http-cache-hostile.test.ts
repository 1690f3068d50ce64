// Issue 21, finding 6: the conditional-request cache against an upstream that
// sends validators meant to pin a forged body (`ETag: *`, weak tags, a
// Last-Modified in the future), that re-tags its files, and that once served
// a body that does not parse. The server below follows RFC 9110 13.1 when it
// compares (`*` matches any current body, weak comparison for If-None-Match,
// If-Modified-Since by date), as real servers do: what pins a body is what the
// cache sends, so that is what is recorded.
import { createServer, type Server } from 'node:http'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUpstreamHttp } from '../../../src/download/upstream-http.js'
import { discover, type Outcome } from '../../../src/upstream/discover.js'
import { CACHE_FILE, HttpCache } from '../../../src/upstream/http-cache.js'
import { createReader } from '../../../src/upstream/reader.js'
import type { Tracked } from '../../../src/upstream/types.js'
import { closeServer, listenLoopback } from '../../support/loopback.js'
import { sha256 } from './layouts.js'

interface Resource {
  body: string
  etag?: string
  lastModified?: string
  /** Further tags the server still answers 304 to (it re-tagged its files). */
  alsoMatches?: string[]
}

interface Seen {
  request: string
  ifNoneMatch?: string
  ifModifiedSince?: string
  status: number
}

let server: (Server & { closeAllConnections(): void }) | undefined
let base: string
let dir: string
let warnings: string[]
const resources = new Map<string, Resource>()
const seen: Seen[] = []

const strip = (tag: string): string => tag.trim().replace(/^W\//, '')

function answer(r: Resource, ifNoneMatch?: string, ifModifiedSince?: string): number {
  if (ifNoneMatch !== undefined) {
    const tags = ifNoneMatch.split(',').map(strip)
    const current = [r.etag, ...(r.alsoMatches ?? [])].filter((t) => t !== undefined).map(strip)
    return tags.includes('*') || tags.some((t) => current.includes(t)) ? 304 : 200
  }
  if (ifModifiedSince !== undefined && r.lastModified !== undefined) {
    const since = Date.parse(ifModifiedSince)
    return !Number.isNaN(since) && Date.parse(r.lastModified) <= since ? 304 : 200
  }
  return 200
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'http-cache-hostile-'))
  warnings = []
  resources.clear()
  seen.length = 0
  const s = createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname
    const r = resources.get(p)
    const ifNoneMatch = req.headers['if-none-match']
    const ifModifiedSince = req.headers['if-modified-since']
    const status = r ? answer(r, ifNoneMatch, ifModifiedSince) : 404
    seen.push({
      request: `${req.method} ${p}`,
      ...(ifNoneMatch !== undefined ? { ifNoneMatch } : {}),
      ...(ifModifiedSince !== undefined ? { ifModifiedSince } : {}),
      status,
    })
    const headers = {
      ...(r?.etag !== undefined ? { ETag: r.etag } : {}),
      ...(r?.lastModified !== undefined ? { 'Last-Modified': r.lastModified } : {}),
    }
    if (!r) return void res.writeHead(404).end()
    if (status === 304) return void res.writeHead(304, headers).end()
    res.writeHead(200, { ...headers, 'Content-Length': String(Buffer.byteLength(r.body)) })
    res.end(req.method === 'HEAD' ? undefined : r.body)
  })
  server = s
  base = `http://127.0.0.1:${await listenLoopback(s)}`
})

afterEach(async () => {
  if (server) await closeServer(server)
  server = undefined
  await rm(dir, { recursive: true, force: true })
})

const DIR = '/almalinux/9/cloud/x86_64/images'
const LATEST = 'AlmaLinux-9-GenericCloud-latest.x86_64.qcow2'
const REAL = sha256('the real build')
const FORGED = sha256('a build the attacker made')
const manifest = (hex: string): string => `${hex}  ${LATEST}\n`
const IMAGE_DATE = 'Wed, 27 May 2026 03:04:05 GMT'

const tracked = (): Tracked => ({
  image: 'AlmaLinux 9',
  latestUrl: `${base}${DIR}/${LATEST}`,
  latestChecksumUrl: `${base}${DIR}/CHECKSUM`,
  current: { version: '20200101', url: `${base}${DIR}/${LATEST}` },
})

/** The manifest as the upstream serves it now; the image itself never changes. */
function serveManifest(r: Resource): void {
  resources.set(`${DIR}/CHECKSUM`, r)
  resources.set(`${DIR}/${LATEST}`, { body: 'qcow2', lastModified: IMAGE_DATE })
}

/** One `update --cache-dir` run: open the file, discover, save. */
async function run(): Promise<Outcome> {
  const cache = await HttpCache.open(dir, { warn: (m) => warnings.push(m) })
  const reader = createReader({ http: await createUpstreamHttp(), cache })
  const outcome = await discover(tracked(), reader)
  await cache.save()
  return outcome
}

const manifestRequests = (from: number): Seen[] =>
  seen.slice(from).filter((s) => s.request === `GET ${DIR}/CHECKSUM`)
const found = (o: Outcome): string | undefined =>
  o.status === 'error' ? o.error : o.build.checksum.hex

describe('the upstream cache keeps only validators that cannot pin a body', () => {
  it.each([
    ['ETag: *', { etag: '*' }],
    ['a weak ETag', { etag: 'W/"manifest"' }],
    ['an unquoted ETag', { etag: 'manifest' }],
    ['a Last-Modified in the future', { lastModified: 'Fri, 31 Dec 2999 23:59:59 GMT' }],
  ])(
    'a forged manifest sent with %s is not answered from the cache once the real one is back',
    async (_, validators) => {
      serveManifest({ body: manifest(FORGED), ...validators })
      expect(found(await run())).toBe(FORGED)
      // The real manifest is back, under the same validators (a server that keeps them).
      serveManifest({ body: manifest(REAL), ...validators })
      const from = seen.length
      expect(found(await run())).toBe(REAL)
      expect(manifestRequests(from)).toEqual([{ request: `GET ${DIR}/CHECKSUM`, status: 200 }])
    },
  )

  it('a planted cache file with `etag: "*"` is ignored: no request carries If-None-Match: *', async () => {
    serveManifest({ body: manifest(REAL), etag: '"real"' })
    const url = `${base}${DIR}/CHECKSUM`
    await writeFile(
      path.join(dir, CACHE_FILE),
      JSON.stringify({
        format: 1,
        entries: { [`GET ${url}`]: { etag: '*', body: manifest(FORGED) } },
      }),
    )
    expect(found(await run())).toBe(REAL)
    expect(seen.filter((s) => s.ifNoneMatch === '*')).toEqual([])
    expect(warnings).toEqual([expect.stringContaining('not a cache this version wrote')])
  })

  it('HttpCache.conditions never sends a validator it would not store', () => {
    expect(HttpCache.conditions({ etag: '*', body: '' })).toEqual({})
    expect(
      HttpCache.conditions({ etag: 'W/"x"', lastModified: 'Fri, 31 Dec 2999 23:59:59 GMT' }),
    ).toEqual({})
    expect(HttpCache.conditions({ etag: '"x"', lastModified: IMAGE_DATE })).toEqual({
      'If-None-Match': '"x"',
      'If-Modified-Since': IMAGE_DATE,
    })
  })

  it('refreshes the stored ETag from a 304, and asks with the new one next time', async () => {
    serveManifest({ body: manifest(REAL), etag: '"v1"' })
    await run()
    // The server re-tagged its files: it still answers 304 to the old tag, sending the new one.
    serveManifest({ body: manifest(REAL), etag: '"v2"', alsoMatches: ['"v1"'] })
    let from = seen.length
    expect(found(await run())).toBe(REAL)
    expect(manifestRequests(from)).toEqual([
      { request: `GET ${DIR}/CHECKSUM`, ifNoneMatch: '"v1"', status: 304 },
    ])
    const saved = JSON.parse(await readFile(path.join(dir, CACHE_FILE), 'utf8')) as {
      entries: Record<string, { etag?: string; body?: string }>
    }
    expect(saved.entries[`GET ${base}${DIR}/CHECKSUM`]).toMatchObject({
      etag: '"v2"',
      body: manifest(REAL),
    })
    from = seen.length
    await run()
    expect(manifestRequests(from)).toEqual([
      { request: `GET ${DIR}/CHECKSUM`, ifNoneMatch: '"v2"', status: 304 },
    ])
  })

  it('drops an entry whose body did not parse: the next run asks without conditions', async () => {
    // A manifest that is no manifest, under a strong tag the server keeps after fixing the body.
    serveManifest({ body: '<html>maintenance</html>', etag: '"stale"' })
    expect(found(await run())).toMatch(/lists no checksums/)
    serveManifest({ body: manifest(REAL), etag: '"stale"' })
    const from = seen.length
    expect(found(await run())).toBe(REAL)
    expect(manifestRequests(from)).toEqual([{ request: `GET ${DIR}/CHECKSUM`, status: 200 }])
    // Parsed now: kept, and asked about conditionally from then on.
    const again = seen.length
    expect(found(await run())).toBe(REAL)
    expect(manifestRequests(again)).toEqual([
      { request: `GET ${DIR}/CHECKSUM`, ifNoneMatch: '"stale"', status: 304 },
    ])
  })
})
