// `command: update` with the Actions cache: the fixed directory under
// RUNNER_TEMP restored before the check and saved after it under a key of its
// own (entries are immutable), an unchanged upstream costing only 304s on the
// next run (counted by the loopback server), and a failing cache service only
// a warning. The cache service is injected; @actions/cache itself is used
// against a loopback "cache service" that fails.
import { createServer, type Server } from 'node:http'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runUpdateAction } from '../../../src/action/update.js'
import {
  actionsCacheService,
  CACHE_DIR_NAME,
  CACHE_KEY_PREFIX,
  openUpstreamCache,
  type ActionsCache,
} from '../../../src/action/upstream-cache.js'
import type { Reporter } from '../../../src/reporter.js'
import { CACHE_FILE } from '../../../src/upstream/http-cache.js'
import { readOutputs } from '../../support/action-outputs.js'
import { trackedCatalog, ubuntu, type LaidOut } from '../upstream/layouts.js'
import { startUpstreamServer, type UpstreamServer } from '../upstream/upstream-server.js'

const ENV = [
  'RUNNER_TEMP',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_OUTPUT',
  'GITHUB_WORKSPACE',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_SERVICE_V2',
]
let saved: Record<string, string | undefined>
let work: string
let server: UpstreamServer
let laid: LaidOut

const recorder = (): Reporter & { lines: string[] } => {
  const lines: string[] = []
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warning: (m) => lines.push(`warning ${m}`),
    debug: () => {},
    problems: (p) => p.forEach((x) => lines.push(`problem ${x.message}`)),
    summary: async () => {},
    secret: () => {},
  }
}

/** An Actions cache in memory: entries are immutable, restore keys match by prefix, newest first. */
function memoryCache(): ActionsCache & { entries: Map<string, string>; calls: unknown[][] } {
  const entries = new Map<string, string>()
  const calls: unknown[][] = []
  return {
    entries,
    calls,
    async restoreCache(paths, primaryKey, restoreKeys = []) {
      calls.push(['restore', paths, primaryKey, restoreKeys])
      const hit = entries.has(primaryKey)
        ? primaryKey
        : [...entries.keys()].reverse().find((k) => restoreKeys.some((r) => k.startsWith(r)))
      if (hit === undefined) return undefined
      await mkdir(paths[0] as string, { recursive: true })
      await writeFile(path.join(paths[0] as string, CACHE_FILE), entries.get(hit) as string)
      return hit
    },
    async saveCache(paths, key) {
      calls.push(['save', paths, key])
      if (entries.has(key)) throw new Error(`Unable to reserve cache with key ${key}`)
      entries.set(key, await readFile(path.join(paths[0] as string, CACHE_FILE), 'utf8'))
      return entries.size
    },
  }
}

beforeEach(async () => {
  saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]))
  work = await mkdtemp(path.join(tmpdir(), 'upstream-cache-'))
  server = await startUpstreamServer({ validators: 'etag' })
  laid = ubuntu(
    'Ubuntu 24.04',
    '/noble',
    ['20260701/', '20260713/'],
    'current',
    'noble-server-cloudimg',
    '20260713',
  ).setup(server)
  await mkdir(path.join(work, 'workspace/etc/images'), { recursive: true })
  await writeFile(path.join(work, 'workspace/etc/images/ubuntu.yml'), trackedCatalog(laid.tracked))
  for (const k of ENV) delete process.env[k]
  Object.assign(process.env, {
    RUNNER_TEMP: path.join(work, 'runner-temp'),
    GITHUB_WORKSPACE: path.join(work, 'workspace'),
    GITHUB_OUTPUT: path.join(work, 'output'),
    GITHUB_RUN_ATTEMPT: '1',
  })
})
afterEach(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  process.exitCode = 0
  await server.close()
  await rm(work, { recursive: true, force: true })
})

