// The conditional-request cache against loopback upstreams laid out like
// Ubuntu, Debian and AlmaLinux: what the server sees (conditional requests,
// 304s) is counted on the server, the findings come from the real discovery.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUpstreamHttp } from '../../../src/download/upstream-http.js'
import { discover, type Outcome } from '../../../src/upstream/discover.js'
import { CACHE_FILE, HttpCache, MAX_IDLE_RUNS } from '../../../src/upstream/http-cache.js'
import { createReader } from '../../../src/upstream/reader.js'
import { almalinux, debian, ubuntu, type LaidOut } from './layouts.js'
import {
  startUpstreamServer,
  type UpstreamServer,
  type UpstreamServerOptions,
} from './upstream-server.js'

let server: UpstreamServer | undefined
let dir: string
let warnings: string[]

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'http-cache-'))
  warnings = []
})
afterEach(async () => {
  await server?.close()
  server = undefined
  await rm(dir, { recursive: true, force: true })
})

const noble = () =>
  ubuntu(
    'Ubuntu 24.04',
    '/noble',
    ['20260612/', '20260701/', '20260713/'],
    'current',
    'noble-server-cloudimg',
    '20260713',
  )

async function serve(
  options: UpstreamServerOptions,
): Promise<{ s: UpstreamServer; laid: LaidOut[] }> {
  const s = await startUpstreamServer(options)
  server = s
  const laid = [
    noble().setup(s),
    debian('Debian 12', '/images/cloud/bookworm', '12', '').setup(s),
    almalinux.setup(s),
  ]
  return { s, laid }
}

const open = (maxBytes?: number) =>
  HttpCache.open(dir, { warn: (m) => warnings.push(m), ...(maxBytes ? { maxBytes } : {}) })

/** One run as `update --cache-dir` makes it: open the file, discover everything, save. */
async function run(
  laid: LaidOut[],
  maxBytes?: number,
): Promise<{ outcomes: Outcome[]; wrote: boolean }> {
  const cache = await open(maxBytes)
  const reader = createReader({ http: await createUpstreamHttp(), cache })
  const outcomes = await Promise.all(laid.map((l) => discover(l.tracked, reader)))
  return { outcomes, wrote: await cache.save() }
}

/** What the server saw from `from` on. */
const seen = (s: UpstreamServer, from: { r: number; c: number; n: number }) => ({
  requests: s.requests.slice(from.r),
  conditional: s.conditional.slice(from.c),
  notModified: s.notModified.slice(from.n),
})
const mark = (s: UpstreamServer) => ({
  r: s.requests.length,
  c: s.conditional.length,
  n: s.notModified.length,
})

