// `validate --check-urls` against real HTTP servers on loopback: live, 404,
// 500, a server that never answers, one that refuses HEAD, redirects, a
// refused port, file: urls; dedupe and the concurrency bound are counted on
// the server side.
import { withoutUserinfo } from '../../../src/http/secrets.js'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkUrls,
  selectDefinitions,
  type CheckUrlsOptions,
} from '../../../src/definitions/check-urls.js'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import { errorsOf } from '../../../src/problems.js'
import { listenLoopback } from '../../support/loopback.js'

interface Seen {
  method: string
  path: string
  range?: string
  authorization?: string
}

let server: Server
let base: string
let refusedPort: number
let dir: string
const seen: Seen[] = []
const sockets = new Set<Socket>()
let inFlight = 0
let peak = 0
/** Ends of bodies the GET fallback left unread: set when the client hung up. */
let endlessClosed = false

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x')
  seen.push({
    method: req.method ?? '',
    path: url.pathname,
    ...(req.headers.range ? { range: req.headers.range } : {}),
    ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
  })
  const p = url.pathname
  if (p === '/live.img') return void res.writeHead(200, { 'Content-Length': '1000' }).end()
  if (p === '/missing.img') return void res.writeHead(404).end('no such file')
  if (p === '/broken.img') return void res.writeHead(500).end('oops')
  if (p === '/hang.img') return // never answers
  if (p === '/flaky.img') {
    // Busy once, then there.
    const busy = seen.filter((s) => s.path === p).length === 1
    return void res.writeHead(busy ? 503 : 200, busy ? { 'Retry-After': '0' } : {}).end()
  }
  if (p === '/moved.img') return void res.writeHead(302, { Location: '/live.img' }).end()
  if (p === '/moved-dead.img') return void res.writeHead(301, { Location: '/missing.img' }).end()
  if (p === '/private.img') {
    const ok = req.headers.authorization === `Basic ${Buffer.from('bob:s3cr@t').toString('base64')}`
    return void res.writeHead(ok ? 200 : 401).end()
  }
  if (p === '/no-head.img' || p === '/no-head-endless.img') {
    if (req.method === 'HEAD') return void res.writeHead(405, { Allow: 'GET' }).end()
    if (p === '/no-head.img' && req.headers.range === 'bytes=0-0') {
      return void res.writeHead(206, { 'Content-Range': 'bytes 0-0/1000' }).end('x')
    }
    // Ignores Range and sends without end: the check must hang up, not read it.
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' })
    res.on('close', () => (endlessClosed = true))
    const chunk = Buffer.alloc(64 * 1024)
    const pump = (): void => {
      while (res.write(chunk));
      res.once('drain', pump)
    }
    return pump()
  }
  if (p.startsWith('/slow/')) {
    inFlight++
    peak = Math.max(peak, inFlight)
    setTimeout(() => {
      inFlight--
      res.writeHead(200).end()
    }, 60)
    return
  }
  res.writeHead(404).end()
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'check-urls-'))
  server = createServer(route)
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  base = `http://127.0.0.1:${await listenLoopback(server)}`
  // A port that was just free: nothing listens there.
  const probe = createServer()
  refusedPort = await listenLoopback(probe)
  await new Promise<void>((resolve) => probe.close(() => resolve()))
})

afterAll(async () => {
  for (const s of sockets) s.destroy()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await rm(dir, { recursive: true, force: true })
})

interface Entry {
  version: string
  url: string
  mirror_url?: string
}

/** A valid definition file; every url on its own `url:` / `mirror_url:` line. */
function yaml(images: { name: string; enable?: boolean; versions: Entry[] }[]): string {
  const lines = ['images:']
  for (const image of images) {
    lines.push(
      `  - name: ${image.name}`,
      ...(image.enable === false ? ['    enable: false'] : []),
      '    format: qcow2',
      '    login: ubuntu',
      '    min_disk: 8',
      '    min_ram: 512',
      '    status: active',
      '    visibility: public',
      '    multi: false',
      '    meta:',
      '      architecture: x86_64',
      '      hw_disk_bus: virtio',
      '    tags: []',
      '    versions:',
    )
    for (const v of image.versions) {
      lines.push(`      - version: '${v.version}'`, `        url: ${v.url}`)
      if (v.mirror_url) lines.push(`        mirror_url: ${v.mirror_url}`)
    }
  }
  return `${lines.join('\n')}\n`
}