/** One job on a fresh runner (empty RUNNER_TEMP): `command: update` with dry-run. */
async function job(runId: string, service: () => Promise<ActionsCache | undefined>) {
  await rm(path.join(work, 'runner-temp'), { recursive: true, force: true })
  await writeFile(path.join(work, 'output'), '')
  process.env.GITHUB_RUN_ID = runId
  process.exitCode = 0
  const reporter = recorder()
  const before = server.requests.length
  const notModified = server.notModified.length
  await runUpdateAction(
    {
      command: 'update',
      values: { images: path.join(work, 'workspace/etc/images'), 'dry-run': true, output: 'text' },
      comment: false,
      githubToken: '',
      token: '',
      pullRequestPer: 'file',
      labels: '',
      lifecycleIssue: false,
      checkIssue: false,
      reviewedPlan: 'report',
    },
    reporter,
    { cacheService: service },
  )
  return {
    lines: reporter.lines,
    outputs: readOutputs(path.join(work, 'output')),
    requests: server.requests.slice(before),
    notModified: server.notModified.slice(notModified),
    exitCode: process.exitCode,
  }
}

describe('the upstream cache of command: update', () => {
  it('restores from the newest entry, saves under a new key per run, and a warm run costs only 304s', async () => {
    const cache = memoryCache()
    const dir = path.join(work, 'runner-temp', CACHE_DIR_NAME)
    const first = await job('100', async () => cache)
    expect(first.outputs).toMatchObject({ result: 'checked', 'newer-builds': '1', errors: '0' })
    expect(first.notModified).toEqual([])
    expect(cache.calls).toEqual([
      ['restore', [dir], `${CACHE_KEY_PREFIX}100-1`, [CACHE_KEY_PREFIX]],
      ['save', [dir], `${CACHE_KEY_PREFIX}100-1`],
    ])
    expect(first.lines).toContain('info no upstream cache yet: starting cold')

    cache.calls.length = 0
    const second = await job('101', async () => cache)
    expect(second.outputs).toEqual(first.outputs)
    expect(second.requests.length).toBe(first.requests.length)
    expect(second.notModified).toEqual(second.requests)
    expect(second.lines).toContain(`info upstream cache restored from ${CACHE_KEY_PREFIX}100-1`)
    // Every answer a 304: nothing new to save, the restored entry stays the newest.
    expect(cache.calls).toEqual([
      ['restore', [dir], `${CACHE_KEY_PREFIX}101-1`, [CACHE_KEY_PREFIX]],
    ])

    // Upstream moves on: the next run reads the changed listing and saves a new entry.
    ubuntu(
      'Ubuntu 24.04',
      '/noble',
      ['20260701/', '20260713/', '20260720/'],
      'current',
      'noble-server-cloudimg',
      '20260720',
    ).setup(server)
    cache.calls.length = 0
    const third = await job('102', async () => cache)
    expect(third.notModified).not.toContain('GET /noble/')
    expect(third.lines.some((l) => l.includes('20260720'))).toBe(true)
    expect(cache.calls.at(-1)).toEqual(['save', [dir], `${CACHE_KEY_PREFIX}102-1`])
    expect([...cache.entries.keys()]).toEqual([
      `${CACHE_KEY_PREFIX}100-1`,
      `${CACHE_KEY_PREFIX}102-1`,
    ])
    expect(third.lines.filter((l) => l.startsWith('warning'))).toEqual([])
  })

  it('a restored entry holding `etag: "*"` is not used, and the entry saved after holds only strong tags', async () => {
    // Issue 21, finding 6: `If-None-Match: *` matches any body, so a 304 would pin the forged one.
    const cache = memoryCache()
    const forged = { etag: '*', body: '<html><a href="20200101/">20200101/</a></html>' }
    cache.entries.set(
      `${CACHE_KEY_PREFIX}99-1`,
      JSON.stringify({ format: 1, entries: { [`GET ${server.url}/noble/`]: forged } }),
    )
    const r = await job('300', async () => cache)
    expect(r.lines).toContain(`info upstream cache restored from ${CACHE_KEY_PREFIX}99-1`)
    expect(r.lines.filter((l) => l.startsWith('warning'))).toEqual([
      expect.stringContaining('is not a cache this version wrote: ignored, starting cold'),
    ])
    expect(r.outputs).toMatchObject({ result: 'checked', 'newer-builds': '1', errors: '0' })
    const saved = JSON.parse(cache.entries.get(`${CACHE_KEY_PREFIX}300-1`) ?? '{}') as {
      entries: Record<string, { etag?: string }>
    }
    const tags = Object.values(saved.entries).map((e) => e.etag)
    expect(tags.length).toBeGreaterThan(0)
    for (const tag of tags) expect(tag).toMatch(/^"[^"*]+"$/)
  })

  it('a cache service that throws on restore and on save is a warning, never a failed update', async () => {
    const failing: ActionsCache = {
      restoreCache: async () => {
        throw new Error('cache service unavailable (503)')
      },
      saveCache: async () => {
        throw new Error('cache service unavailable (503)')
      },
    }
    const r = await job('200', async () => failing)
    expect(r.outputs).toMatchObject({ result: 'checked', 'newer-builds': '1', errors: '0' })
    expect(r.exitCode).toBe(0)
    const warnings = r.lines.filter((l) => l.startsWith('warning'))
    expect(warnings).toEqual([
      'warning cannot restore the upstream cache: cache service unavailable (503); starting cold',
      'warning cannot save the upstream cache: cache service unavailable (503); the next run starts cold',
    ])
  })

  it('a cache service that cannot even be loaded is a warning, and the update runs without a cache', async () => {
    const r = await job('300', async () => {
      throw new Error('Cannot find module @actions/cache')
    })
    expect(r.outputs).toMatchObject({ result: 'checked', errors: '0' })
    expect(r.lines).toContain(
      'warning the Actions cache is not available (Cannot find module @actions/cache): no upstream cache',
    )
    expect(server.conditional).toEqual([])
  })

  it('outside Actions (no runtime token, no cache service url) there is no cache at all', async () => {
    expect(await actionsCacheService()).toBeUndefined()
    process.env.ACTIONS_RUNTIME_TOKEN = 'not-a-real-token'
    expect(await actionsCacheService()).toBeUndefined()
    const session = await openUpstreamCache({ warn: () => {}, info: () => {} })
    expect(session).toBeUndefined()
    await job('400', actionsCacheService)
    await job('401', actionsCacheService)
    expect(server.conditional).toEqual([])
  })

  describe('with @actions/cache and a cache service that fails', () => {
    let service: Server
    let hits = 0
    beforeEach(async () => {
      hits = 0
      service = createServer((req, res) => {
        hits++
        req.resume()
        res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"message":"boom"}')
      })
      await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve))
      Object.assign(process.env, {
        ACTIONS_RUNTIME_TOKEN: 'runtime-token-of-the-test',
        ACTIONS_CACHE_URL: `http://127.0.0.1:${(service.address() as AddressInfo).port}/`,
      })
    })
    afterEach(async () => {
      vi.restoreAllMocks()
      service.closeAllConnections()
      await new Promise((resolve) => service.close(resolve))
    })

    it('the update still succeeds', async () => {
      // @actions/cache logs through its own @actions/core: workflow commands on stdout.
      let logged = ''
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        logged += String(chunk)
        return true
      })
      const real = await actionsCacheService()
      expect(real).toBeDefined()
      const r = await job('500', actionsCacheService)
      expect(r.outputs).toMatchObject({ result: 'checked', 'newer-builds': '1', errors: '0' })
      expect(r.exitCode).toBe(0)
      // It was asked: the restore (and the save) reached the loopback service.
      expect(hits).toBeGreaterThan(0)
      expect(logged).toContain('::warning::Failed to restore')
      expect(logged).not.toContain('runtime-token-of-the-test')
    }, 60_000)
  })
})