describe('the conditional-request cache', () => {
  it('a warm cache makes every request conditional, each answered 304, with the same findings', async () => {
    const { s, laid } = await serve({ validators: 'etag' })
    const cold = await run(laid)
    expect(cold.outcomes.map((o) => o.status)).toEqual(['newer', 'newer', 'newer'])
    expect(cold.outcomes.map((o) => (o.status === 'error' ? o.error : o.build))).toEqual(
      laid.map((l) => l.expected),
    )
    expect(s.conditional).toEqual([])
    expect(cold.wrote).toBe(true)
    // GETs of listings and manifests, and AlmaLinux's HEAD for its Last-Modified.
    expect(s.requests).toContain(
      'HEAD /almalinux/9/cloud/x86_64/images/AlmaLinux-9-GenericCloud-latest.x86_64.qcow2',
    )

    const before = mark(s)
    const warm = await run(laid)
    const second = seen(s, before)
    expect(second.requests.length).toBe(before.r)
    expect(second.conditional).toEqual(second.requests)
    expect(second.notModified).toEqual(second.requests)
    expect(warm.outcomes).toEqual(cold.outcomes)
    // Nothing changed: the file is not rewritten (the action then saves no new Actions cache).
    expect(warm.wrote).toBe(false)
    expect(warnings).toEqual([])
  })

  it('If-Modified-Since alone is enough for a 304', async () => {
    const { s, laid } = await serve({ validators: 'last-modified' })
    const cold = await run(laid)
    const before = mark(s)
    const warm = await run(laid)
    const second = seen(s, before)
    expect(second.notModified).toEqual(second.requests)
    expect(second.requests.length).toBeGreaterThan(0)
    expect(warm.outcomes).toEqual(cold.outcomes)
  })

  it('a changed upstream (new ETag) is read again and the newer build found', async () => {
    const { s, laid } = await serve({ validators: 'etag' })
    await run(laid)
    // A new build folder: the listing's body, and with it its ETag, changes.
    const newer = ubuntu(
      'Ubuntu 24.04',
      '/noble',
      ['20260612/', '20260701/', '20260713/', '20260720/'],
      'current',
      'noble-server-cloudimg',
      '20260720',
    ).setup(s)
    const before = mark(s)
    const { outcomes } = await run([newer, ...laid.slice(1)])
    const second = seen(s, before)
    expect(outcomes[0]).toMatchObject({ status: 'newer', build: newer.expected })
    expect(outcomes.slice(1)).toMatchObject(laid.slice(1).map((l) => ({ build: l.expected })))
    expect(second.conditional).toContain('GET /noble/')
    expect(second.notModified).not.toContain('GET /noble/')
    // The new build's manifest was never cached: asked for without conditions.
    expect(second.requests).toContain('GET /noble/20260720/SHA256SUMS')
    expect(second.conditional).not.toContain('GET /noble/20260720/SHA256SUMS')
    // Debian and AlmaLinux did not change.
    expect(second.notModified.filter((r) => !r.includes('/noble/')).length).toBeGreaterThan(0)
  })

  it('a server that ignores the validators still works: 200s, the same findings', async () => {
    const { s, laid } = await serve({})
    const cold = await run(laid)
    const before = mark(s)
    const warm = await run(laid)
    const second = seen(s, before)
    expect(second.conditional).toEqual(second.requests)
    expect(second.notModified).toEqual([])
    expect(warm.outcomes).toEqual(cold.outcomes)
  })

  it('responses without a validator are not cached', async () => {
    const { s, laid } = await serve({ validators: 'none' })
    const cold = await run(laid)
    expect(cold.wrote).toBe(false)
    await run(laid)
    expect(s.conditional).toEqual([])
    await expect(stat(path.join(dir, CACHE_FILE))).rejects.toThrow()
  })

  it.each([
    ['not JSON', '{"format":1,"entries":{"GET http://'],
    ['another shape', JSON.stringify({ format: 1, entries: [1, 2] })],
    [
      'a GET without body',
      JSON.stringify({ format: 1, entries: { 'GET http://x/': { etag: '"a"' } } }),
    ],
    ['another format', JSON.stringify({ format: 99, entries: {} })],
  ])('a cache file that is %s is ignored with one warning, and replaced', async (_, text) => {
    const { s, laid } = await serve({ validators: 'etag' })
    await writeFile(path.join(dir, CACHE_FILE), text)
    const { outcomes, wrote } = await run(laid)
    expect(outcomes.map((o) => o.status)).toEqual(['newer', 'newer', 'newer'])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(path.join(dir, CACHE_FILE))
    expect(warnings[0]).toContain('starting cold')
    expect(s.conditional).toEqual([])
    expect(wrote).toBe(true)
    const saved = JSON.parse(await readFile(path.join(dir, CACHE_FILE), 'utf8')) as {
      entries: Record<string, unknown>
    }
    expect(Object.keys(saved.entries)).toContain(`GET ${s.url}/noble/`)
  })

  it('a planted file larger than the cap is not read', async () => {
    const { laid } = await serve({ validators: 'etag' })
    await writeFile(path.join(dir, CACHE_FILE), Buffer.alloc(300_000, 0x20))
    const { outcomes } = await run(laid, 100_000)
    expect(outcomes.map((o) => o.status)).toEqual(['newer', 'newer', 'newer'])
    expect(warnings).toEqual([expect.stringContaining('larger than the cache may grow')])
  })

  it('never grows past its cap: what does not fit is not cached, entries of this run are kept first', async () => {
    const s = await startUpstreamServer({ validators: 'etag' })
    server = s
    s.file('/a', 'a'.repeat(3000))
    s.file('/b', 'b'.repeat(3000))
    const read = async (...paths: string[]) => {
      const cache = await open(5000)
      const reader = createReader({ http: await createUpstreamHttp(), cache })
      for (const p of paths)
        expect((await reader.text(`${s.url}${p}`, 'the manifest')).text).toMatch(/^(a+|b+)$/)
      await cache.save()
      return (await stat(path.join(dir, CACHE_FILE))).size
    }
    expect(await read('/a', '/b')).toBeLessThanOrEqual(5000)
    let before = mark(s)
    await read('/a', '/b')
    // /a was stored first; /b did not fit beside it.
    expect(seen(s, before).notModified).toEqual(['GET /a'])
    expect(seen(s, before).conditional).toEqual(['GET /a'])
    // A run that reads only /b: the unused /a makes room for it.
    before = mark(s)
    expect(await read('/b')).toBeLessThanOrEqual(5000)
    before = mark(s)
    await read('/b', '/a')
    expect(seen(s, before).notModified).toEqual(['GET /b'])
    expect(warnings).toEqual([])
  })

  it('forgets urls no run asked for in MAX_IDLE_RUNS runs (last weeks build folders)', async () => {
    const s = await startUpstreamServer({ validators: 'etag' })
    server = s
    s.file('/a', 'a')
    s.file('/b', 'b')
    const read = async (...paths: string[]) => {
      const cache = await open()
      const reader = createReader({ http: await createUpstreamHttp(), cache })
      for (const p of paths) await reader.text(`${s.url}${p}`, 'the manifest')
      await cache.save()
      const file = JSON.parse(await readFile(path.join(dir, CACHE_FILE), 'utf8')) as {
        entries: Record<string, { idle?: number }>
      }
      return file.entries
    }
    await read('/a', '/b')
    for (let run = 1; run < MAX_IDLE_RUNS; run++)
      expect((await read('/a'))[`GET ${s.url}/b`]).toMatchObject({ idle: run })
    const entries = await read('/a')
    expect(Object.keys(entries)).toEqual([`GET ${s.url}/a`])
    expect(entries[`GET ${s.url}/a`]?.idle).toBeUndefined()
    const before = mark(s)
    await read('/b')
    expect(seen(s, before).conditional).toEqual([])
  })

  it('writes atomically (no temp file left) and a directory it cannot write is a warning', async () => {
    const { laid } = await serve({ validators: 'etag' })
    await run(laid)
    expect(await readdir(dir)).toEqual([CACHE_FILE])
    // The cache "directory" is a regular file: nothing can be written below it.
    const blocked = path.join(dir, CACHE_FILE)
    const cache = await HttpCache.open(blocked, { warn: (m) => warnings.push(m) })
    const reader = createReader({ http: await createUpstreamHttp(), cache })
    await discover(laid[0]!.tracked, reader)
    expect(await cache.save()).toBe(false)
    expect(warnings).toEqual([
      expect.stringMatching(/^cannot read .*: starting cold$/),
      expect.stringMatching(/^cannot write .*: the next run starts cold$/),
    ])
  })
})