let fileCount = 0
/** Writes the definitions, validates them (they must be valid) and returns them with their text. */
async function definitions(images: Parameters<typeof yaml>[0], name = `defs-${++fileCount}.yml`) {
  const text = yaml(images)
  const file = path.join(dir, name)
  await writeFile(file, text)
  const catalog = await loadCatalog({ images: file, cwd: dir })
  expect(errorsOf(catalog.problems)).toEqual([])
  /** 1-based line and column of the `key:` whose value is `value`. */
  const at = (key: string, value: string): { line: number; column: number } => {
    const lines = text.split('\n')
    const index = lines.findIndex((l) => l.trim() === `${key}: ${value}`)
    if (index < 0) throw new Error(`no line '${key}: ${value}'`)
    return { line: index + 1, column: (lines[index] as string).indexOf(key) + 1 }
  }
  return { defs: catalog.definitions, file: name, text, at }
}

const quick: CheckUrlsOptions = { timeoutMs: 2000, retryDelayMs: 10 }
const requestsFor = (p: string): Seen[] => seen.filter((s) => s.path === p)

describe('checkUrls', () => {
  it('passes live urls, a redirect to a live url and a server that answers only GET ranges', async () => {
    const { defs } = await definitions([
      {
        name: 'Alive',
        versions: [
          { version: '1', url: `${base}/live.img` },
          { version: '2', url: `${base}/moved.img`, mirror_url: `${base}/no-head.img` },
        ],
      },
    ])
    seen.length = 0
    const result = await checkUrls(defs, { ...quick, cwd: dir })
    expect(result.problems).toEqual([])
    expect(result).toMatchObject({ definitions: 1, urls: 3, skipped: 0 })
    expect(seen.map((s) => `${s.method} ${s.path}`).sort()).toEqual([
      'GET /no-head.img',
      'HEAD /live.img',
      'HEAD /live.img', // the redirect's target
      'HEAD /moved.img',
      'HEAD /no-head.img',
    ])
    expect(requestsFor('/no-head.img').find((s) => s.method === 'GET')?.range).toBe('bytes=0-0')
  })

  it('reports each dead url at its key, naming the url, the status or reason, and what to do', async () => {
    const { defs, file, at } = await definitions([
      {
        name: 'Dead',
        versions: [
          { version: '1', url: `${base}/missing.img` },
          { version: '2', url: `${base}/broken.img` },
          { version: '3', url: `http://127.0.0.1:${refusedPort}/x.img` },
          { version: '4', url: `${base}/moved-dead.img` },
        ],
      },
    ])
    seen.length = 0
    const { problems } = await checkUrls(defs, { ...quick, cwd: dir })
    const byLine = (value: string) => problems.find((p) => p.line === at('url', value).line)
    expect(problems.map((p) => p.severity)).toEqual(['error', 'error', 'error', 'error'])
    const missing = byLine(`${base}/missing.img`)
    expect(missing).toMatchObject({ file, ...at('url', `${base}/missing.img`) })
    expect(missing?.message).toBe(
      `url '${base}/missing.img' of 'Dead' version 1 answers 404 Not Found: point it at a build that exists, or remove this version`,
    )
    expect(missing?.sourceLine).toBe(`        url: ${base}/missing.img`)
    expect(byLine(`${base}/broken.img`)?.message).toMatch(
      /answers 500 Internal Server Error: the server fails; try again later/,
    )
    // 500 is not transient: asked once; a 404 behind a redirect is a 404.
    expect(requestsFor('/broken.img')).toHaveLength(1)
    expect(byLine(`${base}/moved-dead.img`)?.message).toMatch(/answers 404 Not Found/)
    expect(byLine(`http://127.0.0.1:${refusedPort}/x.img`)?.message).toMatch(
      /cannot be reached: connection refused: check the host and port in the url, or remove this version$/,
    )
  })

  it('asks once more after a transient failure (503), not after a lasting one', async () => {
    const { defs } = await definitions([
      { name: 'Flaky', versions: [{ version: '1', url: `${base}/flaky.img` }] },
    ])
    seen.length = 0
    const { problems } = await checkUrls(defs, { ...quick, cwd: dir })
    expect(problems).toEqual([])
    expect(requestsFor('/flaky.img').map((s) => s.method)).toEqual(['HEAD', 'HEAD'])
  })

  it('gives up on a server that never answers when the timeout ends, not later', async () => {
    const { defs, at } = await definitions([
      { name: 'Hanging', versions: [{ version: '1', url: `${base}/hang.img` }] },
    ])
    const started = Date.now()
    const { problems } = await checkUrls(defs, { timeoutMs: 700, retryDelayMs: 10, cwd: dir })
    const took = Date.now() - started
    expect(took).toBeGreaterThanOrEqual(650)
    expect(took).toBeLessThan(1500)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject(at('url', `${base}/hang.img`))
    expect(problems[0]?.message).toMatch(/ gave no answer within 0\.7 s: /)
  })

  it('hangs up on a GET fallback that ignores Range and sends without end', async () => {
    endlessClosed = false
    const { defs } = await definitions([
      { name: 'Endless', versions: [{ version: '1', url: `${base}/no-head-endless.img` }] },
    ])
    const started = Date.now()
    const { problems } = await checkUrls(defs, { timeoutMs: 5000, cwd: dir })
    expect(problems).toEqual([])
    expect(Date.now() - started).toBeLessThan(2000)
    await expect.poll(() => endlessClosed, { timeout: 2000 }).toBe(true)
  })

  it('asks once per distinct url, however many versions and files name it', async () => {
    const one = await definitions([
      {
        name: 'Twice A',
        versions: [
          { version: '1', url: `${base}/live.img`, mirror_url: `${base}/missing.img` },
          { version: '2', url: `${base}/live.img` },
        ],
      },
      { name: 'Twice B', versions: [{ version: '1', url: `${base}/missing.img` }] },
    ])
    const two = await definitions([
      { name: 'Twice C', versions: [{ version: '1', url: `${base}/live.img` }] },
    ])
    seen.length = 0
    const { problems, urls } = await checkUrls([...one.defs, ...two.defs], { ...quick, cwd: dir })
    expect(urls).toBe(2)
    expect(requestsFor('/live.img')).toHaveLength(1)
    expect(requestsFor('/missing.img')).toHaveLength(1)
    // Each use of the dead url is reported on its own line.
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [one.at('mirror_url', `${base}/missing.img`).line, 'warning'],
      [one.at('url', `${base}/missing.img`).line, 'error'],
    ])
  })

  it('warns about a dead mirror_url whose url answers (plan and apply fall back); errs when both are dead', async () => {
    const { defs, at } = await definitions([
      {
        name: 'Mirrored',
        versions: [
          { version: '1', url: `${base}/live.img`, mirror_url: `${base}/missing.img?m=1` },
          { version: '2', url: `${base}/broken.img?v=2`, mirror_url: `${base}/missing.img?m=2` },
        ],
      },
    ])
    const { problems } = await checkUrls(defs, { ...quick, cwd: dir })
    const first = problems.find((p) => p.line === at('mirror_url', `${base}/missing.img?m=1`).line)
    expect(first?.severity).toBe('warning')
    expect(first?.message).toBe(
      `mirror_url '${base}/missing.img?m=1' of 'Mirrored' version 1 answers 404 Not Found; plan and apply fall back to url, which answers: mirror the build again (image-manager mirror) or remove mirror_url`,
    )
    const second = problems.find((p) => p.line === at('mirror_url', `${base}/missing.img?m=2`).line)
    expect(second?.severity).toBe('error')
    expect(second?.message).toMatch(
      /answers 404 Not Found: point it at a build that exists, or remove mirror_url$/,
    )
  })

  it('never runs more checks at once than the bound', async () => {
    const versions = Array.from({ length: 20 }, (_, i) => ({
      version: String(i + 1),
      url: `${base}/slow/${i}.img`,
    }))
    const { defs } = await definitions([{ name: 'Many', versions }])
    peak = 0
    const result = await checkUrls(defs, { ...quick, concurrency: 3, cwd: dir })
    expect(result.problems).toEqual([])
    expect(peak).toBe(3)
    peak = 0
    await checkUrls(
      defs.map((d) => ({
        ...d,
        versions: d.versions.map((v) => ({ ...v, url: `${v.url}?again` })),
      })),
      {
        ...quick,
        cwd: dir,
      },
    )
    expect(peak).toBe(8) // the default bound
  })

  it('sends the credentials of a url as Basic auth and never shows them', async () => {
    const { defs } = await definitions([
      {
        name: 'Private',
        versions: [
          { version: '1', url: `http://bob:s3cr@t@127.0.0.1:${new URL(base).port}/private.img` },
          { version: '2', url: `http://bob:wrong@127.0.0.1:${new URL(base).port}/private.img` },
        ],
      },
    ])
    const { problems } = await checkUrls(defs, { ...quick, cwd: dir })
    expect(problems).toHaveLength(1)
    expect(problems[0]?.message).toContain(
      `url 'http://127.0.0.1:${new URL(base).port}/private.img'`,
    )
    expect(problems[0]?.message).toMatch(
      /answers 401 Unauthorized: check the url and whether it may be read/,
    )
    expect(JSON.stringify(problems)).not.toMatch(/wrong|bob/)
  })

  it('checks that file: urls name an existing file beside the definition', async () => {
    await writeFile(path.join(dir, 'here.img'), 'x')
    const { defs, at } = await definitions([
      {
        name: 'Local',
        versions: [
          { version: '1', url: 'file:here.img' },
          { version: '2', url: 'file:gone.img' },
        ],
      },
    ])
    const { problems } = await checkUrls(defs, { ...quick, cwd: dir })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ severity: 'error', ...at('url', 'file:gone.img') })
    expect(problems[0]?.message).toContain(
      `url 'file:gone.img' of 'Local' version 2 names ${path.join(dir, 'gone.img')}, which does not exist`,
    )
  })

  it('skips disabled definitions and ftp urls', async () => {
    const { defs } = await definitions([
      { name: 'Off', enable: false, versions: [{ version: '1', url: `${base}/missing.img?off` }] },
      { name: 'Ftp', versions: [{ version: '1', url: 'ftp://127.0.0.1/x.img' }] },
    ])
    seen.length = 0
    const result = await checkUrls(defs, { ...quick, cwd: dir })
    expect(result).toEqual({ problems: [], definitions: 1, urls: 0, skipped: 1 })
    expect(seen).toEqual([])
  })
})

describe('selectDefinitions', () => {
  it('keeps the definitions whose lines hold a changed line; a line above the first means all', async () => {
    const { defs, text, file } = await definitions([
      { name: 'First', versions: [{ version: '1', url: `${base}/live.img?1` }] },
      { name: 'Second', versions: [{ version: '1', url: `${base}/live.img?2` }] },
      { name: 'Third', versions: [{ version: '1', url: `${base}/live.img?3` }] },
    ])
    const lines = text.split('\n')
    const lineOf = (s: string): number => lines.findIndex((l) => l.includes(s)) + 1
    const abs = path.join(dir, file)
    const names = (changed: Map<string, Set<number> | 'all'>): string[] =>
      selectDefinitions(defs, changed, dir).map((d) => d.name)
    expect(names(new Map([[abs, new Set([lineOf('live.img?2')])]]))).toEqual(['Second'])
    // The last line of the first definition, and the last line of the file.
    expect(names(new Map([[abs, new Set([lineOf('live.img?1'), lines.length - 1])]]))).toEqual([
      'First',
      'Third',
    ])
    expect(names(new Map([[abs, new Set([1])]]))).toEqual(['First', 'Second', 'Third'])
    expect(names(new Map([[abs, 'all']]))).toEqual(['First', 'Second', 'Third'])
    expect(names(new Map([[abs, new Set()]]))).toEqual([])
    expect(names(new Map([[path.join(dir, 'other.yml'), 'all']]))).toEqual([])
  })
})

describe('withoutUserinfo', () => {
  it('drops user and password, also one holding a bare @, from every url of a text', () => {
    expect(withoutUserinfo('url: https://u:p@ss@h.example/x and http://a@b.example')).toBe(
      'url: https://h.example/x and http://b.example',
    )
    expect(withoutUserinfo('https://h.example/a@b')).toBe('https://h.example/a@b')
  })
})
